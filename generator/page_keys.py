"""Page keys: which generated pages need a new view after the stories changed.

A page's cache key needs its view (build_cache, pages.py), and building the view of every page
to find its key cost most of a rebuild after a one-story edit. `PageKeys` keeps the keys of the
last build with the stories each page shows (the story URLs in its view): when only what a story
shows beside a link to it changed (its title, summary, body...), only the pages that show that
story get a new view; any other change (terms, dates, organisation, a story added...) builds
every view again. `mkdocs serve` keeps them in memory, a build in the build cache.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from generator import urls
from generator.build_cache import digest
from generator.model import LANGS, Entry, Story

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


def structure(entries: Iterable[Entry], *parts: str) -> str:
    """A digest of the stories without their SHOWN_WITH_LINK fields, and of `parts` (the
    vocabularies, the settings): equal digests, equal pages, listings and orders."""
    rows = [(e.slug, tuple(tuple(getattr(v, name) for name in STRUCTURE_FIELDS)
                           for v in e.versions)) for e in entries]
    return digest(*parts, repr(rows))


@dataclass(frozen=True)
class Known:
    """A page's key in the last build, what it was made from and the stories it shows."""

    salt: str
    template: str
    markdown: str
    key: str
    shows: frozenset[str]  # slugs of the stories whose URL is in the view


def same_objects(entry: Entry) -> Hashable:
    """The preview's identity of a story: its very objects (build_cache.Memo keeps a story
    whose file did not change as the same object between rebuilds)."""
    return stories_of((entry,))


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
