"""Check a story's image file: JPEG, PNG, WebP or SVG by name and by content, small, no symlink."""

from __future__ import annotations

from pathlib import Path

from generator.messages import Message, msg

MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_TYPES = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp", ".svg": "svg"}


def image_problem(file: Path, content_root: Path) -> Message | None:
    """What is wrong with an image file, or None when it is a small JPEG, PNG, WebP or SVG."""
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
        with file.open("rb") as handle:
            head = handle.read(512)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        return msg("image.unreadable", reason=getattr(exc, "strerror", None) or str(exc))
    return None if _looks_like(kind, head) else msg("image.wrong_content", type=kind.upper())


def _looks_like(kind: str, head: bytes) -> bool:
    """Whether a file's first bytes match its image type."""
    if kind == "jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if kind == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return b"<svg" in head or (head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"))
