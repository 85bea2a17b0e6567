"""Tests of generator/search/runner.py: one Pagefind run over the search records."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from factories import search_record

from generator.search import bundle_cache
from generator.search import runner as search_index

RECORDS = (
    search_record("fi/tarinat/latu/", "fi", "<h1>Latuhanke</h1><p>Asukkaat hiihtivät ladulla.</p>",
                  '<span data-pagefind-filter="region">Päijät-Häme</span>'
                  '<span data-pagefind-filter="year">2023</span>'),
    search_record("fi/tarinat/robotti/", "fi", "<h1>Robotit</h1><p>Robotit auttavat hoitajia.</p>",
                  '<span data-pagefind-filter="region">Uusimaa</span>'
                  '<span data-pagefind-filter="theme">Robotiikka</span>'),
    search_record("sv/berattelser/latu/", "sv", "<h1>Skidspår</h1><p>Invånarna skidade.</p>"),
)


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> Path:
    """The records of two Finnish stories and one Swedish, one folder per bundle, as kept."""
    root = tmp_path_factory.mktemp("records")
    assert search_index.write_records(RECORDS[:2], root / "fi") == 2
    assert search_index.write_records(RECORDS[2:], root / "sv") == 1
    return root


def _snapshot(bundle: Path) -> dict[str, bytes]:
    return {str(f.relative_to(bundle)): f.read_bytes() for f in sorted(bundle.rglob("*"))
            if f.is_file()}


def _languages(bundle: Path) -> dict[str, int]:
    entry = json.loads((bundle / search_index.ENTRY).read_text(encoding="utf-8"))
    return {lang: info["page_count"] for lang, info in entry["languages"].items()}


def test_records_are_written_at_their_pages_paths(records):
    assert sorted(str(p.relative_to(records)) for p in records.rglob("*.html")) == [
        "fi/fi/tarinat/latu/index.html", "fi/fi/tarinat/robotti/index.html",
        "sv/sv/berattelser/latu/index.html"]
    page = records / "fi/fi/tarinat/latu/index.html"
    assert page.read_text(encoding="utf-8") == RECORDS[0].html


def test_each_language_is_indexed_into_its_own_bundle(tmp_path):
    indexer = search_index.Indexer(tmp_path / "site")
    indexer.start(RECORDS)
    report = indexer.finish()
    assert report.pages == {"fi": 2, "sv": 1}
    assert report.ran == ("fi", "sv") and report.reused == ()
    bundles = tmp_path / "site" / search_index.BUNDLE
    assert sorted(p.name for p in bundles.iterdir()) == ["fi", "sv"]
    assert _languages(bundles / "fi") == {"fi": 2} and _languages(bundles / "sv") == {"sv": 1}
    assert (bundles / "sv" / "wasm.sv.pagefind").is_file()
    assert not (bundles / "fi" / "wasm.sv.pagefind").exists()


def test_build_index_indexes_the_kept_records_per_bundle_into_the_site(records, tmp_path):
    report = search_index.build_index(records, tmp_path)
    assert report.pages == {"fi": 2, "sv": 1}
    bundles = tmp_path / search_index.BUNDLE
    assert (bundles / "fi" / "pagefind.js").is_file()
    assert (bundles / "fi" / "wasm.fi.pagefind").is_file()
    assert (bundles / "sv" / "wasm.sv.pagefind").is_file()
    assert report.bytes == sum(f.stat().st_size for f in bundles.rglob("*") if f.is_file())
    assert report.seconds > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [search_index.BUNDLE]  # nothing else


def test_build_index_is_byte_identical_when_run_again(records, tmp_path):
    search_index.build_index(records, tmp_path)
    first = _snapshot(tmp_path / search_index.BUNDLE)
    for _ in range(3):  # Pagefind's own order varies between runs; ours must not
        search_index.build_index(records, tmp_path)
        assert _snapshot(tmp_path / search_index.BUNDLE) == first


def test_a_failing_pagefind_is_reported_with_its_exit_status(records, tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(search_index.SearchIndexError, match=r"Pagefind failed \(exit 1\)"):
        search_index.build_index(records, tmp_path)
    with pytest.raises(search_index.SearchIndexError, match="does not answer --version"):
        indexer = search_index.Indexer(tmp_path / "site", cache_dir=tmp_path / "cache")
        indexer.start(RECORDS)
        indexer.finish()


def test_no_records_give_no_index_and_no_error(tmp_path):
    (tmp_path / "records").mkdir()
    assert search_index.build_index(tmp_path / "records", tmp_path) == search_index.IndexReport(
        {}, 0.0, 0)
    assert not (tmp_path / search_index.BUNDLE).exists()


def test_the_indexer_works_in_the_background_from_a_temporary_folder(tmp_path):
    indexer = search_index.Indexer(tmp_path)
    indexer.start(iter(RECORDS))
    assert indexer.thread.is_alive()  # start() does not wait for Pagefind
    source = indexer.source
    assert source.is_dir()
    report = indexer.finish()
    assert report.pages == {"fi": 2, "sv": 1}
    assert indexer.process is None and not source.exists()  # the records are gone


def test_records_are_written_at_once_and_no_pagefind_starts_while_a_fork_is_guarded(
        tmp_path):
    indexer = search_index.Indexer(tmp_path / "site", cache_dir=tmp_path / "cache",
                                   write_ahead=True)
    with indexer.no_start():  # the page worker forks here
        indexer.start(RECORDS)
        # start() wrote every record itself: the thread, left to do it, waited for the GIL at
        # every file while the build ran Python
        assert sorted(str(p.relative_to(indexer.source)) for p in indexer.source.rglob("*.html")
                      ) == ["fi/fi/tarinat/latu/index.html", "fi/fi/tarinat/robotti/index.html",
                            "sv/sv/berattelser/latu/index.html"]
        # the records are written in well under a second; Pagefind then waits for the guard
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            assert indexer.process is None
            assert not (tmp_path / "site" / search_index.BUNDLE).exists()
            time.sleep(0.02)
    report = indexer.finish()  # and runs once the guard is let go
    assert report.pages == {"fi": 2, "sv": 1} and report.ran == ("fi", "sv")


def test_the_indexer_keeps_the_records_in_a_folder_asked_for(tmp_path):
    kept = tmp_path / "kept"
    indexer = search_index.Indexer(tmp_path / "site", kept)
    indexer.start(RECORDS)
    assert indexer.finish().pages == {"fi": 2, "sv": 1}
    assert sorted(p.name for p in (kept / "fi/fi/tarinat").iterdir()) == ["latu", "robotti"]
    assert (kept / search_index.MARKER).is_file()  # the build says the folder is its own
    again = search_index.build_index(kept, tmp_path / "alone")  # Pagefind alone, as bench does
    assert again.pages == {"fi": 2, "sv": 1}
    assert _snapshot(tmp_path / "alone" / search_index.BUNDLE) == _snapshot(
        tmp_path / "site" / search_index.BUNDLE)


def test_a_records_folder_the_build_made_is_emptied_and_reused(tmp_path):
    kept = tmp_path / "kept"
    first = search_index.Indexer(tmp_path / "site", kept)
    first.start(RECORDS[:1])
    first.finish()
    (kept / "fi/fi/tarinat/vanha").mkdir(parents=True)  # as if left by an earlier build
    (kept / "vanha").mkdir()
    again = search_index.Indexer(tmp_path / "site", kept)
    again.start(RECORDS)
    assert again.finish().pages == {"fi": 2, "sv": 1}
    assert sorted(p.name for p in kept.iterdir()) == [search_index.MARKER, "fi", "sv"]
    assert sorted(p.name for p in (kept / "fi/fi/tarinat").iterdir()) == ["latu", "robotti"]


def test_an_empty_records_folder_is_taken_and_marked(tmp_path):
    kept = tmp_path / "empty"
    kept.mkdir()
    indexer = search_index.Indexer(tmp_path / "site", kept)
    indexer.start(RECORDS)
    indexer.finish()
    assert (kept / search_index.MARKER).is_file() and (kept / "fi").is_dir()


def test_a_folder_the_build_did_not_make_is_refused_and_nothing_deleted(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "keep.txt").write_text("a maintainer's notes", encoding="utf-8")
    with pytest.raises(search_index.SearchIndexError) as refused:
        search_index.check_records_dir(notes)
    with pytest.raises(search_index.SearchIndexError, match="did not make"):
        search_index.Indexer(tmp_path / "site", notes).start(RECORDS)
    message = str(refused.value)
    assert message.startswith(f"search_records: {notes} holds files that the build did not make")
    assert "nothing was deleted" in message and "new or empty folder" in message
    assert (notes / "keep.txt").read_text(encoding="utf-8") == "a maintainer's notes"
    assert sorted(p.name for p in notes.iterdir()) == ["keep.txt"]


def test_a_folder_filled_by_hand_after_the_check_is_still_not_emptied(tmp_path):
    notes = tmp_path / "notes"
    search_index.check_records_dir(notes)  # missing: accepted
    indexer = search_index.Indexer(tmp_path / "site", notes)
    notes.mkdir()
    (notes / "keep.txt").write_text("written meanwhile", encoding="utf-8")
    with pytest.raises(search_index.SearchIndexError, match="nothing was deleted"):
        indexer.start(RECORDS)
    assert (notes / "keep.txt").is_file()


@pytest.mark.parametrize("kind", ["file", "symlink"])
def test_a_records_path_that_is_not_a_plain_folder_is_refused(tmp_path, kind):
    target = tmp_path / "records"
    if kind == "file":
        target.write_text("x", encoding="utf-8")
    else:
        (tmp_path / "elsewhere").mkdir()
        target.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(search_index.SearchIndexError, match="is not a folder; nothing was deleted"):
        search_index.Indexer(tmp_path / "site", target).start(RECORDS)
    assert target.exists()


def test_without_stories_the_indexer_removes_a_stale_bundle_and_reports_nothing(tmp_path):
    (tmp_path / search_index.BUNDLE / "fi").mkdir(parents=True)
    indexer = search_index.Indexer(tmp_path)
    indexer.start([])
    assert indexer.thread is None
    assert indexer.finish() == search_index.IndexReport({}, 0.0, 0)
    assert not (tmp_path / search_index.BUNDLE).exists()


def _running(indexer) -> object:
    """The indexer's Pagefind process once it is launched."""
    for _ in range(600):
        if indexer.process is not None:
            return indexer.process
        time.sleep(0.05)
    raise AssertionError("Pagefind was not started")


def test_cancel_stops_a_running_pagefind_and_removes_the_records(tmp_path, monkeypatch):
    slow = tmp_path / "slow-pagefind"  # a Pagefind that takes its time, so cancel() meets it
    slow.write_text("#!/bin/sh\nsleep 60\n", encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(slow))
    indexer = search_index.Indexer(tmp_path)
    indexer.start(RECORDS)
    running, source = _running(indexer), indexer.source
    indexer.cancel()
    assert running.returncode is not None and indexer.process is None
    assert indexer.thread is None and not source.exists()
    indexer.cancel()  # nothing left to stop: no error


def test_background_indexing_reports_when_done(tmp_path):
    done = []
    background = search_index.Background(on_done=done.append)
    background.start(search_index.Indexer(tmp_path), RECORDS)
    background.thread.join(timeout=120)
    assert [report.pages for report in done] == [{"fi": 2, "sv": 1}]
    assert (tmp_path / search_index.BUNDLE / "sv" / "pagefind-entry.json").is_file()


def test_background_indexing_is_cancelled_by_the_next_start(tmp_path):
    done = []
    background = search_index.Background(on_done=done.append)
    first = search_index.Indexer(tmp_path / "first")
    background.start(first, RECORDS)
    background.start(search_index.Indexer(tmp_path / "second"), RECORDS)  # cancels the first
    assert first.process is None  # stopped and waited for
    background.thread.join(timeout=120)
    background.cancel()  # nothing left to stop: no error
    assert [report.pages for report in done][-1] == {"fi": 2, "sv": 1}
    assert (tmp_path / "second" / search_index.BUNDLE / "fi" / "pagefind-entry.json").is_file()


def _index(site: Path, records, cache: Path | None = None):
    indexer = search_index.Indexer(site, cache_dir=cache)
    indexer.start(records)
    return indexer, indexer.finish()


def test_a_language_whose_records_did_not_change_comes_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    first, report = _index(tmp_path / "first", RECORDS, cache)
    assert report.ran == ("fi", "sv") and report.reused == ()
    assert first.prune() == 0 and len(list(cache.iterdir())) == 2
    # A Finnish record's body changes: only the Finnish bundle is indexed again.
    edited = (search_record("fi/tarinat/latu/", "fi", "<h1>Latuhanke</h1><p>Uusi kappale.</p>"),
              *RECORDS[1:])
    again, report = _index(tmp_path / "cached", edited, cache)
    assert report.ran == ("fi",) and report.reused == ("sv",)
    assert report.pages == {"fi": 2, "sv": 1}
    _index(tmp_path / "clean", edited)
    assert _snapshot(tmp_path / "cached" / search_index.BUNDLE) == _snapshot(
        tmp_path / "clean" / search_index.BUNDLE)
    assert again.prune() == 1  # the Finnish bundle of the first records
    assert sorted(p.name for p in cache.iterdir()) == sorted(again.used)
    # The same records once more: nothing for Pagefind to do.
    _, report = _index(tmp_path / "third", edited, cache)
    assert report.ran == () and report.reused == ("fi", "sv")


def test_cached_bundles_are_read_only_so_the_site_cannot_change_them(tmp_path):
    cache = tmp_path / "cache"
    _index(tmp_path / "first", RECORDS, cache)
    _index(tmp_path / "second", RECORDS, cache)
    entry = tmp_path / "second" / search_index.BUNDLE / "fi" / search_index.ENTRY
    assert not entry.stat().st_mode & 0o222  # a write in place fails (for all but root)
    for stored in cache.rglob("*"):
        assert stored.is_dir() or not stored.stat().st_mode & 0o222


def test_a_cached_bundle_pruned_by_another_build_is_indexed_again(tmp_path):
    cache = tmp_path / "cache"
    _index(tmp_path / "first", RECORDS, cache)
    other = search_index.Indexer(tmp_path / "other", cache_dir=cache)
    assert other.prune() == 2  # another build that used none of them
    assert sorted(p.name for p in cache.iterdir()) == []
    _, report = _index(tmp_path / "second", RECORDS, cache)
    assert report.ran == ("fi", "sv") and report.pages == {"fi": 2, "sv": 1}
    # a bundle that vanishes while it is linked is not taken half
    assert not bundle_cache.place(tmp_path / "missing", tmp_path / "target")
    assert not (tmp_path / "target").exists()


def test_the_records_make_one_bundle_per_language_keyed_by_every_byte():
    bundles = search_index.plan(reversed(RECORDS))
    assert [(b.name, [r.url for r in b.records]) for b in bundles] == [
        ("fi", ["fi/tarinat/latu/", "fi/tarinat/robotti/"]), ("sv", ["sv/berattelser/latu/"])]
    finnish = bundles[0]
    key = finnish.key("pagefind 1.5.2")
    assert search_index.plan(RECORDS)[0].key("pagefind 1.5.2") == key  # order of arrival
    assert finnish.key("pagefind 1.5.3") != key
    edited = search_record("fi/tarinat/robotti/", "fi", "<h1>Robotit</h1><p>Robotit.</p>")
    assert search_index.Bundle("fi", (RECORDS[0], edited)).key("pagefind 1.5.2") != key


def test_temporary_records_go_to_memory_only_with_room_to_spare(tmp_path):
    assert search_index.scratch_dir(1000, tmp_path) == str(tmp_path)
    assert search_index.scratch_dir(10**18, tmp_path) is None  # no room: the default temp dir
    assert search_index.scratch_dir(1000, tmp_path / "missing") is None


def test_a_cancel_while_records_are_written_neither_waits_nor_runs_pagefind(tmp_path):
    writing, release = threading.Event(), threading.Event()

    def slow():
        yield RECORDS[0]
        writing.set()
        release.wait(timeout=60)  # the preview saves again while records are written
        yield from RECORDS[1:]

    background = search_index.Background()
    indexer = search_index.Indexer(tmp_path)
    background.start(indexer, slow())
    assert writing.wait(timeout=60)
    thread = background.thread
    background.cancel(wait=False)
    assert thread.is_alive() and background.thread is None  # the rebuild did not wait
    release.set()
    background.cancel()  # waits for the cancelled threads
    assert not thread.is_alive()
    assert not (tmp_path / search_index.BUNDLE).exists()  # Pagefind never ran on the site
    assert indexer.process is None and indexer.source is None  # no records were written
