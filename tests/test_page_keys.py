"""Page keys: which views a build needs again after the stories changed."""

from __future__ import annotations

import dataclasses

from factories import story

from generator.model import Entry
from generator.page_keys import PageKeys, Same, shown_stories, structure


def views_built(keys: PageKeys, entries, pages) -> dict[str, str | None]:
    """Build the keys of `pages` (url -> the story URLs its view shows); which views were built."""
    built = {}

    def view_of(url, shown):
        return lambda: built.setdefault(url, f"View(cards={shown!r})")

    keys.begin(structure(entries), entries)
    found = {url: keys.key(url, "salt", "t.html", "", view_of(url, shown))[0]
             for url, shown in pages.items()}
    keys.commit()
    return {url: (url in built and found[url]) or None for url in pages}


def test_page_keys_build_again_only_the_views_that_show_a_changed_story():
    a, b = story("a"), story("b")
    pages = {"fi/x/": ["fi/tarinat/a/"], "fi/y/": ["fi/tarinat/b/", "sv/berattelser/a/"],
             "fi/z/": []}
    keys = PageKeys()
    first = views_built(keys, (Entry("a", (a,)), Entry("b", (b,))), pages)
    assert all(first.values())  # nothing known: every view is built
    assert not any(views_built(keys, (Entry("a", (a,)), Entry("b", (b,))), pages).values())
    # "a" saved with a new title: another object with the same structure
    retitled = (Entry("a", (dataclasses.replace(a, title="Uusi"),)), Entry("b", (b,)))
    assert views_built(keys, retitled, pages) == {"fi/x/": first["fi/x/"],
                                                  "fi/y/": first["fi/y/"], "fi/z/": None}
    # a new theme changes what listings hold: every view is built again
    moved = (Entry("a", (dataclasses.replace(retitled[0].versions[0],
                                             categories=("ymparisto",)),)), Entry("b", (b,)))
    assert all(views_built(keys, moved, pages).values())


def test_page_keys_forget_everything_after_a_failed_build():
    entries = (Entry("a", (story("a"),)),)
    keys = PageKeys()
    views_built(keys, entries, {"fi/x/": []})
    keys.fail()
    assert all(views_built(keys, entries, {"fi/x/": []}).values())


def test_same_compares_objects_by_identity():
    a = story("a")
    assert Same([a]) == Same([a]) and hash(Same([a])) == hash(Same([a]))
    assert Same([a]) != Same([dataclasses.replace(a)])  # equal in value, another object
    assert Same([a]) != Same([a, a])


def test_shown_stories_finds_story_urls_of_both_languages_only():
    text = ("Card(url='fi/tarinat/hollola-latu/', other='sv/berattelser/vasa-x/', "
            "home='/fi/tarinat/', theme='fi/teemat/digitalisaatio/', 'fi/tarinat/a/#k')")
    assert shown_stories(text) == {"hollola-latu", "vasa-x", "a"}
    assert shown_stories("fi/tarinat/") == frozenset()
