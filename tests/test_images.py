"""Tests for generator.images: the image file checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.images import image_problem
from generator.messages import Message


def english(problem: Message | None) -> str:
    return problem.render("en") if problem else ""


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("a.jpg", b"\xff\xd8\xff\xe0rest", ""),
    ("a.png", b"\x89PNG\r\n\x1a\nrest", ""),
    ("a.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", ""),
    ("a.svg", b'<?xml version="1.0"?>\n<svg/>', ""),
    ("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", ""),
    ("a.jpg", b"\x89PNG\r\n\x1a\n", "is not a JPEG file despite its name"),
    ("a.gif", b"GIF89a", "must be a JPEG, PNG, WebP or SVG image (.jpg, .png, .webp, .svg)"),
])
def test_image_problem_checks_type_by_name_and_content(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    file = tmp_path / name
    file.write_bytes(data)
    assert english(image_problem(file, tmp_path)) == problem


def test_image_outside_content_through_symlinked_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    content = tmp_path / "content"
    content.mkdir()
    (content / "images").symlink_to(outside)
    assert english(image_problem(content / "images" / "a.png", content)) == (
        "is a symbolic link; commit the image itself")
