"""The content model: frozen value objects shared by every pipeline stage (no I/O, no mkdocs)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Lang(StrEnum):
    """A language of the site; Finnish is the default."""

    FI = "fi"
    SV = "sv"

    @property
    def other(self) -> Lang:
        """The other language of the site."""
        return Lang.SV if self is Lang.FI else Lang.FI


LANGS: tuple[Lang, ...] = (Lang.FI, Lang.SV)


class Kind(StrEnum):
    """A taxonomy: the controlled vocabularies a story is classified by."""

    CATEGORY = "categories"
    REGION = "regions"
    MUNICIPALITY = "municipalities"
    SECTOR = "sectors"
    AWARD = "awards"
    CLIENT_GROUP = "client_groups"


class AwardKind(StrEnum):
    """What an award is: a prize or an honourable mention in its category."""

    PRIZE = "prize"
    HONOURABLE_MENTION = "honourable-mention"


@dataclass(frozen=True)
class Text:
    """A string in both languages."""

    fi: str
    sv: str

    def __getitem__(self, lang: Lang | str) -> str:
        # Called for every label a page shows: a member skips Enum's lookup (a few µs a call).
        if lang is Lang.FI:
            return self.fi
        if lang is Lang.SV:
            return self.sv
        return self.fi if Lang(lang) is Lang.FI else self.sv


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary, identified by its kind and key."""

    kind: Kind
    key: str
    label: Text
    slug: Text
    description: Text | None = None
    code: str | None = None  # Statistics Finland code (regions, municipalities)
    region: str | None = None  # region key of a municipality
    year: int | None = None  # year of an award
    programme: Text | None = None  # the gala or programme of an award
    award_kind: AwardKind | None = None  # prize or honourable mention (awards only)
    order: int = 0  # position in its vocabulary file


@dataclass(frozen=True)
class Vocabulary:
    """The terms of one kind, in file order, with lookup by key and by slug."""

    kind: Kind
    terms: tuple[Term, ...]

    @cached_property
    def _by_key(self) -> dict[str, Term]:
        return {t.key: t for t in self.terms}

    def get(self, key: str) -> Term | None:
        """The term with this key, or None."""
        return self._by_key.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def keys(self) -> list[str]:
        """All keys, in file order."""
        return [t.key for t in self.terms]


@dataclass(frozen=True)
class Vocabularies:
    """Every vocabulary of the site."""

    categories: Vocabulary
    regions: Vocabulary
    municipalities: Vocabulary
    sectors: Vocabulary
    awards: Vocabulary
    client_groups: Vocabulary = field(default_factory=lambda: Vocabulary(Kind.CLIENT_GROUP, ()))

    def __getitem__(self, kind: Kind | str) -> Vocabulary:
        return getattr(self, kind.value if kind.__class__ is Kind else Kind(kind).value)

    def all(self) -> tuple[Vocabulary, ...]:
        """The vocabularies in a fixed order."""
        return (self.categories, self.regions, self.municipalities, self.sectors, self.awards,
                self.client_groups)


@dataclass(frozen=True)
class Contact:
    """Who to ask about a story."""

    name: str
    role: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Link:
    """A link from a story to a page elsewhere."""

    title: str
    url: str


@dataclass(frozen=True)
class Story:
    """One language version of a story, valid against the contract and the vocabularies."""

    slug: str
    lang: Lang
    source: str  # path relative to the content folder, POSIX style: "stories/x.fi.md"
    title: str
    summary: str
    date: datetime.date
    organisation: str
    categories: tuple[str, ...]
    body: str  # Markdown
    municipalities: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()  # explicit regions plus those of the municipalities
    sectors: tuple[str, ...] = ()
    awards: tuple[str, ...] = ()
    client_groups: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    updated: datetime.date | None = None
    image: str | None = None  # path relative to the content folder: "stories/images/x.svg"
    image_alt: str | None = None
    contact: Contact | None = None
    links: tuple[Link, ...] = ()
    draft: bool = False
    body_line: int = 1  # line of the file on which the body starts
    body_html: str = ""  # the body rendered and sanitised (generator/body.py)

    def terms(self, kind: Kind) -> tuple[str, ...]:
        """The keys of this story in one taxonomy."""
        return getattr(self, kind.value if kind.__class__ is Kind else Kind(kind).value)


@dataclass(frozen=True)
class Entry:
    """A story across languages: the versions that share one slug."""

    slug: str
    versions: tuple[Story, ...] = field(default=())  # in LANGS order

    def get(self, lang: Lang) -> Story | None:
        """The version in this language, or None."""
        for story in self.versions:  # a loop, not next(genexpr): called ~25 times a story
            if story.lang is lang:
                return story
        return None

    def best(self, lang: Lang) -> Story:
        """The version to show a reader of this language: theirs, else the other."""
        return self.get(lang) or self.versions[0]

    @property
    def date(self) -> datetime.date:
        """The earliest publication date of the versions."""
        return min(s.date for s in self.versions)


def group_entries(stories: list[Story] | tuple[Story, ...]) -> tuple[Entry, ...]:
    """Group language versions by slug, slugs in sorted order."""
    by_slug: dict[str, list[Story]] = {}
    for story in stories:
        by_slug.setdefault(story.slug, []).append(story)
    return tuple(
        Entry(slug, tuple(sorted(versions, key=lambda s: LANGS.index(s.lang))))
        for slug, versions in sorted(by_slug.items())
    )
