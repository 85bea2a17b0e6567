"""Which built page stands for each page type, in each language, for the browser checks.

Page types are named at collection time (so every type is its own test); the URL that stands
for a type is found when the test runs, from the sample content and the built site, so the
checks follow the content instead of hard-coding slugs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from generator import urls
from generator.model import LANGS, Kind, Lang
from generator.validate import Content, load_content

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
STORIES = CONTENT / "stories"

# Kinds with an overview page (the municipalities one is grouped by region).
OVERVIEW_KINDS = (Kind.CATEGORY, Kind.REGION, Kind.MUNICIPALITY, Kind.SECTOR, Kind.CLIENT_GROUP,
                  Kind.AWARD)
# A query word that occurs in stories of both languages (a municipality name).
SEARCH_QUERY = "Hollola"


class MissingPage(LookupError):
    """The sample content or the built site has no page of a required type."""


def story_files() -> dict[str, dict[Lang, Path]]:
    """Every story slug with its source file per language."""
    found: dict[str, dict[Lang, Path]] = {}
    for path in sorted(STORIES.glob("*.*.md")):
        slug, lang = path.name[: -len(".md")].rsplit(".", 1)
        if lang in {lang.value for lang in LANGS}:
            found.setdefault(slug, {})[Lang(lang)] = path
    return found


@functools.cache
def _content() -> Content:
    """The sample content, read and checked as the build reads it."""
    return load_content(CONTENT)


def _has_image(path: Path) -> bool:
    """Whether a story file has an image."""
    source = f"stories/{path.name}"
    return any(story.image for story in _content().stories if story.source == source)


def _first(slugs: list[str], what: str) -> str:
    """The first of `slugs`, or MissingPage naming what the sample content lacks."""
    if not slugs:
        raise MissingPage(f"the sample content has no {what}")
    return slugs[0]


def story_with_image(site: Path, lang: Lang) -> str:
    """A story page in `lang` that shows an image."""
    files = story_files()
    slugs = [s for s, by in files.items() if lang in by and _has_image(by[lang])]
    return urls.story(_first(slugs, f"story with an image in {lang}"), lang)


def story_with_translation(site: Path, lang: Lang) -> str:
    """A story page in `lang` whose story exists in both languages (no image, for variety)."""
    files = story_files()
    slugs = [s for s, by in files.items() if len(by) == 2 and not _has_image(by[lang])]
    return urls.story(_first(slugs, "story in both languages"), lang)


def story_without_translation(site: Path, lang: Lang) -> str:
    """A story page that exists in `lang` only (one without an image when there is one)."""
    files = story_files()
    slugs = sorted(
        (s for s, by in files.items() if set(by) == {lang}),
        key=lambda s: _has_image(files[s][lang]),
    )
    return urls.story(_first(slugs, f"story only in {lang}"), lang)


def story_read_across_languages(site: Path, lang: Lang) -> str:
    """The page in `lang` of a story that has no version in `lang` (its text in the other)."""
    files = story_files()
    slugs = [s for s, by in files.items() if set(by) == {lang.other}]
    return urls.story(_first(slugs, f"story only in {lang.other}"), lang)


def listing_with_page_two(site: Path, lang: Lang) -> str:
    """A term listing (or, failing that, the all-stories listing) that has a page 2."""
    for kind in Kind:
        base = site / lang.value / urls.SEGMENTS[kind][lang]
        for page_two in sorted(base.glob(f"*/{urls.PAGE[lang]}/2/index.html")):
            return page_two.parent.parent.parent.relative_to(site).as_posix() + "/"
    if (site / urls.dest_path(urls.stories(lang, 2))).is_file():
        return urls.stories(lang)
    raise MissingPage(f"no listing in {lang} has a page 2; the test build needs more stories")


def listing_page_two(site: Path, lang: Lang) -> str:
    """Page 2 of the listing chosen by `listing_with_page_two`."""
    return urls.paged(listing_with_page_two(site, lang), lang, 2)


def region_page(site: Path, lang: Lang) -> str:
    """A region's page (it also lists the region's municipalities)."""
    base = site / urls.overview(Kind.REGION, lang)
    pages = sorted(p.parent for p in base.glob("*/index.html"))
    return _first([p.relative_to(site).as_posix() + "/" for p in pages], "region page")


def search_with_results(site: Path, lang: Lang) -> str:
    """The search page with a query in its address, so results show on load."""
    return f"{urls.search(lang)}?q={SEARCH_QUERY}"


def content_pages(lang: Lang) -> dict[str, str]:
    """The content pages of a language (home excluded) by their `key`, with their URLs."""
    pages = {}
    for page in _content().pages:
        source = PurePosixPath(page.source)
        if page.lang is lang and source.stem != "index":
            pages[page.key] = f"{source.with_suffix('').as_posix()}/"
    return pages


def not_found(site: Path, lang: Lang) -> str:
    """The 404 page for `lang`: a per-language one when the site has it, else the site's."""
    own = f"{lang.value}/404.html"
    return own if (site / own).is_file() else "404.html"


def _fixed(make: Callable[[Lang], str]) -> Callable[[Path, Lang], str]:
    """A resolver for a URL that depends on the language only."""
    return lambda site, lang: make(lang)


def _overview(kind: Kind) -> Callable[[Path, Lang], str]:
    """A resolver for the overview of `kind`."""
    return lambda site, lang: urls.overview(kind, lang)


def _content_page(key: str) -> Callable[[Path, Lang], str]:
    """A resolver for the content page with `key` (the same key in both languages)."""

    def resolve(site: Path, lang: Lang) -> str:
        pages = content_pages(lang)
        if key not in pages:
            raise MissingPage(f"content/{lang.value}/ has no page with key '{key}'")
        return pages[key]

    return resolve


PAGE_TYPES: dict[str, Callable[[Path, Lang], str]] = {
    "home": _fixed(urls.home),
    "story-with-image": story_with_image,
    "story-with-translation": story_with_translation,
    "story-without-translation": story_without_translation,
    "story-read-across-languages": story_read_across_languages,
    "all-stories": _fixed(urls.stories),
    **{f"overview-{kind.value}": _overview(kind) for kind in OVERVIEW_KINDS},
    "term": listing_with_page_two,
    "term-page-2": listing_page_two,
    "region": region_page,
    "search-with-results": search_with_results,
    "statistics": _fixed(urls.statistics),
    **{f"content-{key}": _content_page(key) for key in content_pages(Lang.FI)},
    "404": not_found,
    "language-chooser": lambda site, lang: "",
}
# Page types with one page for both languages: checked once, in Finnish (their <html lang>).
SHARED_TYPES = {"404", "language-chooser"}

# The page types worth a screenshot: one of each visual layout.
SCREENSHOT_TYPES = (
    "home",
    "story-with-image",
    "story-without-translation",
    "story-read-across-languages",
    "overview-regions",
    "overview-municipalities",
    "statistics",
    "term",
    "search-with-results",
    "content-accessibility",
    "404",
    "language-chooser",
)


def resolve(name: str, site: Path, lang: Lang) -> str:
    """The site-relative URL of page type `name` in `lang`."""
    return PAGE_TYPES[name](site, lang)


def all_types() -> list[tuple[str, Lang]]:
    """Every (page type, language) pair, for parametrising."""
    return [
        (name, lang)
        for name in PAGE_TYPES
        for lang in LANGS
        if name not in SHARED_TYPES or lang is Lang.FI
    ]
