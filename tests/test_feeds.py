"""Tests for generator.feeds: Atom documents parsed back with feedparser and lxml."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import factories
import feedparser
import pytest
from factories import term
from lxml import etree

from generator import feeds, urls
from generator.index import build_index
from generator.model import (
    Entry,
    Kind,
    Lang,
    Story,
    Term,
    Text,
    Vocabularies,
    Vocabulary,
    group_entries,
)
from generator.validate import load_content

SITE = "https://example.org/tori/"
ATOM = {"a": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ROOT = Path(__file__).resolve().parent.parent


VOCAB = Vocabularies(
    categories=Vocabulary(
        Kind.CATEGORY,
        (
            term(
                Kind.CATEGORY,
                "digitalisaatio",
                "Digitalisaatio",
                "Digitalisering",
                description=Text("Digitaaliset palvelut.", "Digitala tjänster."),
            ),
            term(Kind.CATEGORY, "tyohyvinvointi", "Työhyvinvointi", "Arbetshälsa", order=1),
            term(Kind.CATEGORY, "ymparisto", "Ympäristö", "Miljö", order=2),
        ),
    ),
    regions=Vocabulary(
        Kind.REGION,
        (term(Kind.REGION, "paijat-hame", "Päijät-Häme", "Päijänne-Tavastland", code="07"),),
    ),
    municipalities=Vocabulary(
        Kind.MUNICIPALITY,
        (
            term(
                Kind.MUNICIPALITY, "hollola", "Hollola", "Hollola", code="098", region="paijat-hame"
            ),
        ),
    ),
    sectors=Vocabulary(
        Kind.SECTOR, (term(Kind.SECTOR, "tekninen-toimi", "Tekninen toimi", "Teknisk sektor"),)
    ),
    awards=Vocabulary(
        Kind.AWARD,
        (
            Term(
                Kind.AWARD,
                "2019-innostavat-teot",
                Text("Innostavat teot", "Inspirerande gärningar"),
                Text("2019-innostavat-teot", "2019-inspirerande-garningar"),
                year=2019,
                programme=Text("KunTeko-gaala 2019", "KunTeko-galan 2019"),
            ),
        ),
    ),
)


def story(slug: str, lang: Lang, day: str, **fields) -> Story:
    """A valid story version with this module's defaults (no places unless given)."""
    defaults = {
        "title": f"Tarina {slug}" if lang is Lang.FI else f"Berättelse {slug}",
        "summary": "Tiivistelmä, joka kertoo lyhyesti mitä tehtiin & miksi <tärkeää>.",
        "organisation": "Hollolan kunta" if lang is Lang.FI else "Hollola kommun",
        "categories": ("digitalisaatio",),
        "body": "Teksti.",
        "municipalities": (),
        "regions": (),
    }
    return factories.story(slug, lang, day, **{**defaults, **fields})


def sample_entries() -> tuple[Entry, ...]:
    """Three stories: bilingual, Finnish only (awarded), Swedish only (updated later)."""
    return group_entries(
        [
            story(
                "hollola-latu",
                Lang.FI,
                "2024-03-01",
                municipalities=("hollola",),
                regions=("paijat-hame",),
            ),
            story(
                "hollola-latu",
                Lang.SV,
                "2024-03-05",
                municipalities=("hollola",),
                regions=("paijat-hame",),
            ),
            story(
                "mikkeli-ruoka",
                Lang.FI,
                "2024-05-02",
                awards=("2019-innostavat-teot",),
                categories=("tyohyvinvointi", "digitalisaatio"),
            ),
            story(
                "vasa-miljo",
                Lang.SV,
                "2023-11-20",
                updated=datetime.date(2024, 6, 1),
                categories=("ymparisto",),
                sectors=("tekninen-toimi",),
            ),
        ]
    )


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return feeds.feed_files(sample_entries(), VOCAB, SITE)


def parse(files: dict[str, bytes], path: str) -> feedparser.FeedParserDict:
    """A feed parsed by feedparser, failing the test on any well-formedness problem."""
    parsed = feedparser.parse(files[path])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_one_feed_per_language_and_per_term_with_stories(files):
    terms_with_stories = [
        VOCAB.categories.get("digitalisaatio"),
        VOCAB.categories.get("tyohyvinvointi"),
        VOCAB.categories.get("ymparisto"),
        VOCAB.regions.get("paijat-hame"),
        VOCAB.municipalities.get("hollola"),
        VOCAB.sectors.get("tekninen-toimi"),
        VOCAB.awards.get("2019-innostavat-teot"),
    ]
    expected = {urls.feed(urls.stories(lang)) for lang in Lang}
    expected |= {urls.feed(urls.term(t, lang)) for t in terms_with_stories for lang in Lang}
    assert set(files) == expected
    assert "fi/teemat/digitalisaatio/feed.xml" in files
    assert "sv/priser/2019-inspirerande-garningar/feed.xml" in files


def test_term_without_stories_has_no_feed():
    entries = group_entries([story("a-story", Lang.FI, "2024-01-01")])
    paths = feeds.feed_files(entries, VOCAB, SITE)
    assert "fi/teemat/ymparisto/feed.xml" not in paths
    assert "fi/teemat/digitalisaatio/feed.xml" in paths


def test_no_stories_gives_no_feeds():
    assert feeds.feed_files((), VOCAB, SITE) == {}


def test_finnish_feed_lists_every_story_newest_first_in_best_language(files):
    parsed = parse(files, "fi/tarinat/feed.xml")
    assert parsed.feed.title == "Tekojen tori \N{EN DASH} Uusimmat tarinat"
    assert parsed.feed.language == "fi"
    links = [e.link for e in parsed.entries]
    assert links == [
        SITE + "fi/tarinat/mikkeli-ruoka/",
        SITE + "fi/tarinat/hollola-latu/",
        SITE + "sv/berattelser/vasa-miljo/",  # no Finnish version: the Swedish one, in Swedish
    ]
    assert [e.title_detail.language for e in parsed.entries] == ["fi", "fi", "sv"]


def test_entry_language_is_the_versions_own(files):
    tree = etree.fromstring(files["fi/tarinat/feed.xml"])
    assert tree.get(XML_LANG) == "fi"
    langs = {
        e.findtext("a:id", namespaces=ATOM): e.get(XML_LANG) for e in tree.findall("a:entry", ATOM)
    }
    assert langs[SITE + "sv/berattelser/vasa-miljo/"] == "sv"
    assert langs[SITE + "fi/tarinat/hollola-latu/"] == "fi"


def test_swedish_feed_title_and_translation_link(files):
    parsed = parse(files, "sv/berattelser/feed.xml")
    assert parsed.feed.title == "Framstegsarenan \N{EN DASH} Nyaste berättelserna"
    hollola = next(e for e in parsed.entries if "hollola" in e.id)
    links = [(lnk.rel, lnk.hreflang, lnk.href) for lnk in hollola.links]
    assert links == [
        ("alternate", "sv", SITE + "sv/berattelser/hollola-latu/"),
        ("related", "fi", SITE + "fi/tarinat/hollola-latu/"),
    ]
    assert hollola.link == SITE + "sv/berattelser/hollola-latu/"


def test_feed_links_are_absolute_and_self_link_points_to_the_feed(files):
    parsed = parse(files, "fi/teemat/digitalisaatio/feed.xml")
    rels = {lnk.rel: lnk.href for lnk in parsed.feed.links}
    assert rels["self"] == SITE + "fi/teemat/digitalisaatio/feed.xml"
    assert rels["alternate"] == SITE + "fi/teemat/digitalisaatio/"
    assert parsed.feed.id == SITE + "fi/teemat/digitalisaatio/"
    assert parsed.feed.subtitle == "Digitaaliset palvelut."
    for entry in parsed.entries:
        assert entry.link.startswith(SITE)


def test_term_feed_titles_use_the_label_and_awards_name_their_gala(files):
    assert parse(files, "sv/teman/digitalisering/feed.xml").feed.title == (
        "Framstegsarenan \N{EN DASH} Digitalisering"
    )
    award = parse(files, "fi/palkinnot/2019-innostavat-teot/feed.xml")
    assert award.feed.title == "Tekojen tori \N{EN DASH} KunTeko-gaala 2019: Innostavat teot"
    assert [e.link for e in award.entries] == [SITE + "fi/tarinat/mikkeli-ruoka/"]


def test_term_feed_holds_only_stories_of_the_term(files):
    parsed = parse(files, "sv/regioner/paijanne-tavastland/feed.xml")
    assert [e.link for e in parsed.entries] == [SITE + "sv/berattelser/hollola-latu/"]


def test_entry_fields_summary_dates_author_categories(files):
    parsed = parse(files, "fi/tarinat/feed.xml")
    mikkeli = parsed.entries[0]
    assert mikkeli.summary == "Tiivistelmä, joka kertoo lyhyesti mitä tehtiin & miksi <tärkeää>."
    assert mikkeli.published == "2024-05-02T00:00:00Z"
    assert mikkeli.author == "Hollolan kunta"
    assert [(t.term, t.label) for t in mikkeli.tags] == [
        ("tyohyvinvointi", "Työhyvinvointi"),
        ("digitalisaatio", "Digitalisaatio"),
    ]
    vasa = parsed.entries[2]
    assert vasa.updated == "2024-06-01T00:00:00Z"
    assert vasa.tags[0].label == "Miljö"  # label in the entry's own language


def test_feed_updated_is_the_newest_change_not_the_build_time(files):
    assert parse(files, "fi/tarinat/feed.xml").feed.updated == "2024-06-01T00:00:00Z"
    # each language's feed shows, and so dates, the versions its readers get
    assert parse(files, "fi/kunnat/hollola/feed.xml").feed.updated == "2024-03-01T00:00:00Z"
    assert parse(files, "sv/kommuner/hollola/feed.xml").feed.updated == "2024-03-05T00:00:00Z"


def test_at_most_twenty_newest_entries_ties_by_slug():
    day = datetime.date(2024, 1, 1)
    stories = [
        story(f"story-{n:02d}", Lang.FI, (day + datetime.timedelta(days=n // 2)).isoformat())
        for n in range(30)
    ]
    parsed = parse(feeds.feed_files(group_entries(stories), VOCAB, SITE), "fi/tarinat/feed.xml")
    slugs = [e.link.rsplit("/", 2)[1] for e in parsed.entries]
    assert len(slugs) == feeds.FEED_SIZE
    assert slugs[:4] == ["story-28", "story-29", "story-26", "story-27"]


def test_drafts_are_left_out():
    entries = group_entries(
        [
            story("shown-story", Lang.FI, "2024-01-01"),
            story("draft-story", Lang.FI, "2024-02-01", draft=True),
        ]
    )
    parsed = parse(feeds.feed_files(entries, VOCAB, SITE), "fi/tarinat/feed.xml")
    assert [e.link for e in parsed.entries] == [SITE + "fi/tarinat/shown-story/"]


def test_build_is_deterministic():
    first = feeds.feed_files(sample_entries(), VOCAB, SITE)
    second = feeds.feed_files(tuple(reversed(sample_entries())), VOCAB, SITE)
    assert first == second
    assert list(first) == list(second)


def test_text_is_escaped_and_document_is_well_formed_utf8():
    entries = group_entries([story("a-story", Lang.FI, "2024-01-01", title="Ääni & <kuva> ]]>")])
    data = feeds.feed_files(entries, VOCAB, SITE)["fi/tarinat/feed.xml"]
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    tree = etree.fromstring(data)
    assert tree.findtext("a:entry/a:title", namespaces=ATOM) == "Ääni & <kuva> ]]>"


RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def rfc4287_problems(data: bytes) -> list[str]:
    """Breaches of the RFC 4287 rules that feedparser tolerates (section 4.1)."""
    feed = etree.fromstring(data)
    problems = []

    def once(parent, tag: str, where: str) -> None:
        if len(parent.findall(f"a:{tag}", ATOM)) != 1:
            problems.append(f"{where}: needs exactly one atom:{tag}")

    for tag in ("id", "title", "updated"):
        once(feed, tag, "feed")
    entries = feed.findall("a:entry", ATOM)
    if not feed.findall("a:author", ATOM) and not all(
        e.find("a:author", ATOM) is not None for e in entries
    ):
        problems.append("feed: needs atom:author, or one in every entry")
    for n, entry in enumerate(entries):
        for tag in ("id", "title", "updated"):
            once(entry, tag, f"entry {n}")
        alternates = [
            (lk.get("type"), lk.get("hreflang"))
            for lk in entry.findall("a:link[@rel='alternate']", ATOM)
        ]
        if not alternates and entry.find("a:content", ATOM) is None:
            problems.append(f"entry {n}: needs atom:content or an alternate link")
        if len(alternates) != len(set(alternates)):
            problems.append(f"entry {n}: two alternate links with the same type and hreflang")
    for stamp in feed.xpath("//a:updated | //a:published", namespaces=ATOM):
        if not RFC3339.match(stamp.text or ""):
            problems.append(f"{stamp.tag}: {stamp.text!r} is not an RFC 3339 date-time")
    return problems


def test_every_feed_follows_rfc4287(files):
    assert {path: rfc4287_problems(data) for path, data in files.items()} == {
        path: [] for path in files
    }


def test_rfc4287_check_catches_a_broken_feed(files):
    data = files["fi/tarinat/feed.xml"].replace(b"<updated>2024-06-01T00:00:00Z</updated>", b"", 1)
    data = data.replace(b"T00:00:00Z</published>", b"</published>", 1)
    assert rfc4287_problems(data) == [
        "feed: needs exactly one atom:updated",
        "{http://www.w3.org/2005/Atom}published: '2024-05-02' is not an RFC 3339 date-time",
    ]


def test_term_listing_follows_the_version_readers_get():
    entries = group_entries(
        [
            story("split-story", Lang.FI, "2024-01-01", categories=("ymparisto",)),
            story("split-story", Lang.SV, "2024-01-01", categories=("digitalisaatio",)),
        ]
    )
    files = feeds.feed_files(entries, VOCAB, SITE)
    assert "fi/teemat/ymparisto/feed.xml" in files
    assert "sv/teman/miljo/feed.xml" not in files
    assert "sv/teman/digitalisering/feed.xml" in files
    assert "fi/teemat/digitalisaatio/feed.xml" not in files


def test_feeds_list_what_the_site_index_lists():
    entries = sample_entries()
    site = build_index(entries, VOCAB)
    files = feeds.feed_files(entries, VOCAB, SITE)
    for lang in Lang:
        for vocabulary in VOCAB.all():
            for t in vocabulary:
                listed = [e.slug for e in site.stories_of(t, lang)][: feeds.FEED_SIZE]
                path = urls.feed(urls.term(t, lang))
                fed = [e.id.rsplit("/", 2)[1] for e in parse(files, path).entries] if listed else []
                assert fed == listed, path
        newest = [e.slug for e in site.newest(lang)]
        fed = [e.id.rsplit("/", 2)[1] for e in parse(files, urls.feed(urls.stories(lang))).entries]
        assert fed == newest


def test_sample_content_gives_valid_files():
    loaded = load_content(ROOT / "content")
    assert not loaded.problems
    entries = group_entries(list(loaded.stories))
    files = feeds.feed_files(entries, loaded.vocab, SITE)
    assert {"fi/tarinat/feed.xml", "sv/berattelser/feed.xml"} <= set(files)
    for path, data in files.items():
        parse(files, path)
        assert rfc4287_problems(data) == [], path
    newest = parse(files, "sv/berattelser/feed.xml").entries
    assert len(newest) == min(len(entries), feeds.FEED_SIZE)


def test_an_honourable_mention_feed_says_so_in_its_title():
    vocab = factories.vocabularies()
    mention = vocab.awards.get("2019-vuoden-viestintateko")
    prize = vocab.awards.get("2019-innostavat-teot")
    assert feeds.term_title(mention, Lang.SV) == (
        "Framstegsarenan \u2013 Årets gärning-priserna 2019: Årets kommunikationsgärning, "
        "hedersomnämnande")
    assert feeds.term_title(prize, Lang.FI) == (
        "Tekojen tori \u2013 KunTeko-gaala 2019: Innostavat teot")
