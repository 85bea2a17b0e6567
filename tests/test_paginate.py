"""Tests for pagination."""

from hypothesis import given
from hypothesis import strategies as st

from generator.model import Lang
from generator.paginate import page_window, paginate


def test_empty_listing_has_one_empty_page():
    (page,) = paginate([], "fi/teemat/x/", Lang.FI)
    assert (page.items, page.number, page.count, page.total) == ((), 1, 1, 0)
    assert page.previous is None and page.next is None
    assert page.first_index == 0


def test_pages_of_twenty_with_localised_urls():
    pages = paginate(list(range(45)), "sv/teman/miljo/", Lang.SV)
    assert [len(p.items) for p in pages] == [20, 20, 5]
    assert pages[0].this_url == "sv/teman/miljo/"
    assert pages[1].this_url == "sv/teman/miljo/sida/2/"
    assert pages[1].previous == "sv/teman/miljo/"
    assert pages[1].next == "sv/teman/miljo/sida/3/"
    assert pages[2].next is None
    assert pages[2].first_index == 41
    assert pages[2].total == 45


def test_finnish_page_segment():
    pages = paginate(list(range(21)), "fi/tarinat/", Lang.FI)
    assert pages[1].this_url == "fi/tarinat/sivu/2/"


def test_custom_page_size():
    pages = paginate(list(range(7)), "fi/tarinat/", Lang.FI, per_page=3)
    assert [p.items for p in pages] == [(0, 1, 2), (3, 4, 5), (6,)]
    assert pages[2].first_index == 7


def test_window_shows_first_last_and_neighbours_with_gaps():
    assert page_window(1, 1) == (1,)
    assert page_window(1, 5) == (1, 2, 3, 4, 5)
    assert page_window(10, 50) == (1, None, 8, 9, 10, 11, 12, None, 50)
    assert page_window(4, 50) == (1, 2, 3, 4, 5, 6, None, 50)


@given(st.integers(1, 300), st.integers(0, 300))
def test_window_is_small_sorted_and_contains_the_ends(count, offset):
    current = offset % count + 1
    shown = page_window(current, count)
    numbers = [n for n in shown if n is not None]
    assert numbers == sorted(set(numbers))
    assert {1, count, current} <= set(numbers)
    assert len(shown) <= 9


@given(st.integers(0, 200), st.integers(1, 30))
def test_every_item_is_on_exactly_one_page(total, per_page):
    pages = paginate(list(range(total)), "fi/tarinat/", Lang.FI, per_page)
    assert [i for p in pages for i in p.items] == list(range(total))
    assert all(p.count == len(pages) for p in pages)
