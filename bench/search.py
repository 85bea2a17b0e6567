"""Measure Pagefind search on a synthetic corpus: index time and size, and bytes per query.

Usage (from the repository root, the project installed; the machine is shared, so use nice):

    nice -n 10 python3 bench/search.py                      # 10 000 stories
    nice -n 10 python3 bench/search.py 1000 --reuse         # reuse bench/out/site-1000 if built

Steps: write the corpus (bench/corpus.py) and build it with `mkdocs build` (bench/run.py's
build folder; the build itself runs Pagefind and keeps its input records in search-records-N),
then index those records once more on their own to time the indexing step, then open the
search page (Finnish, or Swedish with --lang sv) with one query and one filter in headless
Chromium and add up the bytes of every response (Playwright's request sizes: headers plus body
as sent). The query's cost is what it fetches from pagefind/; opening the page (HTML, CSS,
scripts) is reported beside it.
The local server sends files uncompressed; the target is checked on the gzip figure, what any
static host that compresses text (GitHub Pages, nginx) sends: Pagefind's own data files are
gzipped already, its scripts are not.
Target (issue 4): at most 300 kB per query at 10 000 stories. Results go to
bench/out/search-N.md and .json. Exit status: 0 measured and on target, 1 over target, 2 a step
failed. Its folders (search-corpus-N, search-build-N, search-site-N, search-records-N) are apart
from bench/run.py's.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # so the script runs without installing the package first
    sys.path.insert(0, str(REPO))

from bench.corpus import CorpusError, write_corpus  # noqa: E402
from bench.run import NOT_LINKED, OUT, BuildError, build_once  # noqa: E402
from generator import search, urls  # noqa: E402
from generator.model import Lang  # noqa: E402

TARGET_KB = 300
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
TEXT_SUFFIXES = (".html", ".js", ".css", ".json", "/")


@dataclass(frozen=True)
class Fetch:
    """One response the browser received."""

    path: str
    bytes: int  # headers + body as transferred
    gzip_bytes: int  # what a compressing server would send (body only, text files)


@dataclass(frozen=True)
class Figures:
    """The search figures of one corpus size."""

    stories: int
    build_s: float  # the whole `mkdocs build`, indexing included
    index_s: float  # Pagefind on its own, wall time
    index_cpu_s: float  # Pagefind on its own, user + system time
    index_rss_mb: float  # peak RSS of the indexing process tree (Pagefind's)
    indexed_pages: dict[str, int]
    bundle_mb: float
    bundle_files: int
    query: str
    results: str  # the status line the page announced
    query_kb: float  # bytes fetched from pagefind/ for the query
    query_gzip_kb: float
    page_kb: float  # the search page itself: HTML, CSS, scripts
    fetches: list[Fetch]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(size: int, seed: int, reuse: bool) -> tuple[Path, Path, float]:
    """The built site of `size` stories, its kept search records, and the build's wall time.

    The wall time is 0 when the site is reused.
    """
    site = OUT / f"search-site-{size}"  # apart from bench/run.py's folders: both may run
    records = OUT / f"search-records-{size}"
    if reuse and any((site / search.BUNDLE).glob(f"*/{search.ENTRY}")) and (
            records.is_dir()):
        return site, records, 0.0
    corpus = OUT / f"search-corpus-{size}"
    write_corpus(size, corpus, seed)
    folder = OUT / f"search-build-{size}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for entry in sorted(REPO.iterdir()):  # as bench/run.py's build_dir does
        if entry.name not in NOT_LINKED:
            (folder / entry.name).symlink_to(entry)
    config = folder / "mkdocs.yml"
    # The build keeps Pagefind's input, so that Pagefind can be timed on it alone afterwards.
    # A child's plugin list replaces the inherited one, which holds only the generator.
    config.write_text(f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {corpus}\nsite_dir: {site}\n"
                      f"plugins:\n  - generator:\n      search_records: {records}\n",
                      encoding="utf-8")
    seconds, _ = build_once(config, site, [sys.executable, "-m", "mkdocs"])
    return site, records, round(seconds, 2)


def index_alone(site: Path, records: Path) -> tuple[float, float, float]:
    """Index the kept search records again in a child process, into the site: wall time (s),
    CPU time (s), peak RSS (MB).

    CPU time (user + system of the process tree) says more than wall time on a shared machine.
    """
    code = ("import sys, pathlib; from generator import search;"
            " search.build_index(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))")
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, str(records), str(site)], cwd=REPO)
    # wait4 reports the child and its waited-for descendants: Pagefind's peak is in it
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise BuildError(f"indexing {site} failed")
    cpu = usage.ru_utime + usage.ru_stime
    return round(seconds, 2), round(cpu, 2), round(usage.ru_maxrss / 1024, 1)


def measure_query(site: Path, address: str) -> tuple[str, list[Fetch]]:
    """Open `address` (site-relative) in Chromium; the announced status and every response."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    fetches: list[Fetch] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()

            def record(request):
                sizes = request.sizes()
                response = request.response()
                body = response.body() if response else b""
                path = request.url[len(base) - 1:].split("?")[0]
                packed = len(gzip.compress(body)) if path.endswith(TEXT_SUFFIXES) else len(body)
                fetches.append(Fetch(path, sizes["responseHeadersSize"] + sizes[
                    "responseBodySize"], packed))

            page.on("requestfinished", record)
            page.goto(base + address)
            page.wait_for_function(
                "() => { const r = document.querySelector('[data-tori-search]');"
                " const s = document.querySelector('.tori-finder__status');"
                " return r && s && !r.hasAttribute('aria-busy') && s.textContent.trim() !== ''"
                " && (document.querySelector('.tori-finder__results li')"
                "     || !/\\d/.test(s.textContent)); }",
                timeout=60_000)
            page.wait_for_load_state("networkidle")
            status = page.locator(".tori-finder__status").inner_text()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return status, fetches


def measure(size: int, seed: int, reuse: bool, query: str, name: str, value: str,
            lang: Lang = Lang.FI, index: bool = True) -> Figures:
    """Build (or reuse), index again on its own (unless not `index`), and run one query with
    at most one filter (none when `name` is empty)."""
    site, records, build_s = build(size, seed, reuse)
    index_s, index_cpu_s, index_mb = index_alone(site, records) if index else (0.0, 0.0, 0.0)
    bundle = site / search.BUNDLE
    pages: dict[str, int] = {}
    for entry_file in sorted(bundle.glob(f"*/{search.ENTRY}")):  # a bundle per language/shard
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        for lang, info in entry["languages"].items():
            pages[lang] = pages.get(lang, 0) + info["page_count"]
    files = [f for f in bundle.rglob("*") if f.is_file()]
    address = f"{urls.search(lang)}?q={quote(query)}" + (
        f"&{name}={quote(value)}" if name else "")
    status, fetches = measure_query(site, address)
    in_bundle = [f for f in fetches if f.path.startswith(f"/{search.BUNDLE}/")]
    others = [f for f in fetches if f not in in_bundle]
    return Figures(
        stories=size, build_s=build_s, index_s=index_s, index_cpu_s=index_cpu_s,
        index_rss_mb=index_mb,
        indexed_pages=dict(sorted(pages.items())),
        bundle_mb=round(sum(f.stat().st_size for f in files) / 1e6, 1), bundle_files=len(files),
        query=f"{query}{f' + {name}={value}' if name else ''} ({lang})", results=status,
        query_kb=round(sum(f.bytes for f in in_bundle) / 1000, 1),
        query_gzip_kb=round(sum(f.gzip_bytes for f in in_bundle) / 1000, 1),
        page_kb=round(sum(f.bytes for f in others) / 1000, 1),
        fetches=sorted(fetches, key=lambda f: -f.bytes),
    )


def table(fig: Figures) -> str:
    """The figures as a Markdown table and the largest responses."""
    ok = fig.query_gzip_kb <= TARGET_KB
    lines = [
        f"| stories | build s | index s (CPU s) | index RSS MB | pages fi/sv |"
        f" bundle MB (files) | query kB raw (gzip) | page kB | target ≤ {TARGET_KB} kB (gzip) |",
        "|---:|---:|---:|---:|---|---:|---:|---:|---|",
        f"| {fig.stories} | {fig.build_s or 'reused'} | {fig.index_s} ({fig.index_cpu_s}) |"
        f" {fig.index_rss_mb} |"
        f" {fig.indexed_pages.get('fi', 0)}/{fig.indexed_pages.get('sv', 0)} |"
        f" {fig.bundle_mb} ({fig.bundle_files}) | {fig.query_kb} ({fig.query_gzip_kb}) |"
        f" {fig.page_kb} | {'met' if ok else 'MISSED'} |",
        "",
        f"Query: {fig.query} → {fig.results}",
        "",
        "Largest responses: " + ", ".join(f"{f.path} {f.bytes / 1000:.1f} kB"
                                          for f in fig.fetches[:8]),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=10_000, help="stories (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--reuse", action="store_true",
                        help="use bench/out/site-N as it is when it was built before")
    parser.add_argument("--query", default="ajanvarausta", help="the search words")
    parser.add_argument("--lang", default=Lang.FI.value, choices=[lang.value for lang in Lang],
                        help="the search page's language (default fi)")
    parser.add_argument("--filter", default="region=uusimaa", metavar="NAME=VALUE",
                        help="one filter of the search page (default region=uusimaa, a key;"
                             " an empty string for none)")
    parser.add_argument("--no-index", action="store_true",
                        help="with --reuse, only run the query (no indexing figures)")
    args = parser.parse_args(argv)
    name, _, value = args.filter.partition("=")
    if args.filter and (name not in search.FILTERS or not value):
        parser.error(f"--filter must be NAME=VALUE with NAME one of {', '.join(search.FILTERS)}")
    try:
        fig = measure(args.n, args.seed, args.reuse, args.query, name, value, Lang(args.lang),
                      index=not args.no_index)
    except (BuildError, CorpusError, OSError) as err:
        print(f"bench/search.py: {err}", file=sys.stderr)
        return 2
    text = table(fig)
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"search-{fig.stories}.md").write_text(text + "\n", encoding="utf-8")
    (OUT / f"search-{fig.stories}.json").write_text(
        json.dumps(asdict(fig), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0 if fig.query_gzip_kb <= TARGET_KB else 1


if __name__ == "__main__":
    sys.exit(main())
