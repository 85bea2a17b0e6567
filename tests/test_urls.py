"""Tests for generator.urls: slugs and every URL pattern of site.md."""

from __future__ import annotations

import pytest

from generator import urls
from generator.model import Kind, Lang, Term, Text


@pytest.mark.parametrize(("text", "slug"), [
    ("Päijät-Häme", "paijat-hame"),
    ("S:t Mårtens", "s-t-martens"),
    ("Työhyvinvointi", "tyohyvinvointi"),
    ("Yhdenvertaisuus ja tasa-arvo", "yhdenvertaisuus-ja-tasa-arvo"),
    ("Maarianhamina - Mariehamn", "maarianhamina-mariehamn"),
    ("  --Å--  ", "a"),
    ("Straße Øre", "strasse-ore"),
])
def test_slugify(text: str, slug: str) -> None:
    assert urls.slugify(text) == slug
    assert urls.is_slug(slug)


@pytest.mark.parametrize("value", ["", "A", "a--b", "-a", "a-", "a_b", "ä"])
def test_is_slug_refuses(value: str) -> None:
    assert not urls.is_slug(value)


def test_story_and_listing_urls() -> None:
    assert urls.home(Lang.SV) == "sv/"
    assert urls.story("latu", Lang.FI) == "fi/tarinat/latu/"
    assert urls.story("latu", Lang.SV) == "sv/berattelser/latu/"
    assert urls.stories(Lang.FI) == "fi/tarinat/"
    assert urls.stories(Lang.FI, 2) == "fi/tarinat/sivu/2/"
    assert urls.stories(Lang.SV, 3) == "sv/berattelser/sida/3/"
    assert urls.search(Lang.SV) == "sv/sok/" and urls.search(Lang.FI) == "fi/haku/"


@pytest.mark.parametrize(("kind", "fi", "sv"), [
    (Kind.CATEGORY, "fi/teemat/", "sv/teman/"),
    (Kind.REGION, "fi/alueet/", "sv/regioner/"),
    (Kind.MUNICIPALITY, "fi/kunnat/", "sv/kommuner/"),
    (Kind.SECTOR, "fi/toimialat/", "sv/sektorer/"),
    (Kind.AWARD, "fi/palkinnot/", "sv/priser/"),
])
def test_overview_segments_are_localised(kind: Kind, fi: str, sv: str) -> None:
    assert (urls.overview(kind, Lang.FI), urls.overview(kind, Lang.SV)) == (fi, sv)


def test_term_url_uses_the_slug_of_the_language() -> None:
    term = Term(Kind.CATEGORY, "digitalisaatio", Text("Digitalisaatio", "Digitalisering"),
                Text("digitalisaatio", "digitalisering"))
    assert urls.term(term, Lang.FI) == "fi/teemat/digitalisaatio/"
    assert urls.term(term, Lang.SV, 2) == "sv/teman/digitalisering/sida/2/"
    assert urls.feed(urls.term(term, Lang.FI)) == "fi/teemat/digitalisaatio/feed.xml"


def test_paths_and_links() -> None:
    assert urls.dest_path("fi/teemat/") == "fi/teemat/index.html"
    assert urls.dest_path("") == "index.html"
    assert urls.dest_path("sitemap.xml") == "sitemap.xml"
    assert urls.absolute("https://example.org/tori/", "/fi/") == "https://example.org/tori/fi/"
    assert urls.absolute("https://example.org", "fi/") == "https://example.org/fi/"
    assert urls.relative("fi/tarinat/latu/", "sv/") == "../../../sv/"
    assert urls.relative("", "fi/") == "fi/"
    assert urls.relative("fi/", "") == "../"
    assert urls.relative("", "") == "./"


def test_statistics_pages() -> None:
    assert urls.statistics(Lang.FI) == "fi/tilastot/"
    assert urls.statistics(Lang.SV) == "sv/statistik/"
    assert (urls.STATS_JSON, urls.STATS_CSV) == ("data/statistics.json", "data/statistics.csv")
