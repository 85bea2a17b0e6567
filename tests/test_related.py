"""Tests for related stories."""

from factories import story, vocabularies

from generator.index import build_index
from generator.model import Lang, group_entries
from generator.related import related


def setup(*stories):
    entries = group_entries(list(stories))
    return {e.slug: e for e in entries}, build_index(entries, vocabularies())


def test_most_shared_themes_then_same_region_then_newest():
    by_slug, index = setup(
        story("me", categories=("digitalisaatio", "ymparisto")),
        story("two-themes", day="2020-01-01", categories=("digitalisaatio", "ymparisto"),
              municipalities=("hollola",), regions=("paijat-hame",)),
        story("one-theme-same-region", day="2021-01-01"),
        story("one-theme-elsewhere", day="2023-01-01", regions=("paijat-hame",),
              municipalities=("hollola",)),
        story("region-only", day="2024-01-01", categories=("tyohyvinvointi",)),
        story("unrelated", day="2024-01-01", categories=("tyohyvinvointi",),
              regions=("ahvenanmaa",), municipalities=()),
    )
    got = [e.slug for e in related(by_slug["me"], Lang.FI, index)]
    assert got == ["two-themes", "one-theme-same-region", "one-theme-elsewhere", "region-only"]


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
