"""Tests for generator.model: the shared value objects."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from generator.model import (
    LANGS,
    Entry,
    Kind,
    Lang,
    Story,
    Term,
    Text,
    Vocabularies,
    Vocabulary,
    group_entries,
)


def story(slug: str, lang: Lang, day: int = 1, **extra) -> Story:
    return Story(slug=slug, lang=lang, source=f"stories/{slug}.{lang}.md", title="Otsikko",
                 summary="Tiivistelmä", date=datetime.date(2024, 1, day), organisation="Kunta",
                 categories=("yhteistyo",), body="Teksti", **extra)


def test_lang_other_and_str() -> None:
    assert Lang.FI.other is Lang.SV and Lang.SV.other is Lang.FI
    assert str(Lang.SV) == "sv" and LANGS == (Lang.FI, Lang.SV)
    assert Lang("fi") is Lang.FI


def test_text_by_language() -> None:
    text = Text("Teemat", "Teman")
    assert (text[Lang.FI], text["sv"]) == ("Teemat", "Teman")


def test_vocabulary_lookup_and_order() -> None:
    terms = tuple(Term(Kind.SECTOR, key, Text(key, key), Text(key, key), order=i)
                  for i, key in enumerate(["b", "a"]))
    vocab = Vocabulary(Kind.SECTOR, terms)
    assert vocab.keys() == ["b", "a"] and len(vocab) == 2
    assert vocab.get("a") is terms[1] and vocab.get("c") is None
    assert "a" in vocab and "c" not in vocab
    assert list(vocab) == list(terms)


def test_vocabularies_by_kind() -> None:
    empty = {kind: Vocabulary(kind, ()) for kind in Kind}
    vocab = Vocabularies(**{kind.value: v for kind, v in empty.items()})
    assert vocab[Kind.AWARD] is empty[Kind.AWARD]
    assert vocab["regions"] is empty[Kind.REGION]
    assert [v.kind for v in vocab.all()] == [Kind.CATEGORY, Kind.REGION, Kind.MUNICIPALITY,
                                             Kind.SECTOR, Kind.AWARD, Kind.CLIENT_GROUP]


def test_story_is_frozen_and_gives_terms_by_kind() -> None:
    s = story("latu", Lang.FI, regions=("uusimaa",))
    assert s.terms(Kind.REGION) == ("uusimaa",) and s.terms(Kind.AWARD) == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.title = "x"  # type: ignore[misc]


def test_group_entries_by_slug_in_language_order() -> None:
    sv, fi, other = story("latu", Lang.SV, 5), story("latu", Lang.FI, 9), story("aalto", Lang.SV)
    entries = group_entries([sv, other, fi])
    assert [e.slug for e in entries] == ["aalto", "latu"]
    latu = entries[1]
    assert latu.versions == (fi, sv)
    assert latu.get(Lang.SV) is sv and latu.best(Lang.FI) is fi
    assert entries[0].best(Lang.FI) is other and entries[0].get(Lang.FI) is None
    assert latu.date == datetime.date(2024, 1, 5)
    assert Entry("x").versions == ()
