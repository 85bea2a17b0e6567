"""Tests of generator/search/filters.py: language-neutral filter values and their labels."""

from __future__ import annotations

from factories import story, vocabularies

from generator.model import Entry, Lang, group_entries
from generator.search import filters as search

VOCABS = vocabularies()


def _entry(*versions) -> Entry:
    (entry,) = group_entries(list(versions))
    return entry


def test_story_filters_are_keys_the_same_in_both_languages():
    fi = story("latu", Lang.FI, "2023-05-02", categories=("digitalisaatio", "ymparisto"),
               municipalities=("hollola",), regions=("paijat-hame",),
               sectors=("tekninen-toimi",), awards=("2019-innostavat-teot",),
               organisation="Hollolan kunta")
    sv = story("latu", Lang.SV, "2023-06-01", categories=("ymparisto",),
               municipalities=("hollola",), regions=("paijat-hame",), organisation="Hollola kommun")
    entry = _entry(fi, sv)
    assert search.story_filters(entry, VOCABS, Lang.FI) == {
        "theme": ("digitalisaatio", "ymparisto"),
        "region": ("paijat-hame",),
        "municipality": ("hollola",),
        "sector": ("tekninen-toimi",),
        "award": ("2019-innostavat-teot",),
        "client_group": (),
        "year": ("2023",),
        "organisation": ("hollolan-kunta",),  # the first version's name, in both indexes
        "language": ("fi", "sv"),
    }
    swedish = search.story_filters(entry, VOCABS, Lang.SV)
    assert swedish["theme"] == ("ymparisto",)  # the Swedish version's own terms
    assert swedish["organisation"] == ("hollolan-kunta",)
    assert swedish["language"] == ("fi", "sv")


def test_a_story_without_a_version_in_the_language_is_filtered_by_the_other_one():
    only = story("yksin", Lang.SV, "2020-01-01", categories=("ymparisto",))
    filters = search.story_filters(_entry(only), VOCABS, Lang.FI)
    assert filters["theme"] == ("ymparisto",) and filters["year"] == ("2020",)
    assert filters["language"] == ("sv",)


def test_facets_list_every_story_with_labels_in_the_page_language():
    entries = group_entries([
        story("a", Lang.FI, "2021-01-01", regions=("uusimaa",), municipalities=("vantaa",)),
        story("b", Lang.FI, "2024-01-01", regions=("ahvenanmaa",), municipalities=()),
        story("c", Lang.FI, "2022-01-01", regions=("paijat-hame",), municipalities=("hollola",)),
        story("d", Lang.SV, "2019-01-01", regions=("uusimaa",), categories=("ymparisto",),
              awards=("2021-suomen-kekseliain-kunta",)),
    ])
    facets = {f.name: f for f in search.facets(entries, VOCABS, Lang.FI)}
    assert tuple(facets) == search.FILTERS
    assert facets["region"].label == "Maakunta"
    assert facets["region"].options == (("ahvenanmaa", "Ahvenanmaa"),
                                        ("paijat-hame", "Päijät-Häme"), ("uusimaa", "Uusimaa"))
    assert [v for v, _ in facets["year"].options] == ["2024", "2022", "2021", "2019"]
    # the Swedish-only story is found in Finnish too, so its theme is a choice here
    assert facets["theme"].options == (("digitalisaatio", "Digitalisaatio"),
                                       ("ymparisto", "Ympäristö"))
    assert facets["award"].options == (("2021-suomen-kekseliain-kunta",
                                        "Suomen kekseliäin kunta 2021"),)
    swedish = {f.name: f for f in search.facets(entries, VOCABS, Lang.SV)}
    assert swedish["theme"].options == (("digitalisaatio", "Digitalisering"),
                                        ("ymparisto", "Miljö"))
    # Swedish collation: Å after Z
    assert swedish["region"].options == (("uusimaa", "Nyland"),
                                         ("paijat-hame", "Päijänne-Tavastland"),
                                         ("ahvenanmaa", "Åland"))
    assert swedish["award"].options == (("2021-suomen-kekseliain-kunta",
                                         "Finlands mest innovativa kommun 2021"),)


def test_the_language_filter_says_in_which_languages_a_story_can_be_read():
    entries = group_entries([story("a", Lang.FI), story("b", Lang.SV)])
    finnish = {f.name: f for f in search.facets(entries, VOCABS, Lang.FI)}["language"]
    assert (finnish.label, finnish.any_label) == ("Tarina saatavilla", "Millä tahansa kielellä")
    assert finnish.options == (("fi", "Suomeksi"), ("sv", "Ruotsiksi"))
    swedish = {f.name: f for f in search.facets(entries, VOCABS, Lang.SV)}["language"]
    assert (swedish.label, swedish.any_label) == ("Berättelsen finns", "På vilket språk som helst")
    assert swedish.options == (("fi", "På finska"), ("sv", "På svenska"))


def test_organisations_are_labelled_with_the_name_in_the_page_language():
    entries = group_entries([
        story("a", Lang.FI, organisation="Vantaan kaupunki"),
        story("a", Lang.SV, organisation="Vanda stad"),
        story("b", Lang.SV, organisation="Åbo stad"),
    ])
    finnish = {f.name: f for f in search.facets(entries, VOCABS, Lang.FI)}["organisation"]
    assert finnish.options == (("vantaan-kaupunki", "Vantaan kaupunki"), ("abo-stad", "Åbo stad"))
    swedish = {f.name: f for f in search.facets(entries, VOCABS, Lang.SV)}["organisation"]
    assert swedish.options == (("vantaan-kaupunki", "Vanda stad"), ("abo-stad", "Åbo stad"))
