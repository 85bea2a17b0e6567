"""What `mkdocs serve` does differently: a rebuild rewrites only the files that changed.

MkDocs empties the site folder before every build and writes every page and file again. On a
busy disk each file operation of the preview's tens of thousands costs milliseconds, so a
rebuild after a one-story edit took longer than the first build. The preview instead keeps
the previous build's files in place: before MkDocs cleans, the top-level entries are hidden
(MkDocs leaves names starting with a dot alone) and they come back right after; a page or
file whose content key is the one written last time is not written again (MkDocs skips a
page whose output is empty), and files the new build no longer has are removed at its end.
`mkdocs build` is untouched: it always starts from an empty folder.

A page's content key needs its view, and building the view of every page after each save cost
most of a rebuild. `PageKeys` keeps the keys of the last preview build with the stories each
page shows (the story URLs in its view): when a save changed only what a story shows beside a
link to it (its title, summary, body...), only the pages that show that story get a new view;
any other change (terms, dates, organisation, a story added...) builds every view again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import watchdog.events
import watchdog.observers
from watchdog.observers.polling import PollingObserver

from generator import urls
from generator.build_cache import digest
from generator.model import LANGS, Entry, Story

HIDDEN = ".tori-kept-"
# What a story shows only where its URL is in the view too (its own page, its cards, an award's
# list of stories): a change of these alone changes only the pages whose views hold the URL.
# Any other field decides which pages exist, what they list and in which order, or is shown
# without a link (the organisation in the statistics), so a change of it changes the structure.
SHOWN_WITH_LINK = frozenset({"title", "summary", "body", "body_html", "body_line", "tags",
                             "image", "image_alt", "contact", "links"})
STRUCTURE_FIELDS = tuple(f.name for f in dataclasses.fields(Story)
                         if f.name not in SHOWN_WITH_LINK)
# One pattern per language: a pattern that starts with a literal is searched for as a whole
# (an alternation is tried at every position, 3 times slower, 1.7 s at 10 000 stories).
STORY_URLS = tuple(re.compile(re.escape(urls.story("\0", lang).split("\0")[0])
                              + r"([^/'\"\s]+)/") for lang in LANGS)


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


def structure(entries: Iterable[Entry], *parts: str) -> str:
    """A digest of the stories without their SHOWN_WITH_LINK fields, and of `parts` (the
    vocabularies, the settings): equal digests, equal pages, listings and orders."""
    rows = [(e.slug, tuple(tuple(getattr(v, name) for name in STRUCTURE_FIELDS)
                           for v in e.versions)) for e in entries]
    return digest(*parts, repr(rows))


@dataclass(frozen=True)
class Known:
    """A page's key in the last preview build, what it was made from and the stories it shows."""

    salt: str
    template: str
    markdown: str
    key: str
    shows: frozenset[str]  # slugs of the stories whose URL is in the view


def same_objects(entry: Entry) -> Hashable:
    """The preview's identity of a story: its very objects (build_cache.Memo keeps a story
    whose file did not change as the same object between rebuilds)."""
    return Same(entry.versions)


def shown_stories(text: str) -> frozenset[str]:
    """The slugs of the stories whose page URL (in either language) is in `text`."""
    return frozenset(slug for pattern in STORY_URLS for slug in pattern.findall(text))


class PageKeys:
    """Page keys of the last build, reused for pages that show no changed story.

    A story's identity (`identify`) tells whether it changed: the preview compares the very
    objects (`same_objects`); a new build process, which has no objects of the one before,
    compares the build cache's keys of the story files (build_cache.BuildCache.story_identity)
    and keeps the page keys in the cache (`state`, `restored`).
    """

    def __init__(self, identify: Callable[[Entry], Hashable] = same_objects) -> None:
        self.identify = identify
        self.known: dict[str, Known] = {}  # by page URL, of the last build that succeeded
        self.structure = ""
        self.stories: dict[str, Hashable] = {}  # slug -> identity (objects kept alive: `is`)
        self._next: dict[str, Known] = {}
        self._changed: frozenset[str] | None = None  # None: every view is built
        # The last build's excluded page files by URL, for pages.py to use again (making 17 600
        # MkDocs File objects took 0.4 s at 10 000 stories), with the site they belong to.
        self.files: tuple[object, dict[str, object]] = (None, {})

    def begin(self, structure: str, entries: Sequence[Entry]) -> None:
        """A new build of `entries`: which stories changed since the last build."""
        self._next = {}
        self._current = {e.slug: self.identify(e) for e in entries}
        if structure != self.structure:
            self._changed = None
        else:
            self._changed = frozenset(
                slug for slug, identity in self._current.items()
                if self.stories.get(slug) != identity)
        self._structure = structure

    def state(self) -> tuple[str, dict[str, Hashable], dict[str, Known]]:
        """What the next build needs of the last one: its structure, stories and keys."""
        return self.structure, self.stories, self.known

    def restored(self, state: object) -> bool:
        """Take a `state()` kept by an earlier build; whether it was one."""
        if (not isinstance(state, tuple) or len(state) != 3
                or not all(isinstance(part, t) for part, t in zip(state, (str, dict, dict),
                                                                  strict=True))):
            return False
        self.structure, self.stories, self.known = state
        return True

    def key(self, url: str, salt: str, template: str, markdown: str,
            view: Callable[[], object]) -> tuple[str | None, object | None]:
        """A page's key and, when it had to be built for the key, its view.

        The key is None for a view whose repr does not stand for its content.
        """
        known = self.known.get(url)
        if (known is not None and self._changed is not None and known.salt == salt
                and known.template == template and known.markdown == markdown
                and not known.shows & self._changed):
            self._next[url] = known
            return known.key, None
        built = view()
        shown = repr(built)
        if " object at 0x" in shown:  # a repr without its content cannot stand for it
            return None, built
        key = digest(salt, url, template, markdown, shown)
        self._next[url] = Known(salt, template, markdown, key, shown_stories(shown))
        return key, built

    def commit(self) -> None:
        """Every key of the build is known: they are what the next build compares with."""
        self.known, self._next = self._next, {}
        self.structure, self.stories = self._structure, self._current

    def fail(self) -> None:
        """After a failed build nothing is known."""
        self.__init__(self.identify)


class Same:
    """A key equal to another that holds the very same objects (identity, not value).

    Comparing stories by value hashes every field, their bodies included; a kept story is the
    same object between preview builds. The key keeps its objects alive, so no id is reused.
    """

    __slots__ = ("_hash", "objects")

    def __init__(self, objects: Iterable[object]) -> None:
        self.objects = tuple(objects)
        self._hash = hash(tuple(map(id, self.objects)))

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Same) and len(self.objects) == len(other.objects)
                and all(a is b for a, b in zip(self.objects, other.objects, strict=True)))


def stories_of(entries: Iterable[Entry]) -> Hashable:
    """A key for exactly these stories (every version of each entry, in order)."""
    return Same(v for e in entries for v in e.versions)


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
