"""Tests for grouping and counting stories by term and language."""

from factories import story, vocabularies

from generator.index import SHOW_EMPTY, build_index, collate
from generator.model import Kind, Lang, group_entries


def make_index(*stories):
    vocab = vocabularies()
    return build_index(group_entries(list(stories)), vocab), vocab


def slugs(entries):
    return [e.slug for e in entries]


def test_listings_are_newest_first_with_slug_breaking_ties():
    index, _ = make_index(
        story("b-old", day="2020-01-01"), story("c-new", day="2024-05-05"),
        story("a-new", day="2024-05-05"),
    )
    assert slugs(index.newest(Lang.FI)) == ["a-new", "c-new", "b-old"]


def test_every_language_lists_every_story_under_the_terms_of_the_version_shown():
    index, vocab = make_index(
        story("only-fi", Lang.FI, categories=("ymparisto",)),
        story("only-sv", Lang.SV, categories=("digitalisaatio",)),
        story("both", Lang.FI, categories=("ymparisto",)),
        story("both", Lang.SV, categories=("digitalisaatio", "ymparisto")),
    )
    env = vocab.categories.get("ymparisto")
    digi = vocab.categories.get("digitalisaatio")
    assert set(slugs(index.newest(Lang.SV))) == {"only-fi", "only-sv", "both"}
    assert set(slugs(index.stories_of(env, Lang.FI))) == {"only-fi", "both"}
    assert set(slugs(index.stories_of(digi, Lang.FI))) == {"only-sv"}
    assert set(slugs(index.stories_of(digi, Lang.SV))) == {"only-sv", "both"}


def test_category_and_region_overviews_keep_empty_terms_others_do_not():
    index, _ = make_index(story("a", sectors=("tekninen-toimi",)))
    assert {Kind.CATEGORY, Kind.REGION} == SHOW_EMPTY
    cats = index.overview(Kind.CATEGORY, Lang.FI)
    assert len(cats) == 4 and sum(r.count for r in cats) == 1
    regions = index.overview(Kind.REGION, Lang.FI)
    assert [r.count for r in regions] == [0, 0, 1]  # Ahvenanmaa, Päijät-Häme, Uusimaa
    assert [r.term.key for r in index.overview(Kind.MUNICIPALITY, Lang.FI)] == ["vantaa"]
    assert index.overview(Kind.AWARD, Lang.FI) == ()


def test_overviews_follow_each_languages_alphabet():
    index, _ = make_index(story("a"))
    fi = [r.term.label.fi for r in index.overview(Kind.REGION, Lang.FI)]
    sv = [r.term.label.sv for r in index.overview(Kind.REGION, Lang.SV)]
    assert fi == ["Ahvenanmaa", "Päijät-Häme", "Uusimaa"]
    assert sv == ["Nyland", "Päijänne-Tavastland", "Åland"]


def test_has_page_for_shown_terms_and_terms_with_stories():
    index, vocab = make_index(story("a"))
    assert index.has_page(vocab.categories.get("ymparisto"))
    assert index.has_page(vocab.municipalities.get("vantaa"))
    assert not index.has_page(vocab.municipalities.get("espoo"))
    assert not index.has_page(vocab.sectors.get("tekninen-toimi"))


def test_region_lists_only_its_municipalities_with_stories():
    index, vocab = make_index(
        story("a", municipalities=("vantaa",)), story("b", municipalities=("vantaa",)),
        story("c", municipalities=("hollola",), regions=("paijat-hame",)),
    )
    rows = index.municipalities_in(vocab.regions.get("uusimaa"), Lang.SV)
    assert [(r.term.key, r.count) for r in rows] == [("vantaa", 2)]


def test_awards_grouped_by_year_newest_first_and_awarded_stories():
    index, _ = make_index(
        story("old", day="2019-10-01", awards=("2019-innostavat-teot",)),
        story("new", day="2019-11-01", awards=("2019-innostavat-teot",)),
        story("later", day="2019-01-01", awards=("2021-suomen-kekseliain-kunta",)),
        story("none", day="2025-01-01"),
    )
    years = index.awards_by_year(Lang.SV)
    assert [y.year for y in years] == [2021, 2019]
    assert years[1].programme == "KunTeko-galan 2019"
    assert [r.count for r in years[1].rows] == [2]
    assert slugs(index.awarded(Lang.FI)) == ["later", "new", "old"]


def test_collate_sorts_rows_by_label():
    index, _ = make_index(story("a"))
    rows = index.overview(Kind.CATEGORY, Lang.FI)
    assert collate(reversed(rows), Lang.FI) == rows
    assert [r.term.label.fi for r in rows][-1] == "Ympäristö"


def test_rank_is_the_position_in_newest_first_order():
    index, _ = make_index(story("old", day="2020-01-01"), story("new", day="2024-01-01"))
    assert index.rank(Lang.SV) == {"new": 0, "old": 1}


def test_shown_is_the_readers_version_else_the_other():
    index, _ = make_index(story("both", Lang.FI), story("both", Lang.SV), story("fi-only"))
    assert index.shown(Lang.SV)["both"].lang is Lang.SV
    assert index.shown(Lang.SV)["fi-only"].lang is Lang.FI


def test_municipalities_of_a_region_are_computed_once():
    index, vocab = make_index(story("a"))
    region = vocab.regions.get("uusimaa")
    assert index.municipalities_in(region, Lang.FI) is index.municipalities_in(region, Lang.FI)
