"""The front matter of the content pages (content/fi, content/sv), read as the stories' is."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.frontmatter import Checker, kind_of, known_hint
from generator.loader import read_text, split_front_matter
from generator.model import LANGS, Lang
from generator.problems import Problem
from generator.taxonomy import content_root_name
from generator.yamlvalues import INVALID, Located, parse_yaml

# The file endings MkDocs reads as Markdown pages (mkdocs.utils.markdown_extensions).
MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
FIELDS = ("title", "description", "key")
KEY_RE = re.compile(r"[a-z][a-z0-9-]*")
TITLE_MAX = 150  # the longest title now is 38 characters
DESCRIPTION_MAX = 300  # the meta description; the longest now is 168 characters


@dataclass(frozen=True)
class ContentPage:
    """A content page's checked front matter; `source` is its path under content/."""

    lang: Lang
    source: str  # "fi/tietoa-palvelusta.md", as MkDocs' src_uri
    key: str  # the same key links the translations of a page
    title: str
    description: str
    key_line: int = 0  # where `key` is written, for problems found across pages


def page_files(content_dir: Path) -> list[Path]:
    """The Markdown files MkDocs publishes from content/fi and content/sv, sorted."""
    found = []
    for lang in LANGS:
        folder = Path(content_dir) / lang.value
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # MkDocs skips dot-files
            found += [Path(root) / n for n in names
                      if n.endswith(MARKDOWN) and not n.startswith(".")]
    return sorted(found)


def load_page(file: Path, content_dir: Path) -> tuple[ContentPage | None, list[Problem]]:
    """Read and check one content page's front matter; never raises on bad input."""
    source = PurePosixPath(file.relative_to(content_dir)).as_posix()
    path = f"{content_root_name(content_dir)}/{source}"
    text, problems = read_text(file, path)
    split = None
    if text is not None:
        split, problems = split_front_matter(text, path)
    if split is None:
        return None, problems
    root, problems = parse_yaml(split.front_matter, path, split.fm_line, "front matter")
    if root is None:
        return None, problems
    checker = Checker(path)
    values = _check_fields(checker, root)
    problems += checker.problems
    if problems or values is None:
        return None, problems
    lang = Lang(source.split("/", 1)[0])
    return ContentPage(lang, source, **values, key_line=root.value["key"].line), []


def _check_fields(checker: Checker, root: Located) -> dict[str, str] | None:
    """The three fields of a content page, each checked; None when any is wrong."""
    data = root.value
    if not isinstance(data, dict):
        if data is not INVALID:
            checker.report(root.line, "front matter",
                           f"must be fields written 'name: value', not {kind_of(data)}")
        return None
    for name, loc in data.items():
        if name not in FIELDS:
            checker.report(loc.line, name, "unknown field on a content page",
                           known_hint(name, FIELDS))
    values = {}
    for name in FIELDS:
        if name not in data:
            checker.report(1, name, "required field is missing")
            continue
        limit = DESCRIPTION_MAX if name == "description" else TITLE_MAX
        value = checker.text(data[name], name, 1, limit)
        if name == "key" and value is not None and not KEY_RE.fullmatch(value):
            checker.report(data[name].line, name, f"'{value}' must be lowercase letters a-z, "
                           "digits and hyphens, starting with a letter, e.g. 'about'")
            value = None
        values[name] = value
    if checker.problems or None in values.values():
        return None
    return values


def load_pages(content_dir: Path) -> tuple[tuple[ContentPage, ...], list[Problem]]:
    """Every content page of both languages, with every problem found; keys unique per language."""
    pages: list[ContentPage] = []
    problems: list[Problem] = []
    for file in page_files(content_dir):
        page, found = load_page(file, Path(content_dir))
        problems += found
        if page is not None:
            pages.append(page)
    first: dict[tuple[Lang, str], ContentPage] = {}
    root = content_root_name(content_dir)
    for page in pages:
        other = first.setdefault((page.lang, page.key), page)
        if other is not page:
            problems.append(Problem(f"{root}/{page.source}", page.key_line, "key",
                                    f"'{page.key}' is already the key of {root}/{other.source}; "
                                    "each page of a language needs its own key"))
    return tuple(pages), problems

