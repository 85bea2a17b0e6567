"""Tests of generator/content_pages.py: the content pages' front matter, read as the stories' is."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content_pages import ContentPage, load_page, load_pages, page_files
from generator.model import Lang

ROOT = Path(__file__).resolve().parents[1]
GOOD = "---\ntitle: Tietoa palvelusta\ndescription: Mikä Tekojen tori on.\nkey: about\n---\n\nX\n"


def write(content: Path, source: str, text: str | bytes) -> Path:
    """A content page at content/<source>."""
    file = content / source
    file.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        file.write_bytes(text)
    else:
        file.write_text(text, encoding="utf-8")
    return file


def problems_of(tmp_path: Path, text: str | bytes) -> list[str]:
    """The problems of one page content/fi/sivu.md holding `text`, as `tori check` prints them."""
    content = tmp_path / "content"
    page, problems = load_page(write(content, "fi/sivu.md", text), content)
    assert (page is None) == bool(problems)
    return [problem.text() for problem in problems]


def test_a_good_page_gives_its_three_fields(tmp_path):
    content = tmp_path / "content"
    page, problems = load_page(write(content, "fi/tietoa.md", GOOD), content)
    assert problems == []
    assert page == ContentPage(Lang.FI, "fi/tietoa.md", "about", "Tietoa palvelusta",
                               "Mikä Tekojen tori on.", key_line=4)


def test_the_sites_own_pages_load_in_both_languages_with_the_same_keys():
    pages, problems = load_pages(ROOT / "content")
    assert problems == []
    keys = {lang: sorted(p.key for p in pages if p.lang is lang) for lang in Lang}
    assert keys[Lang.FI] == keys[Lang.SV] == sorted(
        ["home", "about", "submit", "sources", "data", "accessibility"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Otsikko\n", ["content/fi/sivu.md:1: front matter: the file must start with a '---' line "
                   "that opens the front matter"]),
    ("---\ntitle: A\n", ["content/fi/sivu.md:1: front matter: the front matter is not closed: "
                         "add a '---' line after the last field"]),
    ("---\ntitle: [auki\ndescription: D\nkey: a\n---\n",
     ["content/fi/sivu.md:3: front matter: not valid YAML: did not find expected ',' or ']'"]),
    ("---\ntitle: 2024\ndescription: D\nkey: about\n---\n",
     ["content/fi/sivu.md:2: title: must be text, not a number; put it in quotes"]),
    ("---\ntitle: T\ndescription: |\n  kaksi\n  riviä\nkey: about\n---\n",
     ["content/fi/sivu.md:3: description: must be on one line"]),
    ("---\ntitle: T\nkey: About us\n---\n",
     ["content/fi/sivu.md:1: description: required field is missing",
      "content/fi/sivu.md:3: key: 'About us' must be lowercase letters a-z, digits and hyphens, "
      "starting with a letter, e.g. 'about'"]),
    ("---\ntitel: T\ntitle: T\ndescription: D\nkey: about\n---\n",
     ["content/fi/sivu.md:2: titel: unknown field on a content page; did you mean 'title'?"]),
    ("---\n- title\n---\n",
     ["content/fi/sivu.md:2: front matter: must be fields written 'name: value', not a list"]),
    ("---\ntitle: &t T\ndescription: *t\nkey: about\n---\n",
     ["content/fi/sivu.md:3: description: YAML aliases are not allowed: write the value out"]),
    (b"---\ntitle: \xe4\n---\n",
     ["content/fi/sivu.md:2: file: is not UTF-8 text; save it as UTF-8"]),
])
def test_a_broken_page_is_reported_like_a_story(tmp_path, text, expected):
    assert problems_of(tmp_path, text) == expected


def test_a_symlinked_page_is_refused(tmp_path):
    target = write(tmp_path, "elsewhere.md", GOOD)
    link = tmp_path / "content" / "fi" / "linkki.md"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    page, problems = load_page(link, tmp_path / "content")
    assert page is None
    assert [p.text() for p in problems] == [
        "content/fi/linkki.md: file: is a symbolic link; commit the file itself"]


def test_two_pages_of_a_language_may_not_share_a_key(tmp_path):
    content = tmp_path / "content"
    write(content, "fi/a.md", GOOD)
    write(content, "fi/b.md", GOOD)
    write(content, "sv/om.md", GOOD.replace("Tietoa palvelusta", "Om tjänsten"))
    pages, problems = load_pages(content)
    assert [p.source for p in pages] == ["fi/a.md", "fi/b.md", "sv/om.md"]
    assert [p.text() for p in problems] == [
        "content/fi/b.md:4: key: 'about' is already the key of content/fi/a.md; "
        "each page of a language needs its own key"]


def test_every_page_of_every_folder_is_found_and_all_problems_collected(tmp_path):
    content = tmp_path / "content"
    write(content, "fi/a.md", "no front matter\n")
    write(content, "fi/alakansio/b.markdown", "---\ntitle: [\n---\n")
    write(content, "fi/.piilossa.md", "ignored as MkDocs ignores it\n")
    write(content, "fi/kuva.svg", "<svg/>")
    write(content, "stories/x.fi.md", "a story, not a content page\n")
    write(content, "sv/c.md", GOOD)
    assert [f.relative_to(content).as_posix() for f in page_files(content)] == [
        "fi/a.md", "fi/alakansio/b.markdown", "sv/c.md"]
    pages, problems = load_pages(content)
    assert [p.source for p in pages] == ["sv/c.md"]
    assert [(p.path, p.line) for p in problems] == [("content/fi/a.md", 1),
                                                    ("content/fi/alakansio/b.markdown", 3)]
