"""Related stories: most shared themes, then same region, newest first, in linear time."""

from __future__ import annotations

import heapq

from generator.index import SiteIndex
from generator.model import Entry, Kind, Lang

# Only the newest stories of each shared theme and region are scored, so the cost per story
# is bounded however large a theme grows.
POOL = 24


def related(
    entry: Entry, lang: Lang, index: SiteIndex, limit: int = 4, pool: int = POOL
) -> tuple[Entry, ...]:
    """Up to `limit` stories related to `entry` for readers of `lang`."""
    story = entry.best(lang)
    shared: dict[str, int] = {}
    nearby: set[str] = set()
    candidates: dict[str, Entry] = {}
    for kind, keys in ((Kind.CATEGORY, story.categories), (Kind.REGION, story.regions)):
        for key in keys:
            term = index.vocab[kind].get(key)
            for other in index.stories_of(term, lang)[:pool] if term else ():
                candidates[other.slug] = other
    candidates.pop(entry.slug, None)
    themes, regions = set(story.categories), set(story.regions)
    for slug, other in candidates.items():
        theirs = other.best(lang)
        shared[slug] = sum(1 for c in theirs.categories if c in themes)
        if any(r in regions for r in theirs.regions):
            nearby.add(slug)
    rank = index.rank(lang)
    return tuple(heapq.nsmallest(
        limit, candidates.values(),
        key=lambda e: (-shared[e.slug], e.slug not in nearby, rank[e.slug]),
    ))
