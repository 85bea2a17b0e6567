"""The region map in Chromium: equal tiles in reading order (north to south, west to east),
reached by keyboard with a visible focus.

axe with the WCAG 2.2 AA tags and reflow at 320 px run on the statistics page and the regions
overview in test_accessibility, where both are page types.
"""

from __future__ import annotations

import pytest
from test_accessibility import HEIGHT, open_page

from generator import urls
from generator.model import LANGS, Lang

pytestmark = pytest.mark.browser

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
