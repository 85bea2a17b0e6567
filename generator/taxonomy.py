"""Load and check the vocabularies in content/taxonomies/: labels, slugs, codes, regions, years."""

from __future__ import annotations

import os
from pathlib import Path

from generator.frontmatter import Checker
from generator.loader import read_text
from generator.model import LANGS, AwardKind, Kind, Lang, Term, Text, Vocabularies, Vocabulary
from generator.problems import Problem, suggest
from generator.urls import is_slug, slugify
from generator.yamlvalues import INVALID, Located, parse_yaml

MAX_VOCABULARY_BYTES = 5_000_000
FILES = {kind: f"{kind.value}.yml" for kind in Kind}
# Regions first: municipalities refer to them.
LOAD_ORDER = (Kind.REGION, Kind.MUNICIPALITY, Kind.CATEGORY, Kind.SECTOR, Kind.AWARD,
              Kind.CLIENT_GROUP)
ENTRY_FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.CATEGORY: ("key", "fi", "sv"),
    Kind.SECTOR: ("key", "fi", "sv"),
    Kind.CLIENT_GROUP: ("key", "fi", "sv"),
    Kind.REGION: ("key", "code", "fi", "sv"),
    Kind.MUNICIPALITY: ("key", "code", "region", "fi", "sv"),
    Kind.AWARD: ("key", "year", "programme", "fi", "sv"),
}
OPTIONAL_FIELDS: dict[Kind, tuple[str, ...]] = {Kind.AWARD: ("kind",)}
AWARD_KINDS = tuple(k.value for k in AwardKind)
LANG_FIELDS = ("label", "description", "slug")
_SLUG_RULE = "must be lowercase letters a-z, digits and single hyphens"


def content_root_name(content_dir: Path) -> str:
    """The content folder's name as the editor sees it from the project root ("content")."""
    return Path(os.path.abspath(content_dir)).name


def load_vocabularies(content_dir: Path) -> tuple[Vocabularies, list[Problem]]:
    """Every vocabulary of the site, with the problems found in their files."""
    loaded: dict[Kind, Vocabulary] = {}
    problems: list[Problem] = []
    for kind in LOAD_ORDER:
        regions = loaded.get(Kind.REGION, Vocabulary(Kind.REGION, ()))
        terms, found = _load_kind(content_dir, kind, regions)
        loaded[kind] = Vocabulary(kind, terms)
        problems.extend(found)
    vocab = Vocabularies(**{kind.value: loaded[kind] for kind in Kind})
    return vocab, sorted(problems)


def _load_kind(
    content_dir: Path, kind: Kind, regions: Vocabulary
) -> tuple[tuple[Term, ...], list[Problem]]:
    """The terms of one vocabulary file."""
    path = f"{content_root_name(content_dir)}/taxonomies/{FILES[kind]}"
    file = Path(content_dir) / "taxonomies" / FILES[kind]
    if not os.path.lexists(file):
        return (), [Problem(path, 0, "file", "not found; every vocabulary file is needed")]
    text, problems = read_text(file, path, MAX_VOCABULARY_BYTES)
    if text is None:
        return (), problems
    root, problems = parse_yaml(text, path, 1, "file")
    checker = Checker(path)
    checker.problems.extend(problems)
    if root is None or not isinstance(root.value, list):
        if not problems:
            checker.report(root.line if root else 1, "file", "must be a list of terms ('- key: …')")
        return (), checker.problems
    terms = [_term(kind, item, index, checker, regions) for index, item in enumerate(root.value)]
    valid = _unique(tuple(t for t in terms if t is not None), root.value, checker)
    return valid, checker.problems


def _term(
    kind: Kind, item: Located, index: int, checker: Checker, regions: Vocabulary
) -> Term | None:
    """One term, or None when it has a problem."""
    where = f"[{index}]"
    data = checker.mapping(item, where, ENTRY_FIELDS[kind] + OPTIONAL_FIELDS.get(kind, ()))
    if data is None:
        return None
    before = len(checker.problems)
    for name in ENTRY_FIELDS[kind]:
        if name not in data:
            checker.report(item.line, f"{where}.{name}", "required field is missing")
    key = checker.text(data["key"], f"{where}.key", 2, 80) if "key" in data else None
    if key is not None and not is_slug(key):
        checker.report(data["key"].line, f"{where}.key", f"'{key}' {_SLUG_RULE}")
    parts = {lang: _lang_part(kind, data.get(lang.value), f"{where}.{lang}", checker)
             for lang in LANGS}
    extra = _extra(kind, data, where, checker, regions)
    if len(checker.problems) > before or key is None:
        return None
    fi, sv = parts[Lang.FI], parts[Lang.SV]
    assert fi is not None and sv is not None  # a missing part was reported above
    description = Text(fi[1], sv[1]) if fi[1] and sv[1] else None
    label, slug = Text(fi[0], sv[0]), Text(fi[2], sv[2])
    return Term(kind, key, label, slug, description, order=index, **extra)  # type: ignore[arg-type]


def _lang_part(
    kind: Kind, loc: Located | None, where: str, checker: Checker
) -> tuple[str, str, str] | None:
    """A term's label, description and slug in one language."""
    if loc is None:
        return None
    data = checker.mapping(loc, where, LANG_FIELDS)
    if data is None:
        return None
    if "label" not in data:
        checker.report(loc.line, f"{where}.label", "required field is missing")
        return None
    label = checker.text(data["label"], f"{where}.label", 1, 120)
    description = ""
    if "description" in data:
        description = checker.text(data["description"], f"{where}.description", 10, 400) or ""
    elif kind is Kind.CATEGORY:
        checker.report(loc.line, f"{where}.description", "required for categories: one sentence")
    slug = slugify(label or "")
    if "slug" in data:
        slug = checker.text(data["slug"], f"{where}.slug", 2, 80) or ""
        if slug and not is_slug(slug):
            checker.report(data["slug"].line, f"{where}.slug", f"'{slug}' {_SLUG_RULE}")
    return (label, description, slug) if label and slug else None


def _extra(
    kind: Kind, data: dict[str, Located], where: str, checker: Checker, regions: Vocabulary
) -> dict[str, object]:
    """The fields only some kinds have: code, region, year, programme, an award's kind."""
    extra: dict[str, object] = {}
    if kind is Kind.AWARD:
        extra["award_kind"] = _award_kind(data.get("kind"), f"{where}.kind", checker)
    if "code" in data:
        loc = data["code"]
        if isinstance(loc.value, int) and not isinstance(loc.value, bool):
            checker.report(loc.line, f"{where}.code", 'write the code in quotes, e.g. "005"')
        elif (code := checker.text(loc, f"{where}.code", 1, 10)) is not None:
            extra["code"] = code
    if "region" in data and (region := checker.text(data["region"], f"{where}.region", 2, 80)):
        if region in regions:
            extra["region"] = region
        else:
            message, hint = f"unknown region '{region}'", suggest(region, regions.keys())
            checker.report(data["region"].line, f"{where}.region", message, hint)
    if "year" in data:
        year = data["year"].value
        if isinstance(year, int) and not isinstance(year, bool) and 1900 < year < 3000:
            extra["year"] = year
        elif year is not INVALID:
            checker.report(data["year"].line, f"{where}.year", "must be a year such as 2019")
    if "programme" in data:
        programme = _programme(data["programme"], f"{where}.programme", checker)
        if programme is not None:
            extra["programme"] = programme
    return extra


def _award_kind(loc: Located | None, where: str, checker: Checker) -> AwardKind:
    """An award's kind: a prize unless the file says otherwise."""
    if loc is None:
        return AwardKind.PRIZE
    value = checker.text(loc, where, 1, 40)
    if value in AWARD_KINDS:
        return AwardKind(value)
    if value is not None:
        checker.report(loc.line, where, f"unknown award kind '{value}'; valid kinds are "
                       + " and ".join(f"'{k}'" for k in AWARD_KINDS), suggest(value, AWARD_KINDS))
    return AwardKind.PRIZE


def _programme(loc: Located, where: str, checker: Checker) -> Text | None:
    """The gala or programme of an award, in both languages."""
    data = checker.mapping(loc, where, ("fi", "sv"))
    if data is None:
        return None
    names: list[str | None] = []
    for lang in LANGS:
        if lang.value in data:
            names.append(checker.text(data[lang.value], f"{where}.{lang}", 2, 200))
        else:
            checker.report(loc.line, f"{where}.{lang}", "required field is missing")
            names.append(None)
    fi, sv = names
    return Text(fi, sv) if fi and sv else None


def _unique(terms: tuple[Term, ...], items: list[Located], checker: Checker) -> tuple[Term, ...]:
    """The terms whose key, code and slugs are unique in their vocabulary; others are problems."""
    seen: dict[tuple[str, str], Term] = {}
    kept: list[Term] = []
    for term in terms:
        values = [("key", term.key), ("fi.slug", term.slug.fi), ("sv.slug", term.slug.sv)]
        if term.code is not None:
            values.append(("code", term.code))
        clashes = [(name, value, seen[name, value]) for name, value in values
                   if (name, value) in seen]
        for name, value, first in clashes:
            checker.report(items[term.order].line, f"[{term.order}].{name}",
                           f"'{value}' is already used by '{first.key}' "
                           f"(line {items[first.order].line})")
        if not clashes:
            seen.update({(name, value): term for name, value in values})
            kept.append(term)
    return tuple(kept)
