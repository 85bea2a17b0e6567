"""Read story, page, YAML and image files: safe reading, file names, front matter split off."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.problems import Problem

MAX_STORY_BYTES = 1_000_000
FILENAME_RE = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>fi|sv)\.md$")
_BOUNDARY = re.compile(r"^-{3,}\s*$")  # a front-matter fence line, as Jekyll and MkDocs read it


@dataclass(frozen=True)
class Split:
    """A story file split into its front matter and body."""

    front_matter: str
    fm_line: int  # line of the first front-matter line in the file
    body: str
    body_line: int


def split_front_matter(text: str, path: str) -> tuple[Split | None, list[Problem]]:
    """Split at the `---` lines that must open the file; a problem when they are missing."""
    lines = text.split("\n")
    if not lines or not _BOUNDARY.fullmatch(lines[0]):
        msg = "the file must start with a '---' line that opens the front matter"
        return None, [Problem(path, 1, "front matter", msg)]
    for index in range(1, len(lines)):
        if _BOUNDARY.fullmatch(lines[index]):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1:])
            return Split(front, 2, body, index + 2), []
    msg = "the front matter is not closed: add a '---' line after the last field"
    return None, [Problem(path, 1, "front matter", msg)]


def read_text(
    file: Path, path: str, limit: int = MAX_STORY_BYTES
) -> tuple[str | None, list[Problem]]:
    """A regular file's UTF-8 text (BOM dropped); symlinks, huge or binary files are problems."""
    try:
        info = os.lstat(file)
    except OSError as exc:
        return None, [Problem(path, 0, "file", f"cannot be read: {exc.strerror or exc}")]
    if stat.S_ISLNK(info.st_mode):
        return None, [Problem(path, 0, "file", "is a symbolic link; commit the file itself")]
    if stat.S_ISDIR(info.st_mode):
        return None, [Problem(path, 0, "file", "is a folder; a story must be a file")]
    if not stat.S_ISREG(info.st_mode):
        return None, [Problem(path, 0, "file", "is not a regular file")]
    if info.st_size > limit:
        return None, [Problem(path, 0, "file", f"is larger than {limit // 1_000_000} MB")]
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [Problem(path, 0, "file", f"cannot be read: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "file", "is not UTF-8 text; save it as UTF-8")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def printable(text: str) -> str:
    """Text safe to print on one line: control characters from content are shown escaped."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def parse_filename(name: str) -> tuple[str, str] | None:
    """The slug and language of a story file name, or None when it does not follow the rule."""
    match = FILENAME_RE.fullmatch(name)
    if not match or not 3 <= len(match["slug"]) <= 80:
        return None
    return match["slug"], match["lang"]
