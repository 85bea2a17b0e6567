"""Screenshots of the main page types at 360 px and 1280 px, for people to look at.

They go to test-artifacts/screenshots/ (ignored by git). The test also proves what a picture
can: the page is exactly as wide as the window (nothing sticks out sideways) and not blank.
"""

from __future__ import annotations

import struct
import zlib

import pytest
from pagetypes import REPO, SCREENSHOT_TYPES, SHARED_TYPES, resolve

from generator.model import LANGS, Lang

pytestmark = pytest.mark.browser

FOLDER = REPO / "test-artifacts" / "screenshots"
WIDTHS = (360, 1280)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def png_pixels(data: bytes) -> bytes:
    """The decompressed image data of a PNG (rows with their filter bytes)."""
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if kind == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    return zlib.decompress(b"".join(chunks))


CASES = [
    (kind, lang)
    for kind in SCREENSHOT_TYPES
    for lang in LANGS
    if kind not in SHARED_TYPES or lang is Lang.FI
]


@pytest.mark.parametrize(("kind", "lang"), CASES, ids=str)
def test_screenshot(page, built_site, site_server, kind: str, lang: Lang):
    """Full-page PNGs at both widths: as wide as the window, with something drawn."""
    url = resolve(kind, built_site, lang)
    FOLDER.mkdir(parents=True, exist_ok=True)
    page.goto(site_server + url, wait_until="load")
    if kind.startswith("search"):
        page.locator("[data-tori-search] ol li").first.wait_for()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        data = page.screenshot(path=FOLDER / f"{lang.value}-{kind}-{width}.png", full_page=True)
        got_width, height = png_size(data)
        assert got_width == width, f"{url} at {width} px is {got_width} px wide"
        assert height >= 300, f"{url} at {width} px is only {height} px tall"
        assert len(set(png_pixels(data)[: width * 4 * 400])) > 8, f"{url} looks blank"
