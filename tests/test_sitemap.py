"""Tests for generator.sitemap: the XML parsed back with lxml, hreflang checked for reciprocity."""

from __future__ import annotations

import datetime
from collections import defaultdict

import pytest
from lxml import etree

from generator import sitemap, urls
from generator.model import Kind, Lang, Term, Text
from generator.sitemap import SitemapUrl

SITE = "https://example.org/tori/"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}

THEME = Term(
    Kind.CATEGORY,
    "digitalisaatio",
    Text("Digitalisaatio", "Digitalisering"),
    Text("digitalisaatio", "digitalisering"),
)


def site_pages() -> list[SitemapUrl]:
    """A small site: home pages, a bilingual story, a Finnish-only story, a term page, about."""
    pages = sitemap.translations({lang: urls.home(lang) for lang in Lang})
    pages += sitemap.translations(
        {lang: urls.story("hollola-latu", lang) for lang in Lang}, datetime.date(2024, 3, 5)
    )
    pages += sitemap.translations({Lang.FI: urls.story("mikkeli-ruoka", Lang.FI)})
    pages += sitemap.translations({lang: urls.term(THEME, lang) for lang in Lang})
    pages += sitemap.translations({Lang.SV: "sv/om-tjansten/", Lang.FI: "fi/tietoa-palvelusta/"})
    return pages


def parse(data: bytes) -> dict[str, dict]:
    """Each <url> of a sitemap: loc -> {"lastmod": ..., "alternates": {hreflang: href}}."""
    root = etree.fromstring(data)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    found: dict[str, dict] = {}
    for item in root.findall("sm:url", NS):
        loc = item.findtext("sm:loc", namespaces=NS)
        assert loc not in found, f"duplicate <loc> {loc}"
        links = item.findall("xhtml:link", NS)
        assert all(link.get("rel") == "alternate" for link in links)
        found[loc] = {
            "lastmod": item.findtext("sm:lastmod", namespaces=NS),
            "alternates": {link.get("hreflang"): link.get("href") for link in links},
        }
    return found


def unreciprocated(found: dict[str, dict]) -> list[str]:
    """Every alternate that is not itself a listed page naming the same set of versions."""
    problems = []
    for loc, page in found.items():
        versions = page["alternates"]
        if versions and loc not in versions.values():
            problems.append(f"{loc} does not list itself")
        for href in versions.values():
            if href not in found or found[href]["alternates"] != versions:
                problems.append(f"{loc} -> {href} is not reciprocal")
    return problems


def test_every_page_is_listed_with_absolute_urls():
    found = parse(sitemap.sitemap_xml(site_pages(), SITE))
    assert set(found) == {
        SITE + "fi/",
        SITE + "sv/",
        SITE + "fi/tarinat/hollola-latu/",
        SITE + "sv/berattelser/hollola-latu/",
        SITE + "fi/tarinat/mikkeli-ruoka/",
        SITE + "fi/teemat/digitalisaatio/",
        SITE + "sv/teman/digitalisering/",
        SITE + "fi/tietoa-palvelusta/",
        SITE + "sv/om-tjansten/",
    }


def test_hreflang_alternates_are_reciprocal():
    found = parse(sitemap.sitemap_xml(site_pages(), SITE))
    assert unreciprocated(found) == []
    assert found[SITE + "sv/teman/digitalisering/"]["alternates"] == {
        "fi": SITE + "fi/teemat/digitalisaatio/",
        "sv": SITE + "sv/teman/digitalisering/",
    }


def test_reciprocity_check_catches_a_one_sided_alternate():
    one_sided = [
        SitemapUrl("fi/", ((Lang.FI, "fi/"), (Lang.SV, "sv/"))),
        SitemapUrl("sv/", ((Lang.SV, "sv/"),)),
    ]
    assert unreciprocated(parse(sitemap.sitemap_xml(one_sided, SITE))) != []


def test_single_language_page_names_only_itself():
    found = parse(sitemap.sitemap_xml(site_pages(), SITE))
    mikkeli = SITE + "fi/tarinat/mikkeli-ruoka/"
    assert found[mikkeli]["alternates"] == {"fi": mikkeli}


def test_translations_lists_versions_in_language_order():
    pages = sitemap.translations({Lang.SV: "sv/x/", Lang.FI: "fi/x/"})
    assert [p.url for p in pages] == ["fi/x/", "sv/x/"]
    assert all(p.alternates == ((Lang.FI, "fi/x/"), (Lang.SV, "sv/x/")) for p in pages)


def test_lastmod_is_a_w3c_date_when_known():
    found = parse(sitemap.sitemap_xml(site_pages(), SITE))
    assert found[SITE + "sv/berattelser/hollola-latu/"]["lastmod"] == "2024-03-05"
    assert found[SITE + "fi/"]["lastmod"] is None


def test_output_is_sorted_deduplicated_and_deterministic():
    pages = site_pages()
    data = sitemap.sitemap_xml(pages + pages[:3], SITE)
    assert data == sitemap.sitemap_xml(list(reversed(pages)), SITE)
    locs = etree.fromstring(data).xpath("//sm:loc/text()", namespaces=NS)
    assert locs == sorted(locs)
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert b'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in data


def test_root_url_of_the_site_and_site_url_without_slash():
    data = sitemap.sitemap_xml([SitemapUrl("", ())], "https://example.org/tori")
    assert list(parse(data)) == ["https://example.org/tori/"]


def test_too_many_urls_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(sitemap, "MAX_URLS", 2)
    with pytest.raises(ValueError, match="3 URLs is more than the 2 one sitemap file may hold"):
        sitemap.sitemap_xml([SitemapUrl(f"fi/{n}/", ()) for n in range(3)], SITE)


def test_robots_txt_names_the_absolute_sitemap():
    text = sitemap.robots_txt("https://example.org/tori")
    lines = text.splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: https://example.org/tori/sitemap.xml" in lines
    assert not any(line.startswith("Disallow") for line in lines)
    assert text.endswith("\n")


def test_sitemap_covers_both_languages_of_every_bilingual_page():
    found = parse(sitemap.sitemap_xml(site_pages(), SITE))
    by_versions: dict[frozenset, list[str]] = defaultdict(list)
    for loc, page in found.items():
        by_versions[frozenset(page["alternates"].items())].append(loc)
    sizes = sorted(len(locs) for locs in by_versions.values())
    assert sizes == [1, 2, 2, 2, 2]
