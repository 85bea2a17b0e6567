"""Search: Pagefind over lean records of every story, one index per language.

The face of the search stage; the rest of the generator imports only from here.

    filters  the filters (language-neutral values, labels in the page's language)
    records  each story's record in both languages' indexes, terms weighted above the body
    inflect  Finnish place names in the cases readers type
    runner   one Pagefind run per language, each bundle kept in the build cache
    bundle_cache  the bundles kept in the build cache, linked into the site
    bundle   Pagefind's output made byte-stable, for the Pagefind versions whose format it knows
    page     the search page's form and strings
"""

from __future__ import annotations

from generator.search.bundle import ENTRY, KNOWN_VERSIONS, BundleFormatError, normalise
from generator.search.filters import FILTERS, Facet, facets, story_filters
from generator.search.page import STRINGS, TEMPLATE, page_html, text
from generator.search.records import Record, site_records, story_records
from generator.search.runner import (
    BUNDLE,
    CACHE,
    Background,
    Indexer,
    IndexReport,
    SearchIndexError,
    build_index,
    check_records_dir,
    write_records,
)

__all__ = [
    "BUNDLE", "CACHE", "ENTRY", "FILTERS", "KNOWN_VERSIONS", "STRINGS", "TEMPLATE", "Background",
    "BundleFormatError",
    "Facet", "IndexReport", "Indexer", "Record", "SearchIndexError", "build_index",
    "check_records_dir", "facets",
    "normalise", "page_html", "site_records", "story_filters", "story_records", "text",
    "write_records",
]
