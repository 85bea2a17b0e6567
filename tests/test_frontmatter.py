"""Tests for generator.frontmatter: the field checks of the story schema."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest

from generator.frontmatter import FIELDS, REQUIRED, Checker, StoryContext, is_blank, kind_of
from generator.model import Contact, Kind, Link, Story
from generator.taxonomy import load_vocabularies
from generator.yamlvalues import INVALID, Located

FIXTURES = Path(__file__).parent / "fixtures"
VOCAB, _ = load_vocabularies(FIXTURES / "vocab")
TODAY = datetime.date(2025, 6, 1)


@pytest.fixture
def checker() -> Checker:
    return Checker("s.md", StoryContext("s.md", FIXTURES / "valid", VOCAB, TODAY))


def at(value, line: int = 5) -> Located:
    return Located(value, line)


def items(values, first: int = 6) -> Located:
    return Located([Located(v, first + i) for i, v in enumerate(values)], first - 1)


def messages(checker: Checker) -> list[str]:
    return [p.text() for p in checker.problems]


def test_schema_covers_every_front_matter_field_of_story() -> None:
    computed = {"slug", "lang", "source", "body", "body_line", "body_html"}
    story_fields = {f.name for f in dataclasses.fields(Story)} - computed
    assert set(FIELDS) == story_fields
    assert set(REQUIRED) <= set(FIELDS)


@pytest.mark.parametrize(("value", "message"), [
    ("Kelpo otsikko", None),
    ("  Kelpo otsikko  ", None),
    ("Lyh", "s.md:5: t: must be 5 to 150 characters long (now 3)"),
    ("", "s.md:5: t: must not be empty"),
    ("Kaksi\nriviä", "s.md:5: t: must be on one line"),
    (2024, "s.md:5: t: must be text, not a number; put it in quotes"),
    (True, "s.md:5: t: must be text, not true/false; put it in quotes"),  # yes/no are booleans
    (["a"], "s.md:5: t: must be text, not a list"),
    ({"a": 1}, "s.md:5: t: must be text, not a mapping"),
])
def test_text(checker: Checker, value, message) -> None:
    result = checker.text(at(value), "t", 5, 150)
    assert messages(checker) == ([message] if message else [])
    assert result == (value.strip() if message is None else None)


def test_invalid_values_are_not_reported_twice(checker: Checker) -> None:
    for check in (lambda loc: checker.text(loc, "t", 1, 5), lambda loc: checker.day(loc, "d"),
                  lambda loc: checker.flag(loc, "f"), lambda loc: checker.links(loc, "l"),
                  lambda loc: checker.keys(loc, "k", Kind.CATEGORY, 1, 3)):
        assert check(at(INVALID)) in (None, ())
    assert checker.problems == []


@pytest.mark.parametrize(("value", "result", "message"), [
    (datetime.date(2024, 5, 31), datetime.date(2024, 5, 31), None),
    ("2024-05-31", datetime.date(2024, 5, 31), None),
    (TODAY, TODAY, None),
    (TODAY + datetime.timedelta(days=1), None, "d: 2025-06-02 is in the future"),
    ("2024-02-30", None, "d: '2024-02-30' is not a valid date (YYYY-MM-DD)"),
    ("31.5.2024", None, "d: must be a date written YYYY-MM-DD, e.g. 2024-05-31"),
    (20240531, None, "d: must be a date written YYYY-MM-DD, e.g. 2024-05-31"),
    (datetime.datetime(2024, 5, 31, 12), None, "d: must be a date without a time (YYYY-MM-DD)"),
])
def test_day(checker: Checker, value, result, message) -> None:
    assert checker.day(at(value), "d") == result
    assert messages(checker) == ([f"s.md:5: {message}"] if message else [])


def test_keys_accept_a_single_string(checker: Checker) -> None:
    assert checker.keys(at("yhteistyo"), "categories", Kind.CATEGORY, 1, 3) == ("yhteistyo",)
    assert checker.problems == []


def test_client_groups_are_keys_of_their_vocabulary(checker: Checker) -> None:
    value = items(["asukkaat", "asukas"])
    assert FIELDS["client_groups"](checker, value, "client_groups") == ("asukkaat",)
    assert messages(checker) == [
        "s.md:7: client_groups[1]: unknown client group 'asukas'; did you mean 'asukkaat'?"]


def test_keys_report_index_suggestion_and_duplicates(checker: Checker) -> None:
    value = items(["yhteistyo", "digitalisointi", "Työhyvinvointi", "yhteistyo", "zzz"])
    assert checker.keys(value, "categories", Kind.CATEGORY) == ("yhteistyo",)
    assert messages(checker) == [
        "s.md:7: categories[1]: unknown category 'digitalisointi'; did you mean 'digitalisaatio'?",
        "s.md:8: categories[2]: unknown category 'Työhyvinvointi'; did you mean 'tyohyvinvointi'?",
        "s.md:9: categories[3]: category 'yhteistyo' is listed twice",
        "s.md:10: categories[4]: unknown category 'zzz'; "
        "the keys are listed in content/taxonomies/categories.yml",
    ]


@pytest.mark.parametrize(("count", "ok"), [(0, False), (1, True), (3, True), (4, False)])
def test_keys_count_limits(checker: Checker, count: int, ok: bool) -> None:
    keys = ["yhteistyo", "digitalisaatio", "tyohyvinvointi", "palvelumuotoilu"][:count]
    checker.keys(items(keys), "categories", Kind.CATEGORY, 1, 3)
    assert messages(checker) == ([] if ok else
                                 [f"s.md:5: categories: give 1 to 3 categories (now {count})"])


def test_keys_of_wrong_shape(checker: Checker) -> None:
    assert checker.keys(at({"a": at(1)}), "sectors", Kind.SECTOR) == ()
    assert messages(checker) == ["s.md:5: sectors: must be a list, not a mapping"]


def test_tags(checker: Checker) -> None:
    assert checker.tags(items(["Latu", "latu", "x" * 41, "talkoot"]), "tags") == ("Latu", "talkoot")
    assert messages(checker) == [
        "s.md:7: tags[1]: tag 'latu' is listed twice",
        "s.md:8: tags[2]: must be 1 to 40 characters long (now 41)",
    ]
    checker.problems.clear()
    checker.tags(items([f"t{i}" for i in range(11)]), "tags")
    assert messages(checker) == ["s.md:5: tags: give at most 10 tags (now 11)"]


@pytest.mark.parametrize(("value", "result"), [(True, True), (False, False), ("yes", None),
                                               (1, None)])
def test_flag(checker: Checker, value, result) -> None:
    assert checker.flag(at(value), "draft") is result
    assert bool(checker.problems) is (result is None)


def test_contact_full_and_blank(checker: Checker) -> None:
    full = at({"name": at("Maija Meikäläinen", 6), "role": at("suunnittelija", 7),
               "email": at("maija@example.fi", 8)})
    assert checker.contact(full, "contact") == Contact("Maija Meikäläinen", "suunnittelija",
                                                       "maija@example.fi")
    blank = at({"name": at("", 6), "role": at("", 7), "email": at(None, 8)})
    assert checker.contact(blank, "contact") is None
    assert checker.problems == []


@pytest.mark.parametrize("email", ["maija", "maija@", "@example.fi", "maija@example",
                                   "maija meik@example.fi", "a@b@example.fi"])
def test_contact_bad_email(checker: Checker, email: str) -> None:
    checker.contact(at({"name": at("Maija", 6), "email": at(email, 7)}), "contact")
    assert messages(checker) == [f"s.md:7: contact.email: '{email}' is not a valid email address"]


def test_contact_unknown_field_and_missing_name(checker: Checker) -> None:
    assert checker.contact(at({"nmae": at("Maija", 6)}), "contact") is None
    assert messages(checker) == [
        "s.md:6: contact.nmae: unknown field; did you mean 'name'?",
        "s.md:5: contact.name: required field is missing",
    ]


def test_links(checker: Checker) -> None:
    value = items([
        {"title": at("Raportti", 6), "url": at("https://example.fi/r", 6)},
        {"title": at("Skripti", 7), "url": at("javascript:alert(1)", 7)},
        {"title": at("Välilyönti", 8), "url": at("https://exa mple.fi", 8)},
    ])
    assert checker.links(value, "links") == (Link("Raportti", "https://example.fi/r"),)
    bad = "is not a web address starting with https:// or http://"
    assert messages(checker) == [
        f"s.md:7: links[1].url: 'javascript:alert(1)' {bad}",
        f"s.md:8: links[2].url: 'https://exa mple.fi' {bad}",
    ]


def test_image_resolves_relative_to_the_story(checker: Checker) -> None:
    assert checker.image(at("images/latu.svg"), "image") == "stories/images/latu.svg"
    assert checker.problems == []


@pytest.mark.parametrize("value", ["../../README.md", "/etc/passwd", "images", "latu.svg",
                                   "images\\latu.svg", "images/../hollola-latu.fi.md"])
def test_image_outside_images_folder(checker: Checker, value: str) -> None:
    assert checker.image(at(value), "image") is None
    assert [p.message.split("' ", 1)[1] for p in checker.problems] == [
        "must be a file in content/stories/images/, written relative to the story, "
        "e.g. images/hollola-latu.jpg"]


def test_image_path_with_control_characters(checker: Checker) -> None:
    assert checker.image(at("images/a\x00.png"), "image") is None
    assert checker.image(at("images/a\tb.png"), "image") is None
    message = "s.md:5: image: must be a file path without control characters"
    assert messages(checker) == [message] * 2


def test_helpers() -> None:
    assert [is_blank(v) for v in (None, "", [], {}, 0, False, "x")] == [True] * 4 + [False] * 3
    assert kind_of(datetime.date(2024, 1, 1)) == "a date"
    assert kind_of("x") == "text"
