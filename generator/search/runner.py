"""Run Pagefind once over the search records of every story: one index per `<html lang>`.

The records (records.py) are written to a folder that mirrors the site's paths, so Pagefind's
URLs are the pages' own, and one Pagefind run indexes them all into `pagefind/` of the site. The
plugin starts Pagefind as soon as every story body is converted from Markdown, so it works on the
second core while MkDocs renders the pages; the build waits for it at the end.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.search import bundle as search_bundle
from generator.search.bundle import ENTRY
from generator.search.records import Record

BUNDLE = "pagefind"  # the folder Pagefind writes, at the site root
RECORD = "index.html"  # a record's file name in its page's folder, as the page itself
# The build's own mark in a records folder it made: only such a folder is emptied at a build.
MARKER = ".tori-search-records"
MARKER_TEXT = ("Made by the generator plugin (option search_records) to keep Pagefind's input;\n"
               "the build empties this folder each time. Keep nothing else here.\n")


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run produced."""

    pages: dict[str, int]  # indexed pages per language code
    seconds: float  # from Pagefind's start to the normalised bundle
    bytes: int  # total size of the bundle folder


class Indexer:
    """Runs Pagefind over the search records in the background and collects its result."""

    def __init__(self, site_dir: Path, records_dir: Path | None = None):
        self.site_dir = site_dir
        self.records_dir = records_dir  # where to keep the records; None: a temporary folder
        self.source: Path | None = None
        self.process: subprocess.Popen[str] | None = None
        self.started = 0.0

    def start(self, records: Iterable[Record]) -> None:
        """Write the records to their folder and launch Pagefind on them."""
        self.started = time.perf_counter()
        if self.records_dir is None:
            self.source = Path(tempfile.mkdtemp(prefix="tori-search-"))
        else:
            self.source = fresh_records_dir(self.records_dir)
        if write_records(records, self.source):
            self.run(self.source)
        else:  # Pagefind refuses to write an empty index; a site without stories has none
            shutil.rmtree(self.site_dir / BUNDLE, ignore_errors=True)

    def run(self, source: Path) -> None:
        """Launch Pagefind over the records already in `source`."""
        self.started = self.started or time.perf_counter()
        shutil.rmtree(self.site_dir / BUNDLE, ignore_errors=True)  # no stale chunks after --dirty
        command = [_binary(), "--site", str(source), "--output-path",
                   str(self.site_dir / BUNDLE), "--silent"]
        # its own process group, so that cancel() stops it and anything it starts
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True)

    def finish(self) -> IndexReport:
        """Wait for Pagefind, make its output byte-stable, report; removes temporary records."""
        if self.process is None:
            self._clean()
            return IndexReport({}, 0.0, 0)
        output, _ = self.process.communicate()
        code, self.process = self.process.returncode, None
        self._clean()
        bundle = self.site_dir / BUNDLE
        if code != 0 or not (bundle / ENTRY).is_file():
            tail = (output or "").strip()[-2000:]
            raise SearchIndexError(f"Pagefind failed (exit {code}) for {self.site_dir}: {tail}")
        try:
            search_bundle.normalise(bundle)
        except search_bundle.BundleFormatError as err:
            raise SearchIndexError(str(err)) from None
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        pages = {lang: info["page_count"] for lang, info in sorted(entry["languages"].items())}
        size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
        return IndexReport(pages, round(time.perf_counter() - self.started, 3), size)

    def cancel(self) -> None:
        """Stop Pagefind, when the build failed."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):  # it may have finished already
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.communicate()
            self.process = None
        self._clean()

    def _clean(self) -> None:
        """Remove the records unless they were asked to be kept."""
        if self.source is not None and self.records_dir is None:
            shutil.rmtree(self.source, ignore_errors=True)
        self.source = None


def check_records_dir(folder: Path) -> None:
    """Refuse a records folder the build did not make, unless it is missing or empty."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise SearchIndexError(
            f"search_records: {folder} is not a folder; nothing was deleted. "
            "Give the path of a new or empty folder for the search records.")
    if folder.is_dir() and not (folder / MARKER).is_file() and any(folder.iterdir()):
        raise SearchIndexError(
            f"search_records: {folder} holds files that the build did not make (it has no "
            f"{MARKER} file), so it is not emptied and nothing was deleted. Give a new or "
            "empty folder for the search records, or move those files away yourself.")


def fresh_records_dir(folder: Path) -> Path:
    """Empty (or make) a records folder that check_records_dir accepted, and mark it as ours."""
    check_records_dir(folder)  # again: the folder may have changed since the build began
    if folder.is_dir():
        for entry in folder.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return folder


class _Stopped(Exception):
    """The indexing was cancelled before it touched the site folder."""


class Background:
    """Indexing after a `mkdocs serve` rebuild, in a thread, so the preview does not wait.

    The next rebuild cancels it first (MkDocs then empties the site folder). Until it is
    done, the preview's search has no index; a build (`mkdocs build`) always waits for its own.
    A cancel waits only while the thread works in the site folder (Pagefind, killed at once,
    and the bundle's normalising); removing the records it wrote is left to the thread.
    """

    def __init__(self, on_done=None) -> None:
        self.thread: threading.Thread | None = None
        self.indexer: Indexer | None = None
        self.stop = threading.Event()
        self.on_done = on_done  # called with the IndexReport
        self._lock = threading.Lock()
        self._in_site = threading.Event()  # the thread has begun to work in the site folder
        self._out_of_site = threading.Event()  # ... and is done with it
        self._left: list[threading.Thread] = []  # cancelled threads still removing records

    def start(self, indexer: Indexer, records: Iterable[Record]) -> None:
        """Cancel any indexing still running, then index `records` in a new thread."""
        self.cancel(wait=False)
        self.indexer, self.stop = indexer, threading.Event()
        self._in_site, self._out_of_site = threading.Event(), threading.Event()
        self.thread = threading.Thread(
            target=self._work, name="tori-search-index", daemon=True,
            args=(indexer, records, self.stop, self._in_site, self._out_of_site))
        self.thread.start()

    def _work(self, indexer: Indexer, records: Iterable[Record], stop: threading.Event,
              in_site: threading.Event, out_of_site: threading.Event) -> None:
        def until_stopped():
            for record in records:
                if stop.is_set():
                    raise _Stopped
                yield record
            with self._lock:  # Pagefind starts next: a cancel from now on waits for it to stop
                if stop.is_set():
                    raise _Stopped
                in_site.set()

        written = None  # temporary records, removed once the site folder is left alone
        try:
            try:
                indexer.start(until_stopped())
            except _Stopped:
                indexer.cancel()
                return
            if indexer.records_dir is None:
                written, indexer.source = indexer.source, None
            if stop.is_set():  # cancelled while Pagefind was being started
                indexer.cancel()
                return
            report = indexer.finish()
        except (SearchIndexError, OSError):
            if not stop.is_set():
                raise
            return
        finally:
            out_of_site.set()
            if written is not None:
                shutil.rmtree(written, ignore_errors=True)
        if self.on_done is not None:
            self.on_done(report)

    def cancel(self, wait: bool = True) -> None:
        """Stop the indexing thread and its Pagefind; wait for the thread (`wait`), or only
        until it no longer works in the site folder."""
        if self.thread is not None:
            with self._lock:
                self.stop.set()
            process = self.indexer.process if self.indexer else None
            if process is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
            if self.indexer is not None and self.indexer.records_dir is not None:
                self.thread.join()  # the next run empties the same records folder
            elif self._in_site.is_set():
                self._out_of_site.wait()
            self._left.append(self.thread)
            self.thread = self.indexer = None
        if wait:
            for thread in self._left:
                thread.join()
            self._left = []
        else:
            self._left = [thread for thread in self._left if thread.is_alive()]


def write_records(records: Iterable[Record], root: Path) -> int:
    """Write the records at their paths ("fi/tarinat/<slug>/index.html"); returns their number."""
    count = 0
    for record in records:
        folder = root / record.url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / RECORD).write_text(record.html, encoding="utf-8")
        count += 1
    return count


def build_index(source: Path, site_dir: Path) -> IndexReport:
    """Index the records kept in `source` into `site_dir/pagefind/`, byte-stable."""
    if not any(source.rglob(RECORD)):
        return IndexReport({}, 0.0, 0)
    indexer = Indexer(site_dir, records_dir=source)
    indexer.run(source)
    return indexer.finish()


def _binary() -> str:
    """The Pagefind executable of the `pagefind[bin]` wheel (or PAGEFIND_BINARY_PATH)."""
    # The binary rather than the Python API: the API's service is terminated right after its
    # "files written" reply, which on a loaded machine left pagefind-entry.json empty at 10k pages.
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexError("the Pagefind binary is missing; install pagefind[bin]")
    return str(binary)
