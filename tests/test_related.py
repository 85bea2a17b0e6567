"""Tests for related stories."""

from pathlib import Path

from factories import story, vocabularies

from generator.index import build_index
from generator.model import Lang, group_entries
from generator.related import related
from generator.validate import load_content

REPO = Path(__file__).resolve().parents[1]


def setup(*stories):
    entries = group_entries(list(stories))
    return {e.slug: e for e in entries}, build_index(entries, vocabularies())


def test_a_rare_shared_theme_outweighs_a_common_one():
    # "digitalisaatio" is on every story; "ymparisto" only on "me" and "rare".
    by_slug, index = setup(
        story("me", categories=("digitalisaatio", "ymparisto")),
        story("rare", day="2019-01-01", categories=("ymparisto", "tyohyvinvointi")),
        story("common", day="2024-01-01", categories=("digitalisaatio", "tyohyvinvointi")),
        *(story(f"filler{i}", day="2020-01-01") for i in range(4)),
    )
    got = [e.slug for e in related(by_slug["me"], Lang.FI, index)]
    assert got[0] == "rare"  # older, but it shares the rare theme


def test_a_story_tagged_with_everything_is_not_the_closest_to_anything():
    # "news" carries every theme and place; "twin" shares exactly "me"'s two themes.
    everything = ("digitalisaatio", "ymparisto", "asiakaslahtoisyys", "tyohyvinvointi")
    by_slug, index = setup(
        story("me", categories=("ymparisto", "asiakaslahtoisyys")),
        story("twin", day="2019-01-01", categories=("ymparisto", "asiakaslahtoisyys")),
        story("news", day="2025-01-01", categories=everything,
              municipalities=("vantaa", "espoo", "hollola"), regions=("uusimaa", "paijat-hame")),
        story("other", day="2020-01-01", categories=("tyohyvinvointi",)),
    )
    assert [e.slug for e in related(by_slug["me"], Lang.FI, index)] == ["twin", "news"]


def test_same_municipality_before_same_region_before_elsewhere():
    by_slug, index = setup(
        story("me", municipalities=("vantaa",), regions=("uusimaa",)),
        story("same-municipality", day="2019-01-01", municipalities=("vantaa",)),
        story("same-region", day="2020-01-01", municipalities=("espoo",)),
        story("elsewhere", day="2024-01-01", municipalities=("hollola",),
              regions=("paijat-hame",)),
    )
    got = [e.slug for e in related(by_slug["me"], Lang.FI, index)]
    assert got == ["same-municipality", "same-region", "elsewhere"]  # newest only breaks ties


def test_a_story_readable_in_the_readers_language_comes_first_when_as_alike():
    by_slug, index = setup(
        story("me", Lang.SV), story("me", Lang.FI),
        story("finnish-only", Lang.FI, day="2024-01-01"),
        story("swedish", Lang.SV, day="2019-01-01"),
    )
    assert [e.slug for e in related(by_slug["me"], Lang.SV, index)] == ["swedish", "finnish-only"]
    assert [e.slug for e in related(by_slug["me"], Lang.FI, index)] == ["finnish-only", "swedish"]


def test_a_shared_place_without_a_shared_theme_is_not_related():
    by_slug, index = setup(
        story("me", categories=("ymparisto",)),
        story("neighbour", categories=("digitalisaatio",)),  # same Vantaa, other theme
    )
    assert related(by_slug["me"], Lang.FI, index) == ()


def test_the_sample_latu_stories_are_each_others_closest():
    """The LATU model story names Hollola and Masku as pilots; their stories share its rare
    theme (henkilöstölähtöinen tuloksellisuus), their municipality, the whole-municipality
    sector and the own-staff client group, so they come first. Hämeenkyrö's eco-deeds share
    no theme with any other sample story, so they have no related stories."""
    content = load_content(REPO / "content")
    entries = group_entries(content.stories)
    by_slug = {e.slug: e for e in entries}
    index = build_index(entries, content.vocab)
    for lang in (Lang.FI, Lang.SV):
        model = [e.slug for e in related(by_slug["latu-malli"], lang, index)]
        assert set(model[:2]) == {"latu-hollola", "latu-masku"}
        masku = [e.slug for e in related(by_slug["latu-masku"], lang, index)]
        assert masku[0] == "latu-malli"
        assert related(by_slug["hameenkyron-yhteiskoulu-ekoteot"], lang, index) == ()
    # The autumn campaign news item is only near stories that share a theme with it.
    campaign = by_slug["hostkampanjen-2025"].versions[0]
    for entry in entries:
        if "hostkampanjen-2025" in [e.slug for e in related(entry, Lang.FI, index)]:
            assert set(entry.best(Lang.FI).categories) & set(campaign.categories), entry.slug


def test_never_itself_and_at_most_limit():
    by_slug, index = setup(*(story(f"s{i}", day=f"2020-01-{i + 1:02d}") for i in range(9)))
    got = related(by_slug["s0"], Lang.FI, index, limit=4)
    assert len(got) == 4 and all(e.slug != "s0" for e in got)
    assert [e.slug for e in got] == ["s8", "s7", "s6", "s5"]


def test_candidates_are_bounded_by_the_pool():
    by_slug, index = setup(*(story(f"s{i:02d}", day=f"2020-01-{i + 1:02d}") for i in range(30)))
    got = related(by_slug["s00"], Lang.FI, index, limit=50, pool=5)
    assert len(got) == 5


def test_a_lone_story_has_no_related_stories():
    by_slug, index = setup(story("alone"))
    assert related(by_slug["alone"], Lang.SV, index) == ()


def test_all_related_is_every_ranking_and_its_inputs_ignore_only_bodies():
    from generator.related import all_related, ranking_inputs

    stories = [story(f"s{i}", day=f"2020-01-{i + 1:02d}",
                     categories=("digitalisaatio", "ymparisto") if i % 3 else ("ymparisto",))
               for i in range(9)]
    by_slug, index = setup(*stories, story("s1", Lang.SV, day="2020-01-02"))
    ranked = all_related(index, 3)
    assert ranked == {(slug, lang): tuple(e.slug for e in related(entry, lang, index, 3))
                      for slug, entry in by_slug.items() for lang in (Lang.FI, Lang.SV)}
    before = ranking_inputs(index)
    _, edited = setup(*stories[:-1], story("s8", day="2020-01-09", body="Uusi teksti.\n",
                                          categories=stories[-1].categories),
                      story("s1", Lang.SV, day="2020-01-02"))
    assert ranking_inputs(edited) == before  # a body edit keeps every ranking
    _, moved = setup(*stories[:-1], story("s8", day="2020-01-09", categories=("digitalisaatio",)),
                     story("s1", Lang.SV, day="2020-01-02"))
    assert ranking_inputs(moved) != before  # a theme changed: ranked again
