"""Tests of generator/search_records.py: the lean document Pagefind indexes for a story page."""

from __future__ import annotations

import gzip
import json

from factories import story, vocabularies
from lxml import html as lxml_html

from generator import search_index, search_records
from generator.model import Lang, group_entries

VOCABS = vocabularies()
SITE = "https://example.org/tori/"


def _record(story_fi) -> lxml_html.HtmlElement:
    (entry,) = group_entries([story_fi])
    (record,) = search_records.story_records([entry], VOCABS, SITE)
    return lxml_html.document_fromstring(record.html)


def _data(tree, kind: str) -> list[tuple[str, str]]:
    """The (name, value) pairs of data-pagefind-filter or -meta spans, in document order."""
    pairs = []
    for span in tree.xpath(f"//*[@data-pagefind-{kind}]"):
        name, _, inline = span.get(f"data-pagefind-{kind}").partition(":")
        pairs.append((name, inline or span.text_content()))
    return pairs


def test_a_record_carries_the_language_and_the_searched_text_in_its_body():
    tree = _record(story("latu", title="Ladun <tarina>", summary="Hiihtäjät & latu.",
                         body_html="<h2>Tulos</h2><p>Hiihdettiin.</p>"))
    assert tree.get("lang") == "fi"
    (body,) = tree.xpath("//*[@data-pagefind-body]")
    assert body.xpath("string(h1)") == "Ladun <tarina>"
    assert body.xpath("string(p)") == "Hiihtäjät & latu."
    assert body.xpath("string(div/h2)") == "Tulos" and body.xpath("string(div/p)") == "Hiihdettiin."
    # filters and result fields are outside the searched element, so never searched as text
    assert not body.xpath(".//*[@data-pagefind-filter or @data-pagefind-meta]")


def test_a_record_has_every_filter_value_and_the_result_fields():
    tree = _record(story("latu", Lang.FI, "2023-05-02", title="Latu", summary="Lyhyesti.",
                         categories=("digitalisaatio", "ymparisto"),
                         awards=("2019-innostavat-teot",)))
    assert _data(tree, "filter") == [
        ("theme", "Digitalisaatio"), ("theme", "Ympäristö"), ("region", "Uusimaa"),
        ("municipality", "Vantaa"), ("award", "Innostavat teot 2019"), ("year", "2023"),
        ("language", "suomi")]
    assert _data(tree, "meta") == [("title", "Latu"), ("summary", "Lyhyesti."),
                                   ("date", "2023-05-02")]
    assert not tree.xpath("//*[@data-pagefind-sort]")  # a sort would grow every query


def test_an_image_is_given_as_an_absolute_url_with_its_text_alternative():
    tree = _record(story("latu", image="stories/images/latu.svg", image_alt="Kaksi latua."))
    meta = dict(_data(tree, "meta"))
    assert meta["image"] == "https://example.org/tori/stories/images/latu.svg"
    assert meta["image_alt"] == "Kaksi latua."


def test_every_language_version_gets_a_record_at_its_page_url():
    entries = group_entries([story("latu", Lang.FI, body_html="<p>fi</p>"),
                             story("latu", Lang.SV, body_html="<p>sv</p>"),
                             story("aa", Lang.SV, body_html="<p>aa</p>")])
    records = list(search_records.story_records(entries, VOCABS, SITE))
    assert [r.url for r in records] == ["sv/berattelser/aa/", "fi/tarinat/latu/",
                                        "sv/berattelser/latu/"]
    assert "<p>sv</p>" in records[2].html and 'lang="sv"' in records[2].html


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
                                    image_alt="Kaksi latua.",
                                    body_html="<p>Ladulla <em>hiihdettiin</em>.</p>")])
    records = search_records.story_records([entry], VOCABS, SITE)
    search_index.write_records(records, tmp_path / "records")
    report = search_index.build_index(tmp_path / "records", tmp_path / "site")
    assert report.pages == {"fi": 1}
    page = _fragments(tmp_path / "site" / search_index.BUNDLE)["/fi/tarinat/latu/"]
    assert page["content"] == "Latuhanke. Asukkaat hiihtivät. Ladulla hiihdettiin."
    assert page["meta"] == {"title": "Latuhanke", "summary": "Asukkaat hiihtivät.",
                            "date": "2023-05-02", "image_alt": "Kaksi latua.",
                            "image": "https://example.org/tori/stories/images/l.svg"}
    assert page["filters"] == {"theme": ["Digitalisaatio"], "region": ["Uusimaa"],
                               "municipality": ["Vantaa"], "year": ["2023"],
                               "language": ["suomi"]}
