"""What `mkdocs serve` does differently: a rebuild rewrites only the files that changed.

MkDocs empties the site folder before every build and writes every page and file again. On a
busy disk each file operation of the preview's tens of thousands costs milliseconds, so a
rebuild after a one-story edit took longer than the first build. The preview instead keeps
the previous build's files in place: before MkDocs cleans, the top-level entries are hidden
(MkDocs leaves names starting with a dot alone) and they come back right after; a page or
file whose content key is the one written last time is not written again (MkDocs skips a
page whose output is empty), and files the new build no longer has are removed at its end.
`mkdocs build` is untouched: it always starts from an empty folder.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Container, Iterable
from pathlib import Path

from generator.build_cache import digest

HIDDEN = ".tori-kept-"
SKIPPED = "Page skipped: '"  # MkDocs' message for a page with empty output


class Preview:
    """The files of the last preview build by destination path, with their content keys."""

    def __init__(self) -> None:
        self.previous: dict[str, str] = {}  # dest_uri -> key, of the last build that succeeded
        self.current: dict[str, str] = {}
        self.site_dir: Path | None = None  # the folder `previous` describes

    def hide(self, site_dir: Path) -> None:
        """Before MkDocs cleans the site folder: hide what it would delete."""
        if site_dir != self.site_dir:
            self.previous = {}  # another folder: it holds none of the files we know of
        self.site_dir = site_dir
        if not self.previous or not site_dir.is_dir():
            return
        for entry in os.scandir(site_dir):
            if not entry.name.startswith("."):
                os.rename(entry.path, site_dir / (HIDDEN + entry.name))

    def unhide(self, site_dir: Path) -> None:
        """After the clean: put the previous build's files back."""
        self.current = {}
        if site_dir != self.site_dir:
            self.previous, self.site_dir = {}, site_dir
        if not site_dir.is_dir():
            return
        for entry in os.scandir(site_dir):
            if entry.name.startswith(HIDDEN):
                os.rename(entry.path, site_dir / entry.name.removeprefix(HIDDEN))

    def unchanged(self, dest_uri: str, key: str) -> bool:
        """Record `key` for a file of this build; whether the file on disk has it already."""
        self.current[dest_uri] = key
        return self.previous.get(dest_uri) == key

    def keep_static(self, files) -> None:
        """Take the static and generated files that are unchanged out of MkDocs' copying."""
        for file in [f for f in files if not f.is_documentation_page()]:
            if self.unchanged(file.dest_uri, _signature(file)):
                files.remove(file)

    def finish(self, site_dir: Path, dest_uris: Iterable[str]) -> None:
        """After a build: remove the previous build's files this one does not have."""
        wanted = set(dest_uris)
        for dest_uri in set(self.previous) - wanted:
            with contextlib.suppress(OSError):
                os.unlink(site_dir / dest_uri)
        self.previous, self.current = self.current, {}

    def fail(self) -> None:
        """After a failed build the folder holds a mix: write everything next time."""
        self.previous, self.current = {}, {}


def _signature(file) -> str:
    """What a static file's copy depends on: its content, or its source's size and time."""
    content = getattr(file, "_content", None)
    if content is not None:
        return digest(content)
    stat = os.stat(file.abs_src_path)
    return digest(file.abs_src_path, str(stat.st_size), str(stat.st_mtime_ns))


class SkippedPages(logging.Filter):
    """Drops MkDocs' "Page skipped" message for pages the preview left in place."""

    def __init__(self, kept: Callable[[], Container[str]]) -> None:
        super().__init__()
        self.kept = kept  # the src_uris of the pages left in place by the current build

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith(SKIPPED):
            return message[len(SKIPPED):].split("'", 1)[0] not in self.kept()
        return True
