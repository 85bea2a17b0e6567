"""YAML text to located values, each with its file line; aliases, odd tags and traps refused."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from generator.messages import Message, msg
from generator.problems import Problem

MAX_DEPTH = 20  # front matter needs 3 levels; deep nesting only slows libyaml down (quadratic)

try:  # libyaml's event parser, used directly: yaml.parse() would triple the cost per file
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None
_RESOLVER = yaml.resolver.Resolver()
# First characters of plain scalars that may resolve to something other than a string.
_RESOLVED_FIRST = frozenset(k for k in _RESOLVER.yaml_implicit_resolvers if k) | {""}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_T = "tag:yaml.org,2002:"
_SCALARS = {
    f"{_T}str": None,
    f"{_T}null": _CONSTRUCTOR.construct_yaml_null,
    f"{_T}bool": _CONSTRUCTOR.construct_yaml_bool,
    f"{_T}int": _CONSTRUCTOR.construct_yaml_int,
    f"{_T}float": _CONSTRUCTOR.construct_yaml_float,
    f"{_T}timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
}
_COLLECTION_TAGS = {None, "!", f"{_T}seq", f"{_T}map"}


class _Invalid:
    """Marks a value already reported while reading YAML, so later checks stay silent."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


class Located(NamedTuple):
    """A YAML value with the file line where problems about it are reported.

    A named tuple rather than a frozen dataclass: one is built per YAML value, and a tuple
    is several times cheaper to create, which matters with 10 000 stories.
    """

    # str, int, float, bool, None, date, datetime, INVALID, list[Located] or dict[str, Located]
    value: Any
    line: int


@dataclass
class _Frame:
    """A collection being built from the event stream."""

    is_map: bool
    line: int
    path: str
    valid: bool = True  # False when its tag was refused
    items: list[Located] = field(default_factory=list)

    def child_path(self) -> str:
        """The field name of the next item: "links[2]" in a list, "contact.name" in a mapping."""
        if not self.is_map:
            return f"{self.path}[{len(self.items)}]"
        if len(self.items) % 2 == 1 and isinstance(self.items[-1].value, str):
            key = self.items[-1].value
            return f"{self.path}.{key}" if self.path else key
        return self.path


class _StopParsing(Exception):
    """Raised by the builder when the rest of a document is not worth reading."""


@dataclass
class _Builder:
    """Builds located values from YAML events, without recursion."""

    path: str
    first_line: int
    field_name: str | Message  # where problems of the whole document are reported
    problems: list[Problem] = field(default_factory=list)
    stack: list[_Frame] = field(default_factory=list)
    root: Located | None = None
    documents: int = 0
    aliases: int = 0

    def report(self, line: int, where: str, message: Message) -> None:
        """Record a problem about the value at `where` (the whole document when empty)."""
        self.problems.append(Problem(self.path, line, where or self.field_name, message))

    def where(self) -> str:
        """The field name of the value being read now (computed only when a problem needs it)."""
        return self.stack[-1].child_path() if self.stack else ""

    def feed(self, event: yaml.Event) -> None:
        """Take one parser event; dispatch on the exact type, as this runs for every value."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._add(_scalar(event, self.first_line + event.start_mark.line, self))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self._add(_finish(self.stack.pop(), self))
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._start(event, kind is yaml.MappingStartEvent)
        elif kind is yaml.AliasEvent:
            line = self.first_line + event.start_mark.line
            # One report is enough: an alias bomb would otherwise yield a problem per alias.
            self.aliases += 1
            if self.aliases == 1:
                self.report(line, self.where(), msg("yaml.alias"))
            self._add(Located(INVALID, line))
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                line = self.first_line + event.start_mark.line
                self.report(line, "", msg("yaml.many_documents"))
                raise _StopParsing

    def _start(self, event: yaml.CollectionStartEvent, is_map: bool) -> None:
        """Open a list or mapping, unless it nests too deeply."""
        line = self.first_line + event.start_mark.line
        where = self.where()
        if len(self.stack) >= MAX_DEPTH:
            self.report(line, _top_field(where), msg("yaml.too_deep"))
            raise _StopParsing
        valid = _check_tag(event.tag, _COLLECTION_TAGS, self, line)
        self.stack.append(_Frame(is_map, line, where, valid))

    def _add(self, item: Located) -> None:
        """Put a finished value into the collection being read, or make it the document."""
        if self.stack:
            self.stack[-1].items.append(item)
        else:
            self.root = item


def parse_yaml(
    text: str, path: str, first_line: int, field_name: str | Message
) -> tuple[Located | None, list[Problem]]:
    """Build located values from one YAML document; aliases, odd tags and bad dates are problems."""
    builder = _Builder(path, first_line, field_name)
    try:
        for event in _events(text):
            builder.feed(event)
    except _StopParsing:
        return None, builder.problems
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + mark.line if mark else first_line
        reason = getattr(exc, "problem", None) or "syntax error"
        if "nesting depth" in reason:
            # PyYAML 6.0.4's libyaml refuses deep nesting while scanning, before our own limit.
            where = _top_field(builder.where()) or _key_on_line(text, mark)
            builder.report(line, where, msg("yaml.too_deep"))
        else:
            builder.report(line, "", msg("yaml.syntax", reason=reason))
        return None, builder.problems
    return builder.root, builder.problems


def _top_field(where: str) -> str:
    """The top-level field of a value's place: "links" for "links[2].url"."""
    return re.split(r"[.\[]", where)[0]


def _key_on_line(text: str, mark: yaml.Mark | None) -> str:
    """The field named at the start of the line `mark` points to, or "" if there is none."""
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines):
        return ""
    found = re.match(r"\s*([\w-]+)\s*:", lines[mark.line])
    return found.group(1) if found else ""


def _events(text: str) -> Iterator[yaml.Event]:
    """The YAML parser's events for a text; the parser builds no Python objects but events."""
    if _CParser is None:
        yield from yaml.parse(text, Loader=yaml.SafeLoader)
        return
    parser = _CParser(text)
    try:
        while (event := parser.get_event()) is not None:
            yield event
    finally:
        parser.dispose()


def _check_tag(tag: str | None, allowed: object, builder: _Builder, line: int) -> bool:
    """Whether a node's explicit tag is one we accept; a problem when not."""
    if tag in allowed:  # type: ignore[operator]
        return True
    builder.report(line, builder.where(), msg("yaml.tag", tag=str(tag).replace(_T, "!!")))
    return False


def _scalar(event: yaml.ScalarEvent, line: int, builder: _Builder) -> Located:
    """A scalar built with the safe constructor, after checking its tag."""
    tag = event.tag
    if tag is None and (not event.implicit[0] or event.value[:1] not in _RESOLVED_FIRST):
        return Located(event.value, line)  # quoted, or plain text no resolver claims
    if tag in (None, "!"):
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    if not _check_tag(tag, _SCALARS, builder, line):
        return Located(INVALID, line)
    build = _SCALARS[tag]
    if build is None:
        return Located(event.value, line)
    try:
        return Located(build(yaml.ScalarNode(tag, event.value)), line)
    except (ValueError, OverflowError):
        key = "date.invalid" if tag.endswith("timestamp") else "yaml.bad_number"
        builder.report(line, builder.where(), msg(key, value=event.value[:40]))
        return Located(INVALID, line)


def _finish(frame: _Frame, builder: _Builder) -> Located:
    """Turn a finished frame into a list or a mapping keyed by text."""
    if not frame.valid:
        return Located(INVALID, frame.line)
    if not frame.is_map:
        return Located(frame.items, frame.line)
    mapping: dict[str, Located] = {}
    for key, value in zip(frame.items[::2], frame.items[1::2], strict=True):
        if not isinstance(key.value, str):
            if key.value is not INVALID:
                builder.report(key.line, frame.path, msg("yaml.key_not_text"))
            continue
        name = f"{frame.path}.{key.value}" if frame.path else key.value
        if key.value in mapping:
            builder.report(key.line, name, msg("yaml.field_twice"))
            continue
        mapping[key.value] = Located(value.value, key.line)
    return Located(mapping, frame.line)


def is_date(value: Any) -> bool:
    """Whether a YAML value is a calendar date without a time."""
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
