"""Screenshots of the main page types at 360 px and 1280 px, for people to look at.

The accessibility test takes them while it has each page open at each width, into
test-artifacts/screenshots/ (ignored by git). Each one also proves what a picture can: the
page is exactly as wide as the window (nothing sticks out sideways) and not blank.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from pagetypes import REPO

FOLDER = REPO / "test-artifacts" / "screenshots"


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


def save_screenshot(page, name: str, width: int) -> Path:
    """A full-page PNG of the page as it is now; fails if it is wider than the window or blank."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"{name}-{width}.png"
    data = page.screenshot(path=path, full_page=True)
    got_width, height = png_size(data)
    assert got_width == width, f"{name} at {width} px is {got_width} px wide"
    assert height >= 300, f"{name} at {width} px is only {height} px tall"
    assert len(set(png_pixels(data)[: width * 4 * 400])) > 8, f"{name} at {width} px looks blank"
    return path
