"""Tests for generator.loader: front-matter split, safe file reading, file names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loader import parse_filename, read_text, split_front_matter


def texts(problems) -> list[str]:
    return [p.text("en") for p in problems]


def test_split_front_matter_reports_body_line() -> None:
    split, problems = split_front_matter("---\ntitle: x\n---\n\nTeksti\n", "f.md")
    assert problems == []
    assert (split.front_matter, split.fm_line, split.body, split.body_line) == (
        "title: x", 2, "\nTeksti\n", 4)


@pytest.mark.parametrize(("text", "message"), [
    ("title: x\n", "the file must start with a '---' line that opens the front matter"),
    ("\n---\ntitle: x\n---\n", "the file must start with a '---' line that opens the front matter"),
    ("---\ntitle: x\n", "the front matter is not closed: add a '---' line after the last field"),
    ("", "the file must start with a '---' line that opens the front matter"),
])
def test_split_front_matter_problems(text: str, message: str) -> None:
    split, problems = split_front_matter(text, "f.md")
    assert split is None
    assert texts(problems) == [f"f.md:1: front matter: {message}"]


def test_read_text_drops_bom_and_normalises_newlines(tmp_path: Path) -> None:
    file = tmp_path / "a.md"
    file.write_bytes(b"\xef\xbb\xbf---\r\nx: 1\r\n")
    assert read_text(file, "a.md") == ("---\nx: 1\n", [])


def test_read_text_refuses_non_utf8_with_line(tmp_path: Path) -> None:
    file = tmp_path / "a.md"
    file.write_bytes(b"---\ntitle: Hyv\xe4\n")
    text, problems = read_text(file, "a.md")
    assert text is None
    assert texts(problems) == ["a.md:2: file: is not UTF-8 text; save it as UTF-8"]


def test_read_text_refuses_symlinks_folders_and_big_files(tmp_path: Path) -> None:
    target = tmp_path / "target.md"
    target.write_text("x")
    (tmp_path / "link.md").symlink_to(target)
    (tmp_path / "dir.md").mkdir()
    (tmp_path / "big.md").write_bytes(b"x" * 101)
    assert texts(read_text(tmp_path / "link.md", "l")[1]) == [
        "l: file: is a symbolic link; commit the file itself"]
    assert texts(read_text(tmp_path / "dir.md", "d")[1]) == [
        "d: file: is a folder; a story must be a file"]
    assert read_text(tmp_path / "big.md", "b", limit=100)[0] is None
    assert read_text(tmp_path / "missing.md", "m")[1][0].message_text("en").startswith(
        "cannot be read")


@pytest.mark.parametrize(("name", "parsed"), [
    ("hollola-latu.fi.md", ("hollola-latu", "fi")),
    ("a1b.sv.md", ("a1b", "sv")),
    ("ab.fi.md", None),
    ("Hollola.fi.md", None),
    ("hollola--latu.fi.md", None),
    ("hollola-latu.en.md", None),
    ("hollola-latu.md", None),
    ("x" * 81 + ".fi.md", None),
])
def test_parse_filename(name: str, parsed) -> None:
    assert parse_filename(name) == parsed
