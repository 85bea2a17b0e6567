"""The story schema: every front-matter field with its type and rule, all checked in one pass."""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.images import image_problem
from generator.loader import printable
from generator.model import Contact, Kind, Link, Vocabularies
from generator.problems import Problem, suggest
from generator.urls import slugify
from generator.yamlvalues import INVALID, Located, is_date

SINGULAR = {Kind.CATEGORY: "category", Kind.REGION: "region", Kind.MUNICIPALITY: "municipality",
            Kind.SECTOR: "sector", Kind.AWARD: "award", Kind.CLIENT_GROUP: "client group"}
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EMAIL_RE = re.compile(
    r"[^@\s<>()\[\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+"
)
_TAG_RE = re.compile(r"<[A-Za-z/!]")

# Lengths of the text fields, (fewest, most) characters: the checks below and the web form's
# patterns (generator/admin.py) both read them, so the two cannot drift apart.
LENGTHS: dict[str, tuple[int, int]] = {
    "title": (5, 150), "summary": (20, 400), "organisation": (2, 200), "image_alt": (5, 250),
    "tags": (1, 40), "contact.name": (2, 100), "contact.role": (2, 100),
    "contact.email": (3, 254), "links.title": (2, 150), "links.url": (8, 2000),
}
MAX_TAGS = 10
CATEGORY_COUNT = (1, 3)
# The list fields whose items are keys of a vocabulary.
VOCABULARY_FIELDS: dict[str, Kind] = {
    "municipalities": Kind.MUNICIPALITY, "regions": Kind.REGION, "categories": Kind.CATEGORY,
    "sectors": Kind.SECTOR, "awards": Kind.AWARD, "client_groups": Kind.CLIENT_GROUP,
}
EMAIL_PATTERN = _EMAIL_RE.pattern


@dataclass(frozen=True)
class StoryContext:
    """What checking one story needs besides its own text."""

    path: str  # the story as the editor sees it: "content/stories/x.fi.md"
    content_dir: Path
    vocab: Vocabularies
    today: datetime.date


def kind_of(value: Any) -> str:
    """How an editor would name the type of a YAML value."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return "a mapping" if isinstance(value, dict) else "empty"


def is_blank(value: Any) -> bool:
    """Whether an optional field was left blank (as `tori new` writes it)."""
    return value is None or value == "" or value == [] or value == {}


class Checker:
    """Checks front-matter values one field at a time, collecting problems."""

    def __init__(self, path: str, ctx: StoryContext | None = None):
        self.path = path
        self._ctx = ctx
        self.problems: list[Problem] = []

    @property
    def ctx(self) -> StoryContext:
        """The story context; only story checks (dates, keys, images) need it."""
        assert self._ctx is not None, "this check needs a StoryContext"
        return self._ctx

    def report(self, line: int, name: str, message: str, hint: str = "") -> None:
        """Record one problem of this file."""
        self.problems.append(Problem(self.path, line, printable(name), printable(message), hint))

    def text(
        self, loc: Located, name: str, low: int, high: int, *, one_line: bool = True
    ) -> str | None:
        """A string of `low`..`high` characters."""
        if loc.value is INVALID:
            return None
        if not isinstance(loc.value, str):
            scalar = isinstance(loc.value, int | float | datetime.date)
            quote = "; put it in quotes" if scalar else ""
            self.report(loc.line, name, f"must be text, not {kind_of(loc.value)}{quote}")
            return None
        value = loc.value.strip()
        if not value:
            self.report(loc.line, name, "must not be empty")
        elif one_line and "\n" in value:
            self.report(loc.line, name, "must be on one line")
        elif not low <= len(value) <= high:
            message = f"must be {low} to {high} characters long (now {len(value)})"
            self.report(loc.line, name, message)
        else:
            return value
        return None

    def day(self, loc: Located, name: str) -> datetime.date | None:
        """A date, YYYY-MM-DD, not after the build day."""
        value = loc.value
        if value is INVALID:
            return None
        if isinstance(value, str) and _DATE_RE.fullmatch(value.strip()):
            try:
                value = datetime.date.fromisoformat(value.strip())
            except ValueError:
                self.report(loc.line, name, f"'{loc.value}' is not a valid date (YYYY-MM-DD)")
                return None
        if isinstance(value, datetime.datetime):
            self.report(loc.line, name, "must be a date without a time (YYYY-MM-DD)")
        elif not is_date(value):
            self.report(loc.line, name, "must be a date written YYYY-MM-DD, e.g. 2024-05-31")
        elif value > self.ctx.today:
            self.report(loc.line, name, f"{value.isoformat()} is in the future")
        else:
            return value
        return None

    def items(self, loc: Located, name: str) -> list[tuple[Located, str]]:
        """The items of a list field with their field names; a single string counts as a list."""
        if isinstance(loc.value, list):
            return [(item, f"{name}[{index}]") for index, item in enumerate(loc.value)]
        if isinstance(loc.value, str):
            return [(loc, name)]
        if loc.value is not INVALID:
            self.report(loc.line, name, f"must be a list, not {kind_of(loc.value)}")
        return []

    def keys(
        self, loc: Located, name: str, kind: Kind, low: int = 0, high: int = 0
    ) -> tuple[str, ...]:
        """Vocabulary keys: known, not repeated, between `low` and `high` of them."""
        vocab, word = self.ctx.vocab[kind], SINGULAR[kind]
        found: list[str] = []
        items = self.items(loc, name)
        for item, where in items:
            key = self.text(item, where, 1, 200)
            if key is None:
                continue
            if key in found:
                self.report(item.line, where, f"{word} '{key}' is listed twice")
            elif key not in vocab:
                hint = suggest(slugify(key) or key, vocab.keys())
                hint = hint or f"the keys are listed in content/taxonomies/{kind.value}.yml"
                self.report(item.line, where, f"unknown {word} '{key}'", hint)
            else:
                found.append(key)
        countable = isinstance(loc.value, list | str)
        if low and countable and not low <= len(items) <= high:
            self.report(loc.line, name, f"give {low} to {high} {name} (now {len(items)})")
        return tuple(found)

    def tags(self, loc: Located, name: str) -> tuple[str, ...]:
        """Free words: at most 10, each at most 40 characters, none repeated."""
        found: list[str] = []
        items = self.items(loc, name)
        for item, where in items:
            tag = self.text(item, where, *LENGTHS["tags"])
            if tag is None:
                continue
            if tag.casefold() in (t.casefold() for t in found):
                self.report(item.line, where, f"tag '{tag}' is listed twice")
            else:
                found.append(tag)
        if len(items) > MAX_TAGS:
            self.report(loc.line, name, f"give at most {MAX_TAGS} tags (now {len(items)})")
        return tuple(found)

    def flag(self, loc: Located, name: str) -> bool | None:
        """A boolean."""
        if isinstance(loc.value, bool):
            return loc.value
        if loc.value is not INVALID:
            self.report(loc.line, name, "must be true or false")
        return None

    def mapping(self, loc: Located, name: str, known: tuple[str, ...]) -> dict[str, Located] | None:
        """A mapping whose keys are all in `known`."""
        if not isinstance(loc.value, dict):
            if loc.value is not INVALID:
                shape = ", ".join(known)
                kind = kind_of(loc.value)
                self.report(loc.line, name, f"must be a mapping with {shape}, not {kind}")
            return None
        for key, sub in loc.value.items():
            if key not in known:
                self.report(sub.line, f"{name}.{key}", "unknown field", known_hint(key, known))
        return loc.value

    def contact(self, loc: Located, name: str) -> Contact | None:
        """Who to ask: a name, optionally a role and a valid email address."""
        data = self.mapping(loc, name, ("name", "role", "email"))
        if data is None or all(is_blank(sub.value) for sub in data.values()):
            return None
        if "name" not in data:
            self.report(loc.line, f"{name}.name", "required field is missing")
        person = None
        if "name" in data:
            person = self.text(data["name"], f"{name}.name", *LENGTHS["contact.name"])
        role = email = None
        if not is_blank(data.get("role", Located(None, 0)).value):
            role = self.text(data["role"], f"{name}.role", *LENGTHS["contact.role"])
        if not is_blank(data.get("email", Located(None, 0)).value):
            email = self.text(data["email"], f"{name}.email", *LENGTHS["contact.email"])
            if email is not None and not _EMAIL_RE.fullmatch(email):
                message = f"'{email}' is not a valid email address"
                self.report(data["email"].line, f"{name}.email", message)
                email = None
        return Contact(person, role, email) if person else None

    def links(self, loc: Located, name: str) -> tuple[Link, ...]:
        """Links elsewhere: each a title and an http(s) URL."""
        if not isinstance(loc.value, list):
            if loc.value is not INVALID:
                message = f"must be a list of links with title and url, not {kind_of(loc.value)}"
                self.report(loc.line, name, message)
            return ()
        found: list[Link] = []
        for index, item in enumerate(loc.value):
            where = f"{name}[{index}]"
            data = self.mapping(item, where, ("title", "url"))
            if data is None:
                continue
            for key in ("title", "url"):
                if key not in data:
                    self.report(item.line, f"{where}.{key}", "required field is missing")
            title = (self.text(data["title"], f"{where}.title", *LENGTHS["links.title"])
                     if "title" in data else None)
            url = self.url(data["url"], f"{where}.url") if "url" in data else None
            if title and url:
                found.append(Link(title, url))
        return tuple(found)

    def url(self, loc: Located, name: str) -> str | None:
        """An absolute http or https address."""
        url = self.text(loc, name, *LENGTHS["links.url"])
        if url is None:
            return None
        parts = urlsplit(url) if not re.search(r"\s", url) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            message = f"'{url[:80]}' is not a web address starting with https:// or http://"
            self.report(loc.line, name, message)
            return None
        return url

    def image(self, loc: Located, name: str) -> str | None:
        """An image under content/stories/images/, relative to the story; its path from content/."""
        value = self.text(loc, name, 1, 300)
        if value is None:
            return None
        stories = (self.ctx.content_dir / "stories").absolute()
        images = stories / "images"
        target = Path(os.path.normpath(stories / value))
        outside = not target.is_relative_to(images) or target == images
        if not value.isprintable():
            self.report(loc.line, name, "must be a file path without control characters")
            return None
        if value.startswith("/") or "\\" in value or outside:
            self.report(loc.line, name, f"'{value}' must be a file in content/stories/images/, "
                        "written relative to the story, e.g. images/hollola-latu.jpg")
            return None
        problem = image_problem(target, content_root=self.ctx.content_dir.absolute())
        if problem:
            self.report(loc.line, name, f"'{value}' {problem}")
            return None
        return target.relative_to(self.ctx.content_dir.absolute()).as_posix()


def known_hint(word: str, known: Iterable[str]) -> str:
    """A "did you mean" hint, or the list of what is known when nothing is close."""
    known = list(known)
    return suggest(word, known) or f"the known fields are {', '.join(known)}"


def plain_text_problem(text: str) -> str:
    """Why a summary is not plain text, or ""."""
    return "must be plain text without HTML tags" if _TAG_RE.search(text) else ""


def _summary(checker: Checker, loc: Located, name: str) -> str | None:
    """The lead: plain text of 20 to 400 characters."""
    value = checker.text(loc, name, *LENGTHS["summary"], one_line=False)
    if value and plain_text_problem(value):
        checker.report(loc.line, name, plain_text_problem(value))
        return None
    return value


FieldCheck = Callable[[Checker, Located, str], Any]
REQUIRED = ("title", "summary", "date", "organisation", "categories")
FIELDS: dict[str, FieldCheck] = {
    "title": lambda c, loc, name: c.text(loc, name, *LENGTHS[name]),
    "summary": _summary,
    "date": Checker.day,
    "updated": Checker.day,
    "organisation": lambda c, loc, name: c.text(loc, name, *LENGTHS[name]),
    "municipalities": lambda c, loc, name: c.keys(loc, name, VOCABULARY_FIELDS[name]),
    "regions": lambda c, loc, name: c.keys(loc, name, VOCABULARY_FIELDS[name]),
    "categories": lambda c, loc, name: c.keys(loc, name, VOCABULARY_FIELDS[name], *CATEGORY_COUNT),
    "sectors": lambda c, loc, name: c.keys(loc, name, VOCABULARY_FIELDS[name]),
    "awards": lambda c, loc, name: c.keys(loc, name, VOCABULARY_FIELDS[name]),
    "client_groups": lambda c, loc, name: c.keys(loc, name, VOCABULARY_FIELDS[name]),
    "tags": Checker.tags,
    "image": Checker.image,
    "image_alt": lambda c, loc, name: c.text(loc, name, *LENGTHS[name]),
    "contact": Checker.contact,
    "links": Checker.links,
    "draft": Checker.flag,
}
