"""Run Pagefind over the search records of the story pages: one index per `<html lang>`.

The records (search_records.py) are written in shards of SHARD_PAGES to folders that mirror the
site's paths, so Pagefind's URLs are the story pages' own. A child process (this module's
`main`) indexes the shards with one Pagefind at a time and merges their indexes
(search_merge.py) into `pagefind/` of the site: Pagefind's memory grows with the pages it
indexes at once, about 170 kB each. The plugin starts the child as soon as every story body is
converted from Markdown, so it works on the second core while MkDocs renders all the pages; the
build waits for it at the end.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator import search_bundle, search_merge
from generator.build_cache import digest
from generator.search_bundle import ENTRY

if TYPE_CHECKING:  # search_records imports search, which imports this module's BUNDLE
    from generator.search_records import Record

BUNDLE = "pagefind"  # the folder Pagefind writes, at the site root
RECORD = "index.html"  # a record's file name in its page's folder, as the page itself
SHARD_PAGES = 2_000  # pages per Pagefind run: about 360 MB at its peak
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
    """Indexes search records in a child process and collects its result at the end."""

    def __init__(self, site_dir: Path, records_dir: Path | None = None,
                 shard_pages: int = SHARD_PAGES, cache: Path | None = None):
        self.site_dir = site_dir
        self.records_dir = records_dir  # where to keep the records; None: a temporary folder
        self.shard_pages = shard_pages
        self.cache = cache  # Pagefind's output per shard, by the shard's records (see below)
        self.source: Path | None = None
        self.process: subprocess.Popen[str] | None = None
        self.started = 0.0

    def start(self, records: Iterable[Record]) -> None:
        """Write the records to their folder in shards and launch the indexing child."""
        self.started = time.perf_counter()
        if self.records_dir is None:
            self.source = Path(tempfile.mkdtemp(prefix="tori-search-"))
        else:
            self.source = fresh_records_dir(self.records_dir)
        if write_records(records, self.source, self.shard_pages):
            self.run(self.source)
        else:  # Pagefind refuses to write an empty index; a site without stories has none
            shutil.rmtree(self.site_dir / BUNDLE, ignore_errors=True)

    def run(self, source: Path) -> None:
        """Launch the indexing child over the record shards already in `source`."""
        self.started = self.started or time.perf_counter()
        shutil.rmtree(self.site_dir / BUNDLE, ignore_errors=True)  # no stale chunks after --dirty
        package_root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (package_root, os.environ.get("PYTHONPATH")) if p)}
        command = [sys.executable, "-m", __name__, str(source), str(self.site_dir / BUNDLE)]
        if self.cache is not None:
            command.append(str(self.cache))
        # its own process group, so that cancel() stops the Pagefind it runs too
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env,
                                        stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True)

    def finish(self) -> IndexReport:
        """Wait for the child, make its output byte-stable, report; removes temporary records."""
        if self.process is None:
            self._clean()
            return IndexReport({}, 0.0, 0)
        output, _ = self.process.communicate()
        code, self.process = self.process.returncode, None
        self._clean()
        bundle = self.site_dir / BUNDLE
        if code != 0 or not (bundle / ENTRY).is_file():
            tail = (output or "").strip()[-2000:]
            raise SearchIndexError(f"indexing failed (exit {code}) for {self.site_dir}: {tail}")
        search_bundle.normalise(bundle)
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        pages = {lang: info["page_count"] for lang, info in sorted(entry["languages"].items())}
        size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
        return IndexReport(pages, round(time.perf_counter() - self.started, 3), size)

    def cancel(self) -> None:
        """Stop the indexing child and its Pagefind, when the build failed."""
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


class Background:
    """Indexing after a `mkdocs serve` rebuild, in a thread, so the preview does not wait.

    The next rebuild cancels it first (MkDocs then empties the site folder). Until it is
    done, the preview's search has no index; a build (`mkdocs build`) always waits for its own.
    """

    def __init__(self, on_done=None) -> None:
        self.thread: threading.Thread | None = None
        self.indexer: Indexer | None = None
        self.stop = threading.Event()
        self.on_done = on_done  # called with the IndexReport

    def start(self, indexer: Indexer, records: Iterable[Record]) -> None:
        """Cancel any indexing still running, then index `records` in a new thread."""
        self.cancel()
        self.indexer, self.stop = indexer, threading.Event()
        self.thread = threading.Thread(target=self._work, args=(indexer, records, self.stop),
                                       name="tori-search-index", daemon=True)
        self.thread.start()

    def _work(self, indexer: Indexer, records: Iterable[Record], stop: threading.Event) -> None:
        def until_stopped():
            for record in records:
                if stop.is_set():
                    return
                yield record

        try:
            indexer.start(until_stopped())
            if stop.is_set():  # cancelled while the records were written
                indexer.cancel()
                return
            report = indexer.finish()
        except (SearchIndexError, OSError):
            if not stop.is_set():
                raise
            return
        if self.on_done is not None:
            self.on_done(report)

    def cancel(self) -> None:
        """Stop the indexing thread and its Pagefind, and wait for the thread."""
        if self.thread is None:
            return
        self.stop.set()
        process = self.indexer.process if self.indexer else None
        if process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        self.thread.join()
        self.thread = self.indexer = None


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


def write_records(records: Iterable[Record], root: Path, shard_pages: int = SHARD_PAGES) -> int:
    """Write the records in shards ("000/fi/tarinat/<slug>/index.html"); returns their number."""
    count = 0
    for record in records:
        folder = root / f"{count // shard_pages:03d}" / record.url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / RECORD).write_text(record.html, encoding="utf-8")
        count += 1
    return count


def build_index(source: Path, site_dir: Path) -> IndexReport:
    """Index the record shards kept in `source` into `site_dir/pagefind/`, byte-stable."""
    if not any(source.rglob(RECORD)):
        return IndexReport({}, 0.0, 0)
    indexer = Indexer(site_dir, records_dir=source)
    indexer.run(source)
    return indexer.finish()


def index_shards(shards: Sequence[Path], bundle: Path, cache: Path | None = None) -> None:
    """Index each shard with its own Pagefind, one after the other, and merge them into `bundle`.

    With a `cache` folder, a shard whose records are byte for byte those of a shard indexed
    before is not indexed again: Pagefind's output for it is copied from the cache. After one
    story changed, only its shard is indexed (the merge, which reads every part, still runs).
    """
    if len(shards) == 1:
        _cached_pagefind(shards[0], bundle, cache)
    else:
        with tempfile.TemporaryDirectory(prefix="tori-shards-") as folder:
            parts = [Path(folder) / shard.name for shard in shards]
            for shard, part in zip(shards, parts, strict=True):
                _cached_pagefind(shard, part, cache)
            search_merge.merge(parts, bundle)
    if cache is not None:
        _prune(cache)


def shard_key(shard: Path) -> str:
    """The digest of a shard's records (paths and bytes) and of Pagefind's version."""
    from importlib.metadata import version

    parts: list[str | bytes] = [version("pagefind")]
    for file in sorted(shard.rglob(RECORD)):
        parts += [file.relative_to(shard).as_posix(), file.read_bytes()]
    return digest(*parts)


_used: set[str] = set()  # the shards of this indexing run (the child indexes one site)


def _cached_pagefind(shard: Path, bundle: Path, cache: Path | None) -> None:
    """Pagefind over one shard, or its output kept in `cache` for the same records."""
    if cache is None:
        _pagefind(shard, bundle)
        return
    key = shard_key(shard)
    _used.add(key)
    kept = cache / key
    if (kept / ENTRY).is_file():
        shutil.copytree(kept, bundle, dirs_exist_ok=True)
        return
    _pagefind(shard, bundle)
    temporary = Path(tempfile.mkdtemp(prefix=".tmp-", dir=_made(cache)))
    shutil.copytree(bundle, temporary, dirs_exist_ok=True)
    with contextlib.suppress(OSError):  # another build stored the same shard meanwhile
        os.replace(temporary, kept)
    shutil.rmtree(temporary, ignore_errors=True)


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _prune(cache: Path) -> None:
    """Remove the kept shards this run did not use."""
    for entry in cache.iterdir() if cache.is_dir() else ():
        if entry.name not in _used:
            shutil.rmtree(entry, ignore_errors=True)


def _pagefind(site: Path, bundle: Path) -> None:
    """Run Pagefind over the records in `site`, writing its bundle to `bundle`."""
    command = [_binary(), "--site", str(site), "--output-path", str(bundle), "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (bundle / ENTRY).is_file():
        tail = (done.stdout + done.stderr).strip()[-2000:]
        raise SearchIndexError(f"Pagefind failed (exit {done.returncode}) on {site}: {tail}")


def _binary() -> str:
    """The Pagefind executable of the `pagefind[bin]` wheel (or PAGEFIND_BINARY_PATH)."""
    # The binary rather than the Python API: the API's service is terminated right after its
    # "files written" reply, which on a loaded machine left pagefind-entry.json empty at 10k pages.
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexError("the Pagefind binary is missing; install pagefind[bin]")
    return str(binary)


def main(argv: Sequence[str]) -> int:
    """The indexing child: `python -m generator.search_index RECORDS BUNDLE [CACHE]`."""
    source, bundle = Path(argv[0]), Path(argv[1])
    cache = Path(argv[2]) if len(argv) > 2 else None
    try:
        index_shards(sorted(p for p in source.iterdir() if p.is_dir()), bundle, cache)
    except (SearchIndexError, search_merge.MergeError, OSError) as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
