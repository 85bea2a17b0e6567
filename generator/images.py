"""Check a story's image file: a small JPEG, PNG or WebP by its bytes, or an SVG that is inert."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_TYPES = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp", ".svg": "svg"}

# SVG elements that run script, embed another document, or point scripts at a link target.
_SVG_ACTIVE = frozenset({"script", "foreignObject", "handler", "listener", "iframe", "embed",
                         "object", "audio", "video"})
_ANIMATION = frozenset({"set", "animate", "animateMotion", "animateTransform", "discard"})
_URL = re.compile(r"url\(\s*(['\"]?)\s*([^)'\"]*)", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_comments=True)


def image_problem(file: Path, content_root: Path) -> str:
    """What is wrong with an image file, or "" when it is a small JPEG, PNG, WebP or safe SVG."""
    kind = IMAGE_TYPES.get(file.suffix.lower())
    if kind is None:
        return "must be a JPEG, PNG, WebP or SVG image (.jpg, .png, .webp, .svg)"
    try:
        if file.is_symlink() or not file.resolve().is_relative_to(content_root.resolve()):
            return "is a symbolic link; commit the image itself"
        if not file.is_file():
            return "was not found in content/stories/images/"
        size = file.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return f"is larger than 2 MB ({size / 1024 / 1024:.1f} MB)"
        data = file.read_bytes()
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        return f"cannot be read: {getattr(exc, 'strerror', None) or exc}"
    if kind == "svg":
        return svg_problem(data)
    found = raster_kind(data[:16])
    return "" if found == kind else f"is not a {kind.upper()} file despite its name"


def raster_kind(head: bytes) -> str | None:
    """The raster format a file's first bytes announce: "jpeg", "png", "webp" or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def svg_problem(data: bytes) -> str:
    """What makes an SVG unsafe to publish on the site's own origin, or "" when it is inert."""
    if b"<!ENTITY" in data.upper():
        return "is an SVG with entity declarations; save it without a DOCTYPE"
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        return f"is not a well-formed SVG file: its XML breaks on line {error.lineno}"
    if root.getroottree().docinfo.internalDTD is not None:
        return "is an SVG with a DOCTYPE of its own; save it without one"
    if etree.QName(root).localname != "svg":
        return "is not an SVG file despite its name"
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    for node in [*outside, *root.iter()]:
        problem = _node_problem(node)
        if problem:
            return problem
    return ""


def _node_problem(node: etree._Element) -> str:
    """What is unsafe in one node of an SVG, or ""."""
    if isinstance(node, etree._ProcessingInstruction):
        return f"is an SVG with a processing instruction <?{node.target}?>, which loads a file"
    if not isinstance(node.tag, str):
        return ""
    name = etree.QName(node).localname
    if name in _SVG_ACTIVE:
        return f"is an SVG with a <{name}> element, which can run script"
    if name in _ANIMATION and node.get("attributeName", "").split(":")[-1] == "href":
        return f"is an SVG whose <{name}> changes a link"
    if name == "style" and _external(node.text or ""):
        return "is an SVG whose style loads an outside file (url() or @import)"
    for attribute, value in node.attrib.items():
        local = etree.QName(attribute).localname
        if local.lower().startswith("on"):
            return f"is an SVG with an event attribute '{local}', which runs script"
        if local == "href" and not value.strip().startswith("#"):
            return f"is an SVG that refers to '{value[:40]}'; only '#' links inside it are allowed"
        if _external(value):
            return f"is an SVG whose '{local}' loads an outside file (url())"
    return ""


def _external(css: str) -> bool:
    """Whether CSS text imports or points url() at anything but a fragment of the same file."""
    if "@import" in css.lower():
        return True
    return any(not match.group(2).strip().startswith("#") for match in _URL.finditer(css))
