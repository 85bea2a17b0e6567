"""Related stories: most shared themes, then same region, newest first, in linear time."""

from __future__ import annotations

import heapq

from generator.index import SiteIndex
from generator.model import Entry, Kind, Lang

# Only the newest stories of each shared theme (and fewer of the same region, which only
# breaks ties) are scored, so the cost per story is bounded however large a theme grows.
POOL = 24
REGION_POOL = 8


def related(
    entry: Entry, lang: Lang, index: SiteIndex, limit: int = 4, pool: int = POOL
) -> tuple[Entry, ...]:
    """Up to `limit` stories related to `entry` for readers of `lang`."""
    story = entry.best(lang)
    shared: dict[str, int] = {}
    nearby: set[str] = set()
    candidates: dict[str, Entry] = {}
    for kind, keys, size in ((Kind.CATEGORY, story.categories, pool),
                             (Kind.REGION, story.regions, min(pool, REGION_POOL))):
        for key in keys:
            term = index.vocab[kind].get(key)
            for other in index.stories_of(term, lang)[:size] if term else ():
                candidates[other.slug] = other
    candidates.pop(entry.slug, None)
    themes, regions = set(story.categories), set(story.regions)
    shown = index.shown(lang)
    for slug in candidates:
        theirs = shown[slug]
        shared[slug] = sum(1 for c in theirs.categories if c in themes)
        if any(r in regions for r in theirs.regions):
            nearby.add(slug)
    rank = index.rank(lang)
    return tuple(heapq.nsmallest(
        limit, candidates.values(),
        key=lambda e: (-shared[e.slug], e.slug not in nearby, rank[e.slug]),
    ))
