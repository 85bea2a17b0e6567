"""Related stories: most shared themes, then same region, newest first, in linear time."""

from __future__ import annotations

from generator.index import SiteIndex, newest_key
from generator.model import Entry, Kind, Lang

# Only the newest stories of each shared term are scored, so the cost per story is
# bounded however large a theme grows.
POOL = 40


def related(
    entry: Entry, lang: Lang, index: SiteIndex, limit: int = 4, pool: int = POOL
) -> tuple[Entry, ...]:
    """Up to `limit` stories related to `entry` for readers of `lang`."""
    story = entry.best(lang)
    themes = set(story.categories)
    regions = set(story.regions)
    candidates: dict[str, Entry] = {}
    for kind, keys in ((Kind.CATEGORY, story.categories), (Kind.REGION, story.regions)):
        for key in keys:
            term = index.vocab[kind].get(key)
            for other in index.stories_of(term, lang)[:pool] if term else ():
                candidates.setdefault(other.slug, other)
    candidates.pop(entry.slug, None)

    def score(other: Entry) -> tuple:
        theirs = other.best(lang)
        shared = len(themes.intersection(theirs.categories))
        same_region = bool(regions.intersection(theirs.regions))
        return (-shared, -same_region, *newest_key(other, lang))

    return tuple(sorted(candidates.values(), key=score)[:limit])
