"""Statistics of the published stories: totals and counts by year, term, organisation and award.

The counting rules, stated on the statistics page and in the open data:
- a story counts once, whichever of its languages it is published in (one entry per slug);
- a story's regions include the regions of its municipalities;
- a story's year is the year of its first publication (its earliest version);
- an organisation is named as in the story's Finnish version, or its Swedish one if it has
  no Finnish version; in a language, its name is the one a story's version in that
  language gives, where there is one;
- awards count stories: a story with a prize and an honourable mention of the same year counts
  once under each kind, and one with two prizes of the same year once.
Every count is the same in both languages; only the labels differ.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator.collation import sort_key
from generator.model import LANGS, AwardKind, Entry, Kind, Lang, Term, Vocabularies

TOP_ORGANISATIONS = 10
TERM_KINDS = (Kind.CATEGORY, Kind.REGION, Kind.SECTOR, Kind.CLIENT_GROUP)
AWARD_KINDS = (AwardKind.PRIZE, AwardKind.HONOURABLE_MENTION)


@dataclass(frozen=True)
class Totals:
    """How much the site holds."""

    stories: int
    organisations: int
    municipalities: int  # municipalities with at least one story
    regions: int  # regions with at least one story (directly or through a municipality)
    finnish: int  # stories with a Finnish version
    swedish: int  # stories with a Swedish version
    both: int  # stories with both


@dataclass(frozen=True)
class YearCount:
    """Stories first published in one year."""

    year: int
    count: int


@dataclass(frozen=True)
class TermTally:
    """A term and the number of stories it classifies."""

    term: Term
    count: int


@dataclass(frozen=True)
class Organisation:
    """An organisation with its name in each language and its number of stories."""

    key: str  # the name it is counted under
    names: dict[Lang, str]
    count: int

    def name(self, lang: Lang) -> str:
        """The organisation's name for readers of `lang`."""
        return self.names.get(lang, self.key)


@dataclass(frozen=True)
class AwardYearCount:
    """The stories awarded in one year, by kind of award."""

    year: int
    counts: dict[AwardKind, int]

    def count(self, kind: AwardKind) -> int:
        """Stories with an award of `kind` in this year."""
        return self.counts.get(kind, 0)


@dataclass(frozen=True)
class Statistics:
    """Every figure of the statistics page and of data/statistics.json."""

    totals: Totals
    by_year: tuple[YearCount, ...]  # every year from the first to the last, oldest first
    by_term: dict[Kind, tuple[TermTally, ...]]  # every term, in vocabulary file order
    organisations: tuple[Organisation, ...]  # most stories first, then by name
    awards: tuple[AwardYearCount, ...]  # years with awarded stories, oldest first

    def ranked(self, kind: Kind, lang: Lang) -> tuple[TermTally, ...]:
        """The terms of `kind`, most stories first, ties in the alphabetical order of `lang`."""
        return tuple(sorted(self.by_term[kind],
                            key=lambda t: (-t.count, sort_key(t.term.label[lang], lang))))

    def top_organisations(self, limit: int = TOP_ORGANISATIONS) -> tuple[Organisation, ...]:
        """The most active organisations."""
        return self.organisations[:limit]


def story_regions(entry: Entry, vocab: Vocabularies) -> set[str]:
    """The regions of a story: those it names and those of its municipalities."""
    keys = set(_keys(entry, Kind.REGION))
    for key in _keys(entry, Kind.MUNICIPALITY):
        municipality = vocab.municipalities.get(key)
        if municipality is not None and municipality.region:
            keys.add(municipality.region)
    return keys


def compute(entries: Iterable[Entry], vocab: Vocabularies) -> Statistics:
    """The statistics of `entries` (published stories, one entry per slug)."""
    entries = tuple(entries)
    tallies = {kind: Counter() for kind in TERM_KINDS}
    municipalities: set[str] = set()
    for entry in entries:
        municipalities.update(_keys(entry, Kind.MUNICIPALITY))
        for kind in TERM_KINDS:
            found = story_regions(entry, vocab) if kind is Kind.REGION else _keys(entry, kind)
            tallies[kind].update(found)
    by_term = {kind: tuple(TermTally(t, tallies[kind][t.key]) for t in vocab[kind])
               for kind in TERM_KINDS}
    organisations = _organisations(entries)
    totals = Totals(
        stories=len(entries),
        organisations=len(organisations),
        municipalities=sum(1 for t in vocab.municipalities if t.key in municipalities),
        regions=sum(1 for t in by_term[Kind.REGION] if t.count),
        finnish=sum(1 for e in entries if e.get(Lang.FI)),
        swedish=sum(1 for e in entries if e.get(Lang.SV)),
        both=sum(1 for e in entries if all(e.get(lang) for lang in LANGS)),
    )
    return Statistics(totals, _by_year(entries), by_term, organisations,
                      _awards(entries, vocab))


def _keys(entry: Entry, kind: Kind) -> set[str]:
    """The keys of one taxonomy in any version of a story."""
    return {key for version in entry.versions for key in version.terms(kind)}


def _by_year(entries: tuple[Entry, ...]) -> tuple[YearCount, ...]:
    """Stories per year of first publication, with the years between that have none."""
    counts = Counter(entry.date.year for entry in entries)
    if not counts:
        return ()
    return tuple(YearCount(y, counts[y]) for y in range(min(counts), max(counts) + 1))


def _organisations(entries: tuple[Entry, ...]) -> tuple[Organisation, ...]:
    """Every organisation with its stories, most first, then alphabetically (Finnish)."""
    counts: Counter[str] = Counter()
    names: dict[str, dict[Lang, str]] = {}
    for entry in entries:  # entries come sorted by slug, so the names chosen are stable
        key = entry.versions[0].organisation
        counts[key] += 1
        for version in entry.versions:
            names.setdefault(key, {}).setdefault(version.lang, version.organisation)
    ranked = sorted(counts, key=lambda k: (-counts[k], sort_key(k, Lang.FI), k))
    return tuple(Organisation(k, names[k], counts[k]) for k in ranked)


def _awards(entries: tuple[Entry, ...], vocab: Vocabularies) -> tuple[AwardYearCount, ...]:
    """Awarded stories per award year and kind."""
    awarded: set[tuple[int, AwardKind, str]] = set()
    for entry in entries:
        for key in _keys(entry, Kind.AWARD):
            award = vocab.awards.get(key)
            if award is not None and award.year is not None:
                awarded.add((award.year, award.award_kind or AwardKind.PRIZE, entry.slug))
    counts = Counter((year, kind) for year, kind, _ in awarded)
    years = sorted({year for year, _ in counts})
    return tuple(
        AwardYearCount(y, {k: counts[(y, k)] for k in AWARD_KINDS if counts[(y, k)]})
        for y in years
    )


def shade_steps(largest: int, steps: int = 3) -> tuple[tuple[int, int], ...]:
    """Count ranges (low, high) for the shades of a map whose largest count is `largest`.

    Zero has a shade of its own (not in the ranges); 1..largest is split into at most `steps`
    ranges of near-equal width, so 1-2, 3-4 and 5-6 for 6 and "1, 2" for 2.
    """
    if largest <= 0:
        return ()
    steps = min(steps, largest)
    bounds = [round(largest * i / steps) for i in range(steps + 1)]
    return tuple((bounds[i] + 1, bounds[i + 1]) for i in range(steps))


def shade_of(count: int, ranges: tuple[tuple[int, int], ...]) -> int:
    """The shade of a count: 0 for none, else the 1-based range it falls in."""
    return next((i for i, (low, high) in enumerate(ranges, 1) if low <= count <= high), 0)
