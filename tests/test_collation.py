"""Tests for the Finnish and Swedish collation keys."""

from hypothesis import given
from hypothesis import strategies as st

from generator.collation import sort_key, sorted_by
from generator.model import Lang


def order(words, lang):
    return sorted(words, key=lambda w: sort_key(w, lang))


def test_a_with_ring_a_umlaut_and_o_umlaut_come_after_z_in_that_order():
    words = ["Öja", "Ähtäri", "Åbo", "Zeta", "Aura"]
    assert order(words, Lang.FI) == ["Aura", "Zeta", "Åbo", "Ähtäri", "Öja"]
    assert order(words, Lang.SV) == ["Aura", "Zeta", "Åbo", "Ähtäri", "Öja"]


def test_case_and_accents_are_folded_on_the_first_level():
    assert order(["ecole", "Émile", "Eva"], Lang.SV) == ["ecole", "Émile", "Eva"]
    assert order(["b", "A", "a"], Lang.FI) == ["a", "A", "b"]


def test_u_umlaut_sorts_as_y_and_ae_o_slash_as_a_umlaut_o_umlaut():
    assert order(["Müller", "Myller", "Muller"], Lang.FI) == ["Muller", "Myller", "Müller"]
    assert order(["Ørsta", "Ära", "Æble", "Öst"], Lang.SV) == ["Æble", "Ära", "Ørsta", "Öst"]


def test_w_sorts_with_v_in_finnish_but_after_v_in_swedish():
    words = ["Wanha", "Vaasa", "Vuoksi"]
    assert order(words, Lang.FI) == ["Vaasa", "Wanha", "Vuoksi"]
    assert order(words, Lang.SV) == ["Vaasa", "Vuoksi", "Wanha"]


def test_hyphen_and_space_are_the_same_separator():
    assert order(["Etelä-Savo", "Etelä Karjala"], Lang.FI) == ["Etelä Karjala", "Etelä-Savo"]


def test_real_region_labels_in_finnish_order():
    labels = ["Pohjanmaa", "Päijät-Häme", "Pirkanmaa", "Pohjois-Savo", "Ahvenanmaa", "Uusimaa"]
    assert order(labels, Lang.FI) == [
        "Ahvenanmaa", "Pirkanmaa", "Pohjanmaa", "Pohjois-Savo", "Päijät-Häme", "Uusimaa",
    ]


def test_sorted_by_uses_the_label_function():
    items = [("b", "Öl"), ("a", "Ale")]
    assert sorted_by(items, lambda i: i[1], Lang.SV) == [("a", "Ale"), ("b", "Öl")]


@given(st.lists(st.text(max_size=12), max_size=20), st.sampled_from(list(Lang)))
def test_order_is_total_and_deterministic(words, lang):
    once = order(words, lang)
    assert once == order(list(reversed(words)), lang)
