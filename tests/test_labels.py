"""Tests for the interface strings."""

import re
import string

import pytest

from generator.labels import (
    KIND_DESCRIPTIONS,
    KIND_LABELS,
    KIND_SINGULAR,
    LABELS,
    count_label,
    for_lang,
    label,
)
from generator.model import Kind, Lang


def fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_is_written_in_both_languages_with_the_same_placeholders(key):
    text = LABELS[key]
    assert text.fi.strip() and text.sv.strip()
    assert text.fi == text.fi.strip() and text.sv == text.sv.strip()
    assert fields(text.fi) == fields(text.sv)


def test_interface_strings_differ_between_languages_except_proper_names():
    same = [k for k, t in LABELS.items() if t.fi == t.sv]
    assert same == []


@pytest.mark.parametrize("table", [KIND_LABELS, KIND_SINGULAR, KIND_DESCRIPTIONS])
def test_every_kind_is_named_in_both_languages(table):
    assert set(table) == set(Kind)
    assert all(t.fi and t.sv and t.fi != t.sv for t in table.values())


def test_finnish_and_swedish_letters_are_not_mangled():
    assert label("switch_language", Lang.SV) == "Suomeksi"
    assert "ä" in label("nav_home", Lang.SV) or "ä" in label("nav_stories", Lang.SV)
    assert not any(re.search(r"\\u|Ã", t.fi + t.sv) for t in LABELS.values())


def test_placeholders_are_filled():
    assert label("page_n_of", Lang.FI, number=2, count=5) == "Sivu 2/5"
    assert label("page_n_of", Lang.SV, number=2, count=5) == "Sida 2 av 5"


@pytest.mark.parametrize(
    ("count", "fi", "sv"),
    [(0, "0 tarinaa", "0 berättelser"), (1, "1 tarina", "1 berättelse"),
     (21, "21 tarinaa", "21 berättelser")],
)
def test_count_label_uses_singular_only_for_one(count, fi, sv):
    assert count_label(count, Lang.FI) == fi
    assert count_label(count, Lang.SV) == sv


def test_for_lang_has_every_key_and_kind():
    fi = for_lang(Lang.FI)
    assert set(LABELS) <= set(fi)
    assert fi["kind_categories"] == "Teemat"
    assert for_lang(Lang.SV)["kind_one_awards"] == "Pris"
