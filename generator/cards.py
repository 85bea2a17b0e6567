"""Story cards: what a listing shows of a story, computed once per story and language."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache

from babel.dates import format_date

from generator import urls
from generator.labels import award_kind_label
from generator.model import Entry, Lang, Term, Vocabularies


@dataclass(frozen=True)
class AwardBadge:
    """An award as a card shows it: its kind ("Kunniamaininta") and its name."""

    kind_label: str  # "Palkittu" / "Kunniamaininta" in the listing's language
    name: str  # "Innostavat teot 2019"


@dataclass(frozen=True)
class Card:
    """One story as a listing in language `lang` shows it."""

    slug: str
    url: str  # site-relative URL of the story's page in the listing's language
    story_lang: Lang  # language of the version shown
    foreign: bool  # no version in the listing's language: shown in the other with a badge
    title: str
    summary: str
    organisation: str
    places: str  # region labels in the listing's language
    date: datetime.date
    date_text: str
    awards: tuple[AwardBadge, ...]


@cache  # many stories share a day; Babel's formatting is the slow part of a card
def format_day(day: datetime.date, lang: Lang) -> str:
    """A date written out for `lang`: "5. maaliskuuta 2026" / "5 mars 2026"."""
    return format_date(day, "long", locale=lang.value)


def award_name(term: Term, lang: Lang) -> str:
    """An award as "label year" in `lang`, since labels repeat across years."""
    return f"{term.label[lang]} {term.year}" if term.year else term.label[lang]


def award_badges(keys: tuple[str, ...], vocab: Vocabularies, lang: Lang) -> tuple[AwardBadge, ...]:
    """The badges of awards `keys` in `lang`, skipping unknown keys."""
    terms = (vocab.awards.get(k) for k in keys)
    return tuple(AwardBadge(award_kind_label(t.award_kind, lang), award_name(t, lang))
                 for t in terms if t)


def make_card(entry: Entry, lang: Lang, vocab: Vocabularies) -> Card:
    """The card of `entry` on a `lang` listing."""
    story = entry.best(lang)
    regions = (vocab.regions.get(k) for k in story.regions)
    return Card(
        slug=entry.slug,
        url=urls.story(entry.slug, lang),
        story_lang=story.lang,
        foreign=story.lang is not lang,
        title=story.title,
        summary=story.summary,
        organisation=story.organisation,
        places=", ".join(r.label[lang] for r in regions if r),
        date=story.date,
        date_text=format_day(story.date, lang),
        awards=award_badges(story.awards, vocab, lang),
    )


class _Cards(dict):
    """Cards by (slug, language), each made when first looked up.

    A preview rebuild builds the views of a few pages only, so most cards are never asked for
    (making all 20 000 of 10 000 stories took 0.4 s of such a rebuild).
    """

    def __init__(self, entries: tuple[Entry, ...], vocab: Vocabularies):
        super().__init__()
        self._entries = {e.slug: e for e in entries}
        self._vocab = vocab

    def __missing__(self, key: tuple[str, Lang]) -> Card:
        slug, lang = key
        card = self[key] = make_card(self._entries[slug], lang, self._vocab)
        return card


class CardBook:
    """Every card of the site, built once (when first asked for) by slug and listing language."""

    def __init__(self, entries: tuple[Entry, ...], vocab: Vocabularies):
        self._cards = _Cards(entries, vocab)

    def card(self, entry: Entry, lang: Lang) -> Card:
        """The card of `entry` on a `lang` listing."""
        return self._cards[(entry.slug, lang)]

    def cards(self, entries: tuple[Entry, ...], lang: Lang) -> tuple[Card, ...]:
        """The cards of `entries`, in their order."""
        return tuple(self._cards[(e.slug, lang)] for e in entries)

    def by_slug(self, slugs: tuple[str, ...], lang: Lang) -> tuple[Card, ...]:
        """The cards of the stories `slugs`, in their order."""
        return tuple(self._cards[(slug, lang)] for slug in slugs)
