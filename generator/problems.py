"""Problems found in content: collect them all, sort, format, fail once."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, located as precisely as we can."""

    path: str  # as the editor knows it: "content/stories/x.fi.md"
    line: int  # 1-based; 0 when no line is known
    field: str  # "categories[1]", "contact.email", "front matter", "file"
    message: str
    hint: str = ""  # "did you mean 'categories'?"

    def text(self) -> str:
        """The problem as one line: `path:line: field: message; hint`."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        tail = f"; {self.hint}" if self.hint else ""
        return f"{where}: {self.field}: {self.message}{tail}"

    def github(self) -> str:
        """The problem as a GitHub Actions error annotation."""
        props = f"file={_escape_property(self.path)}"
        if self.line:
            props += f",line={self.line}"
        props += f",title={_escape_property(self.field)}"
        tail = f"; {self.hint}" if self.hint else ""
        return f"::error {props}::{_escape_data(self.message + tail)}"


def _escape_data(value: str) -> str:
    """Escape a workflow command's message as the Actions runner expects."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """Escape a workflow command's property value as the Actions runner expects."""
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def suggest(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" hint for an unknown word, or "" when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def format_problems(problems: Iterable[Problem], fmt: str = "text") -> str:
    """All problems, sorted and de-duplicated, one a line."""
    lines = [p.github() if fmt == "github" else p.text() for p in sorted(set(problems))]
    return "\n".join(lines)


class ContentError(Exception):
    """Raised once, after every problem of a run has been collected."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(set(problems)))
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in content:\n{format_problems(self.problems)}")
