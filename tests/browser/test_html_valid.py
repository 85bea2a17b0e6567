"""Every built page is valid HTML by the Nu HTML Checker (vnu), in one JVM run over the site."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pagetypes import REPO

pytestmark = pytest.mark.browser

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = Path(__file__).with_name("vnu-allowlist.json")


@dataclass(frozen=True)
class Message:
    """One error vnu reported: the page (site-relative), the line and the message."""

    page: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message}  [{' '.join(self.extract.split())}]"


@dataclass(frozen=True)
class Allowed:
    """An accepted error and why it is accepted."""

    message: str
    reason: str
    pages: str = ""
    extract: str = ""

    def matches(self, error: Message) -> bool:
        """Whether this entry accepts `error` (message, page and source extract all match)."""
        return all(
            re.search(pattern, text)
            for pattern, text in (
                (self.message, error.message),
                (self.pages, error.page),
                (self.extract, error.extract),
            )
        )


def run_vnu(site: Path) -> list[Message]:
    """Every error vnu finds in the HTML files under `site` (one JVM for all of them)."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    root = site.resolve()
    errors = []
    for m in report["messages"]:
        if m["type"] in {"error", "non-document-error"}:
            path = Path(m.get("url", "file:").removeprefix("file:"))
            page = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            errors.append(Message(page, m.get("lastLine", 0), m["message"], m.get("extract", "")))
    return errors


def load_allowlist() -> list[Allowed]:
    """The accepted errors, each with its reason."""
    data = json.loads(ALLOWLIST.read_text(encoding="utf-8"))
    return [Allowed(**entry) for entry in data["allowed"]]


@pytest.fixture(scope="module")
def vnu_errors(built_site) -> list[Message]:
    """vnu's errors for the whole built site."""
    return run_vnu(built_site)


def test_allowlist_entries_give_a_reason():
    """Every accepted error says why it cannot be fixed by an override."""
    for entry in load_allowlist():
        assert len(entry.reason.split()) >= 5, f"give a real reason for {entry.message!r}"
        re.compile(entry.message)


def test_every_page_is_valid_html(vnu_errors, built_site):
    """0 errors, apart from the few accepted in vnu-allowlist.json."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50, f"only {len(pages)} HTML files were built"
    allowed = load_allowlist()
    left = [e for e in vnu_errors if not any(a.matches(e) for a in allowed)]
    shown = "\n".join(map(str, left[:60]))
    assert not left, f"{len(left)} vnu error(s) in {len(pages)} pages:\n{shown}"


def test_allowlist_has_no_stale_entries(vnu_errors):
    """An accepted error that no longer occurs is removed from the list."""
    stale = [a.message for a in load_allowlist() if not any(a.matches(e) for e in vnu_errors)]
    assert not stale, f"remove these from {ALLOWLIST.name}: {stale}"
