"""Tests of generator/search_index.py: Pagefind over the story pages, started mid-build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator import search_index


def _page(lang: str, body: str, filters: str = "") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>x</title></head><body>'
            f"<nav>Valikko Meny</nav><main><article data-pagefind-body>{body}</article>"
            f"{filters}</main></body></html>")


def _write(root: Path, url: str, html: str) -> None:
    path = root / url / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory) -> Path:
    """A built site in miniature: two Finnish stories, one Swedish, and a listing page."""
    root = tmp_path_factory.mktemp("site")
    _write(root, "fi/tarinat/latu", _page(
        "fi", "<h1>Latuhanke</h1><p>Asukkaat hiihtivät ladulla.</p>",
        '<a data-pagefind-filter="region">Päijät-Häme</a>'
        '<span data-pagefind-filter="year:2023" data-pagefind-sort="date:2023-01-02"></span>'))
    _write(root, "fi/tarinat/robotti", _page(
        "fi", "<h1>Robotit</h1><p>Robotit auttavat hoitajia.</p>",
        '<a data-pagefind-filter="region">Uusimaa</a>'
        '<a data-pagefind-filter="theme">Robotiikka</a>'))
    _write(root, "sv/berattelser/latu", _page("sv", "<h1>Skidspår</h1><p>Invånarna skidade.</p>"))
    _write(root, "fi/teemat", "<html lang='fi'><body><h1>Teemat</h1><p>ladulla</p></body></html>")
    # the all-stories listing shares the stories' folder; even marked, it must stay out
    _write(root, "fi/tarinat/sivu/2", _page("fi", "<h1>Kaikki tarinat</h1><p>ladulla</p>"))
    return root


def test_build_index_indexes_story_pages_per_language(tiny_site):
    report = search_index.build_index(tiny_site)
    assert report.pages == {"fi": 2, "sv": 1}  # the listing page is not indexed
    bundle = tiny_site / search_index.BUNDLE
    assert (bundle / "pagefind.js").is_file()
    assert (bundle / "wasm.fi.pagefind").is_file() and (bundle / "wasm.sv.pagefind").is_file()
    assert report.bytes == sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    assert report.seconds > 0


def test_build_index_is_byte_identical_when_run_again(tiny_site):
    def snapshot() -> dict[str, bytes]:
        bundle = tiny_site / search_index.BUNDLE
        return {str(f.relative_to(bundle)): f.read_bytes()
                for f in sorted(bundle.rglob("*")) if f.is_file()}

    search_index.build_index(tiny_site)
    first = snapshot()
    for _ in range(3):  # Pagefind's own order varies between runs; ours must not
        search_index.build_index(tiny_site)
        assert snapshot() == first


def test_story_glob_covers_both_languages_story_folders():
    assert search_index.STORY_GLOB == "{fi/tarinat,sv/berattelser}/*/index.html"


def test_a_failing_pagefind_is_reported_with_its_exit_status(tiny_site, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(search_index.SearchIndexError, match=r"Pagefind failed \(exit 1\)"):
        search_index.build_index(tiny_site)


def test_a_site_without_stories_gets_no_index_and_no_error(tmp_path):
    (tmp_path / "fi" / "teemat").mkdir(parents=True)
    (tmp_path / "fi" / "teemat" / "index.html").write_text("<html lang='fi'><body>x</body></html>")
    assert search_index.build_index(tmp_path) == search_index.IndexReport({}, 0.0, 0)
    assert not (tmp_path / search_index.BUNDLE).exists()



@pytest.mark.parametrize(("url", "story"), [
    ("fi/tarinat/latu/", True),
    ("sv/berattelser/latu/", True),
    ("fi/tarinat/", False),  # the all-stories listing
    ("fi/tarinat/sivu/2/", False),
    ("sv/berattelser/sida/2/", False),
    ("fi/teemat/latu/", False),
    ("fi/haku/", False),
])
def test_is_story_url(url, story):
    assert search_index.is_story_url(url) is story


def test_indexer_starts_pagefind_after_the_last_story_page_is_written(tiny_site):
    pages = ["fi/", "fi/tarinat/latu/", "fi/tarinat/robotti/", "sv/berattelser/latu/",
             "fi/haku/", "fi/teemat/"]
    indexer = search_index.Indexer(tiny_site, pages)
    for url in pages[:4]:  # content pages and stories render first, as MkDocs orders them
        indexer.page_starts(url)
        assert indexer.process is None  # the page that just started is not on disk yet
    indexer.page_starts("fi/haku/")  # the last story is written: Pagefind may read it now
    assert isinstance(indexer.process, subprocess.Popen)
    running = indexer.process
    indexer.page_starts("fi/teemat/")
    assert indexer.process is running  # started once
    report = indexer.finish()
    assert report.pages == {"fi": 2, "sv": 1}
    assert indexer.process is None


def test_indexer_without_pages_starts_at_the_end(tiny_site):
    report = search_index.Indexer(tiny_site, ["fi/tarinat/latu/"]).finish()
    assert report.pages == {"fi": 2, "sv": 1}


def test_cancel_stops_a_running_pagefind(tiny_site):
    indexer = search_index.Indexer(tiny_site)
    indexer.start()
    running = indexer.process
    indexer.cancel()
    assert running.returncode is not None and indexer.process is None
    indexer.cancel()  # nothing left to stop: no error
