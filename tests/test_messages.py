"""Tests for generator.messages: a complete catalogue in fi, sv and en, used everywhere."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from generator.messages import CATALOGUE, LANGS, Message, msg, printable

GENERATOR = Path(__file__).parent.parent / "generator"
# Where the Swedish word is the English one (the rest differ, so none was left untranslated).
SAME_IN_SWEDISH = {"kind.text", "where.body"}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_message_is_in_every_language() -> None:
    incomplete = {key: set(LANGS) - set(texts) for key, texts in CATALOGUE.items()
                  if set(texts) != set(LANGS) or not all(texts.values())}
    assert incomplete == {}


def test_every_language_has_the_same_placeholders() -> None:
    differ = {key: {lang: placeholders(text) for lang, text in texts.items()}
              for key, texts in CATALOGUE.items()
              if len({frozenset(placeholders(text)) for text in texts.values()}) != 1}
    assert differ == {}


def test_finnish_and_swedish_are_not_english_left_untranslated() -> None:
    assert [key for key, texts in CATALOGUE.items() if texts["fi"] == texts["en"]] == []
    assert [key for key, texts in CATALOGUE.items()
            if texts["sv"] == texts["en"] and key not in SAME_IN_SWEDISH] == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_renders(lang: str) -> None:
    for key, texts in CATALOGUE.items():
        params = {name: "x" for name in placeholders(texts[lang])}
        text = msg(key, **params).render(lang)
        assert text and "{" not in text and "\n" not in text, key


def test_contract_example() -> None:
    # story-format.md, "Errors": the message and hint of an unknown theme in a Finnish story.
    unknown = msg("term.unknown.categories", key="digitalisointi")
    hint = msg("hint.did_you_mean", word="digitalisaatio")
    assert f"{unknown.render('fi')}; {hint.render('fi')}" == (
        "tuntematon teema 'digitalisointi'; tarkoititko 'digitalisaatio'?")


def test_parameters_nest_render_in_the_language_and_are_made_printable() -> None:
    message = msg("text.not_text", kind=msg("kind.number"))
    assert [message.render(lang) for lang in LANGS] == [
        "pitää olla tekstiä, nyt se on luku", "ska vara text, inte ett tal",
        "must be text, not a number"]
    assert msg("date.invalid", value="a\nb\x1b").render("en") == (
        "'a\\nb\\x1b' is not a valid date (YYYY-MM-DD)")
    assert printable("Työ") == "Työ"


def test_messages_are_frozen_hashable_and_unknown_keys_fail() -> None:
    a, b = msg("list.count", low=1, high=3, now=4), msg("list.count", now=4, high=3, low=1)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    with pytest.raises(AttributeError):
        a.key = "other"  # type: ignore[misc]
    with pytest.raises(KeyError):
        Message("no.such.key")


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_text(node: ast.expr | None) -> bool:
    """A literal or formatted string: text that bypasses the catalogue."""
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str))


SOURCES = sorted(GENERATOR.rglob("*.py")) + sorted((GENERATOR.parent / "scripts").glob("*.py"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_no_problem_is_built_or_reported_with_raw_text(source: Path) -> None:
    """Problem(path, line, field, message, hint) and report(line, field, message, hint)."""
    raw = []
    for call in _calls(ast.parse(source.read_text(encoding="utf-8"))):
        name = _name(call)
        first = {"Problem": 3, "report": 2}.get(name)
        if first is None:
            continue
        args = call.args[first:] + [k.value for k in call.keywords
                                    if k.arg in ("message", "hint")]
        raw += [f"{source.name}:{call.lineno}" for arg in args if _is_text(arg)]
    assert raw == []


def test_every_key_named_in_the_code_is_in_the_catalogue() -> None:
    named = {(source.name, call.args[0].value)
             for source in SOURCES
             for call in _calls(ast.parse(source.read_text(encoding="utf-8")))
             if _name(call) in ("msg", "Message") and call.args
             and isinstance(call.args[0], ast.Constant)}
    assert named, "the scan must find the message sites"
    assert sorted((name, key) for name, key in named if key not in CATALOGUE) == []


def test_every_message_of_the_catalogue_is_used() -> None:
    # Keys written whole (in a msg() call or chosen before it), or by a prefix where the code
    # builds them (f"term.unknown.{kind}").
    exact, prefixes = set(), set()
    for source in SOURCES:
        if source.name == "messages.py":
            continue
        tree = ast.parse(source.read_text(encoding="utf-8"))
        exact |= {node.value for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)}
        for call in _calls(tree):
            first = call.args[0] if call.args else None
            if (_name(call) in ("msg", "Message") and isinstance(first, ast.JoinedStr)
                    and isinstance(first.values[0], ast.Constant)):
                prefixes.add(first.values[0].value)
    unused = [key for key in CATALOGUE
              if key not in exact and not any(key.startswith(p) for p in prefixes)]
    assert prefixes and unused == []
