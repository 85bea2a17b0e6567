"""Related stories: the stories most alike by the terms they share, rare terms counting most."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple

from generator.index import SiteIndex
from generator.model import LANGS, Entry, Kind, Lang, Story

# How much a shared term of each kind counts, before its rarity. A shared municipality also
# shares its region, so a story from the same municipality outscores one from the same region.
WEIGHTS: dict[Kind, float] = {
    Kind.CATEGORY: 1.0,
    Kind.MUNICIPALITY: 1.0,
    Kind.REGION: 0.5,
    Kind.SECTOR: 0.5,
    Kind.CLIENT_GROUP: 0.5,
}
# A story with no version in the reader's language keeps this share of its similarity.
FOREIGN = 0.75
# Only the newest stories of each of the story's themes are scored, so the cost per story is
# bounded however large a theme grows.
POOL = 24


class _Vector(NamedTuple):
    """A story's weighted terms and the sum of their squares (its squared length)."""

    weights: dict[tuple[Kind, str], float]
    square: float


def related(
    entry: Entry, lang: Lang, index: SiteIndex, limit: int = 4, pool: int = POOL
) -> tuple[Entry, ...]:
    """Up to `limit` stories related to `entry` for readers of `lang`, most alike first.

    The rule: a story is a vector of its themes, municipalities, regions, sectors and client
    groups; a term weighs its kind's weight (WEIGHTS) times its inverse story frequency,
    1 + ln((N + 1) / (n + 1)) for a term n of the N stories have. Two stories are as alike as
    the cosine of their vectors, so a rare shared term counts more than a common one, and a
    story tagged with many terms (a campaign news item) is close to no story in particular. A
    story that has no version in `lang` keeps FOREIGN of its score; equal scores go to the
    newer story. Only stories that share a theme are related: a shared place, sector or
    client group alone says little about what was done.
    """
    shown = index.shown(lang)
    mine = _vector(entry.best(lang), index, lang)
    candidates: dict[str, Entry] = {}
    for key in entry.best(lang).categories:
        term = index.vocab.categories.get(key)
        for other in index.stories_of(term, lang)[:pool] if term else ():
            candidates[other.slug] = other
    candidates.pop(entry.slug, None)
    rank = index.rank(lang)
    scores: dict[str, float] = {}
    for slug, other in candidates.items():
        score = _cosine(mine, _vector(shown[slug], index, lang))
        scores[slug] = score if other.get(lang) else score * FOREIGN
    alike = (e for e in candidates.values() if scores[e.slug] > 0)
    return tuple(heapq.nsmallest(
        limit, alike, key=lambda e: (-round(scores[e.slug], 9), rank[e.slug])))


def _terms(story: Story) -> Iterator[tuple[Kind, str]]:
    """The (kind, key) pairs of a story's terms that relatedness counts."""
    for kind in WEIGHTS:
        for key in story.terms(kind):
            yield kind, key


def _vector(story: Story, index: SiteIndex, lang: Lang) -> _Vector:
    """A story's terms weighted by kind and rarity, with its squared length.

    Made once per story and language in a build: a story is a candidate of every story that
    shares one of its themes, so building it per comparison cost most of the ranking.
    """
    memo = index._memo
    cache_key = ("vector", story.slug, story.lang, lang)
    if cache_key not in memo:
        weights = {(kind, key): WEIGHTS[kind] * _rarity(kind, key, index, lang)
                   for kind, key in _terms(story)}
        memo[cache_key] = _Vector(weights, sum(w * w for w in weights.values()))
    return memo[cache_key]


def _rarity(kind: Kind, key: str, index: SiteIndex, lang: Lang) -> float:
    """The smoothed inverse story frequency of a term: 1 for a term every story has."""
    memo = index._memo
    cache_key = ("rarity", kind, key, lang)
    if cache_key not in memo:
        term = index.vocab[kind].get(key)
        having = index.count(term, lang) if term else 0
        memo[cache_key] = 1 + math.log((len(index.entries) + 1) / (having + 1))
    return memo[cache_key]


def _cosine(a: _Vector, b: _Vector) -> float:
    """The cosine of two sparse vectors (0 when either is empty)."""
    theirs = b.weights
    dot = sum(weight * theirs[term] for term, weight in a.weights.items() if term in theirs)
    if not dot:
        return 0.0
    return dot / math.sqrt(a.square * b.square)


def all_related(index: SiteIndex, limit: int = 4) -> dict[tuple[str, Lang], tuple[str, ...]]:
    """The slugs of the related stories of every story in every language (for a build cache)."""
    return {(entry.slug, lang): tuple(e.slug for e in related(entry, lang, index, limit))
            for entry in index.entries for lang in LANGS}


def ranking_inputs(index: SiteIndex) -> str:
    """Everything the rankings of all_related can depend on, as text; bodies left out.

    Every story's fields but its body (terms, dates, versions, titles: more than the ranking
    reads, so a change that might move a ranking always changes this), the vocabularies
    and the ranking's constants. A story whose body alone changed keeps every ranking.
    """
    stories = [replace(story, body="", body_html="")
               for entry in index.entries for story in entry.versions]
    return repr((stories, index.vocab, sorted(WEIGHTS.items()), FOREIGN, POOL))
