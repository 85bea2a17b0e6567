"""Check a story's image file: a small JPEG, PNG or WebP by its bytes, or an SVG that is inert."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from generator.messages import Message, msg

MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_TYPES = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp", ".svg": "svg"}

# SVG elements that run script, embed another document, or point scripts at a link target.
_SVG_ACTIVE = frozenset({"script", "foreignObject", "handler", "listener", "iframe", "embed",
                         "object", "audio", "video"})
_ANIMATION = frozenset({"set", "animate", "animateMotion", "animateTransform", "discard"})
_URL = re.compile(r"url\(\s*(['\"]?)\s*([^)'\"]*)", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_comments=True)


def image_problem(file: Path, content_root: Path) -> Message | None:
    """What is wrong with an image file, or None when it is a small JPEG, PNG, WebP or safe SVG."""
    kind = IMAGE_TYPES.get(file.suffix.lower())
    if kind is None:
        return msg("image.bad_type")
    try:
        if file.is_symlink() or not file.resolve().is_relative_to(content_root.resolve()):
            return msg("image.symlink")
        if not file.is_file():
            return msg("image.missing")
        size = file.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return msg("image.too_large", size=size / 1024 / 1024)
        data = file.read_bytes()
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        return msg("image.unreadable", reason=getattr(exc, "strerror", None) or str(exc))
    if kind == "svg":
        return svg_problem(data)
    found = raster_kind(data[:16])
    return None if found == kind else msg("image.wrong_content", type=kind.upper())


def raster_kind(head: bytes) -> str | None:
    """The raster format a file's first bytes announce: "jpeg", "png", "webp" or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def svg_problem(data: bytes) -> Message | None:
    """What makes an SVG unsafe to publish on the site's own origin, or None when it is inert."""
    if b"<!ENTITY" in data.upper():
        return msg("image.svg_entities")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        return msg("image.svg_broken", line=error.lineno)
    if root.getroottree().docinfo.internalDTD is not None:
        return msg("image.svg_doctype")
    if etree.QName(root).localname != "svg":
        return msg("image.not_svg")
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    for node in [*outside, *root.iter()]:
        problem = _node_problem(node)
        if problem:
            return problem
    return None


def _node_problem(node: etree._Element) -> Message | None:
    """What is unsafe in one node of an SVG, or None."""
    if isinstance(node, etree._ProcessingInstruction):
        return msg("image.svg_instruction", target=node.target)
    if not isinstance(node.tag, str):
        return None
    name = etree.QName(node).localname
    if name in _SVG_ACTIVE:
        return msg("image.svg_active", name=name)
    if name in _ANIMATION and node.get("attributeName", "").split(":")[-1] == "href":
        return msg("image.svg_animation", name=name)
    if name == "style" and _external(node.text or ""):
        return msg("image.svg_style")
    for attribute, value in node.attrib.items():
        local = etree.QName(attribute).localname
        if local.lower().startswith("on"):
            return msg("image.svg_event", name=local)
        if local == "href" and not value.strip().startswith("#"):
            return msg("image.svg_href", value=value[:40])
        if _external(value):
            return msg("image.svg_url", name=local)
    return None


def _external(css: str) -> bool:
    """Whether CSS text imports or points url() at anything but a fragment of the same file."""
    if "@import" in css.lower():
        return True
    return any(not match.group(2).strip().startswith("#") for match in _URL.finditer(css))
