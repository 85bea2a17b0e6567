"""Tests of generator/search/runner.py: one Pagefind run over the search records."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest
from factories import search_record

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
    """The records of two Finnish stories and one Swedish, written as the build writes them."""
    root = tmp_path_factory.mktemp("records")
    assert search_index.write_records(RECORDS, root) == 3
    return root


def _snapshot(bundle: Path) -> dict[str, bytes]:
    return {str(f.relative_to(bundle)): f.read_bytes() for f in sorted(bundle.rglob("*"))
            if f.is_file()}


def test_records_are_written_at_their_pages_paths(records):
    assert sorted(str(p.relative_to(records)) for p in records.rglob("*.html")) == [
        "fi/tarinat/latu/index.html", "fi/tarinat/robotti/index.html",
        "sv/berattelser/latu/index.html"]
    page = records / "fi/tarinat/latu/index.html"
    assert page.read_text(encoding="utf-8") == RECORDS[0].html


def test_one_pagefind_run_indexes_every_record(tmp_path):
    indexer = search_index.Indexer(tmp_path / "site")
    indexer.start(RECORDS)
    assert sorted(p.name for p in indexer.source.iterdir()) == ["fi", "sv"]  # no shards
    report = indexer.finish()
    assert report.pages == {"fi": 2, "sv": 1}
    assert (tmp_path / "site" / search_index.BUNDLE / "wasm.sv.pagefind").is_file()


def test_build_index_indexes_the_records_per_language_into_the_site(records, tmp_path):
    report = search_index.build_index(records, tmp_path)
    assert report.pages == {"fi": 2, "sv": 1}
    bundle = tmp_path / search_index.BUNDLE
    assert (bundle / "pagefind.js").is_file()
    assert (bundle / "wasm.fi.pagefind").is_file() and (bundle / "wasm.sv.pagefind").is_file()
    assert report.bytes == sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
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


def test_no_records_give_no_index_and_no_error(tmp_path):
    (tmp_path / "records").mkdir()
    assert search_index.build_index(tmp_path / "records", tmp_path) == search_index.IndexReport(
        {}, 0.0, 0)
    assert not (tmp_path / search_index.BUNDLE).exists()


def test_the_indexer_works_in_the_background_from_a_temporary_folder(tmp_path):
    indexer = search_index.Indexer(tmp_path)
    indexer.start(iter(RECORDS))
    assert isinstance(indexer.process, subprocess.Popen)  # start() does not wait for Pagefind
    source = indexer.source
    assert (source / "sv/berattelser/latu/index.html").is_file()
    report = indexer.finish()
    assert report.pages == {"fi": 2, "sv": 1}
    assert indexer.process is None and not source.exists()  # the records are gone


def test_the_indexer_keeps_the_records_in_a_folder_asked_for(tmp_path):
    kept = tmp_path / "kept"
    indexer = search_index.Indexer(tmp_path / "site", kept)
    indexer.start(RECORDS)
    assert indexer.finish().pages == {"fi": 2, "sv": 1}
    assert sorted(p.name for p in (kept / "fi/tarinat").iterdir()) == ["latu", "robotti"]
    assert (kept / search_index.MARKER).is_file()  # the build says the folder is its own


def test_a_records_folder_the_build_made_is_emptied_and_reused(tmp_path):
    kept = tmp_path / "kept"
    first = search_index.Indexer(tmp_path / "site", kept)
    first.start(RECORDS[:1])
    first.finish()
    (kept / "fi/tarinat/vanha").mkdir(parents=True)  # as if left by an earlier build
    (kept / "vanha").mkdir()
    again = search_index.Indexer(tmp_path / "site", kept)
    again.start(RECORDS)
    assert again.finish().pages == {"fi": 2, "sv": 1}
    assert sorted(p.name for p in kept.iterdir()) == [search_index.MARKER, "fi", "sv"]
    assert sorted(p.name for p in (kept / "fi/tarinat").iterdir()) == ["latu", "robotti"]


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
    (tmp_path / search_index.BUNDLE).mkdir()
    indexer = search_index.Indexer(tmp_path)
    indexer.start([])
    assert indexer.process is None
    assert indexer.finish() == search_index.IndexReport({}, 0.0, 0)
    assert not (tmp_path / search_index.BUNDLE).exists()


def test_cancel_stops_a_running_pagefind_and_removes_the_records(tmp_path):
    indexer = search_index.Indexer(tmp_path)
    indexer.start(RECORDS)
    running, source = indexer.process, indexer.source
    indexer.cancel()
    assert running.returncode is not None and indexer.process is None
    assert not source.exists()
    indexer.cancel()  # nothing left to stop: no error


def test_background_indexing_reports_when_done(tmp_path):
    done = []
    background = search_index.Background(on_done=done.append)
    background.start(search_index.Indexer(tmp_path), RECORDS)
    background.thread.join(timeout=120)
    assert [report.pages for report in done] == [{"fi": 2, "sv": 1}]
    assert (tmp_path / search_index.BUNDLE / "pagefind-entry.json").is_file()


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
    assert (tmp_path / "second" / search_index.BUNDLE / "pagefind-entry.json").is_file()


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
    thread, source = background.thread, indexer.source
    background.cancel(wait=False)
    assert thread.is_alive() and background.thread is None  # the rebuild did not wait
    release.set()
    background.cancel()  # waits for the cancelled threads
    assert not thread.is_alive()
    assert not (tmp_path / search_index.BUNDLE).exists()  # Pagefind never ran on the site
    assert indexer.process is None and not source.exists()
