"""The non-page files of a build: feeds, open data, sitemap and robots.txt, by path."""

from __future__ import annotations

from collections.abc import Iterable

from generator.feeds import feed_files
from generator.opendata import data_files, statistics_files
from generator.plan import Planned
from generator.sitemap import SitemapUrl, robots_txt, sitemap_xml
from generator.urls import SITEMAP
from generator.views import ContentPageInfo


def sitemap_urls(planned: Iterable[Planned], pages: Iterable[ContentPageInfo]):
    """Every page with its language versions; content pages pair up by their `key`."""
    pages = list(pages)
    by_key: dict[str, dict] = {}
    for info in pages:
        by_key.setdefault(info.key, {})[info.lang] = info.url
    for info in pages:
        yield SitemapUrl(info.url, tuple(by_key[info.key].items()))
    for page in planned:
        if page.in_sitemap:
            yield SitemapUrl(page.url, tuple(page.versions.items()), page.lastmod)


def data_outputs(planner, planned: list[Planned], pages: Iterable[ContentPageInfo],
                 site_url: str, keep=None, remember=None,
                 shape: str | None = None) -> dict[str, bytes | str]:
    """Every generated data file; tells `planner` which listings have a feed.

    `keep(name, inputs, compute)`, when given, may answer with what `compute()` returned for
    the same stories and vocabularies before (the build cache): feeds and open data depend
    on nothing else but `site_url`. `remember` keeps single feeds and rows (feeds.py), and,
    given `shape` (page_keys.structure: the stories without their texts), the statistics and
    the sitemap, which read nothing else of the stories.
    """
    entries, vocab = planner.index.entries, planner.vocab
    pages = tuple(pages)

    def content_files() -> tuple[dict[str, bytes], dict[str, bytes]]:
        return (feed_files(entries, vocab, site_url, remember),
                data_files(entries, vocab, site_url, remember))

    feeds, data = (keep("feeds+opendata", site_url, content_files) if keep
                   else content_files())
    files: dict[str, bytes | str] = dict(feeds)
    planner.feeds = frozenset(files)
    files.update(data)
    def statistics() -> dict[str, bytes]:
        return statistics_files(planner.statistics)

    def sitemap() -> bytes:
        return sitemap_xml(sitemap_urls(planned, pages), site_url)

    if remember is not None and shape is not None:
        files.update(remember(("statistics", shape), statistics))
        files[SITEMAP] = remember(("sitemap", shape, pages, site_url), sitemap)
    else:
        files.update(statistics())
        files[SITEMAP] = sitemap()
    files["robots.txt"] = robots_txt(site_url)
    return files
