"""Tests of generator/search/page.py: the search page's form and strings in each language."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from factories import story, vocabularies

from generator.model import Lang, group_entries
from generator.search import filters as facets
from generator.search import page

VOCABS = vocabularies()


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
    body = page.page_html(lang, facets.facets(entries, VOCABS, lang))
    parsed = _Collector()
    parsed.feed(body)
    fields = [a for tag, a in parsed.elements if tag in ("input", "select")]
    assert [f["name"] for f in fields] == ["q", *facets.FILTERS]
    for field in fields:  # every control has a visible label in the page's language
        assert parsed.label_for[field["id"]].strip()
    form = next(a for tag, a in parsed.elements if tag == "form")
    assert form["method"] == "get" and form["action"] == "./"
    status = next(a for tag, a in parsed.elements if a.get("role") == "status")
    assert status["aria-live"] == "polite"
    config = json.loads(next(a for tag, a in parsed.elements if "data-tori-search" in a)
                        ["data-tori-search"])
    assert config["bundle"] == f"../../pagefind/{lang.value}/"  # its language's bundle alone
    assert config["lang"] == lang.value
    assert set(config["strings"]) >= {"none", "one", "many", "loading", "error"}
    expected = {"q": "Hakusana", "region": "Maakunta"} if lang is Lang.FI else {
        "q": "Sökord", "region": "Landskap"}
    assert parsed.label_for["tori-search-q"] == expected["q"]
    assert parsed.label_for["tori-search-region"] == expected["region"]
    assert ("Åland" if lang is Lang.SV else "Ahvenanmaa") in body
    # the result cards read as listing cards: the same badge words
    assert config["strings"]["in_other_language"] == ("ruotsiksi" if lang is Lang.FI
                                                      else "på finska")
    assert config["root"] == "../../"
    # one button folds the filters on a phone; it names what it controls
    toggle = next(a for tag, a in parsed.elements if a.get("class") == "tori-finder__toggle "
                  "md-button")
    assert toggle["aria-controls"] == "tori-search-filters" and toggle["type"] == "button"
    assert any(a.get("id") == "tori-search-filters" for _, a in parsed.elements)


def test_search_page_escapes_values():
    facet = facets.Facet("organisation", "Organisaatio", "Kaikki",
                         (("tyo-vapaa-aika", 'Työ & "vapaa-aika" <b>'),))
    body = page.page_html(Lang.FI, [facet])
    assert ('<option value="tyo-vapaa-aika">Työ &amp; &quot;vapaa-aika&quot; &lt;b&gt;</option>'
            in body)


def test_strings_are_complete_in_both_languages():
    for key, value in page.STRINGS.items():
        assert value.fi.strip() and value.sv.strip(), key
        assert value.fi != value.sv, key

