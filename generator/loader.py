"""Read story, page, YAML and image files: safe reading, file names, front matter split off."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.messages import Message, msg
from generator.problems import Problem

MAX_STORY_BYTES = 1_000_000
FILENAME_RE = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>fi|sv)\.md$")
_BOUNDARY = re.compile(r"^-{3,}\s*$")  # a front-matter fence line, as Jekyll and MkDocs read it
# Places of problems that are not fields of the file, named in the editor's language.
FILE, FOLDER, FRONT_MATTER, BODY = (msg(f"where.{name}") for name in
                                    ("file", "folder", "front_matter", "body"))


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
        return None, [Problem(path, 1, FRONT_MATTER, msg("front_matter.not_opened"))]
    for index in range(1, len(lines)):
        if _BOUNDARY.fullmatch(lines[index]):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1:])
            return Split(front, 2, body, index + 2), []
    return None, [Problem(path, 1, FRONT_MATTER, msg("front_matter.not_closed"))]


def read_text(
    file: Path, path: str, limit: int = MAX_STORY_BYTES
) -> tuple[str | None, list[Problem]]:
    """A regular file's UTF-8 text (BOM dropped); symlinks, huge or binary files are problems."""
    try:
        info = os.lstat(file)
    except OSError as exc:
        return None, [_file_problem(path, msg("file.unreadable", reason=exc.strerror or str(exc)))]
    if stat.S_ISLNK(info.st_mode):
        return None, [_file_problem(path, msg("file.symlink"))]
    if stat.S_ISDIR(info.st_mode):
        return None, [_file_problem(path, msg("file.folder"))]
    if not stat.S_ISREG(info.st_mode):
        return None, [_file_problem(path, msg("file.not_regular"))]
    if info.st_size > limit:
        return None, [_file_problem(path, msg("file.too_large", mb=limit // 1_000_000))]
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [_file_problem(path, msg("file.unreadable", reason=exc.strerror or str(exc)))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, FILE, msg("file.not_utf8"))]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _file_problem(path: str, message: Message) -> Problem:
    """A problem with the file as a whole."""
    return Problem(path, 0, FILE, message)


def parse_filename(name: str) -> tuple[str, str] | None:
    """The slug and language of a story file name, or None when it does not follow the rule."""
    match = FILENAME_RE.fullmatch(name)
    if not match or not 3 <= len(match["slug"]) <= 80:
        return None
    return match["slug"], match["lang"]
