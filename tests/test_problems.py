"""Tests for generator.problems: problem lines, GitHub annotations, suggestions, failing once."""

from __future__ import annotations

import pytest

from generator.problems import ContentError, Problem, format_problems, suggest

P = Problem("content/stories/hollola-latu.fi.md", 7, "categories[1]",
            "unknown category 'digitalisointi'", "did you mean 'digitalisaatio'?")


def test_text_is_the_contract_line() -> None:
    assert P.text() == ("content/stories/hollola-latu.fi.md:7: categories[1]: unknown category "
                        "'digitalisointi'; did you mean 'digitalisaatio'?")


def test_text_without_line_or_hint() -> None:
    assert Problem("content/x.md", 0, "file", "not found").text() == "content/x.md: file: not found"


def test_github_annotation_escapes_properties_and_data() -> None:
    problem = Problem("a,b:c.md", 3, "links[0].url", "50% bad\nsecond line")
    assert problem.github() == (
        "::error file=a%2Cb%3Ac.md,line=3,title=links[0].url::50%25 bad%0Asecond line")
    assert P.github().startswith("::error file=content/stories/hollola-latu.fi.md,line=7,"
                                 "title=categories[1]::unknown category")
    assert "line=" not in Problem("x", 0, "f", "m").github()


def test_problems_sort_by_path_then_line() -> None:
    a = Problem("content/a.md", 9, "title", "x")
    b = Problem("content/b.md", 1, "title", "x")
    c = Problem("content/a.md", 10, "date", "x")
    assert sorted([b, c, a]) == [a, c, b]


def test_format_problems_sorts_and_removes_duplicates() -> None:
    a = Problem("content/a.md", 2, "f", "m")
    b = Problem("content/a.md", 1, "f", "m")
    assert format_problems([a, b, a]) == "content/a.md:1: f: m\ncontent/a.md:2: f: m"
    assert format_problems([a], "github") == "::error file=content/a.md,line=2,title=f::m"
    assert format_problems([]) == ""


@pytest.mark.parametrize(("word", "hint"), [
    ("catgories", "did you mean 'categories'?"),
    ("digitalisointi", "did you mean 'digitalisaatio'?"),
    ("zzzz", ""),
])
def test_suggest(word: str, hint: str) -> None:
    assert suggest(word, ["categories", "digitalisaatio", "title"]) == hint


def test_content_error_collects_all_problems_once() -> None:
    a = Problem("content/a.md", 2, "f", "m")
    error = ContentError([a, P, a])
    assert error.problems == (a, P)  # sorted, de-duplicated
    assert str(error).startswith("2 problems in content:\n")
    assert str(ContentError([a])) == "1 problem in content:\ncontent/a.md:2: f: m"
