"""Load and validate all content: vocabularies, every story file, translations that agree,
the content pages' front matter."""

from __future__ import annotations

import datetime
import multiprocessing
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.body import render_body
from generator.content_pages import ContentPage, load_pages
from generator.frontmatter import (
    FIELDS,
    REQUIRED,
    Checker,
    StoryContext,
    is_blank,
    kind_of,
    known_hint,
)
from generator.images import image_problem
from generator.loader import (
    BODY,
    FILE,
    FOLDER,
    FRONT_MATTER,
    parse_filename,
    read_text,
    split_front_matter,
)
from generator.messages import msg
from generator.model import Lang, Story, Vocabularies
from generator.problems import Problem
from generator.taxonomy import content_root_name, load_vocabularies
from generator.yamlvalues import INVALID, Located, parse_yaml

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # the template's instructions are not a story
AGREE = ("municipalities", "regions", "categories", "sectors", "awards", "client_groups")


@dataclass(frozen=True)
class Content:
    """Everything the site is built from, with every problem found on the way."""

    vocab: Vocabularies
    stories: tuple[Story, ...]  # valid versions, sorted by (slug, lang); drafts only if asked
    problems: tuple[Problem, ...]  # sorted
    pages: tuple[ContentPage, ...] = ()  # the content pages of content/fi and content/sv


@dataclass(frozen=True)
class Loaded:
    """The outcome of loading one story file."""

    path: str
    story: Story | None
    problems: tuple[Problem, ...]
    lines: dict[str, int] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Checked:
    """The outcome of checking one front matter."""

    values: dict[str, Any]  # Story fields that passed their checks
    lines: dict[str, int]  # line of every known field given
    problems: list[Problem]


def check_front_matter(root: Located | None, ctx: StoryContext) -> Checked:
    """Check every field of a story's front matter against the schema and the vocabularies."""
    checker = Checker(ctx.path, ctx)
    data = {} if root is None else root.value
    if not isinstance(data, dict):
        if data is not INVALID:
            checker.report(root.line if root else 1, FRONT_MATTER,
                           msg("front_matter.not_fields", kind=kind_of(data)))
        return Checked({}, {}, checker.problems)
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key, loc in data.items():
        if key not in FIELDS:
            checker.report(loc.line, key, msg("field.unknown"), known_hint(key, FIELDS))
            continue
        lines[key] = loc.line
        if key in REQUIRED or not is_blank(loc.value):
            value = FIELDS[key](checker, loc, key)
            if value is not None and value != ():
                values[key] = value
    _check_together(checker, data, values)
    return Checked(values, lines, checker.problems)


def _check_together(checker: Checker, data: dict[str, Located], values: dict[str, Any]) -> None:
    """Rules that tie fields together; adds the regions of the municipalities."""
    given = {key for key, loc in data.items() if not is_blank(loc.value)}
    for key in REQUIRED:
        if key not in data:
            checker.report(1, key, msg("field.missing"))
    if not given & {"municipalities", "regions"}:
        line = data["municipalities"].line if "municipalities" in data else 1
        checker.report(line, "municipalities", msg("place.missing"))
    if "image" in given and "image_alt" not in given:
        checker.report(data["image"].line, "image_alt", msg("image_alt.missing"))
    if "image_alt" in given and "image" not in given:
        checker.report(data["image_alt"].line, "image_alt", msg("image_alt.without_image"))
    if "updated" in values and "date" in values and values["updated"] < values["date"]:
        checker.report(data["updated"].line, "updated", msg("date.updated_before"))
    vocab = checker.ctx.vocab
    wanted = set(values.get("regions", ()))
    for key in values.get("municipalities", ()):
        region = vocab.municipalities.get(key).region  # type: ignore[union-attr]
        if region in vocab.regions:
            wanted.add(region)
    values["regions"] = tuple(t.key for t in vocab.regions if t.key in wanted)


def load_story(
    file: Path, content_dir: Path, vocab: Vocabularies, today: datetime.date
) -> Loaded:
    """Read and check one story file; never raises on bad input."""
    path = f"{content_root_name(content_dir)}/stories/{file.name}"
    name = parse_filename(file.name)
    if name is None:
        return Loaded(path, None, (Problem(path, 0, FILE, msg("file.bad_name")),))
    text, problems = read_text(file, path)
    split = None
    if text is not None:
        split, problems = split_front_matter(text, path)
    if split is None:
        return Loaded(path, None, tuple(problems))
    root, problems = parse_yaml(split.front_matter, path, split.fm_line, FRONT_MATTER)
    checked = Checked({}, {}, [])
    if root is not None or not problems:
        checked = check_front_matter(root, StoryContext(path, content_dir, vocab, today))
    problems += checked.problems
    if not _COMMENT.sub("", split.body).strip():
        problems.append(Problem(path, split.body_line, BODY, msg("body.empty")))
    body = render_body(split.body, split.body_line, path)
    problems += body.problems
    if problems:
        return Loaded(path, None, tuple(problems), checked.lines)
    slug, lang = name
    story = Story(slug=slug, lang=Lang(lang), source=f"stories/{file.name}", body=split.body,
                  body_line=split.body_line, body_html=body.html, **checked.values)
    return Loaded(path, story, (), checked.lines)


LoadMany = Callable[[Sequence[Path], Path, Vocabularies, datetime.date], list["Loaded"]]
# Below this many files a second process costs more than it saves (fork, pickled results).
PARALLEL_FROM = 64
_WORK: tuple[Sequence[Path], Path, Vocabularies, datetime.date] | None = None  # for the child


def load_stories(files: Sequence[Path], content_dir: Path, vocab: Vocabularies,
                 today: datetime.date, *, workers: int = 1) -> list[Loaded]:
    """`load_story` for each file, in order; with `workers` > 1, shared with forked processes.

    Loading is mostly the body pipeline (markdown-it, nh3), pure Python bound to one core; a
    build has nothing else to do while it loads, so a second core halves the wait. Each
    result depends on its file alone, so who computed it changes nothing.
    """
    workers = min(workers, len(files) // (PARALLEL_FROM // 2) or 1)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [load_story(file, content_dir, vocab, today) for file in files]
    global _WORK
    _WORK = (files, content_dir, vocab, today)  # the children inherit it: nothing to pickle
    try:
        with multiprocessing.get_context("fork").Pool(workers - 1) as pool:
            theirs = [pool.apply_async(_load_part, (part, workers)) for part in range(1, workers)]
            parts = [_load_part(0, workers)] + [result.get() for result in theirs]
    finally:
        _WORK = None
    loaded: list[Loaded | None] = [None] * len(files)
    for part, results in enumerate(parts):
        loaded[part::workers] = results
    return loaded  # type: ignore[return-value]


def _load_part(part: int, workers: int) -> list[Loaded]:
    """Every `workers`-th file of the work, from the `part`-th on."""
    assert _WORK is not None
    files, content_dir, vocab, today = _WORK
    return [load_story(file, content_dir, vocab, today) for file in files[part::workers]]


def story_files(
    content_dir: Path, paths: Sequence[Path] | None
) -> tuple[list[Path], list[Problem]]:
    """The story files to check: all in content/stories/, or those given."""
    stories = Path(os.path.abspath(Path(content_dir) / "stories"))
    if paths is None:
        if not stories.is_dir():
            return [], [Problem(f"{content_root_name(content_dir)}/stories", 0, FOLDER,
                                msg("folder.no_stories"))]
        names = sorted(e.name for e in os.scandir(stories) if e.name.endswith(".md"))
        return [stories / n for n in names if not n.startswith(".")], []
    files: dict[Path, None] = {}  # ordered set: a path given twice is checked once
    problems: list[Problem] = []
    for given in paths:
        file = Path(os.path.abspath(given))
        shown = os.path.relpath(file, os.path.abspath(Path(content_dir).parent))
        if file.parent != stories or not file.name.endswith(".md"):
            problems.append(Problem(shown, 0, FILE, msg("file.not_story")))
        elif not os.path.lexists(file):
            problems.append(Problem(shown, 0, FILE, msg("file.not_found")))
        else:
            files[file] = None
    return sorted(files), problems


def check_translations(loaded: list[Loaded], reported: set[str]) -> list[Problem]:
    """The language versions of a slug must agree on their taxonomy terms."""
    by_slug: dict[str, list[Loaded]] = {}
    for item in loaded:
        if item.story is not None:
            by_slug.setdefault(item.story.slug, []).append(item)
    problems: list[Problem] = []
    for versions in by_slug.values():
        if len(versions) != 2:
            continue
        first, later = sorted(versions, key=lambda item: item.path)
        if later.path not in reported:
            first, later = later, first
        for name in AGREE:
            here, there = getattr(later.story, name), getattr(first.story, name)
            if set(here) != set(there):
                line = later.lines.get(name) or later.lines.get("municipalities", 1)
                message = msg("translations.differ", other=first.path,
                              there=", ".join(there) or msg("none"),
                              here=", ".join(here) or msg("none"))
                problems.append(Problem(later.path, line, name, message))
    return problems


def load_content(
    content_dir: Path,
    *,
    today: datetime.date | None = None,
    include_drafts: bool = False,
    paths: Sequence[Path] | None = None,
    load: Callable[[Path, Path, Vocabularies, datetime.date], Loaded] | None = None,
    load_many: LoadMany | None = None,
) -> Content:
    """The vocabularies and stories of a content folder, with every problem found.

    `load` stands in for `load_story`, `load_many` for loading all story files in order with
    it (the build passes cached ones: build_cache.py).
    """
    today = today or datetime.date.today()
    load = load or load_story
    vocab, problems = load_vocabularies(Path(content_dir))
    files, found = story_files(Path(content_dir), paths)
    problems += found
    if load_many is not None:
        loaded = load_many(files, Path(content_dir), vocab, today)
    else:
        loaded = [load(file, Path(content_dir), vocab, today) for file in files]
    reported = {item.path for item in loaded}
    for item in loaded:
        problems += item.problems
    if paths is None:
        problems += check_image_folder(Path(content_dir))
    siblings = _siblings(files, Path(content_dir), vocab, today) if paths is not None else []
    problems += check_translations(loaded + siblings, reported)
    pages: tuple[ContentPage, ...] = ()
    if paths is None:  # a check of the whole content, as the build does
        pages, found = load_pages(Path(content_dir))
        problems += found
    stories = [item.story for item in loaded if item.story is not None]
    if not include_drafts:
        stories = [story for story in stories if not story.draft]
    stories.sort(key=lambda story: (story.slug, story.lang.value))
    return Content(vocab, tuple(stories), tuple(sorted(set(problems))), pages)


def check_image_folder(content_dir: Path) -> list[Problem]:
    """Every file of content/stories/images/ is published, so each must be a safe image."""
    folder = content_dir / "stories" / "images"
    if not folder.is_dir():
        return []
    root = content_root_name(content_dir)
    problems = []
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder).as_posix()
        if file.is_dir() or any(part.startswith(".") for part in relative.split("/")):
            continue
        problem = image_problem(file, content_dir.absolute())
        if problem:
            problems.append(Problem(f"{root}/stories/images/{relative}", 0, FILE, problem))
    return problems


def _siblings(
    files: list[Path], content_dir: Path, vocab: Vocabularies, today: datetime.date
) -> list[Loaded]:
    """Translations of the given files that were not given, loaded only to compare terms."""
    extra: list[Loaded] = []
    given = set(files)
    for file in files:
        name = parse_filename(file.name)
        if name is None:
            continue
        other = file.with_name(f"{name[0]}.{Lang(name[1]).other.value}.md")
        if other not in given and os.path.isfile(other) and not os.path.islink(other):
            extra.append(load_story(other, content_dir, vocab, today))
    return extra
