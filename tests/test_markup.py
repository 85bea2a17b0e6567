"""Tests for generator.markup: the raw-HTML allow-list and link targets of story bodies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.markup import ALLOWED_TAGS, check_body, unsafe_url, without_code


def found(body: str, body_line: int = 10) -> list[str]:
    return [f"{p.line}: {p.message_text('en')}" for p in check_body(body, body_line, "s.md")]


def test_plain_markdown_and_allowed_html_pass() -> None:
    body = ("Teksti **lihava** ja [linkki](https://example.fi/a_(b)).\n\n"
            '<abbr title="Kuntatyönantajat">KT</abbr> <img src="images/a.svg" alt="Kuva">\n'
            "<details open><summary>Lisää</summary><p>Piilossa</p></details>\n"
            '<table><tr><th scope="col">A</th><td colspan="2">B</td></tr></table>\n'
            "a < b ja c > d, <https://example.fi> ja <info@example.fi>\n<!-- kommentti -->\n"
            "[viite]: https://example.fi/viite\n")
    assert found(body) == []


@pytest.mark.parametrize("tag", ["script", "iframe", "style", "object", "embed", "form",
                                 "input", "svg", "math", "link", "meta", "base", "h1"])
def test_other_tags_are_refused_with_line(tag: str) -> None:
    assert found(f"Eka rivi.\n\n<{tag}>x</{tag}>\n") == [f"12: HTML tag <{tag}> is not allowed"]


def test_attributes() -> None:
    body = ('<p onclick="a()" ONMOUSEOVER="b()">x</p>\n<span style="color:red">y</span>\n'
            '<div data-x="1" class="ok">z</div>\n')
    assert found(body, 1) == [
        "1: event-handler attribute 'onclick' is not allowed",
        "1: event-handler attribute 'onmouseover' is not allowed",
        "2: style attributes are not allowed (on <span>)",
        "3: attribute 'data-x' is not allowed on <div>",
    ]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:x",
                                 "java\tscript:x", "&#106;avascript:x", "vbscript:x",
                                 "data:text/html;base64,PHNjcmlwdD4="])
def test_unsafe_urls(url: str) -> None:
    assert unsafe_url(url)


@pytest.mark.parametrize("url", ["https://example.fi", "mailto:a@example.fi", "images/a.png",
                                 "#kohta", "/fi/", "https://example.fi/javascript:x"])
def test_safe_urls(url: str) -> None:
    assert not unsafe_url(url)


def test_unsafe_targets_in_markdown_and_html() -> None:
    body = ("[a](javascript:alert(1))\n![b](data:image/png;base64,AAAA \"otsikko\")\n"
            "[c]: vbscript:msgbox\n<a href='javascript:x'>d</a>\n<javascript:alert(1)>\n")
    assert found(body, 1) == [
        "1: unsafe address 'javascript:alert(1)' in a link or image",
        "2: unsafe address 'data:image/png;base64,AAAA' in a link or image",
        "3: unsafe address 'vbscript:msgbox' in a link or image",
        "4: unsafe address 'javascript:x' in href= of <a>",
        "5: unsafe address 'javascript:alert(1)' in a link",
    ]


def test_code_blocks_and_spans_are_ignored() -> None:
    body = ("Näin: `<script>` ja ``<iframe> `x` ``.\n\n```html\n<script>alert(1)</script>\n"
            "[a](javascript:x)\n```\n\n~~~~\n<style>p{}</style>\n~~~~\n<script>\n")
    assert found(body, 1) == ["11: HTML tag <script> is not allowed"]


def test_unclosed_fence_hides_the_rest() -> None:
    assert without_code("a\n```\n<script>\n") == ["a", "", "", ""]


def test_allow_list_is_the_agreed_one() -> None:
    assert {"script", "iframe", "style", "h1"}.isdisjoint(ALLOWED_TAGS)
    assert {"a", "img", "table", "details", "h2", "h6"} <= ALLOWED_TAGS


_PIECES = st.sampled_from([*"<>/=\"'`~[]():!& \nabcjsv", "<script", "javascript:", "```", "](",
                           '<a href="', "&#106;", "data:", "<!--", "-->", "<![CDATA[", "<img "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_fuzz_any_body_gives_problems_not_exceptions(body: str) -> None:
    for problem in check_body(body, 5, "s.md"):
        assert problem.line >= 5 and problem.field_text("en") == "body"
        assert "\n" not in problem.message_text("en")


def test_broken_declaration_is_a_problem_not_a_crash() -> None:
    # Found by the fuzz test: html.parser raises AssertionError on "<![<".
    problems = check_body("Teksti.\n<![<", 10, "content/stories/x.fi.md")
    assert [(p.line, p.field_text("en")) for p in problems] == [(11, "body")]
    assert "malformed HTML declaration" in problems[0].message_text("en")
