"""Tests of generator/search.py: filter values, the search page, and indexing a built site."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from factories import story, vocabularies

from generator import search
from generator.model import Entry, Lang, group_entries

VOCABS = vocabularies()


def _entry(*versions) -> Entry:
    (entry,) = group_entries(list(versions))
    return entry


def test_story_filters_are_labels_in_the_story_language():
    fi = story("latu", Lang.FI, "2023-05-02", categories=("digitalisaatio", "ymparisto"),
               municipalities=("hollola",), regions=("paijat-hame",),
               sectors=("tekninen-toimi",), awards=("2019-innostavat-teot",))
    sv = story("latu", Lang.SV, "2023-06-01", categories=("ymparisto",),
               municipalities=("hollola",), regions=("paijat-hame",))
    entry = _entry(fi, sv)
    assert search.story_filters(fi, entry, VOCABS) == {
        "theme": ("Digitalisaatio", "Ympäristö"),
        "region": ("Päijät-Häme",),
        "municipality": ("Hollola",),
        "sector": ("Tekninen toimi",),
        "award": ("Innostavat teot 2019",),
        "year": ("2023",),
        "language": ("suomi", "ruotsi"),
    }
    swedish = search.story_filters(sv, entry, VOCABS)
    assert swedish["theme"] == ("Miljö",)
    assert swedish["region"] == ("Päijänne-Tavastland",)
    assert swedish["language"] == ("finska", "svenska")


def test_awards_carry_their_year_because_their_labels_repeat():
    awarded = story("k", Lang.SV, awards=("2021-suomen-kekseliain-kunta",))
    filters = search.story_filters(awarded, _entry(awarded), VOCABS)
    assert filters["award"] == ("Finlands mest innovativa kommun 2021",)


def test_a_story_in_one_language_names_only_that_language():
    only = story("yksin", Lang.SV)
    assert search.story_filters(only, _entry(only), VOCABS)["language"] == ("svenska",)


def test_facets_list_values_of_this_language_in_alphabet_order():
    entries = group_entries([
        story("a", Lang.FI, "2021-01-01", regions=("uusimaa",), municipalities=("vantaa",)),
        story("b", Lang.FI, "2024-01-01", regions=("ahvenanmaa",), municipalities=()),
        story("c", Lang.FI, "2022-01-01", regions=("paijat-hame",), municipalities=("hollola",)),
        story("d", Lang.SV, "2019-01-01", regions=("uusimaa",), categories=("ymparisto",)),
    ])
    facets = {f.name: f for f in search.facets(entries, VOCABS, Lang.FI)}
    assert tuple(facets) == search.FILTERS
    assert facets["region"].label == "Maakunta"
    assert facets["region"].values == ("Ahvenanmaa", "Päijät-Häme", "Uusimaa")
    assert facets["year"].values == ("2024", "2022", "2021")  # newest first
    assert facets["theme"].values == ("Digitalisaatio",)  # the Swedish-only story is not here
    swedish = {f.name: f for f in search.facets(entries, VOCABS, Lang.SV)}
    assert swedish["theme"].values == ("Miljö",)
    assert swedish["region"].label == "Landskap"
    assert swedish["language"].label == "Språkversion"


class _Collector(HTMLParser):
    """Collects elements with their attributes, and the text of labels and options."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.label_for: dict[str, str] = {}
        self._label: str | None = None

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "label":
            self._label = dict(attrs)["for"]
            self.label_for[self._label] = ""

    def handle_endtag(self, tag):
        if tag == "label":
            self._label = None

    def handle_data(self, data):
        if self._label:
            self.label_for[self._label] += data


@pytest.mark.parametrize("lang", [Lang.FI, Lang.SV])
def test_search_page_form_is_labelled_in_its_language(lang):
    entries = group_entries([story("a", lang, regions=("ahvenanmaa",), municipalities=())])
    page = search.page_html(lang, search.facets(entries, VOCABS, lang))
    parsed = _Collector()
    parsed.feed(page)
    fields = [a for tag, a in parsed.elements if tag in ("input", "select")]
    assert [f["name"] for f in fields] == ["q", *search.FILTERS]
    for field in fields:  # every control has a visible label in the page's language
        assert parsed.label_for[field["id"]].strip()
    form = next(a for tag, a in parsed.elements if tag == "form")
    assert form["method"] == "get" and form["action"] == "./"
    status = next(a for tag, a in parsed.elements if a.get("role") == "status")
    assert status["aria-live"] == "polite"
    config = json.loads(next(a for tag, a in parsed.elements if "data-tori-search" in a)
                        ["data-tori-search"])
    assert config["bundle"] == "../../pagefind/"
    assert config["lang"] == lang.value
    assert set(config["strings"]) >= {"none", "one", "many", "loading", "error"}
    expected = {"q": "Hakusana", "region": "Maakunta"} if lang is Lang.FI else {
        "q": "Sökord", "region": "Landskap"}
    assert parsed.label_for["tori-search-q"] == expected["q"]
    assert parsed.label_for["tori-search-region"] == expected["region"]
    assert ("Åland" if lang is Lang.SV else "Ahvenanmaa") in page


def test_search_page_escapes_values():
    facet = search.Facet("theme", "Teema", ('Työ & "vapaa-aika" <b>',))
    page = search.page_html(Lang.FI, [facet])
    assert '<option value="Työ &amp; &quot;vapaa-aika&quot; &lt;b&gt;">' in page


def test_strings_are_complete_in_both_languages():
    for key, value in search.STRINGS.items():
        assert value.fi.strip() and value.sv.strip(), key
        assert value.fi != value.sv or key == "submit", key
