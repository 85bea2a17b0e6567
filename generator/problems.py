"""Problems found in content: collect them all, sort, format in the editor's language, fail once."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator.messages import LANGS, Message, msg, printable

_STORY_LANG = re.compile(r"\.(fi|sv)\.md$", re.IGNORECASE)
DEFAULT_LANG = "fi"  # vocabularies and files of no language: the contract allows either


def file_lang(path: str) -> str:
    """The language of the file a problem is about: the story's, the content page folder's, or fi.

    `<slug>.fi.md` and `<slug>.sv.md` are Finnish and Swedish, as are pages under content/fi/
    and content/sv/; vocabularies and anything else get Finnish.
    """
    found = _STORY_LANG.search(path)
    if found:
        return found[1].lower()
    folders = PurePosixPath(path.replace("\\", "/")).parts[:-1]
    return next((part for part in reversed(folders) if part in ("fi", "sv")), DEFAULT_LANG)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, located as precisely as we can; text only when formatted."""

    path: str  # as the editor knows it: "content/stories/x.fi.md"
    line: int  # 1-based; 0 when no line is known
    field: str | Message  # a field as written in the file ("categories[1]"), or where.* place
    message: Message
    hint: Message | None = None  # "did you mean 'categories'?"

    def __post_init__(self) -> None:
        # Every message goes through the catalogue, so that it can be shown in every language.
        if not isinstance(self.message, Message):
            raise TypeError(f"Problem message must be a catalogue Message: {self.message!r}")
        if self.hint is not None and not isinstance(self.hint, Message):
            raise TypeError(f"Problem hint must be a catalogue Message: {self.hint!r}")
        if not isinstance(self.field, str | Message):
            raise TypeError(f"Problem field must be text or a Message: {self.field!r}")

    def order(self) -> tuple:
        """Sorted by file, line, field, then message; the same order in every language."""
        field = ("", self.field) if isinstance(self.field, str) else ("~", self.field.order())
        hint = self.hint.order() if self.hint else ()
        return (self.path, self.line, field, self.message.order(), hint)

    def __lt__(self, other: Problem) -> bool:
        return self.order() < other.order()

    def lang(self, override: str | None = None) -> str:
        """The language to show this problem in: `override`, else its file's language."""
        return override or file_lang(self.path)

    def field_text(self, lang: str | None = None) -> str:
        """The field as shown: as written in the file, or the place named in the language."""
        if isinstance(self.field, str):
            return printable(self.field)
        return self.field.render(self.lang(lang))

    def message_text(self, lang: str | None = None) -> str:
        """The message with its hint, `message; hint`."""
        lang = self.lang(lang)
        tail = f"; {self.hint.render(lang)}" if self.hint else ""
        return self.message.render(lang) + tail

    def text(self, lang: str | None = None) -> str:
        """The problem as one line: `path:line: field: message; hint`."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field_text(lang)}: {self.message_text(lang)}"

    def github(self, lang: str | None = None) -> str:
        """The problem as a GitHub Actions error annotation."""
        props = f"file={_escape_property(self.path)}"
        if self.line:
            props += f",line={self.line}"
        props += f",title={_escape_property(self.field_text(lang))}"
        return f"::error {props}::{_escape_data(self.message_text(lang))}"


def _escape_data(value: str) -> str:
    """Escape a workflow command's message as the Actions runner expects."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """Escape a workflow command's property value as the Actions runner expects."""
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def suggest(word: str, choices: Iterable[str]) -> Message | None:
    """A "did you mean" hint for an unknown word, or None when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return msg("hint.did_you_mean", word=close[0]) if close else None


def format_problems(
    problems: Iterable[Problem], fmt: str = "text", lang: str | None = None
) -> str:
    """All problems, sorted and de-duplicated, one a line, each in its file's language or `lang`."""
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown message language '{lang}'")
    lines = [p.github(lang) if fmt == "github" else p.text(lang) for p in sorted(set(problems))]
    return "\n".join(lines)


class ContentError(Exception):
    """Raised once, after every problem of a run has been collected."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(set(problems)))
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in content:\n{format_problems(self.problems)}")
