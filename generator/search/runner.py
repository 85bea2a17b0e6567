"""Run Pagefind over the search records: one bundle per language, each kept in the build cache.

The records (records.py) of each language go to their own Pagefind run, written into a folder
that mirrors the site's paths (so Pagefind's URLs are the pages' own) and indexed into
`pagefind/<lang>/` of the site; the search page of a language loads only its bundle.

Each bundle is found in the build cache under the SHA-256 of its records (paths and bytes),
Pagefind's version and this code: a bundle whose records did not change is linked (or copied)
from the cache instead of indexed again, and only the records of the bundles that are indexed
are written. A build starts the runs as soon as the stories are indexed, so Pagefind works
on the second core while the pages are planned (on one core) and rendered; it waits for Pagefind
at the end. The records are written before the thread starts (see `Indexer.start`).

A language is not split into shards merged in the browser (Pagefind's mergeIndex): measured at
10 000 stories, shards cut the re-indexing of a language but rank differently, as each shard
scores with its own word statistics (bench/README.md, "Search bundles per language").
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.build_cache import digest
from generator.search import bundle as search_bundle
from generator.search.bundle import ENTRY
from generator.search.bundle_cache import BundleCache
from generator.search.records import Record

BUNDLE = "pagefind"  # the folder of the bundles, at the site root
RECORD = "index.html"  # a record's file name in its page's folder, as the page itself
CACHE = "search"  # the bundles' folder in the build cache
# The build's own mark in a records folder it made: only such a folder is emptied at a build.
MARKER = ".tori-search-records"
MARKER_TEXT = ("Made by the generator plugin (option search_records) to keep Pagefind's input;\n"
               "the build empties this folder each time. Keep nothing else here.\n")
CODE = (Path(__file__), Path(search_bundle.__file__))  # what shapes a bundle besides Pagefind
SHARED_MEMORY = Path("/dev/shm")  # Linux's memory-backed file system, where there is one


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run produced."""

    pages: dict[str, int]  # indexed pages per language code
    seconds: float  # from the start to the last bundle in place
    bytes: int  # total size of the bundle folders
    ran: tuple[str, ...] = ()  # the bundles Pagefind indexed
    reused: tuple[str, ...] = ()  # the bundles taken from the build cache
    waited: float = 0.0  # how long finish() waited for them


@dataclass(frozen=True)
class Bundle:
    """One Pagefind run's input: the bundle's folder name (its language) and its records."""

    name: str
    records: tuple[Record, ...] = field(repr=False)

    def key(self, version: str) -> str:
        """The bundle's cache key: Pagefind's version, this code, and every record."""
        parts: list[str | bytes] = [version, *(p.read_bytes() for p in CODE), self.name]
        for record in self.records:
            parts += [record.url, record.html]
        return digest(*parts)


def lang_of(record: Record) -> str:
    """The language code of a record's index: the first part of its URL ("fi/tarinat/x/")."""
    return record.url.split("/", 1)[0]


def plan(records: Iterable[Record]) -> list[Bundle]:
    """The bundles of the records, one per language, each with its records sorted by URL."""
    by_lang: dict[str, list[Record]] = {}
    for record in records:
        by_lang.setdefault(lang_of(record), []).append(record)
    return [Bundle(lang, tuple(sorted(group, key=lambda r: r.url)))
            for lang, group in sorted(by_lang.items())]


class Indexer:
    """Writes the search records, then indexes them in a thread, language after language."""

    def __init__(self, site_dir: Path, records_dir: Path | None = None,
                 cache_dir: Path | None = None, write_ahead: bool = False):
        self.site_dir = site_dir
        # A build writes every record in start(), in its own thread (see there). The preview
        # indexes from a thread of its own and writes a language's records just before its
        # run: a run that the next save cancels leaves fewer files to remove beside that build.
        self.write_ahead = write_ahead
        self.records_dir = records_dir  # where to keep the records; None: a temporary folder
        self.cache = BundleCache(cache_dir) if cache_dir is not None else None
        self.source: Path | None = None
        self.process: subprocess.Popen[str] | None = None
        self.thread: threading.Thread | None = None
        self.started = 0.0
        self.used: set[str] = set()  # cache keys of this build's bundles
        self._ran: list[str] = []
        self._reused: list[str] = []
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()  # between the thread launching Pagefind and halt()

    def start(self, records: Iterable[Record]) -> None:
        """Place the bundles kept in the cache; Pagefind indexes the others in a thread."""
        self.started = time.perf_counter()
        bundles = plan(records)
        if self.records_dir is None:
            need = sum(4 * len(r.html) + 8192 for b in bundles for r in b.records)
            self.source = Path(tempfile.mkdtemp(prefix="tori-search-", dir=scratch_dir(need)))
        else:
            self.source = fresh_records_dir(self.records_dir)
        shutil.rmtree(self.site_dir / BUNDLE, ignore_errors=True)  # no stale bundles
        if not bundles:  # Pagefind refuses to write an empty index; a site without stories
            return
        # Asked here, not in the thread: the thread starts Pagefind only under `no_start`.
        version = pagefind_version() if self.cache is not None else ""
        pending = [(b.name, b.key(version) if version else "", b.records) for b in bundles]
        bundles.clear()
        self.used.update(key for _, key, _ in pending if key)
        # Placed (and with `write_ahead` written) here, not by the thread: a thread that makes
        # files while the build's own thread runs Python waits for the GIL at each file (at
        # 10 000 stories, Pagefind began about 20 s late, and a kept bundle took 6 s to link
        # instead of 0.3 s).
        runs: list[tuple[str, str, list[Record] | None]] = []
        for name, key, records in pending:
            if self._stop.is_set():
                break
            written = self.records_dir is not None  # kept to measure Pagefind alone: all
            if written:
                write_records(records, self.source / name, self._stop)
            if self._cached(key) and self.cache.place(key, self.site_dir / BUNDLE / name):
                self._reused.append(name)  # before any run: the preview's search sooner
                continue
            if self.write_ahead and not written:
                write_records(records, self.source / name, self._stop)
                written = True
            runs.append((name, key, None if written else records))
        del pending  # a language's records are let go once written
        # the folder goes to the thread: Background may take over removing it (self.source)
        self.thread = threading.Thread(target=self._work, args=(runs, self.source),
                                       name="tori-search-bundles", daemon=True)
        self.thread.start()

    @contextlib.contextmanager
    def no_start(self) -> Iterator[None]:
        """While held, Pagefind is not being started: a process forked now holds no end of
        its pipes (with one, Pagefind's output would not end until that process did)."""
        with self._lock:
            yield

    def _work(self, runs: list[tuple[str, str, list[Record] | None]], source: Path) -> None:
        try:
            for i, (name, key, records) in enumerate(runs):  # back to back; kept after all
                if self._stop.is_set():
                    return
                if records is not None:  # the preview's: written just before its run
                    write_records(records, source / name, self._stop)
                    runs[i] = (name, key, None)  # and let go
                del records
                self._index(source / name, self.site_dir / BUNDLE / name)
                self._ran.append(name)
            for name, key, _ in runs:
                if key and not self._stop.is_set():
                    self.cache.store(self.site_dir / BUNDLE / name, key)
        except BaseException as err:  # handed to finish()
            self._error = err

    def _cached(self, key: str) -> bool:
        return bool(key) and self.cache is not None and self.cache.has(key)

    def _index(self, source: Path, target: Path) -> None:
        """One Pagefind run over the records written in `source`, made byte-stable."""
        command = [_binary(), "--site", str(source), "--output-path", str(target), "--silent"]
        with self._lock:
            if self._stop.is_set():
                raise SearchIndexError("indexing was cancelled")
            # its own process group, so that halt() stops it and anything it starts
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE,
                                            stderr=subprocess.STDOUT, text=True,
                                            start_new_session=True)
        output, _ = self.process.communicate()
        with self._lock:
            code, self.process = self.process.returncode, None
        if code != 0 or not (target / ENTRY).is_file():
            tail = (output or "").strip()[-2000:]
            raise SearchIndexError(f"Pagefind failed (exit {code}) for {self.site_dir}: {tail}")
        try:
            search_bundle.normalise(target)
        except search_bundle.BundleFormatError as err:
            raise SearchIndexError(str(err)) from None

    def finish(self) -> IndexReport:
        """Wait for the bundles and report; removes temporary records."""
        waiting = time.perf_counter()
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        waited = time.perf_counter() - waiting
        self._clean()
        if self._error is not None:
            error, self._error = self._error, None
            if isinstance(error, SearchIndexError):
                raise error
            if isinstance(error, OSError):
                raise SearchIndexError(f"indexing failed for {self.site_dir}: {error}") from error
            raise error
        if self._stop.is_set():
            raise SearchIndexError("indexing was cancelled")
        if not self._ran and not self._reused:  # no stories, no index
            return IndexReport({}, 0.0, 0)
        pages: dict[str, int] = {}
        size = 0
        root = self.site_dir / BUNDLE
        for name in sorted([*self._ran, *self._reused]):
            entry = json.loads((root / name / ENTRY).read_text(encoding="utf-8"))
            for lang, info in entry["languages"].items():
                pages[lang] = pages.get(lang, 0) + info["page_count"]
            size += sum(f.stat().st_size for f in (root / name).rglob("*") if f.is_file())
        return IndexReport(dict(sorted(pages.items())),
                           round(time.perf_counter() - self.started, 3), size,
                           tuple(self._ran), tuple(self._reused), round(waited, 3))

    def halt(self) -> None:
        """Stop indexing without waiting: no further bundle, and Pagefind killed."""
        self._stop.set()
        with self._lock:
            if self.process is not None:
                with contextlib.suppress(ProcessLookupError):  # it may have finished already
                    os.killpg(self.process.pid, signal.SIGKILL)

    def cancel(self) -> None:
        """Stop Pagefind and wait for the thread, when the build failed."""
        self.halt()
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        self._error = None
        self._clean()

    def prune(self) -> int:
        """Delete the cached bundles this build did not use; returns how many went."""
        return self.cache.prune(self.used) if self.cache is not None else 0

    def _clean(self) -> None:
        """Remove the records unless they were asked to be kept."""
        if self.source is not None and self.records_dir is None:
            shutil.rmtree(self.source, ignore_errors=True)
        self.source = None


def scratch_dir(need: int, shared: Path = SHARED_MEMORY) -> str | None:
    """A memory-backed folder for `need` bytes of temporary records, or None (the default).

    Pagefind's input is read once and deleted: in memory it is written 20-30 times faster
    than on a disk slow at creating files (10 000 records: 0.6 s against 3-18 s, most of it
    system time). Used only with twice the room to spare (a container's is often 64 MB).
    """
    try:
        stat = os.statvfs(shared)
    except OSError:
        return None
    room = stat.f_bavail * stat.f_frsize
    return str(shared) if room > 2 * need and os.access(shared, os.W_OK) else None


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
            if self.indexer is not None:  # no further language, Pagefind killed at once
                self.indexer.halt()
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


def write_records(records: Iterable[Record], root: Path,
                  stop: threading.Event | None = None) -> int:
    """Write the records at their paths ("fi/tarinat/<slug>/index.html"), until `stop` is set;
    returns their number."""
    count = 0
    for record in records:
        if stop is not None and stop.is_set():
            break
        folder = root / record.url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / RECORD).write_text(record.html, encoding="utf-8")
        count += 1
    return count


def build_index(source: Path, site_dir: Path) -> IndexReport:
    """Index the records kept in `source` (a folder per language) into `site_dir/pagefind/`."""
    bundles = sorted(p.name for p in source.iterdir() if p.is_dir() and any(p.rglob(RECORD)))
    if not bundles:
        return IndexReport({}, 0.0, 0)
    indexer = Indexer(site_dir, records_dir=source)
    indexer.started = time.perf_counter()
    shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
    for name in bundles:
        indexer._index(source / name, site_dir / BUNDLE / name)
        indexer._ran.append(name)
    return indexer.finish()


@functools.cache
def _version_of(binary: str) -> str:
    try:
        done = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def pagefind_version() -> str:
    """Pagefind's `--version` line ("pagefind 1.5.2"), part of every bundle's cache key."""
    version = _version_of(_binary())
    if not version:
        raise SearchIndexError(f"Pagefind ({_binary()}) does not answer --version")
    return version


def _binary() -> str:
    """The Pagefind executable of the `pagefind[bin]` wheel (or PAGEFIND_BINARY_PATH)."""
    # The binary rather than the Python API: the API's service is terminated right after its
    # "files written" reply, which on a loaded machine left pagefind-entry.json empty at 10k pages.
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexError("the Pagefind binary is missing; install pagefind[bin]")
    return str(binary)
