"""Tests for generator.yamlvalues: YAML values with their lines, safe types, traps refused."""

from __future__ import annotations

import datetime

import pytest
import yaml

from generator import yamlvalues
from generator.yamlvalues import INVALID, Located, is_date, parse_yaml


def texts(problems) -> list[str]:
    return [p.text("en") for p in problems]


def test_values_carry_key_and_item_lines_offset_by_first_line() -> None:
    root, problems = parse_yaml("title: Otsikko\ncategories:\n  - a\n  - b\n", "f.md", 2, "fm")
    assert problems == []
    assert root == Located({
        "title": Located("Otsikko", 2),
        "categories": Located([Located("a", 4), Located("b", 5)], 3),
    }, 2)


def test_scalars_use_yaml_safe_types() -> None:
    root, _ = parse_yaml("a: 2024-05-31\nb: 12\nc: true\nd: ~\ne: '12'\nf: 1.5\n", "f", 1, "fm")
    values = {key: loc.value for key, loc in root.value.items()}
    assert values == {"a": datetime.date(2024, 5, 31), "b": 12, "c": True, "d": None, "e": "12",
                      "f": 1.5}


def test_alias_is_reported_once_and_its_value_is_invalid() -> None:
    root, problems = parse_yaml("a: &x [1]\nb: *x\nc: *x\n", "f.md", 1, "fm")
    assert texts(problems) == ["f.md:2: b: YAML aliases are not allowed: write the value out"]
    assert root.value["b"].value is INVALID and root.value["c"].value is INVALID


def test_alias_bomb_costs_nothing() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]"
              for i in range(8)]
    root, problems = parse_yaml("\n".join(lines), "f.md", 1, "fm")
    assert len(problems) == 1
    assert root.value["i"].value == [Located(INVALID, 9)] * 9


@pytest.mark.parametrize(("text", "shown"), [
    ("a: !!python/object/apply:os.system [ls]", "!!python/object/apply:os.system"),
    ("a: !custom x", "!custom"),
    ("a: !!binary aGVsbG8=", "!!binary"),
    ("a: !!set {x: null}", "!!set"),
])
def test_unknown_tags_are_refused(text: str, shown: str) -> None:
    root, problems = parse_yaml(text, "f.md", 1, "fm")
    assert texts(problems) == [f"f.md:1: a: YAML tag '{shown}' is not allowed"]
    assert root.value["a"].value is INVALID


def test_explicit_standard_tags_are_fine() -> None:
    root, problems = parse_yaml("a: !!str 2024\nb: !!int '7'\n", "f", 1, "fm")
    assert problems == []
    assert (root.value["a"].value, root.value["b"].value) == ("2024", 7)


def test_invalid_date_and_huge_number_are_problems() -> None:
    _, problems = parse_yaml(f"a: 2024-02-30\nb: {'9' * 5000}\n", "f.md", 1, "fm")
    assert texts(problems) == [
        "f.md:1: a: '2024-02-30' is not a valid date (YYYY-MM-DD)",
        f"f.md:2: b: '{'9' * 40}' is not a valid number",
    ]


def test_duplicate_and_non_text_keys_are_problems() -> None:
    root, problems = parse_yaml("a: 1\na: 2\n? [x]\n: 3\n2024: y\n", "f.md", 1, "fm")
    assert texts(problems) == [
        "f.md:2: a: the same field is given twice",
        "f.md:3: fm: field names must be plain text",
        "f.md:5: fm: field names must be plain text",
    ]
    assert root.value == {"a": Located(1, 1)}


def test_deep_nesting_stops_early_without_crashing() -> None:
    # 200 000 nested brackets would crash libyaml's recursive composer and take minutes to scan.
    root, problems = parse_yaml("tags: " + "[" * 200_000, "f.md", 3, "fm")
    assert root is None
    assert texts(problems) == ["f.md:3: tags: nested too deeply"]


def test_syntax_error_has_the_file_line() -> None:
    root, problems = parse_yaml("a: 1\nb: [x\nc: 2\n", "f.md", 2, "front matter")
    assert root is None
    assert problems[0].line >= 3 and problems[0].field == "front matter"
    assert problems[0].message_text("en").startswith("not valid YAML: ")


def test_second_document_is_a_problem() -> None:
    _, problems = parse_yaml("a: 1\n---\nb: 2\n", "f.md", 1, "file")
    assert texts(problems) == ["f.md:2: file: more than one YAML document"]


def test_is_date_excludes_datetimes() -> None:
    assert is_date(datetime.date(2024, 1, 1))
    assert not is_date(datetime.datetime(2024, 1, 1, 12))
    assert not is_date("2024-01-01")


def test_control_characters_in_problems_are_escaped() -> None:
    _, problems = parse_yaml('"a\\nb": 1\n"a\\nb": 2\n', "f.md", 1, "fm")
    assert texts(problems) == ["f.md:2: a\\nb: the same field is given twice"]


def test_a_nesting_error_before_any_value_names_the_field_on_its_line() -> None:
    # PyYAML 6.0.4's libyaml can refuse the nesting before the first value reaches the builder.
    text = "title: x\ntags: [[[\n"
    assert yamlvalues._key_on_line(text, yaml.Mark("f.md", 14, 1, 6, None, None)) == "tags"
    assert yamlvalues._key_on_line(text, yaml.Mark("f.md", 0, 7, 0, None, None)) == ""
    assert yamlvalues._key_on_line("  - [[[\n", yaml.Mark("f.md", 0, 0, 4, None, None)) == ""
