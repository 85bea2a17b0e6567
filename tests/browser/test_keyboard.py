"""Keyboard only: the skip link works, focus is always visible, every control can be used."""

from __future__ import annotations

import re

import pytest
from pagetypes import SEARCH_QUERY, resolve

from generator import urls
from generator.labels import label
from generator.model import LANGS, Lang

pytestmark = pytest.mark.browser

MAX_TABS = 200

# What the focused element looks like, and why its focus would not be visible ("" = visible).
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return {where: "body", why: "focus fell back to the page itself"};
  }
  const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
  const where = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "") +
    (text ? " '" + text.slice(0, 40) + "'" : "");
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  let why = "";
  if (box.width < 1 || box.height < 1 || style.visibility === "hidden") {
    why = "the focused element cannot be seen";
  } else if (box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) {
    why = "the focused element is outside the viewport";
  } else if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) {
    // The site's ring is an outline (a11y.css); a box-shadow alone may be white on white.
    why = `no focus indicator (outline ${style.outlineStyle} ${style.outlineWidth})`;
  }
  return {where, why};
}"""


@pytest.fixture
def page(module_page):
    """Every test here opens its page afresh, so one shared page serves them all."""
    return module_page


def go(page, site_server: str, url: str, width: int = 1280) -> None:
    """Open a page at a width, with focus at the very start of the document."""
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto(site_server + url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"


def tab_to(page, selector: str, limit: int = MAX_TABS) -> int:
    """Press Tab until the focused element matches `selector`; the number of presses."""
    seen = []
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
        seen.append(page.evaluate(FOCUS_STATE)["where"])
    raise AssertionError(f"Tab never reached {selector!r}; focus went: {' > '.join(seen[:40])}")


def test_skip_link_comes_first_and_skips_to_content(page, built_site, site_server):
    """The first Tab shows the skip link; Enter on it puts the next Tab inside the content."""
    for lang in LANGS:
        go(page, site_server, resolve("story-with-translation", built_site, lang))
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        assert state["why"] == "", state
        assert page.evaluate("document.activeElement.textContent.trim()") == label(
            "skip_to_content", lang
        )
        target = page.evaluate("document.activeElement.hash").lstrip("#")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "id => document.getElementById(id).contains(document.activeElement)", target
        )
        assert inside, f"after the skip link, Tab went to {page.evaluate(FOCUS_STATE)['where']}"


@pytest.mark.parametrize(
    ("kind", "width"),
    [
        ("home", 1280),
        ("story-with-image", 1280),
        ("term", 1280),
        ("search-with-results", 1280),
        ("home", 360),
        ("story-with-translation", 360),
    ],
)
def test_focus_is_always_visible(page, built_site, site_server, kind: str, width: int):
    """Every Tab stop, start to end of the page, is on screen and shows a focus indicator."""
    go(page, site_server, resolve(kind, built_site, Lang.FI), width)
    if kind.startswith("search"):
        page.locator("[data-tori-search] ol li").first.wait_for()
    problems, stops = [], []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if stops and state["where"] in (stops[0], "body"):
            break  # wrapped round to the start (or out to the browser's own controls)
        stops.append(state["where"])
        if state["why"]:
            problems.append(f"{state['where']}: {state['why']}")
    assert len(stops) > 5, f"only {len(stops)} Tab stops: {stops}"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS, ids=str)
def test_language_switch_by_keyboard(page, built_site, site_server, lang: Lang):
    """The switch leads to the same story in the other language; a story with no version there
    leads to its page in that language, which says so at the top."""
    untranslated = resolve("story-without-translation", built_site, lang)
    slug = untranslated.rstrip("/").rsplit("/", 1)[1]
    cases = [
        ("story-with-translation", resolve("story-with-translation", built_site, lang.other)),
        ("story-without-translation", urls.story(slug, lang.other)),
    ]
    for kind, expected in cases:
        go(page, site_server, resolve(kind, built_site, lang))
        tab_to(page, f"header a[hreflang='{lang.other.value}']")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == site_server + expected, f"{kind}: switch led to {page.url}"
        assert page.evaluate("document.documentElement.lang") == lang.other.value
        if kind == "story-without-translation":
            note = page.locator("article .tori-notice").inner_text()
            assert note.startswith(label("only_in_other_language", lang.other)), note


# Where each header control is on the screen, in source (= Tab) order.
HEADER_BOXES = """() => Array.from(document.querySelectorAll(
    "header .tori-brand, header .tori-switch, header input[type=search]"))
  .map(el => { const b = el.getBoundingClientRect();
               return {name: el.className || el.type, top: Math.round(b.top), left: b.left}; })"""


@pytest.mark.parametrize("width", (360, 1280))
def test_header_focus_order_follows_the_visual_order(page, built_site, site_server, width: int):
    """Name, language switch, search box: Tab meets them in the order the eye reads them
    (rows top to bottom, each row left to right)."""
    go(page, site_server, resolve("story-with-translation", built_site, Lang.FI), width)
    boxes = page.evaluate(HEADER_BOXES)
    assert [b["name"] for b in boxes] == ["tori-brand", "tori-switch", "search"]
    rows: dict[int, list] = {}
    for b in boxes:  # controls whose tops are within 12 px stand on one row
        row = next((r for r in rows if abs(r - b["top"]) <= 12), b["top"])
        rows.setdefault(row, []).append(b)
    visual = [b["name"] for r in sorted(rows) for b in sorted(rows[r], key=lambda b: b["left"])]
    assert visual == [b["name"] for b in boxes], f"at {width} px the eye reads {visual}"
    tab_to(page, "header .tori-brand")
    tab_to(page, "header .tori-switch", limit=1)
    tab_to(page, "header input[type=search]", limit=1)


@pytest.mark.parametrize(
    ("lang", "box"),
    [(Lang.FI, "article input[type=search]"), (Lang.SV, "header input[type=search]")],
    ids=["fi-home-box", "sv-header-box"],
)
def test_search_by_keyboard(page, site_server, lang: Lang, box: str):
    """Type in a search box, Enter, Tab to a result, Enter: a story opens. (The home page's
    box is the only one there; other pages have the header's.)"""
    go(page, site_server, urls.home(lang) if box.startswith("article") else urls.stories(lang))
    tab_to(page, box)
    page.keyboard.type(SEARCH_QUERY)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(site_server + urls.search(lang))
    page.locator("[data-tori-search] ol li").first.wait_for()
    tab_to(page, "[data-tori-search] ol a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(site_server + urls.story("", lang).rstrip("/")), page.url


def test_search_filters_by_keyboard(page, site_server):
    """A filter is a select that arrow keys change; the results and the address follow it."""
    go(page, site_server, urls.search(Lang.FI))
    tab_to(page, "[data-tori-search] select")
    name = page.evaluate("document.activeElement.name")
    page.keyboard.press("ArrowDown")
    value = page.evaluate("document.activeElement.value")
    assert value, f"ArrowDown did not choose an option of the '{name}' filter"
    page.wait_for_url(re.compile(rf"[?&]{re.escape(name)}="))
    page.locator("[data-tori-search] ol li").first.wait_for()
    status = page.locator("[data-tori-search] [role=status]").inner_text()
    assert re.search(r"\d", status), f"the status line does not give a count: {status!r}"


@pytest.mark.parametrize("lang", LANGS, ids=str)
def test_pager_by_keyboard(page, built_site, site_server, lang: Lang):
    """Next and previous in the pager work from the keyboard."""
    first = resolve("term", built_site, lang)
    go(page, site_server, first)
    tab_to(page, "nav a[rel=next]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_server + urls.paged(first, lang, 2)
    tab_to(page, "nav a[rel=prev]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_server + first
