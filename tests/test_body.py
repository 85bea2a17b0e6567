"""Tests for generator.body: story bodies rendered once, sanitised, and every change a problem.

Hostile bodies are fixture stories, one per case: tests/fixtures/bodies/refused/ (tori check
refuses them with file and line) and tests/fixtures/bodies/inert/ (they pass and their markup
is shown as text). The browser half is tests/browser/test_bodies_browser.py.
"""

from __future__ import annotations

import datetime
import html as html_lib
import logging
import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort
from sitebuild import SITE_FIXTURE, build_site

from generator.body import ALLOWED, MAX_BYTES, MAX_DEPTH, URL_SCHEMES, render_body
from generator.loader import split_front_matter
from generator.taxonomy import load_vocabularies
from generator.validate import load_content, load_story

BODIES = Path(__file__).parent / "fixtures" / "bodies"
REFUSED = sorted(p.name.removesuffix(".fi.md") for p in (BODIES / "refused").glob("*.md"))
INERT = sorted(p.name.removesuffix(".fi.md") for p in (BODIES / "inert").glob("*.md"))
TODAY = datetime.date(2025, 6, 1)

# The body of every fixture starts on line 10 of its file.
ADDRESS = "address '{}' in {}= of <{}> is not allowed: use an http, https or mailto address, " \
          "or a relative one"
ATTRIBUTE = "attribute '{}' is not allowed on <{}> and would be removed"
ELEMENT = "HTML element <{}> is not allowed and would be removed"
EXPECTED: dict[str, list[tuple[int, str]]] = {
    "script-element": [(10, ELEMENT.format("script"))],
    # the checker of the old design blanked the backtick as a code span; the renderer does not
    "backtick-in-html-block": [(10, ELEMENT.format("div")),
                               (11, ATTRIBUTE.format("onerror", "img"))],
    # browsers end a comment at "<!-->", so the image after it would be live markup
    "comment-opened-as-arrow": [(12, ATTRIBUTE.format("onerror", "img"))],
    "cdata-section": [(10, "this HTML would be changed when the page is made safe (']]>' "
                           "appears); close every tag you open and write '&lt;' for a "
                           "literal '<'")],
    "reference-in-quote": [(12, ADDRESS.format("javascript:alert(1)", "href", "a"))],
    "reference-in-list-item": [(12, ADDRESS.format("javascript:alert(1)", "href", "a"))],
    "reference-split-over-lines": [(13, ADDRESS.format("javascript:alert(1)", "href", "a"))],
    "id-config": [(10, ATTRIBUTE.format("id", "span"))],
    "event-attribute-mixed-case": [(12, ATTRIBUTE.format("onmouseover", "b"))],
    "event-attribute-on-image": [(10, ATTRIBUTE.format("onerror", "img"))],
    "details-ontoggle": [(10, ATTRIBUTE.format("ontoggle", "details"))],
    "url-entity-encoded": [(10, ADDRESS.format("javascript:alert(1)", "href", "a"))],
    "url-mixed-case": [(10, ADDRESS.format("JaVaScRiPt:alert(1)", "href", "a"))],
    "url-tab-inside-scheme": [(10, ADDRESS.format("java\\tscript:alert(1)", "href", "a"))],
    "url-autolink": [(10, ADDRESS.format("javascript:alert(1)", "href", "a"))],
    "url-data-image": [(10, ADDRESS.format("data:image/svg+xml;base64,PHN2ZyBvbmxvY…",
                                           "src", "img"))],
    "url-vbscript": [(10, ADDRESS.format("vbscript:msgbox(1)", "href", "a"))],
    "url-image-javascript": [(10, ADDRESS.format("javascript:alert(1)", "src", "img"))],
    "svg-script": [(10, ELEMENT.format("script")), (10, ELEMENT.format("svg"))],
    "svg-onload": [(10, ELEMENT.format("svg"))],
    "mathml-link": [(10, ELEMENT.format("maction")), (10, ELEMENT.format("math"))],
    "base-element": [(10, ELEMENT.format("base"))],
    "meta-refresh": [(10, ELEMENT.format("meta"))],
    "form-formaction": [(10, ELEMENT.format("button")), (10, ELEMENT.format("form"))],
    "iframe-srcdoc": [(10, ELEMENT.format("iframe"))],
    "object-and-embed": [(10, ELEMENT.format("object")), (12, ELEMENT.format("embed"))],
    "style-element": [(10, ELEMENT.format("style"))],
    "style-attribute": [(10, ATTRIBUTE.format("style", "p"))],
    "noscript-differential": [(10, ELEMENT.format("noscript")), (10, ELEMENT.format("p"))],
    "heading-level-one": [(10, "headings in the body start at '##': '#' is the story's title")],
    "class-attribute": [(10, ATTRIBUTE.format("class", "p"))],
    "link-element": [(10, ELEMENT.format("link"))],
}

# Elements that run script, load another document or change how the page is read.
ACTIVE = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
          "style", "link", "meta", "base", "form", "input", "button", "textarea", "select",
          "template", "noscript", "xmp", "plaintext", "noembed", "portal"}
URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "data", "poster", "background",
             "xlink:href", "cite", "ping"}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_parts(html: str) -> list[str]:
    """Everything in HTML that could run script or load from an unsafe address (the invariant)."""
    if not html.strip():
        return []
    found = []
    for element in lxml.html.fragment_fromstring(html, create_parent="div").iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ACTIVE:
            found.append(f"<{element.tag}>")
        for name, value in element.attrib.items():
            if name.startswith("on") or name in ("style", "id", "class"):
                found.append(f"{name}= on <{element.tag}>")
            elif name in URL_ATTRS:
                target = _INVISIBLE.sub("", html_lib.unescape(value)).lower()
                scheme = target.split(":", 1)[0] if ":" in target.split("/", 1)[0] else ""
                if scheme and scheme not in URL_SCHEMES:
                    found.append(f"{name}={value!r}")
    return found


def fixture_body(folder: str, case: str) -> tuple[str, int]:
    """The body of a fixture story and the file line it starts on."""
    text = (BODIES / folder / f"{case}.fi.md").read_text(encoding="utf-8")
    split, _ = split_front_matter(text, case)
    assert split is not None
    return split.body, split.body_line


def test_every_refused_case_has_its_expectation() -> None:
    assert sorted(EXPECTED) == REFUSED


@pytest.mark.parametrize("case", REFUSED)
def test_refused_case_is_a_problem_with_line_and_its_output_is_inert(case: str) -> None:
    body, line = fixture_body("refused", case)
    result = render_body(body, line, f"content/stories/{case}.fi.md")
    assert [(p.line, p.field, p.message) for p in result.problems] == [
        (n, "body", text) for n, text in EXPECTED[case]]
    assert unsafe_parts(result.html) == []


@pytest.mark.parametrize("case", INERT)
def test_inert_case_passes_and_is_inert(case: str) -> None:
    body, line = fixture_body("inert", case)
    result = render_body(body, line, "s.md")
    assert result.problems == ()
    assert unsafe_parts(result.html) == []


def test_code_shows_markup_as_text() -> None:
    body, line = fixture_body("inert", "code-shows-markup")
    tree = lxml.html.fragment_fromstring(render_body(body, line, "s.md").html,
                                         create_parent="div")
    codes = [c.text_content() for c in tree.iter("code")]
    assert codes == ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                     "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n",
                     '<iframe src="javascript:alert(1)"></iframe>\n']
    assert ("Tekstinä <script>alert(1)</script> ja <b onclick=alert(1)> ja javascript:alert(1)."
            in tree.text_content())
    assert "Toimittajan muistiinpano" not in lxml.html.tostring(tree, encoding="unicode")


def test_the_github_dialect() -> None:
    body, line = fixture_body("inert", "github-dialect")
    tree = lxml.html.fragment_fromstring(render_body(body, line, "s.md").html,
                                         create_parent="div")
    assert tree.xpath("string(//ul/li/ul/li/ul/li)") == "taso 3"  # two spaces nest a list
    assert tree.xpath("//table/thead/tr/th/text()") == ["Vuosi", "Tulos"]
    assert tree.xpath("//td/s/text()") == ["hyvä"]
    assert not tree.xpath("//*[@style]")  # column alignment is not carried as a style
    assert tree.xpath("//a/@href") == ["http://www.hollola.fi", "https://www.hollola.fi/latu",
                                       "mailto:latu@hollola.fi"]
    assert tree.xpath("//abbr/@title") == ["Kuntatyönantajat"]
    assert tree.xpath("//span/@lang") == ["sv"]


def test_the_allow_list_keeps_no_id_style_class_or_event_attribute() -> None:
    attributes = set().union(*ALLOWED.values())
    assert not {"id", "style", "class"} & attributes
    assert not [a for a in attributes if a.startswith("on")]
    assert not ACTIVE & set(ALLOWED)
    assert "h1" not in ALLOWED and {"http", "https", "mailto"} == URL_SCHEMES


def test_relative_and_allowed_addresses_pass() -> None:
    body = ("[a](https://example.fi) [b](http://example.fi) [c](mailto:a@example.fi) "
            "[d](../muu/) [e](#kohta) ![f](/kuva.png)\n")
    result = render_body(body, 1, "s.md")
    assert result.problems == ()
    assert lxml.html.fragment_fromstring(result.html).xpath("//@href | //@src") == [
        "https://example.fi", "http://example.fi", "mailto:a@example.fi", "../muu/", "#kohta",
        "/kuva.png"]


def test_a_comment_is_left_out_without_a_problem() -> None:
    result = render_body("<!-- Kirjoita tarina tähän. -->\n\nTeksti.\n", 5, "s.md")
    assert (result.html.strip(), result.problems) == ("<p>Teksti.</p>", ())


def test_a_body_over_the_size_limit_is_one_problem_naming_the_file() -> None:
    body = "".join("  " * i + "- x\n" for i in range(600))  # 600 nested lists, ~360 kB
    assert len(body.encode()) > MAX_BYTES
    result = render_body(body, 9, "content/stories/iso.fi.md")
    assert [(p.path, p.line, p.message) for p in result.problems] == [
        ("content/stories/iso.fi.md", 9,
         f"is {len(body.encode()) // 1000} kB, more than the 50 kB a story body may have")]
    assert result.html == ""


def test_lists_and_quotes_nested_too_deep_are_a_problem_at_the_deepest_line() -> None:
    body = "Alku.\n\n" + "".join("  " * i + "- x\n" for i in range(MAX_DEPTH + 2))
    result = render_body(body, 10, "s.md")
    assert [(p.line, p.message) for p in result.problems] == [
        # the deepest list is the last line: body line 2 + MAX_DEPTH + 1, from file line 10
        (10 + 2 + MAX_DEPTH + 1, f"lists and quotes are nested {MAX_DEPTH + 2} levels deep, "
                                 f"more than the {MAX_DEPTH} allowed")]
    quotes = render_body("> " * 40 + "x\n", 1, "s.md")
    assert [p.message.split(",")[0] for p in quotes.problems] == [
        "lists and quotes are nested 40 levels deep"]


def test_lists_as_deep_as_allowed_pass() -> None:
    body = "".join("  " * i + "- x\n" for i in range(MAX_DEPTH))
    assert render_body(body, 1, "s.md").problems == ()


@pytest.mark.parametrize("body", [
    "<a " * 12_000,  # 36 kB of unclosed tags: 17 s in the old checker
    "[" * 40_000, "]" * 40_000, "![" * 20_000, "`" * 40_000, "<b>" * 15_000, "*a" * 20_000,
    "[a](" * 10_000, "<div>\n" + "<a " * 12_000, "<!--" * 10_000, "&#" * 20_000,
    "> " * 20_000, "- " * 20_000, ("x" * 200 + "\n") * 200,
])
def test_pathological_bodies_give_problems_or_html_not_exceptions(body: str) -> None:
    result = render_body(body, 1, "s.md")  # bounded by MAX_BYTES, MAX_DEPTH and MAX_SECONDS
    assert unsafe_parts(result.html) == []
    assert all(p.line >= 1 and p.field == "body" for p in result.problems)


_PIECES = st.sampled_from([
    *"<>/=\"'`~[]():!&#; \n\tabjsv*_-|", "<script>", "</script>", "javascript:", "JaVa&#83;cript:",
    "```", "](", "[x]: ", '<a href="', "<img src=x ", "onerror=", " onclick=", "&#106;", "data:",
    "<!--", "-->", "<!-->", "<![CDATA[", "]]>", "<svg>", "<math>", "<style>", "<noscript>",
    "<iframe ", "<base href=", "<form>", "<details open ontoggle=", "id=__config", "> ", "- ",
    "    ", "<div>\n", "\n\n", "www.example.fi", "https://a.fi", "<span lang=sv>", "<p style=",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_any_mix_renders_inert_and_its_problems_are_located(body: str) -> None:
    result = render_body(body, 5, "s.md")
    assert unsafe_parts(result.html) == []
    lines = body.count("\n") + 1
    for problem in result.problems:
        assert 5 <= problem.line < 5 + lines and problem.field == "body"
        assert "\n" not in problem.message


@pytest.fixture(scope="module")
def vocab():
    return load_vocabularies(Path(__file__).parent / "fixtures" / "vocab")[0]


@settings(max_examples=60, deadline=None)
@given(body=st.lists(_PIECES, min_size=1, max_size=40).map("".join))
def test_check_and_build_read_a_body_the_same_way(body: str, vocab, tmp_path_factory) -> None:
    content = tmp_path_factory.mktemp("content")
    file = content / "stories" / "kokeilu-tarina.fi.md"
    file.parent.mkdir()
    front = (BODIES / "inert" / "github-dialect.fi.md").read_text().split("\n\n", 1)[0]
    file.write_text(f"{front}\n\nTeksti.\n\n{body}\n", encoding="utf-8")
    loaded = load_story(file, content, vocab, TODAY)
    split, _ = split_front_matter(file.read_text(encoding="utf-8"), "x")
    rendered = render_body(split.body, split.body_line, loaded.path)
    assert [p for p in loaded.problems if p.field == "body"] == list(rendered.problems)
    if loaded.story is not None:  # the build shows exactly the HTML the check accepted
        assert loaded.story.body_html == rendered.html


def _site_with(tmp_path: Path, folder: str, cases: list[str]) -> Path:
    """The fixture site project with the given fixture stories added."""
    project = tmp_path / "site"
    shutil.copytree(SITE_FIXTURE, project)
    overrides = str(SITE_FIXTURE.parents[2] / "overrides")
    config = (SITE_FIXTURE / "mkdocs.yml").read_text().replace("../../../overrides", overrides)
    (project / "mkdocs.yml").write_text(config)
    for case in cases:
        shutil.copy(BODIES / folder / f"{case}.fi.md", project / "content" / "stories")
    return project


def test_the_build_fails_with_the_messages_of_the_check(tmp_path: Path, caplog) -> None:
    project = _site_with(tmp_path, "refused", REFUSED)
    checked = load_content(project / "content").problems
    expected = [f"content/stories/{case}.fi.md:{line}: body: {text}"
                for case in REFUSED for line, text in EXPECTED[case]]
    assert sorted(p.text() for p in checked) == sorted(expected)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project, tmp_path / "out")
    assert sorted(re.findall(r"content/stories/\S+: body: .*", caplog.text)) == sorted(expected)


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory) -> Path:
    project = _site_with(tmp_path_factory.mktemp("inert"), "inert", INERT)
    return build_site(project, tmp_path_factory.mktemp("inert-out"))


def test_built_story_pages_show_the_sanitised_body(inert_site: Path) -> None:
    for case in INERT:
        page = (inert_site / "fi" / "tarinat" / case / "index.html").read_text(encoding="utf-8")
        tree = lxml.html.fromstring(page)
        (body,) = tree.xpath("//div[@class='tori-body']")
        shown = "".join(lxml.html.tostring(child, encoding="unicode") for child in body)
        assert unsafe_parts(shown) == []
        assert body.xpath(".//script | .//*[@onerror or @onclick]") == []
        source, line = fixture_body("inert", case)
        assert render_body(source, line, "x").html.strip() in page
    code = lxml.html.fromstring((inert_site / "fi/tarinat/code-shows-markup/index.html")
                                .read_bytes())
    assert "<script>alert(1)</script>" in code.xpath("string(//div[@class='tori-body']//pre)")



@pytest.mark.parametrize("page", ["content/fi/tarinan-lisaaminen.md",
                                  "content/sv/lagg-till-en-berattelse.md"])
def test_the_submit_pages_list_exactly_the_allowed_elements(page: str) -> None:
    text = (Path(__file__).parents[1] / page).read_text(encoding="utf-8")
    section = re.search(r"\n## (?:Tarinan teksti|Berättelsens text)\n(.*?)\n## ", text, re.S)
    bullets = [line for line in section.group(1).splitlines() if line.startswith("- ")]
    listed = set(re.findall(r"`<([a-z0-9]+)", "\n".join(bullets)))
    if "h2" in listed and "h6" in listed:  # written as a range from <h2> to <h6>
        listed |= {"h3", "h4", "h5"}
    assert listed == set(ALLOWED)
