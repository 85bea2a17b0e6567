"""Check a story's image file: JPEG, PNG, WebP or SVG by name and by content, small, no symlink."""

from __future__ import annotations

from pathlib import Path

MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_TYPES = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp", ".svg": "svg"}


def image_problem(file: Path, content_root: Path) -> str:
    """What is wrong with an image file, or "" when it is a small JPEG, PNG, WebP or SVG."""
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
        with file.open("rb") as handle:
            head = handle.read(512)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        return f"cannot be read: {getattr(exc, 'strerror', None) or exc}"
    return "" if _looks_like(kind, head) else f"is not a {kind.upper()} file despite its name"


def _looks_like(kind: str, head: bytes) -> bool:
    """Whether a file's first bytes match its image type."""
    if kind == "jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if kind == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return b"<svg" in head or (head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"))
