"""The search benchmark: its byte accounting in a real browser, its table and its arguments."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench import search as bench_search  # noqa: E402

PAGE = """<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Haku</title></head>
<body><div data-tori-search="{}" aria-busy="true">
<p class="tori-finder__status"></p><ol class="tori-finder__results"></ol></div>
<script>
fetch("../../pagefind/chunk.pf_index").then(r => r.arrayBuffer()).then(() => {
  document.querySelector(".tori-finder__results").innerHTML = "<li>Tulos</li>";
  document.querySelector(".tori-finder__status").textContent = "Löytyi 1 tarina.";
  document.querySelector("[data-tori-search]").removeAttribute("aria-busy");
});
</script></body></html>"""


@pytest.mark.browser
def test_measure_query_counts_the_bundle_apart_from_the_page(tmp_path):
    (tmp_path / "fi" / "haku").mkdir(parents=True)
    (tmp_path / "fi" / "haku" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "chunk.pf_index").write_bytes(bytes(range(256)) * 40)  # 10 240 B
    # Its own thread: a session's browser fixtures may already run Playwright's loop in this one.
    with ThreadPoolExecutor(1) as pool:
        status, fetches = pool.submit(bench_search.measure_query, tmp_path, "fi/haku/?q=x").result()
    assert status == "Löytyi 1 tarina."
    by_path = {f.path: f for f in fetches}
    chunk = by_path["/pagefind/chunk.pf_index"]
    assert 10_240 < chunk.bytes < 10_240 + 1_000  # the body plus the response headers
    assert chunk.gzip_bytes == 10_240  # binary data is counted as sent, not recompressed
    page = by_path["/fi/haku/"]
    assert page.gzip_bytes < len(PAGE.encode())  # text is counted as a gzip server sends it


def _figures(gzip_kb: float) -> bench_search.Figures:
    return bench_search.Figures(
        stories=10_000, build_s=0.0, index_s=30.0, index_cpu_s=50.0, index_rss_mb=900.0,
        indexed_pages={"fi": 9_500, "sv": 1_500}, bundle_mb=30.1, bundle_files=11_171,
        query="ajanvarausta + region=Uusimaa", results="Löytyi 926 tarinaa.",
        query_kb=gzip_kb + 30, query_gzip_kb=gzip_kb, page_kb=300.0,
        fetches=[bench_search.Fetch("/pagefind/pagefind.js", 45_700, 14_000)],
    )


def test_table_judges_the_gzip_figure_against_the_target():
    assert "| met |" in bench_search.table(_figures(299.9))
    assert "| MISSED |" in bench_search.table(_figures(300.1))
    assert "9500/1500" in bench_search.table(_figures(1.0))
    assert "| 30.0 (50.0) | 900.0 |" in bench_search.table(_figures(1.0))
    assert "/pagefind/pagefind.js 45.7 kB" in bench_search.table(_figures(1.0))


def test_a_filter_that_the_search_page_lacks_is_refused(capsys):
    with pytest.raises(SystemExit) as stop:
        bench_search.main(["10", "--filter", "colour=red"])
    assert stop.value.code == 2
    assert "NAME one of theme, region" in capsys.readouterr().err
