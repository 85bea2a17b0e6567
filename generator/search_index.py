"""Run Pagefind over the built story pages: one index per `<html lang>`, in `pagefind/`.

Story pages are rendered before every listing page, so the plugin starts Pagefind as soon as
the last story page is on disk and lets it work on the second core while MkDocs renders the
rest of the site; the build waits for it at the end.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import search_bundle, urls
from generator.model import LANGS

BUNDLE = "pagefind"  # the folder Pagefind writes, at the site root

# Story pages only: "fi/tarinat/<slug>/index.html". The all-stories listing lives in the same
# folder ("fi/tarinat/", "fi/tarinat/sivu/2/"), is still being written while Pagefind runs,
# and would be skipped anyway for lacking data-pagefind-body.
_STORY_PREFIXES = tuple(f"{lang.value}/{urls.STORIES[lang]}/" for lang in LANGS)
STORY_GLOB = "{" + ",".join(p.rstrip("/") for p in _STORY_PREFIXES) + "}/*/index.html"


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run produced."""

    pages: dict[str, int]  # indexed pages per language code
    seconds: float  # from Pagefind's start to the normalised bundle
    bytes: int  # total size of the bundle folder


def is_story_url(url: str) -> bool:
    """Whether a site-relative page URL is a story page ("fi/tarinat/<slug>/")."""
    return url.startswith(_STORY_PREFIXES) and url.count("/") == 3


class Indexer:
    """Starts Pagefind once every story page is written, and collects its result at the end."""

    def __init__(self, site_dir: Path, page_urls: Iterable[str] = ()):
        self.site_dir = site_dir
        self.pending = {url for url in page_urls if is_story_url(url)}
        self.process: subprocess.Popen[str] | None = None
        self.started = 0.0

    def page_starts(self, url: str) -> None:
        """MkDocs begins rendering the page at `url`, so every page before it is on disk."""
        if not self.pending and self.process is None:
            self.start()
        self.pending.discard(url)

    def start(self) -> None:
        """Clear any earlier bundle and launch Pagefind in the background."""
        self.started = time.perf_counter()
        shutil.rmtree(self.site_dir / BUNDLE, ignore_errors=True)  # no stale chunks after --dirty
        if not _has_story_pages(self.site_dir):
            return  # Pagefind refuses to write an empty index; a site without stories has none
        command = [_binary(), "--site", str(self.site_dir), "--glob", STORY_GLOB,
                   "--output-subdir", BUNDLE, "--silent"]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)

    def finish(self) -> IndexReport:
        """Wait for Pagefind (starting it if no page did), make its output byte-stable, report."""
        if self.process is None and not self.started:
            self.start()
        if self.process is None:
            return IndexReport({}, 0.0, 0)
        output, _ = self.process.communicate()
        code, self.process = self.process.returncode, None
        bundle = self.site_dir / BUNDLE
        if code != 0 or not (bundle / "pagefind-entry.json").is_file():
            tail = (output or "").strip()[-2000:]
            raise SearchIndexError(f"Pagefind failed (exit {code}) on {self.site_dir}: {tail}")
        search_bundle.normalise(bundle)
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        pages = {lang: info["page_count"] for lang, info in sorted(entry["languages"].items())}
        size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
        return IndexReport(pages, round(time.perf_counter() - self.started, 3), size)

    def cancel(self) -> None:
        """Stop a running Pagefind, when the build failed."""
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
            self.process = None


def build_index(site_dir: Path) -> IndexReport:
    """Index the story pages of an already built site into `site_dir/pagefind/`, byte-stable."""
    return Indexer(site_dir).finish()


def _has_story_pages(site_dir: Path) -> bool:
    """Whether the built site holds at least one story page."""
    folders = (site_dir / lang.value / urls.STORIES[lang] for lang in LANGS)
    return any(next(folder.glob("*/index.html"), None) for folder in folders)


def _binary() -> str:
    """The Pagefind executable of the `pagefind[bin]` wheel (or PAGEFIND_BINARY_PATH)."""
    # The binary rather than the Python API: the API's service is terminated right after its
    # "files written" reply, which on a loaded machine left pagefind-entry.json empty at 10k pages.
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexError("the Pagefind binary is missing; install pagefind[bin]")
    return str(binary)
