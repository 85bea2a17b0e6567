"""Group stories by term and language, newest first; count and collate the terms."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.collation import sort_key
from generator.model import LANGS, Entry, Kind, Lang, Story, Term, Vocabularies

# The one vocabulary too long to list whole: its overview lists the municipalities with stories.
ONLY_WITH_STORIES = frozenset({Kind.MUNICIPALITY})


@dataclass(frozen=True)
class TermCount:
    """A term and the number of stories listed under it in one language."""

    term: Term
    count: int


@dataclass(frozen=True)
class AwardYear:
    """The awards of one year with their counts."""

    year: int
    programme: str  # the gala or programme, in the page's language
    rows: tuple[TermCount, ...]


RegionRows = tuple[Term, tuple[TermCount, ...]]  # a region and its municipalities with stories


def newest_key(entry: Entry, lang: Lang) -> tuple[int, str]:
    """Sort key putting the newest version shown to `lang` readers first, then by slug."""
    return (-entry.best(lang).date.toordinal(), entry.slug)


@dataclass(frozen=True)
class SiteIndex:
    """Every listing of the site: stories per language and per term, newest first."""

    vocab: Vocabularies
    entries: tuple[Entry, ...]
    _newest: dict[Lang, tuple[Entry, ...]] = field(repr=False)
    _by_term: dict[tuple[Lang, Kind], dict[str, tuple[Entry, ...]]] = field(repr=False)
    _rank: dict[Lang, dict[str, int]] = field(repr=False)
    _shown: dict[Lang, dict[str, Story]] = field(repr=False)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def newest(self, lang: Lang) -> tuple[Entry, ...]:
        """All stories for readers of `lang`, newest first."""
        return self._newest[lang]

    def shown(self, lang: Lang) -> dict[str, Story]:
        """The version each story shows to readers of `lang`, by slug."""
        return self._shown[lang]

    def rank(self, lang: Lang) -> dict[str, int]:
        """Each story's position in the newest-first order of `lang` (0 = newest)."""
        return self._rank[lang]

    def stories_of(self, term: Term, lang: Lang) -> tuple[Entry, ...]:
        """The stories listed under `term` for readers of `lang`, newest first."""
        return self._by_term[(lang, term.kind)].get(term.key, ())

    def count(self, term: Term, lang: Lang) -> int:
        """How many stories `term` lists for readers of `lang`."""
        return len(self.stories_of(term, lang))

    def has_page(self, term: Term) -> bool:
        """Whether `term` gets a listing page: only a term with stories has something to list
        (overviews name the others without a link)."""
        return any(self.count(term, lang) for lang in LANGS)

    def overview(self, kind: Kind, lang: Lang) -> tuple[TermCount, ...]:
        """Every term of `kind` with its count (0 included, except for municipalities), in the
        alphabetical order of `lang`: one rule for every overview."""
        rows = self._counts(self.vocab[kind], lang, keep_empty=kind not in ONLY_WITH_STORIES)
        return collate(rows, lang)

    def with_stories(self, kind: Kind, lang: Lang) -> tuple[TermCount, ...]:
        """The terms of `kind` that have stories, with counts, alphabetically (home page)."""
        return tuple(r for r in self.overview(kind, lang) if r.count)

    def municipalities_by_region(self, lang: Lang) -> tuple[RegionRows, ...]:
        """Each region that has municipalities with stories, with them, both alphabetically."""
        regions = (r.term for r in self.overview(Kind.REGION, lang))
        groups = ((region, self.municipalities_in(region, lang)) for region in regions)
        return tuple((region, rows) for region, rows in groups if rows)

    def newest_own_first(self, lang: Lang) -> tuple[Entry, ...]:
        """All stories newest first, those with a version in `lang` before the others."""
        own = tuple(e for e in self.newest(lang) if e.get(lang))
        return own + tuple(e for e in self.newest(lang) if not e.get(lang))

    def awards_by_year(self, lang: Lang) -> tuple[AwardYear, ...]:
        """Every award grouped by year, newest year first (awards without stories too)."""
        by_year: dict[int, list[Term]] = {}
        for term in self.vocab.awards:
            by_year.setdefault(term.year or 0, []).append(term)
        years = []
        for year in sorted(by_year, reverse=True):
            rows = collate(self._counts(by_year[year], lang, keep_empty=True), lang)
            if rows:
                programme = rows[0].term.programme
                years.append(AwardYear(year, programme[lang] if programme else "", rows))
        return tuple(years)

    def municipalities_in(self, region: Term, lang: Lang) -> tuple[TermCount, ...]:
        """The municipalities of `region` that have stories, alphabetically."""
        key = ("municipalities_in", region.key, lang)
        if key not in self._memo:  # asked once per page of a region's listing
            terms = (m for m in self.vocab.municipalities if m.region == region.key)
            self._memo[key] = collate(self._counts(terms, lang, keep_empty=False), lang)
        return self._memo[key]

    def awarded(self, lang: Lang) -> tuple[Entry, ...]:
        """Stories with an award, the most recent award year first, then newest first."""
        def year(entry: Entry) -> int:
            awards = (self.vocab.awards.get(k) for k in entry.best(lang).awards)
            return max((a.year or 0 for a in awards if a), default=0)

        awarded = [e for e in self.newest(lang) if e.best(lang).awards]
        return tuple(sorted(awarded, key=lambda e: (-year(e), *newest_key(e, lang))))

    def _counts(self, terms: Iterable[Term], lang: Lang, keep_empty: bool) -> list[TermCount]:
        rows = (TermCount(t, self.count(t, lang)) for t in terms)
        return [r for r in rows if keep_empty or r.count]


def collate(rows: Iterable[TermCount], lang: Lang) -> tuple[TermCount, ...]:
    """Rows in the alphabetical order of their labels in `lang`."""
    return tuple(sorted(rows, key=lambda r: sort_key(r.term.label[lang], lang)))


def build_index(entries: Iterable[Entry], vocab: Vocabularies) -> SiteIndex:
    """Index `entries` by language and term in one pass per language."""
    entries = tuple(entries)
    newest: dict[Lang, tuple[Entry, ...]] = {}
    by_term: dict[tuple[Lang, Kind], dict[str, tuple[Entry, ...]]] = {}
    for lang in LANGS:
        ordered = tuple(sorted(entries, key=lambda e, lang=lang: newest_key(e, lang)))
        newest[lang] = ordered
        buckets: dict[Kind, dict[str, list[Entry]]] = {kind: {} for kind in Kind}
        for entry in ordered:  # appending in newest order keeps every bucket sorted
            story = entry.best(lang)
            for kind in Kind:
                for key in story.terms(kind):
                    buckets[kind].setdefault(key, []).append(entry)
        for kind, bucket in buckets.items():
            by_term[(lang, kind)] = {k: tuple(v) for k, v in bucket.items()}
    rank = {lang: {e.slug: i for i, e in enumerate(newest[lang])} for lang in LANGS}
    shown = {lang: {e.slug: e.best(lang) for e in entries} for lang in LANGS}
    return SiteIndex(vocab, entries, newest, by_term, rank, shown)
