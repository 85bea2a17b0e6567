"""Tests for grouping and counting stories by term and language."""

from factories import story, vocabularies

from generator.index import build_index, collate
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


def test_every_overview_shows_every_term_except_municipalities_without_stories():
    index, _ = make_index(story("a", sectors=("tekninen-toimi",)))
    cats = index.overview(Kind.CATEGORY, Lang.FI)
    assert len(cats) == 4 and sum(r.count for r in cats) == 1
    regions = index.overview(Kind.REGION, Lang.FI)
    assert [r.count for r in regions] == [0, 0, 1]  # Ahvenanmaa, Päijät-Häme, Uusimaa
    # Only Vantaa of the three municipalities has a story; the other 300 would drown it.
    assert [r.term.key for r in index.overview(Kind.MUNICIPALITY, Lang.FI)] == ["vantaa"]
    # No story has an award or a client group, yet all three awards and both groups are shown.
    assert [r.count for r in index.overview(Kind.AWARD, Lang.FI)] == [0, 0, 0]
    assert [r.count for r in index.overview(Kind.CLIENT_GROUP, Lang.FI)] == [0, 0]


def test_with_stories_leaves_out_terms_without_stories():
    index, _ = make_index(story("a", categories=("ymparisto", "digitalisaatio")),
                          story("b", categories=("ymparisto",)))
    rows = index.with_stories(Kind.CATEGORY, Lang.FI)
    assert [(r.term.key, r.count) for r in rows] == [("digitalisaatio", 1), ("ymparisto", 2)]


def test_municipalities_by_region_groups_collated_regions_with_their_municipalities():
    index, _ = make_index(
        story("a", municipalities=("vantaa",)), story("b", municipalities=("espoo",)),
        story("c", municipalities=("hollola",), regions=("paijat-hame",)),
    )
    groups = index.municipalities_by_region(Lang.SV)
    # Swedish order: Nyland before Päijänne-Tavastland; Esbo before Vanda; Åland has none.
    assert [(r.key, [m.term.key for m in rows]) for r, rows in groups] == [
        ("uusimaa", ["espoo", "vantaa"]), ("paijat-hame", ["hollola"])]


def test_newest_own_first_puts_the_readers_language_before_newer_foreign_stories():
    index, _ = make_index(
        story("sv-newest", Lang.SV, day="2025-01-01"), story("fi-old", day="2020-01-01"),
        story("fi-new", day="2024-01-01"),
    )
    assert slugs(index.newest_own_first(Lang.FI)) == ["fi-new", "fi-old", "sv-newest"]
    assert slugs(index.newest_own_first(Lang.SV)) == ["sv-newest", "fi-new", "fi-old"]


def test_overviews_follow_each_languages_alphabet():
    index, _ = make_index(story("a"))
    fi = [r.term.label.fi for r in index.overview(Kind.REGION, Lang.FI)]
    sv = [r.term.label.sv for r in index.overview(Kind.REGION, Lang.SV)]
    assert fi == ["Ahvenanmaa", "Päijät-Häme", "Uusimaa"]
    assert sv == ["Nyland", "Päijänne-Tavastland", "Åland"]


def test_has_page_only_for_terms_with_stories():
    index, vocab = make_index(story("a"))  # Digitalisaatio, Vantaa, Uusimaa
    assert index.has_page(vocab.categories.get("digitalisaatio"))
    assert not index.has_page(vocab.categories.get("ymparisto"))
    assert not index.has_page(vocab.regions.get("ahvenanmaa"))
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
    # Every 2019 award is listed, in Swedish order; only "Inspirerande gärningar" has stories.
    assert [(r.term.key, r.count) for r in years[1].rows] == [
        ("2019-innostavat-teot", 2), ("2019-vuoden-viestintateko", 0)]
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
