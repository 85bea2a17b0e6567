"""Whole-site tests: build tests/fixtures/site once and check every page type in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
import yaml
from sitebuild import SITE_FIXTURE, build_site, site_files

SITE_URL = "https://example.org/tori/"

STORY_PAGES = {
    "fi/tarinat/hollola-latu/", "fi/tarinat/vantaa-ollaanihmisiksi/",
    "fi/tarinat/liminka-kekseliain-kunta/", "fi/tarinat/mikkeli-ruokapalvelut/",
    "fi/tarinat/soite-aktiivinen-tuki/",
    "sv/berattelser/hollola-latu/", "sv/berattelser/kaustbyregionen-digitalisering/",
    "sv/berattelser/liminka-kekseliain-kunta/", "sv/berattelser/soite-aktiivinen-tuki/",
}
# Stories with a version in one language only also have a page in the other: the text in its
# own language, the interface (menu, facts, note at the top) in the page's.
FOREIGN_STORY_PAGES = {
    "fi/tarinat/kaustbyregionen-digitalisering/", "sv/berattelser/vantaa-ollaanihmisiksi/",
    "sv/berattelser/mikkeli-ruokapalvelut/",
}
FI_TERMS = {
    "teemat": ["digitalisaatio", "henkilostolahtoinen-tuloksellisuus", "innovointi",
               "toimintakulttuuri", "tyohyvinvointi",
               "tyokykyjohtaminen", "viestinta", "ymparisto"],
    "alueet": ["etela-savo", "keski-pohjanmaa", "paijat-hame",
               "pohjois-pohjanmaa", "uusimaa"],
    "kunnat": ["hollola", "kaustinen", "liminka", "mikkeli", "vantaa"],
    "toimialat": ["koko-kunta", "ruoka-ja-puhtauspalvelut", "sosiaali-ja-terveysala"],
    "palkinnot": ["2019-innostavat-teot", "2019-vuoden-viestintateko",
                  "2021-suomen-kekseliain-kunta"],
    "asiakasryhmat": ["asukkaat", "oma-henkilosto"],
}
SV_TERMS = {
    "teman": ["arbetshalsa", "digitalisering", "innovation", "kommunikation",
              "ledning-av-arbetsformaga", "miljo", "personalorienterad-resultatutveckling",
              "verksamhetskultur"],
    "regioner": ["mellersta-osterbotten", "norra-osterbotten", "nyland",
                 "paijanne-tavastland", "sodra-savolax"],
    "kommuner": ["hollola", "kaustby", "limingo", "s-t-michel", "vanda"],
    "sektorer": ["hela-kommunorganisationen", "maltids-och-lokalvardstjanster",
                 "social-och-halsovardssektorn"],
    "priser": ["2019-arets-kommunikationsgarning", "2019-inspirerande-garningar",
               "2021-finlands-mest-innovativa-kommun"],
    "klientgrupper": ["den-egna-personalen", "invanare"],
}


def expected_pages() -> set[str]:
    pages = {"", "fi/", "sv/", "fi/tietoa-palvelusta/", "sv/om-tjansten/",
             "fi/tarinan-lisaaminen/", "fi/haku/", "sv/sok/", "fi/tilastot/", "sv/statistik/",
             *STORY_PAGES, *FOREIGN_STORY_PAGES}
    for lang, all_stories, page, terms in (("fi", "tarinat", "sivu", FI_TERMS),
                                           ("sv", "berattelser", "sida", SV_TERMS)):
        pages |= {f"{lang}/{all_stories}/", f"{lang}/{all_stories}/{page}/2/",
                  f"{lang}/{all_stories}/{page}/3/"}
        for segment, slugs in terms.items():
            pages.add(f"{lang}/{segment}/")
            pages |= {f"{lang}/{segment}/{slug}/" for slug in slugs}
    return pages


@pytest.fixture(scope="module")
def html(built_site):
    """Parse a built page by its site-relative directory URL."""
    cache = {}

    def parse(url: str):
        if url not in cache:
            cache[url] = lxml.html.fromstring((built_site / url / "index.html").read_bytes())
        return cache[url]

    return parse


def built_pages(site: Path) -> set[str]:
    return {p[: -len("index.html")] for p in site_files(site) if p.endswith("index.html")}


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in tree.xpath(xpath)]


def test_every_page_of_the_site_map_is_built_and_nothing_else(built_site):
    assert built_pages(built_site) == expected_pages()
    assert (built_site / "404.html").is_file()


def test_drafts_and_sources_are_not_published(built_site):
    files = site_files(built_site)
    assert not any("luonnos" in path for path in files)
    assert not any(p.startswith(("stories/", "taxonomies/")) and p.endswith((".md", ".yml"))
                   for p in files)
    assert "stories/images/latu-ladut.svg" in files


@pytest.mark.parametrize("url", sorted(expected_pages()))
def test_every_page_has_language_canonical_alternates_description_and_open_graph(html, url):
    tree = html(url)
    lang = url.split("/", 1)[0] or "fi"
    assert tree.get("lang") == lang
    # A story read across languages points search engines at the page of its text.
    canonical = url if url not in FOREIGN_STORY_PAGES else (
        url.replace("sv/berattelser/", "fi/tarinat/") if lang == "sv"
        else url.replace("fi/tarinat/", "sv/berattelser/"))
    assert tree.xpath("//link[@rel='canonical']/@href") == [SITE_URL + canonical]
    hreflangs = dict(zip(tree.xpath("//link[@rel='alternate'][@hreflang]/@hreflang"),
                         tree.xpath("//link[@rel='alternate'][@hreflang]/@href"), strict=True))
    text_lang = lang if url not in FOREIGN_STORY_PAGES else {"fi": "sv", "sv": "fi"}[lang]
    assert hreflangs.get(text_lang if url else "x-default") == SITE_URL + canonical
    assert "x-default" in hreflangs
    assert all(href.startswith(SITE_URL) for href in hreflangs.values())
    assert tree.xpath("//meta[@name='description']/@content")[0].strip()
    for prop in ("og:title", "og:description", "og:image", "og:url"):
        assert tree.xpath(f"//meta[@property='{prop}']/@content")[0].strip(), prop
    assert tree.xpath("//title/text()")[0].strip()


@pytest.mark.parametrize("url", sorted(expected_pages() - {""}))
def test_interface_and_material_strings_follow_the_page_language(html, url):
    tree = html(url)
    lang = url.split("/", 1)[0]
    config = json.loads(tree.xpath("//script[@id='__config']/text()")[0])
    copy = config["translations"]["clipboard.copy"]
    assert copy == {"fi": "Kopioi leikepöydälle", "sv": "Kopiera till urklipp"}[lang]
    skip = texts(tree, "//a[@class='tori-skip']")
    assert skip == [{"fi": "Siirry sisältöön", "sv": "Gå till innehållet"}[lang]]
    menu = texts(tree, "//nav[@class='tori-menu']//a")
    assert menu[0] == {"fi": "Etusivu", "sv": "Startsida"}[lang]


def test_language_switch_leads_to_the_same_page_or_the_other_home(html):
    def switch(url):
        (link,) = html(url).xpath("//a[@class='tori-switch']")
        return link.get("href"), link.get("hreflang"), link.get("lang")

    assert switch("fi/tarinat/hollola-latu/") == (
        "../../../sv/berattelser/hollola-latu/", "sv", "sv")
    # No Swedish version: the switch leads to the Swedish page that says so, and its title
    # tells it before the reader follows it.
    assert switch("fi/tarinat/vantaa-ollaanihmisiksi/") == (
        "../../../sv/berattelser/vantaa-ollaanihmisiksi/", "sv", "sv")
    assert html("fi/tarinat/vantaa-ollaanihmisiksi/").xpath(
        "//a[@class='tori-switch']/@title") == ["Den här berättelsen finns bara på finska"]
    assert switch("sv/berattelser/vantaa-ollaanihmisiksi/") == (
        "../../../fi/tarinat/vantaa-ollaanihmisiksi/", "fi", "fi")
    assert switch("sv/teman/miljo/") == ("../../../fi/teemat/ymparisto/", "fi", "fi")
    assert switch("sv/berattelser/sida/2/") == ("../../../../fi/tarinat/sivu/2/", "fi", "fi")
    assert switch("fi/tietoa-palvelusta/") == ("../../sv/om-tjansten/", "sv", "sv")
    assert switch("fi/tarinan-lisaaminen/") == ("../../sv/", "sv", "sv")
    assert switch("fi/") == ("../sv/", "sv", "sv")


def test_untranslated_story_has_only_its_own_alternates(html):
    tree = html("fi/tarinat/vantaa-ollaanihmisiksi/")
    assert tree.xpath("//link[@hreflang]/@hreflang") == ["fi", "x-default"]
    assert not tree.xpath("//p[@class='tori-translation']")
    assert not tree.xpath("//p[@class='tori-notice']")


def test_story_read_across_languages_says_so_in_the_readers_language(html, built_site):
    tree = html("sv/berattelser/vantaa-ollaanihmisiksi/")
    assert tree.get("lang") == "sv"
    first = tree.xpath("//article/*[1]")[0]  # the note comes before the title
    assert first.get("class") == "tori-notice"
    assert " ".join(first.text_content().split()).startswith(
        "Den här berättelsen finns bara på finska.")
    assert first.xpath(".//a/@href") == ["../"]  # back to the Swedish listing
    (h1,) = tree.xpath("//h1")
    assert h1.get("lang") == "fi" and h1.text_content() == "Vantaa: #ollaanihmisiksi"
    assert tree.xpath("//div[@class='tori-body']/@lang") == ["fi"]
    # The interface is Swedish: facts labels and term names.
    assert "Kommuner" in texts(tree, "//aside[@class='tori-facts']//dt")
    assert "Vanda" in texts(tree, "//aside[@class='tori-facts']//dd/a")
    # Search engines are sent to the Finnish text; the page is not in the site map.
    assert tree.xpath("//link[@rel='canonical']/@href")[0].endswith(
        "/fi/tarinat/vantaa-ollaanihmisiksi/")
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "sv/berattelser/vantaa-ollaanihmisiksi/</loc>" not in sitemap
    assert "fi/tarinat/vantaa-ollaanihmisiksi/</loc>" in sitemap


def test_story_page_shows_lead_image_facts_dates_body_contact_links_and_translation(html):
    tree = html("fi/tarinat/hollola-latu/")
    assert texts(tree, "//h1") == ["Hollola vältti lomautukset, kun koko henkilöstö kehitti työtä"]
    assert texts(tree, "//p[@class='tori-lead']")[0].startswith("Hollolan kunta oli mukana")
    (img,) = tree.xpath("//figure[@class='tori-figure']/img")
    assert img.get("src") == "../../../stories/images/latu-ladut.svg"
    assert img.get("alt").startswith("Piirros, jossa kaksi latua")
    facts = dict(zip(texts(tree, "//aside[@class='tori-facts']//dt"),
                     texts(tree, "//aside[@class='tori-facts']//dd"), strict=True))
    assert facts["Organisaatio"] == "Hollolan kunta"
    assert facts["Kunnat"] == "Hollola"
    assert facts["Maakunnat"] == "Päijät-Häme"
    assert facts["Teemat"] == "Henkilöstölähtöinen tuloksellisuus, Toimintakulttuuri"
    assert facts["Julkaistu"] == "27. maaliskuuta 2019"
    assert facts["Päivitetty"] == "1. joulukuuta 2019"
    fact_links = tree.xpath("//aside[@class='tori-facts']//a/@href")
    assert "../../kunnat/hollola/" in fact_links
    assert "../../palkinnot/2019-innostavat-teot/" in fact_links
    assert texts(tree, "//div[@class='tori-body']//h2") == ["Tulos"]
    assert tree.xpath("//section[@class='tori-contact']//a/@href") == [
        "mailto:henkilosto@example.org"]
    assert tree.xpath("//section[@class='tori-links']//a/@href") == ["https://example.org/latu"]
    (other,) = tree.xpath("//p[@class='tori-translation']/a")
    assert (other.get("href"), other.get("hreflang"), other.get("lang")) == (
        "../../../sv/berattelser/hollola-latu/", "sv", "sv")


def test_related_stories_share_themes_first(html):
    tree = html("fi/tarinat/liminka-kekseliain-kunta/")
    related = tree.xpath("//section[@class='tori-related']//h3/a/@href")
    assert related[0] == "../hollola-latu/"  # shares Toimintakulttuuri
    assert 0 < len(related) <= 4


def test_listings_show_stories_of_the_other_language_with_a_badge(html):
    fi_pages = [html(u) for u in ("fi/tarinat/", "fi/tarinat/sivu/2/", "fi/tarinat/sivu/3/")]
    cards = [c for tree in fi_pages for c in tree.xpath("//article[@class='tori-card']")]
    assert len(cards) == 6
    foreign = [c for c in cards if c.xpath(".//span[contains(@class,'tori-badge--lang')]")]
    assert len(foreign) == 1
    (link,) = foreign[0].xpath(".//h2/a")
    assert (link.get("hreflang"), link.get("lang")) == ("sv", "sv")
    # A listing page below fi/tarinat/ links to fi/tarinat/kaustbyregionen-digitalisering/.
    assert link.get("href").endswith("../kaustbyregionen-digitalisering/")
    assert "berattelser" not in link.get("href")
    assert texts(foreign[0], ".//span[contains(@class,'tori-badge--lang')]") == ["ruotsiksi"]
    sv_tree = html("sv/teman/kommunikation/")
    assert texts(sv_tree, "//span[contains(@class,'tori-badge--lang')]") == ["på finska"]
    assert sv_tree.xpath("//article//h2/a/@lang") == ["fi"]


def test_cards_show_summary_organisation_region_date_and_award(html):
    tree = html("fi/palkinnot/2021-suomen-kekseliain-kunta/")
    (card,) = tree.xpath("//article[@class='tori-card']")
    assert texts(card, ".//p[@class='tori-card__summary']")[0].startswith("Liminka julkaisi")
    meta = texts(card, ".//p[@class='tori-card__meta']")[0]
    assert meta == "Limingan kunta · Pohjois-Pohjanmaa · 7. joulukuuta 2021"
    assert texts(card, ".//span[contains(@class,'tori-badge--award')]") == [
        "Palkittu: Suomen kekseliäin kunta 2021"]


def test_listing_pager_counts_and_newest_first(html):
    first, second, last = (html(u) for u in ("fi/tarinat/", "fi/tarinat/sivu/2/",
                                               "fi/tarinat/sivu/3/"))
    assert texts(first, "//span[@class='tori-total__count']") == ["6 tarinaa"]
    assert first.xpath("//nav[@class='tori-pager']//a[@rel='next']/@href") == ["sivu/2/"]
    assert not first.xpath("//a[@rel='prev']")
    assert second.xpath("//a[@rel='prev']/@href") == ["../../"]
    assert second.xpath("//a[@rel='next']/@href") == ["../3/"]
    assert texts(second, "//a[@aria-current='page']") == ["2"]
    assert second.xpath("//head/link[@rel='prev']/@href") == ["../../"]
    assert second.xpath("//head/link[@rel='next']/@href") == ["../3/"]
    assert not last.xpath("//a[@rel='next']")
    dates = [d for t in (first, second, last) for d in t.xpath("//article//time/@datetime")]
    assert dates == sorted(dates, reverse=True)
    assert texts(html("sv/berattelser/"), "//span[@class='tori-total__count']") == [
        "6 berättelser"]


def test_overviews_show_counts_empty_terms_and_each_languages_alphabet(html):
    fi = texts(html("fi/alueet/"), "//ul[@class='tori-terms']/li")
    assert fi[0] == "Ahvenanmaa ei tarinoita"  # shown, but not a link: nothing behind it
    assert not html("fi/alueet/").xpath("//ul[@class='tori-terms']/li[1]/a")
    assert "Keski-Pohjanmaa 2 tarinaa" in fi
    sv = texts(html("sv/regioner/"), "//ul[@class='tori-terms']/li")
    assert sv[-1] == "Åland inga berättelser"
    themes = texts(html("fi/teemat/"), "//ul[@class='tori-terms']/li")
    assert "Robotiikka ja automaatio ei tarinoita" in themes and len(themes) == 9
    # One rule on every overview: sectors without stories are shown the same way.
    sectors = html("fi/toimialat/")
    rows = texts(sectors, "//ul[@class='tori-terms']/li")
    vocabulary = yaml.safe_load(
        (SITE_FIXTURE / "content" / "taxonomies" / "sectors.yml").read_text("utf-8"))
    assert len(rows) == len(vocabulary)
    empty = [r for r in rows if r.endswith("ei tarinoita")]
    assert len(sectors.xpath("//ul[@class='tori-terms']/li/a")) == len(rows) - len(empty) == 3
    assert "Toimintakulttuuri 2 tarinaa" in themes


def test_awards_overview_groups_by_year_newest_first(html):
    tree = html("sv/priser/")
    headings = texts(tree, "//article//h2")
    assert headings == ["2021", "2019"]
    awards_2019 = tree.xpath("//article//h2[.='2019']/following-sibling::section")
    assert [texts(s, ".//h3")[0] for s in awards_2019] == [
        "Inspirerande gärningar", "Årets kommunikationsgärning"]  # Swedish alphabet: Å last
    inspiring, communication = awards_2019
    assert "Prisbelönt" in texts(inspiring, ".//p")[0]
    assert "Hedersomnämnande" in texts(communication, ".//p")[0]
    # newest first; Hollola in its Swedish version, Mikkeli (Finnish only) marked as Finnish
    stories = [(a.text_content(), a.get("lang"), a.get("href"))
               for a in inspiring.xpath(".//ul/li/a")]
    assert stories == [
        ("Mikkelin ruoka- ja puhtauspalvelut innostivat", "fi",
         "../berattelser/mikkeli-ruokapalvelut/"),
        ("Hollola undvek permitteringar när hela personalen utvecklade arbetet", None,
         "../berattelser/hollola-latu/"),
    ]
    (vantaa,) = communication.xpath(".//ul/li/a")
    assert (vantaa.get("lang"), vantaa.get("href")) == (
        "fi", "../berattelser/vantaa-ollaanihmisiksi/")


def test_client_groups_overview_counts_the_published_stories_of_each_group(html):
    counts: dict[str, set[str]] = {}
    for path in (SITE_FIXTURE / "content" / "stories").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if not front.get("draft"):  # a story counts once, whichever languages it has
            for key in front.get("client_groups", []):
                counts.setdefault(key, set()).add(path.name.split(".")[0])
    groups = yaml.safe_load(
        (SITE_FIXTURE / "content" / "taxonomies" / "client_groups.yml").read_text("utf-8"))
    for lang, many in (("fi", "tarinaa"), ("sv", "berättelser")):
        labels = {g["key"]: g[lang]["label"] for g in groups}
        expected = sorted(f"{labels[k]} {len(s)} {many}" for k, s in counts.items())
        page = html("fi/asiakasryhmat/" if lang == "fi" else "sv/klientgrupper/")
        linked = [" ".join(li.text_content().split())
                  for li in page.xpath("//ul[@class='tori-terms']/li[a]")]
        assert sorted(linked) == expected
        assert len(expected) == 2  # the draft's group has no published story and no link
        rows = texts(page, "//ul[@class='tori-terms']/li")
        assert len(rows) == len(groups)  # the others are shown without a link
    story = html("sv/berattelser/soite-aktiivinen-tuki/")
    links = story.xpath("//aside[@class='tori-facts']//dd/a[contains(@href,'klientgrupper')]")
    assert [(a.text, a.get("href")) for a in links] == [
        ("Den egna personalen", "../../klientgrupper/den-egna-personalen/")]


def test_honourable_mention_is_never_shown_as_a_prize(html):
    card_badges = "//span[contains(@class,'tori-badge--award')]"
    tree = html("fi/palkinnot/2019-vuoden-viestintateko/")
    assert texts(tree, "//article[@class='tori-card']" + card_badges) == [
        "Kunniamaininta: Vuoden viestintäteko 2019"]
    assert texts(tree, "//h1") == ["Kunniamaininta: Vuoden viestintäteko 2019"]
    sv = html("sv/priser/2019-arets-kommunikationsgarning/")
    assert texts(sv, card_badges) == ["Hedersomnämnande: Årets kommunikationsgärning 2019"]
    story = html("fi/tarinat/vantaa-ollaanihmisiksi/")
    facts = texts(story, "//aside[@class='tori-facts']//dd/a[contains(@href,'palkinnot')]")
    assert facts == ["Kunniamaininta: Vuoden viestintäteko 2019"]
    assert "Palkittu" not in " ".join(texts(story, "//aside[@class='tori-facts']"))


def test_region_page_lists_its_municipalities_with_stories(html):
    tree = html("fi/alueet/uusimaa/")
    assert texts(tree, "//section[@class='tori-municipalities']//li") == ["Vantaa 1 tarina"]
    assert tree.xpath("//p[@class='tori-kicker']/a/@href") == ["../"]


def test_a_term_without_stories_has_no_page_and_is_named_without_a_link(html, built_site):
    # Robotiikka ja automaatio has only a draft: nothing to read, so no page to link to.
    assert not (built_site / "fi/teemat/robotiikka-ja-automaatio").exists()
    (row,) = html("fi/teemat/").xpath(
        "//ul[@class='tori-terms']/li[contains(., 'Robotiikka ja automaatio')]")
    assert not row.xpath(".//a") and "ei tarinoita" in row.text_content()


def test_listing_heads_link_their_feed(html, built_site):
    href = html("sv/teman/miljo/").xpath("//link[@type='application/atom+xml']/@href")
    assert href == ["feed.xml"]
    assert (built_site / "sv/teman/miljo/feed.xml").is_file()
    assert not (built_site / "fi/teemat/robotiikka-ja-automaatio/feed.xml").exists()
    assert html("fi/").xpath("//link[@type='application/atom+xml']/@href") == ["tarinat/feed.xml"]


def test_home_page_has_intro_search_newest_awarded_and_ways_in(html, built_site):
    tree = html("sv/")
    assert "På Framstegsarenan berättar" in texts(tree, "//div[@class='tori-home-intro']")[0]
    (form,) = tree.xpath("//form[@class='tori-search']")
    assert (form.get("action"), form.get("method")) == ("sok/", "get")
    assert form.xpath(".//input/@name") == ["q"]
    # One search landmark: the header leaves its box out on the home page.
    assert len(tree.xpath("//*[@role='search']")) == 1
    sections = tree.xpath("//section[@class='tori-home-section']")
    # Newest with a Swedish version first: Soite (2023), Liminka (2021), Hollola (2019) come
    # before the Finnish-only Vantaa (2020) although it is newer than Hollola.
    newest = [a.get("href") for a in sections[0].xpath(".//article//h3/a")]
    assert newest == ["berattelser/soite-aktiivinen-tuki/", "berattelser/liminka-kekseliain-kunta/",
                      "berattelser/hollola-latu/"]
    # Awarded, not already shown: Liminka (2021) and Hollola are above, which leaves the 2019
    # awards of Vantaa (an honourable mention, 2020-01-15) and Mikkeli (2019-11-20).
    assert texts(sections[1], ".//h2") == ["Senast prisbelönta"]
    assert texts(sections[1], ".//span[contains(@class,'tori-badge--award')]") == [
        "Hedersomnämnande: Årets kommunikationsgärning 2019",
        "Prisbelönt: Inspirerande gärningar 2019"]
    ways = texts(tree, "//div[@class='tori-ways']//ul[@class='tori-terms']/li")
    assert "Miljö 1 berättelse" in ways
    assert not [w for w in ways if "inga berättelser" in w or " 0 " in w]  # only terms with stories
    alls = tree.xpath("//div[@class='tori-ways']//p/a/@href")
    assert alls == ["teman/", "regioner/"]
    every = tree.xpath("//ul[@class='tori-ways__all']//a/@href")
    assert "kommuner/" in every
    # The statistics page is linked exactly when the build has it (its module may be absent).
    has_statistics = (built_site / "sv" / "statistik" / "index.html").is_file()
    assert ("statistik/" in every) == has_statistics


def test_language_chooser_and_not_found_page_offer_both_languages(built_site, html):
    tree = html("")
    assert tree.xpath("//ul[@class='tori-chooser__choices']//a/@href") == ["fi/", "sv/"]
    assert tree.xpath("//ul[@class='tori-chooser__choices']//a/@lang") == ["fi", "sv"]
    page = lxml.html.fromstring((built_site / "404.html").read_bytes())
    assert page.xpath("//div[@class='tori-notfound']/section/@lang") == ["fi", "sv"]
    assert page.xpath("//div[@class='tori-notfound']//a/@href") == ["/tori/fi/", "/tori/sv/"]


def test_nothing_is_requested_from_another_host_and_links_are_relative(built_site):
    files = site_files(built_site, skip=("pagefind/",))
    for path, data in files.items():
        if not path.endswith(".html") or path == "404.html":
            continue
        tree = lxml.html.fromstring(data)
        loaded = tree.xpath("//script/@src | //img/@src | //link[not(@rel='canonical') and "
                            "not(@rel='alternate')]/@href | //iframe/@src | //source/@src")
        assert all(not re.match(r"^(?:[a-z]+:)?//", u) for u in loaded), (path, loaded)
        internal = [h for h in tree.xpath("//a/@href") if not re.match(r"^[a-z]+:", h)]
        assert all(not h.startswith("/") for h in internal), (path, internal)
    css = b"".join(d for p, d in files.items() if p.endswith(".css"))
    assert b"fonts.googleapis" not in css and b"@import url(http" not in css


def test_sitemap_is_ours_and_mkdocs_own_is_gone(built_site):
    files = site_files(built_site)
    assert "sitemap.xml.gz" not in files
    sitemap = files["sitemap.xml"].decode()
    assert f"<loc>{SITE_URL}sv/berattelser/hollola-latu/</loc>" in sitemap
    assert 'hreflang="fi"' in sitemap


def test_two_builds_are_byte_identical(built_site, tmp_path):
    again = build_site(SITE_FIXTURE, tmp_path / "again")
    assert site_files(again, skip=()) == site_files(built_site, skip=())


def test_serve_shows_drafts(tmp_path):
    site = build_site(SITE_FIXTURE, tmp_path / "serve", command="serve")
    assert (site / "fi/tarinat/luonnos-tarina/index.html").is_file()
    assert "luonnos-tarina" in (site / "fi/teemat/robotiikka-ja-automaatio/index.html").read_text()


def test_municipalities_overview_groups_municipalities_with_stories_by_region(html):
    # The fixture's published stories name Vantaa (Uusimaa), Hollola (Päijät-Häme), Kaustinen
    # (Keski-Pohjanmaa), Liminka (Pohjois-Pohjanmaa) and Mikkeli (Etelä-Savo), one story each;
    # Espoo is only in a draft. Regions follow each language's alphabet (ä after z in Finnish).
    fi = html("fi/kunnat/")
    assert texts(fi, "//article//h2") == [
        "Etelä-Savo", "Keski-Pohjanmaa", "Pohjois-Pohjanmaa", "Päijät-Häme", "Uusimaa"]
    assert texts(fi, "//article//h2/following-sibling::ul[1]/li")[-1] == "Vantaa 1 tarina"
    assert "Espoo" not in " ".join(texts(fi, "//article"))
    assert fi.xpath("//article//h2/a/@href")[-1] == "../alueet/uusimaa/"
    sv = html("sv/kommuner/")
    assert texts(sv, "//article//h2") == [
        "Mellersta Österbotten", "Norra Österbotten", "Nyland", "Päijänne-Tavastland",
        "Södra Savolax"]
    assert texts(sv, "//ul[@class='tori-terms']/li") == [
        "Kaustby 1 berättelse", "Limingo 1 berättelse", "Vanda 1 berättelse",
        "Hollola 1 berättelse", "S:t Michel 1 berättelse"]
    # A municipality's page leads back to the overview; the footer and home page lead to it.
    assert html("sv/kommuner/vanda/").xpath("//p[@class='tori-kicker']/a/@href") == ["../"]
    assert "kommuner/" in html("sv/").xpath("//footer//a/@href")


def test_region_page_has_its_stories_under_a_heading_of_their_own(html):
    tree = html("fi/alueet/uusimaa/")
    headings = texts(tree, "//article//h2")
    assert headings == ["Kunnat, joista on tarinoita", "Maakunnan tarinat"]
    assert tree.xpath("//section[@class='tori-listing-stories']//article//h3")
