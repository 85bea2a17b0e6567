"""What `mkdocs serve` does differently: a rebuild rewrites only the files that changed.

MkDocs empties the site folder before every build and writes every page and file again. On a
busy disk each file operation of the preview's tens of thousands costs milliseconds, so a
rebuild after a one-story edit took longer than the first build. The preview instead keeps
the previous build's files in place: before MkDocs cleans, the top-level entries are hidden
(MkDocs leaves names starting with a dot alone) and they come back right after; a page or
file whose content key is the one written last time is not written again (MkDocs skips a
page whose output is empty), and files the new build no longer has are removed at its end.
`mkdocs build` is untouched: it always starts from an empty folder.

Which pages need a new view after a save is page_keys.py's part.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

import jinja2
import watchdog.events
import watchdog.observers
from watchdog.observers.polling import PollingObserver

from generator.build_cache import digest

HIDDEN = ".tori-kept-"


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


class _Memory(dict):
    """A dict with the client interface jinja2.MemcachedBytecodeCache asks for."""

    def set(self, key: str, value: bytes, timeout: int | None = None) -> None:
        self[key] = value


def template_cache() -> jinja2.BytecodeCache:
    """Compiled templates kept in memory between preview builds (MkDocs makes a new Jinja
    environment each build, which compiled every template again). Jinja checks each
    template's source checksum, so an edited template is compiled anew."""
    return jinja2.MemcachedBytecodeCache(_Memory())


# What MkDocs' polling reports: files and folders made, changed, removed and moved; not a file
# opened or closed after reading, which the system's notifications report too (the build reads
# the content pages, so each build would ask for another).
CHANGES = [watchdog.events.FileCreatedEvent, watchdog.events.FileModifiedEvent,
           watchdog.events.FileDeletedEvent, watchdog.events.FileMovedEvent,
           watchdog.events.FileClosedEvent, watchdog.events.FileAttribEvent,
           watchdog.events.DirCreatedEvent, watchdog.events.DirModifiedEvent,
           watchdog.events.DirDeletedEvent, watchdog.events.DirMovedEvent]


class Notified(watchdog.observers.Observer):
    """The system's own file notifications (inotify on Linux), for the changes in CHANGES."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None,
                 follow_symlink=False):
        return super().schedule(event_handler, path, recursive=recursive,
                                event_filter=event_filter or CHANGES,
                                follow_symlink=follow_symlink)


def watch_by_notification(server) -> bool:
    """Let MkDocs' preview server hear of a saved file from the system at once.

    MkDocs polls: every 0.5 s it lists and stats every file under docs_dir (0.14 s for the
    11 000 files of 10 000 stories, holding Python's lock), so a save waited 0.25 s on
    average to be noticed. The paths MkDocs watches move to a `Notified` observer; where the
    system refuses (no inotify, its limit reached) MkDocs keeps polling. Returns whether moved.
    """
    watched = getattr(server, "_watched_paths", None)  # MkDocs 1.6's record of its watches
    if (not isinstance(watched, dict) or not watched
            or issubclass(watchdog.observers.Observer, PollingObserver)):
        return False
    trial = Notified()
    try:
        for path in watched:
            trial.schedule(watchdog.events.FileSystemEventHandler(), path, recursive=True)
        trial.start()
    except OSError:
        return False
    finally:
        if trial.is_alive():
            trial.stop()
            trial.join()
    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = Notified()
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    return True
