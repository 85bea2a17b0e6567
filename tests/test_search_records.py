"""Tests of generator/search/records.py: the lean documents Pagefind indexes for each story."""

from __future__ import annotations

import gzip
import json

import pytest
from factories import story, vocabularies
from lxml import html as lxml_html

from generator.model import Lang, group_entries
from generator.search import records as search_records
from generator.search import runner as search_index

VOCABS = vocabularies()
SITE = "https://example.org/tori/"


def _record(story_fi, body: str = "<p>Teksti.</p>") -> lxml_html.HtmlElement:
    (entry,) = group_entries([story_fi])
    records = list(search_records.story_records([entry], VOCABS, {
        "fi/tarinat/latu/": body}, SITE))
    assert [r.url for r in records] == ["fi/tarinat/latu/", "sv/berattelser/latu/"]
    return lxml_html.document_fromstring(records[0].html)


def _data(tree, kind: str) -> list[tuple[str, str]]:
    """The (name, value) pairs of data-pagefind-filter or -meta spans, in document order."""
    pairs = []
    for span in tree.xpath(f"//*[@data-pagefind-{kind}]"):
        name, _, inline = span.get(f"data-pagefind-{kind}").partition(":")
        pairs.append((name, inline or span.text_content()))
    return pairs


def test_a_record_carries_the_language_and_the_searched_text_in_its_body():
    tree = _record(story("latu", title="Ladun <tarina>", summary="Hiihtäjät & latu.",
                         organisation="Vantaan kaupunki"),
                   body="<h2 id='x'>Tulos</h2><p>Hiihdettiin.</p>")
    assert tree.get("lang") == "fi"
    (body,) = tree.xpath("//*[@data-pagefind-body]")
    assert body.xpath("string(h1)") == "Ladun <tarina>"
    assert body.xpath("string(p[1])") == "Hiihtäjät & latu."
    assert body.xpath("string(div/h2)") == "Tulos" and body.xpath("string(div/p)") == "Hiihdettiin."
    # filters and result fields are outside the searched element, so never searched as text
    assert not body.xpath(".//*[@data-pagefind-filter or @data-pagefind-meta]")


def test_organisation_and_term_labels_weigh_more_than_the_body():
    tree = _record(story("latu", organisation="Vantaan kaupunki", categories=("tyohyvinvointi",),
                         sectors=("tekninen-toimi",), awards=("2019-innostavat-teot",)))
    weighted = [(p.get("data-pagefind-weight"), p.text_content())
                for p in tree.xpath("//*[@data-pagefind-body]/p[@data-pagefind-weight]")]
    assert weighted[0] == ("5", "Vantaan kaupunki")
    weight, labels = weighted[1]
    words = labels.split(" · ")
    assert weight == "5"
    assert words[:2] == ["Työhyvinvointi", "Uusimaa"]
    # the municipality by both names, and in Finnish in the cases readers type
    assert {"Vantaa", "Vanda", "Vantaalla", "Vantaan", "Nyland"} <= set(words)
    assert {"Tekninen toimi", "Innostavat teot 2019", "KunTeko-gaala 2019"} <= set(words)
    assert int(weighted[0][0]) > 1  # Pagefind's default weight for body text is 1


def test_client_groups_and_what_an_award_is_are_searched_in_the_index_language():
    (entry,) = group_entries([story("vanda", Lang.SV, client_groups=("ikaantyneet",),
                                    awards=("2019-vuoden-viestintateko",))])
    fi, sv = search_records.story_records([entry], VOCABS, {"sv/berattelser/vanda/": ""}, SITE)
    finnish = lxml_html.document_fromstring(fi.html)
    words = finnish.xpath("string(//p[@data-pagefind-weight][2])").split(" · ")
    assert {"Ikääntyneet", "Kunniamaininta", "Vuoden viestintäteko 2019"} <= set(words)
    assert ("client_group", "ikaantyneet") in _data(finnish, "filter")
    swedish = lxml_html.document_fromstring(sv.html)
    words = swedish.xpath("string(//p[@data-pagefind-weight][2])").split(" · ")
    assert {"Äldre", "Hedersomnämnande", "Årets kommunikationsgärning 2019"} <= set(words)
    card = json.loads(dict(_data(swedish, "meta"))["card"])
    assert card["awards"] == [{"kind_label": "Hedersomnämnande",
                               "name": "Årets kommunikationsgärning 2019"}]


def test_a_story_without_a_version_in_a_language_is_indexed_there_through_its_labels():
    (entry,) = group_entries([story("masku", Lang.FI, "2023-05-02",
                                    title="Maskussa sairauspoissaolot", summary="Lyhyesti.",
                                    organisation="Maskun kunta", categories=("tyohyvinvointi",),
                                    municipalities=("vantaa",))])
    _, sv = search_records.story_records([entry], VOCABS, {"fi/tarinat/masku/": "<p>Runko.</p>"},
                                          SITE)
    assert sv.url == "sv/berattelser/masku/"  # a place of its own in the Swedish index
    tree = lxml_html.document_fromstring(sv.html)
    assert tree.get("lang") == "sv"  # so Pagefind puts it in the Swedish index
    (body,) = tree.xpath("//*[@data-pagefind-body]")
    title = body.xpath("h1")[0]
    assert title.text_content() == "Maskussa sairauspoissaolot" and title.get("lang") == "fi"
    assert "Runko." not in sv.html  # no Finnish body in the Swedish index
    words = body.xpath("string(p[@data-pagefind-weight][2])").split(" · ")
    assert "Arbetshälsa" in words and "Vanda" in words and "Vantaa" in words
    assert "Vantaalla" not in words  # Finnish cases only in the Finnish index
    card = json.loads(dict(_data(tree, "meta"))["card"])
    assert card["foreign"] is True and card["story_lang"] == "fi"
    # as on listings, the card leads to the story's page in the index's language (read across)
    assert card["url"] == "sv/berattelser/masku/"
    assert card["date_text"] == "2 maj 2023"  # the Swedish page's date format
    assert dict(_data(tree, "filter"))["language"] == "fi"


def test_the_result_card_has_the_listing_card_fields_in_the_index_language():
    tree = _record(story("latu", Lang.FI, "2023-05-02", title="Latu", summary="Lyhyesti.",
                         organisation="Vantaan kaupunki", awards=("2019-innostavat-teot",)))
    card = json.loads(dict(_data(tree, "meta"))["card"])
    assert card == {"awards": [{"kind_label": "Palkittu", "name": "Innostavat teot 2019"}],
                    "date": "2023-05-02",
                    "date_text": "2. toukokuuta 2023", "foreign": False,
                    "organisation": "Vantaan kaupunki", "places": "Uusimaa",
                    "story_lang": "fi", "summary": "Lyhyesti.", "title": "Latu",
                    "url": "fi/tarinat/latu/"}


def test_a_record_has_every_filter_value_as_a_key():
    tree = _record(story("latu", Lang.FI, "2023-05-02", title="Latu", summary="Lyhyesti.",
                         categories=("digitalisaatio", "ymparisto"),
                         awards=("2019-innostavat-teot",)))
    assert _data(tree, "filter") == [
        ("theme", "digitalisaatio"), ("theme", "ymparisto"), ("region", "uusimaa"),
        ("municipality", "vantaa"), ("award", "2019-innostavat-teot"), ("year", "2023"),
        ("organisation", "vantaan-kaupunki"), ("language", "fi")]
    assert [name for name, _ in _data(tree, "meta")] == ["title", "card"]
    assert not tree.xpath("//*[@data-pagefind-sort]")  # a sort would grow every query


def test_an_image_is_given_as_an_absolute_url_with_its_text_alternative():
    tree = _record(story("latu", image="stories/images/latu.svg", image_alt="Kaksi latua."))
    meta = dict(_data(tree, "meta"))
    assert meta["image"] == "https://example.org/tori/stories/images/latu.svg"
    assert meta["image_alt"] == "Kaksi latua."


def test_every_story_gets_a_record_in_each_language():
    entries = group_entries([story("latu", Lang.FI), story("latu", Lang.SV), story("aa", Lang.SV)])
    bodies = {"fi/tarinat/latu/": "<p>fi</p>", "sv/berattelser/latu/": "<p>sv</p>",
              "sv/berattelser/aa/": "<p>aa</p>"}
    records = list(search_records.story_records(entries, VOCABS, bodies, SITE))
    assert [r.url for r in records] == ["fi/tarinat/aa/", "sv/berattelser/aa/",
                                        "fi/tarinat/latu/", "sv/berattelser/latu/"]
    assert "<p>sv</p>" in records[3].html and 'lang="sv"' in records[3].html
    assert "<p>aa</p>" in records[1].html and "<p>aa</p>" not in records[0].html


def test_a_story_without_a_rendered_body_is_an_error():
    (entry,) = group_entries([story("latu")])
    with pytest.raises(KeyError):
        list(search_records.story_records([entry], VOCABS, {}, SITE))


def _fragments(bundle) -> dict[str, dict]:
    """Pagefind's page fragments by URL (gzipped JSON after Pagefind's marker)."""
    found = {}
    for path in (bundle / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw[len(b"pagefind_dcd"):])
        found[data["url"]] = data
    return found


def test_pagefind_reads_a_record_as_the_story_page_it_stands_for(tmp_path):
    (entry,) = group_entries([story("latu", Lang.FI, "2023-05-02", title="Latuhanke",
                                    summary="Asukkaat hiihtivät.", image="stories/images/l.svg",
                                    image_alt="Kaksi latua.")])
    records = search_records.story_records(
        [entry], VOCABS, {"fi/tarinat/latu/": "<p>Ladulla <em>hiihdettiin</em>.</p>"}, SITE)
    indexer = search_index.Indexer(tmp_path / "site")
    indexer.start(records)
    report = indexer.finish()
    assert report.pages == {"fi": 1, "sv": 1}
    page = _fragments(tmp_path / "site" / search_index.BUNDLE / "fi")["/fi/tarinat/latu/"]
    assert page["content"].startswith("Latuhanke. Asukkaat hiihtivät. Vantaan kaupunki. ")
    assert page["content"].endswith(" Ladulla hiihdettiin.")
    assert "Digitalisaatio" in page["content"] and "Vantaalla" in page["content"]
    assert sorted(page["meta"]) == ["card", "image", "image_alt", "title"]
    assert page["meta"]["image"] == "https://example.org/tori/stories/images/l.svg"
    assert json.loads(page["meta"]["card"])["title"] == "Latuhanke"
    assert page["filters"] == {"theme": ["digitalisaatio"], "region": ["uusimaa"],
                               "municipality": ["vantaa"], "year": ["2023"],
                               "organisation": ["vantaan-kaupunki"], "language": ["fi"]}
    swedish = _fragments(tmp_path / "site" / search_index.BUNDLE / "sv")["/sv/berattelser/latu/"]
    assert swedish["content"].startswith("Latuhanke. Asukkaat hiihtivät. Vantaan kaupunki. ")
    assert "Digitalisering" in swedish["content"] and "hiihdettiin" not in swedish["content"]
