"""The statistics page and the region map in Chromium: WCAG 2.2 AA with axe, reflow at 320 px,
and a keyboard walk over the map's tiles in reading order (north to south, west to east).

The whole page is checked against WCAG 2.1 AA by test_accessibility (where this page is a page
type). Here the 2.2 rules run on everything but the site header, whose phone menu links are
still under 24 px tall (target size, 2.5.8): that is shared by every page and is being fixed
with the header itself, after which test_accessibility runs the 2.2 rules on every page.
"""

from __future__ import annotations

import pytest
from test_accessibility import AXE, HEIGHT, describe, horizontal_overflow, open_page

from generator import urls
from generator.model import LANGS, Kind, Lang

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PAGES = {
    "statistics": urls.statistics,
    "overview-regions": lambda lang: urls.overview(Kind.REGION, lang),
}
RUN_AXE = """tags => axe.run({exclude: [[".tori-header"]]}, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
})"""
TILES = """() => Array.from(document.querySelectorAll(".tori-tilemap__grid a")).map(a => {
    const box = a.getBoundingClientRect();
    return {text: a.textContent.replace(/\\s+/g, " ").trim(),
            top: Math.round(box.top + scrollY), left: Math.round(box.left), width: box.width,
            height: box.height};
})"""
FOCUSED = """() => { const el = document.activeElement;
    return {text: el.textContent.replace(/\\s+/g, " ").trim(),
            outline: getComputedStyle(el).outlineStyle,
            width: parseFloat(getComputedStyle(el).outlineWidth)}; }"""


def cases():
    return [(name, lang) for name in PAGES for lang in LANGS]


@pytest.mark.parametrize(("name", "lang"), cases(), ids=lambda v: str(v))
def test_wcag22_at_360_and_1280_and_no_sideways_scroll_at_320(module_page, site_server, name,
                                                              lang: Lang):
    url = PAGES[name](lang)
    page = module_page
    page.set_viewport_size({"width": 1280, "height": HEIGHT})
    open_page(page, site_server, url)
    page.add_script_tag(path=str(AXE))
    problems = []
    for width in (1280, 360, 320):
        page.set_viewport_size({"width": width, "height": HEIGHT})
        if width != 320 and (violations := page.evaluate(RUN_AXE, AXE_TAGS)["violations"]):
            problems.append(f"at {width} px:\n{describe(violations)}")
        if (overflow := horizontal_overflow(page)) > 0:
            problems.append(f"at {width} px the page scrolls sideways by {overflow} px")
    assert not problems, f"{url}\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("lang", LANGS, ids=str)
def test_map_tiles_are_equal_in_reading_order_and_reached_by_keyboard(module_page, site_server,
                                                                      lang: Lang, width: int):
    page = module_page
    page.set_viewport_size({"width": width, "height": HEIGHT})
    open_page(page, site_server, urls.statistics(lang))
    tiles = page.evaluate(TILES)
    assert len(tiles) >= 10  # regions with a page; all 19 when empty regions have pages too
    # One size for every tile, and the DOM order is the picture's order: row by row, north first.
    assert {(round(t["width"]), round(t["height"])) for t in tiles} == {
        (round(tiles[0]["width"]), round(tiles[0]["height"]))}
    assert [(t["top"], t["left"]) for t in tiles] == sorted((t["top"], t["left"]) for t in tiles)
    assert tiles[0]["top"] < tiles[-1]["top"]
    # Tab from the map's heading: focus goes through the tiles in that order, visibly.
    page.evaluate("() => { const h = document.getElementById('tori-map'); h.tabIndex = -1; "
                  "h.focus(); }")
    for tile in tiles:
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["text"] == tile["text"]
        assert focused["outline"] != "none" and focused["width"] >= 2
