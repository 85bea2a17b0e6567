"""Tests for story cards."""

import datetime

from factories import story, vocabularies

from generator.cards import AwardBadge, CardBook, award_badges, format_day, make_card
from generator.model import Lang, group_entries


def test_dates_are_written_for_each_language():
    day = datetime.date(2024, 3, 5)
    assert format_day(day, Lang.FI) == "5. maaliskuuta 2024"
    assert format_day(day, Lang.SV) == "5 mars 2024"


def test_card_of_a_translated_story_uses_the_readers_language():
    (entry,) = group_entries([story("x", Lang.FI), story("x", Lang.SV, title="På svenska")])
    card = make_card(entry, Lang.SV, vocabularies())
    assert (card.title, card.foreign, card.story_lang) == ("På svenska", False, Lang.SV)
    assert card.url == "sv/berattelser/x/"
    assert card.places == "Nyland"


def test_card_of_an_untranslated_story_is_foreign_and_links_to_the_listings_language():
    (entry,) = group_entries([story("x", Lang.FI, awards=("2019-innostavat-teot",))])
    card = make_card(entry, Lang.SV, vocabularies())
    assert card.foreign and card.story_lang is Lang.FI
    # The Swedish page of the story: Finnish text in a Swedish interface that says so.
    assert card.url == "sv/berattelser/x/"
    assert card.date_text == "1 januari 2024"
    assert card.awards == (AwardBadge("Prisbelönt", "Inspirerande gärningar 2019"),)


def test_award_badges_skip_unknown_keys():
    assert award_badges(("nope", "2019-innostavat-teot"), vocabularies(), Lang.FI) == (
        AwardBadge("Palkittu", "Innostavat teot 2019"),
    )


def test_an_honourable_mention_is_never_badged_as_a_prize():
    keys = ("2019-vuoden-viestintateko",)
    assert award_badges(keys, vocabularies(), Lang.FI) == (
        AwardBadge("Kunniamaininta", "Vuoden viestintäteko 2019"),
    )
    assert award_badges(keys, vocabularies(), Lang.SV) == (
        AwardBadge("Hedersomnämnande", "Årets kommunikationsgärning 2019"),
    )


def test_card_book_builds_each_card_once_per_language():
    entries = group_entries([story("a"), story("b", Lang.SV)])
    book = CardBook(entries, vocabularies())
    fi = book.cards(entries, Lang.FI)
    assert [c.slug for c in fi] == ["a", "b"]
    assert book.card(entries[0], Lang.FI) is fi[0]


def test_a_card_is_made_when_first_asked_for_and_only_once(monkeypatch):
    from generator import cards

    made = []
    real = cards.make_card
    monkeypatch.setattr(cards, "make_card",
                        lambda entry, lang, vocab: made.append((entry.slug, lang))
                        or real(entry, lang, vocab))
    entries = group_entries([story("a"), story("b")])
    book = CardBook(entries, vocabularies())
    assert made == []  # a preview rebuild asks for a few cards only
    first = book.card(entries[0], Lang.SV)
    assert book.cards(entries[:1], Lang.SV) == (first,)
    assert made == [("a", Lang.SV)]
    assert first == real(entries[0], Lang.SV, vocabularies())
