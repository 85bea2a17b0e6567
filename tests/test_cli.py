"""Tests for generator.cli: `tori check` and `tori new`, exit codes and output streams."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.frontmatter import FIELDS
from generator.model import Lang

FIXTURES = Path(__file__).parent / "fixtures"
REAL_TAXONOMIES = Path(__file__).parent.parent / "content" / "taxonomies"


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The valid fixture content as ./content in a temporary working folder."""
    shutil.copytree(FIXTURES / "vocab" / "taxonomies", tmp_path / "content" / "taxonomies")
    shutil.copytree(FIXTURES / "valid" / "stories", tmp_path / "content" / "stories")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def test_check_clean_exits_0_with_summary(content: Path, capsys) -> None:
    assert cli.main(["check"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("tori check: no problems; stories checked: 3 in Finnish, 1 in Swedish; "
                   "17 vocabulary terms\n")


def test_check_problems_exit_1_one_line_each(content: Path, capsys) -> None:
    story = content / "stories" / "lieksa-etapalvelut.fi.md"
    story.write_bytes(story.read_bytes().replace(b"digitalisaatio", b"digitalisointi")
                      .replace(b"title:", b"titel:"))
    assert cli.main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "content/stories/lieksa-etapalvelut.fi.md:1: title: required field is missing",
        "content/stories/lieksa-etapalvelut.fi.md:2: titel: unknown field; did you mean 'title'?",
        "content/stories/lieksa-etapalvelut.fi.md:7: categories: unknown category "
        "'digitalisointi'; did you mean 'digitalisaatio'?",
    ]
    assert err == "tori check: 3 problems in 1 file\n"


def test_check_reports_content_pages_with_the_stories(content: Path, capsys) -> None:
    story = content / "stories" / "lieksa-etapalvelut.fi.md"
    story.write_bytes(story.read_bytes().replace(b"title:", b"titel:"))
    (content / "sv").mkdir()
    (content / "sv" / "om-tjansten.md").write_text(
        "---\ntitle: Om tjänsten\ndescription: [Vad\nkey: about\n---\n\nText.\n",
        encoding="utf-8")
    assert cli.main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "content/stories/lieksa-etapalvelut.fi.md:1: title: required field is missing",
        "content/stories/lieksa-etapalvelut.fi.md:2: titel: unknown field; did you mean 'title'?",
        "content/sv/om-tjansten.md:4: front matter: not valid YAML: "
        "did not find expected ',' or ']'",
    ]
    assert err == "tori check: 3 problems in 2 files\n"


def test_check_github_format(content: Path, capsys) -> None:
    story = content / "stories" / "vantaa-luonnos.fi.md"
    story.write_text(story.read_text().replace("draft: true", "draft: kyllä"))
    assert cli.main(["check", "--format", "github", str(story)]) == 1
    out, _ = capsys.readouterr()
    assert out == ("::error file=content/stories/vantaa-luonnos.fi.md,line=8,title=draft::"
                   "must be true or false\n")


def test_check_given_paths_only(content: Path, capsys) -> None:
    (content / "stories" / "rikki-tarina.fi.md").write_text("no front matter")
    assert cli.main(["check", "content/stories/hollola-latu.fi.md"]) == 0
    assert "1 in Finnish, 0 in Swedish" in capsys.readouterr().err
    assert cli.main(["check"]) == 1


def test_check_other_content_folder(content: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(content / "stories")
    assert cli.main(["check", "--content", str(content)]) == 0


@pytest.mark.parametrize("argv", [[], ["check", "--format", "xml"], ["frobnicate"],
                                  ["new", "x-y-z"], ["check", "--content", "puuttuu"]])
def test_cannot_run_exits_2(content: Path, argv: list[str], capsys) -> None:
    assert cli.main(argv) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_missing_content_folder_message(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check"]) == 2
    assert capsys.readouterr().err == (
        "tori check: content folder 'content' not found; run in the project folder or give "
        "--content DIR\n")


def test_os_error_becomes_exit_2(content: Path, monkeypatch, capsys) -> None:
    def broken(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "content/stories")

    monkeypatch.setattr(cli, "load_content", broken)
    assert cli.main(["check"]) == 2
    assert capsys.readouterr().err == "tori check: Permission denied: content/stories\n"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_new_writes_every_field_explained(content: Path, lang: str, capsys) -> None:
    assert cli.main(["new", "uusi-tarina", "--lang", lang]) == 0
    file = content / "stories" / f"uusi-tarina.{lang}.md"
    assert capsys.readouterr().out == f"{Path('content') / 'stories' / file.name}\n"
    text = file.read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert list(yaml.safe_load(front)) == list(FIELDS)
    lines = front.splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^[a-z_]+:", line):
            assert lines[index - 1].startswith("#"), f"{line} has no explanation above it"


def test_new_template_fails_check_until_filled(content: Path, capsys) -> None:
    cli.main(["new", "uusi-tarina", "--lang", "fi"])
    capsys.readouterr()
    assert cli.main(["check", "content/stories/uusi-tarina.fi.md"]) == 1
    fields = [line.split(": ")[1] for line in capsys.readouterr().out.splitlines()]
    assert fields == ["title", "summary", "date", "organisation", "municipalities",
                      "categories", "body"]


FILLED = {
    "title": '"Ladut kuntoon yhdessä kylien kanssa"',
    "summary": '"Liikuntapalvelut kunnosti ladut yhdessä kyläyhdistysten kanssa."',
    "date": "2024-03-01",
    "organisation": "Hollolan kunta",
    "municipalities": "[hollola]",
    "categories": "[yhteistyo, tyohyvinvointi]",
    "sectors": "[kulttuuri-ja-vapaa-aika]",
    "awards": "[2019-innostavat-teot]",
    "tags": "[latu, talkoot]",
    "  name": '"Maija Meikäläinen"',
    "  email": "maija.meikalainen@example.fi",
}


@pytest.mark.parametrize("lang", list(Lang))
def test_filled_template_passes_against_the_real_vocabularies(
    content: Path, lang: Lang, capsys
) -> None:
    shutil.rmtree(content / "taxonomies")
    shutil.copytree(REAL_TAXONOMIES, content / "taxonomies")
    assert cli.main(["new", "hollola-ladut", "--lang", lang.value]) == 0
    file = content / "stories" / f"hollola-ladut.{lang.value}.md"
    text = file.read_text(encoding="utf-8")
    for name, value in FILLED.items():
        text, count = re.subn(rf"^{name}: .*$", f"{name}: {value}", text, flags=re.M)
        assert count == 1, name
    text = re.sub(r"<!--.*?-->", "Ladut kunnostettiin talkoilla.", text, flags=re.S)
    file.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["check", str(file)]) == 0, capsys.readouterr().out


def test_new_refuses_to_overwrite(content: Path, capsys) -> None:
    before = (content / "stories" / "hollola-latu.fi.md").read_bytes()
    assert cli.main(["new", "hollola-latu", "--lang", "fi"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (content / "stories" / "hollola-latu.fi.md").read_bytes() == before


@pytest.mark.parametrize("slug", ["Hollola", "ab", "hollola--latu", "hollola_latu", "x-y-",
                                  "ä-tarina", "x" * 81])
def test_new_refuses_invalid_slug(content: Path, slug: str, capsys) -> None:
    assert cli.main(["new", slug, "--lang", "sv"]) == 2
    assert f"'{slug}' is not a valid slug" in capsys.readouterr().err
    assert not list((content / "stories").glob(f"*{slug}*"))


def test_new_needs_a_stories_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    assert cli.main(["new", "uusi-tarina", "--lang", "fi"]) == 2
    assert "not found" in capsys.readouterr().err
