"""Tests for generator.images: the image file checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.images import image_problem, raster_kind


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("a.jpg", b"\xff\xd8\xff\xe0rest", ""),
    ("a.png", b"\x89PNG\r\n\x1a\nrest", ""),
    ("a.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", ""),
    ("a.svg", b'<?xml version="1.0"?>\n<svg/>', ""),
    ("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", ""),
    ("a.jpg", b"\x89PNG\r\n\x1a\n", "is not a JPEG file despite its name"),
    ("a.gif", b"GIF89a", "must be a JPEG, PNG, WebP or SVG image (.jpg, .png, .webp, .svg)"),
])
def test_image_problem_checks_type_by_name_and_content(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    file = tmp_path / name
    file.write_bytes(data)
    assert image_problem(file, tmp_path) == problem


def test_image_outside_content_through_symlinked_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    content = tmp_path / "content"
    content.mkdir()
    (content / "images").symlink_to(outside)
    assert image_problem(content / "images" / "a.png", content) == (
        "is a symbolic link; commit the image itself")


SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


@pytest.mark.parametrize(("data", "problem"), [
    (f'<svg {SVG}><rect fill="url(#g)"/><use href="#a"/><style>rect{{fill:red}}</style></svg>',
     ""),
    (f"<svg {SVG}><script>alert(1)</script></svg>",
     "is an SVG with a <script> element, which can run script"),
    (f'<svg {SVG} onload="alert(1)"/>', "is an SVG with an event attribute 'onload', which runs "
                                        "script"),
    (f'<svg {SVG}><a><animate ONclick="x"/></a></svg>',
     "is an SVG with an event attribute 'ONclick', which runs script"),
    (f"<svg {SVG}><foreignObject><p>x</p></foreignObject></svg>",
     "is an SVG with a <foreignObject> element, which can run script"),
    (f'<svg {SVG}><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
     "is an SVG that refers to 'javascript:alert(1)'; only '#' links inside it are allowed"),
    (f'<svg {SVG}><image href="https://evil.example/x.png"/></svg>',
     "is an SVG that refers to 'https://evil.example/x.png'; only '#' links inside it are "
     "allowed"),
    (f'<svg {SVG}><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
     "is an SVG whose <set> changes a link"),
    (f'<svg {SVG}><rect style="fill:url(https://evil.example/a)"/></svg>',
     "is an SVG whose 'style' loads an outside file (url())"),
    (f"<svg {SVG}><style>@import 'https://evil.example/a.css';</style></svg>",
     "is an SVG whose style loads an outside file (url() or @import)"),
    (f'<?xml-stylesheet href="https://evil.example/a.css"?><svg {SVG}/>',
     "is an SVG with a processing instruction <?xml-stylesheet?>, which loads a file"),
    (f'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg {SVG}>&a;</svg>',
     "is an SVG with entity declarations; save it without a DOCTYPE"),
    (f'<!DOCTYPE svg [<!ELEMENT svg ANY>]><svg {SVG}/>',
     "is an SVG with a DOCTYPE of its own; save it without one"),
    ("<html><body><script>alert(1)</script></body></html>", "is not an SVG file despite its name"),
    (f"<svg {SVG}>\n<rect>", "is not a well-formed SVG file: its XML breaks on line 2"),
])
def test_an_svg_is_accepted_only_when_it_is_inert(tmp_path: Path, data: str, problem: str) -> None:
    file = tmp_path / "kuva.svg"
    file.write_text(data, encoding="utf-8")
    assert image_problem(file, tmp_path) == problem


@pytest.mark.parametrize(("head", "kind"), [
    (b"\xff\xd8\xff\xdb", "jpeg"), (b"\x89PNG\r\n\x1a\n\x00", "png"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8L", "webp"), (b"<svg>", None), (b"GIF89a", None),
    (b"<html><script>", None),
])
def test_raster_images_are_recognised_by_their_bytes(head: bytes, kind: str | None) -> None:
    assert raster_kind(head) == kind


def test_markup_named_as_a_raster_image_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "kuva.png"
    file.write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>")
    assert image_problem(file, tmp_path) == "is not a PNG file despite its name"
