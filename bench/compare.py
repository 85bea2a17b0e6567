"""This project beside Hugo in one run: cold build, cached rebuild, serve-after-edit, Hugo cold.

Usage (from the repository root, with the project installed; Hugo from Debian's package,
`apt-get install hugo`, 0.111 on bookworm; nice, because the machine is shared):

    nice -n 10 python3 bench/compare.py                        # 1 000 and 10 000 stories, 3 runs
    nice -n 10 python3 bench/compare.py --sizes 1000 --runs 1  # a quick look
    nice -n 10 python3 bench/compare.py --out bench/out/mine
    python3 bench/compare.py --sizes 10000 --runs 1 --kinds serve   # only serve-after-edit

For each size N, on the corpus of bench/corpus.py (bench/out/corpus-N, never content/):

- *Hugo cold*: `hugo --quiet --ignoreCache` over the same stories as a minimal Hugo site
  (bench/hugo_site.py, templates in bench/hugo/layouts), output and resources deleted first;
- *cold*: `mkdocs build` with the site folder and the build cache (`.cache/tori` beside the
  build's mkdocs.yml) deleted first;
- *cached*: one story's body edited (a sentence added, a different one each run), then
  `mkdocs build` again in a new process, reusing the cache of the build before;
- *serve-after-edit*: `mkdocs serve` on 127.0.0.1; once it serves the story, the story file is
  saved with a new sentence and the story page is fetched over HTTP every 50 ms until it shows
  the sentence: the time from the save to that response (a fresh serve process, its first build
  not timed).

Nothing is deleted while the benchmark measures: an output folder a measurement must not find
(Hugo's, the site, the build cache) is renamed into `trash/` of the output folder, emptied at the
end of the run. On a journal-less ext4 (this project's benchmark machine), creating a file right
after tens of thousands were deleted costs the kernel a scan past every inode freed in the last
minutes (fs/ext4/ialloc.c, recently_deleted()): measured with `perf record`, that scan was most of
a cached build's time after its site folder was deleted, and it grows with whatever ran before.

Every build's wall and CPU time (the child and its waited-for descendants) and peak memory:
the largest sampled sum of the RSS of the process and all its descendants (Pagefind included).
The load average is read before each measurement. The edited story is restored at the end.
Results go to compare.md and compare.json in the output folder (bench/out/ by default).
Exit status: 0 measured, 1 a build or the server failed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # so the script runs without installing the package first
    sys.path.insert(0, str(REPO))

from bench.corpus import CorpusError, write_corpus  # noqa: E402
from bench.hugo_site import write_site  # noqa: E402
from bench.run import OUT, BuildError, Sampler, Trash, build_dir, machine, sizes  # noqa: E402

CACHE = Path(".cache") / "tori"  # the plugin's default cache folder, beside mkdocs.yml
POLL = 0.05  # seconds between two fetches of the edited page
SERVE_TIMEOUT = 1800.0  # the first build of `mkdocs serve` at 10 000 stories on a busy machine
EDIT_TIMEOUT = 300.0
INDEXED = r"Pagefind indexed .*? pages \(([\d.]+) s"
BUILT = r"Documentation built in ([\d.]+) seconds"
# A sentence each edit adds; the number makes every edit new. Finnish like the story itself.
EDIT = "\n\nTätä synteettistä tarinaa muokattiin vertailuajossa {mark}.\n"


@dataclass(frozen=True)
class Measure:
    """One timed thing: wall and CPU seconds, peak memory of the process tree, load before."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    load: float


@dataclass
class Row:
    """Everything measured at one corpus size."""

    stories: int
    files: int
    hugo: list[Measure] = field(default_factory=list)
    cold: list[Measure] = field(default_factory=list)
    cached: list[Measure] = field(default_factory=list)
    serve: list[Measure] = field(default_factory=list)  # cpu_seconds: 0, not measured
    # From the logs: the cached builds' search indexing (s, the build waits for it) and the
    # build times `mkdocs serve` reported for its rebuilds after each edit.
    cached_index: list[float] = field(default_factory=list)
    serve_builds: list[float] = field(default_factory=list)


def load() -> float:
    """The one-minute load average."""
    return round(os.getloadavg()[0], 2)


def timed(command: Sequence[str], cwd: Path, log: Path) -> Measure:
    """Run `command` to its end; measure wall, CPU (with descendants) and the tree's peak RSS."""
    before = load()
    with log.open("w", encoding="utf-8") as sink:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
        sampler = Sampler(child.pid, every=0.1)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
    if os.waitstatus_to_exitcode(status):
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BuildError(f"{' '.join(command)} failed (log: {log}):\n{tail}")
    peak = max(sampler.sum_kib, usage.ru_maxrss) / 1024
    return Measure(round(seconds, 2), round(usage.ru_utime + usage.ru_stime, 2), round(peak),
                   before)


def hugo_cold(site: Path, trash: Trash) -> Measure:
    """One cold Hugo build of the site folder."""
    for folder in ("public", "resources"):
        trash.put(site / folder)
    return timed(["hugo", "--quiet", "--ignoreCache", "-s", str(site), "-d", str(site / "public")],
                 site, site.parent / f"{site.name}.log")


def mkdocs_build(config: Path, site: Path, cold: bool, trash: Trash) -> Measure:
    """One `mkdocs build` with no site folder (as in CI); `cold` also moves the cache away."""
    trash.put(site)
    if cold:
        trash.put(config.parent / CACHE)
    return timed([sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
                 config.parent, config.parent / "build.log")


def logged(log: Path, pattern: str) -> list[float]:
    """Every number the pattern's group catches in a log."""
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return [float(m) for m in re.findall(pattern, text)]


def edited_story(corpus: Path) -> tuple[Path, str]:
    """The story the benchmark edits (the middle one, Finnish) and its original text."""
    stories = sorted((corpus / "stories").glob("*.fi.md"))
    story = stories[len(stories) // 2]
    return story, story.read_text(encoding="utf-8")


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text, or None while the server does not give it."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_until(predicate: Callable[[], bool], timeout: float, server) -> float:
    """Poll `predicate` every POLL s; return the seconds it took. Raises if the server died."""
    start = time.perf_counter()
    while not predicate():
        if server.poll() is not None:
            raise BuildError(f"mkdocs serve exited with {server.returncode}")
        if time.perf_counter() - start > timeout:
            raise BuildError(f"no change seen within {timeout:.0f} s")
        time.sleep(POLL)
    return time.perf_counter() - start


def serve_after_edit(config: Path, story: Path, original: str, edits: int,
                     first: int) -> list[Measure]:
    """Start `mkdocs serve`, then save `story` `edits` times and time each until it is served."""
    port = free_port()
    slug = story.name.removesuffix(".fi.md")
    url = f"http://127.0.0.1:{port}/fi/tarinat/{slug}/"
    log = config.parent / "serve.log"
    with log.open("w", encoding="utf-8") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            cwd=config.parent, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
        sampler = Sampler(server.pid, every=0.1)
        sampler.start()
        try:
            wait_until(lambda: fetch(url) is not None, SERVE_TIMEOUT, server)
            time.sleep(2)  # let the watcher take its first look at the folder
            done = []
            for number in range(first, first + edits):
                mark = f"serve-{number}"
                before = load()
                story.write_text(original + EDIT.format(mark=mark), encoding="utf-8")
                seconds = wait_until(lambda m=mark: m in (fetch(url) or ""), EDIT_TIMEOUT, server)
                done.append(Measure(round(seconds, 2), 0.0, 0.0, before))
                print(f"    serve-after-edit {number}: {seconds:.2f} s (load {before})",
                      flush=True)
                time.sleep(2)  # the next edit starts from a quiet server
        finally:
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
            sampler.stop.set()
            sampler.join()
    peak = round(sampler.sum_kib / 1024)
    return [Measure(m.seconds, m.cpu_seconds, peak, m.load) for m in done]


KINDS = ("hugo", "cold", "cached", "serve")


def measure(size: int, runs: int, seed: int, out: Path, kinds: Sequence[str],
            trash: Trash) -> Row:
    """What `kinds` names at one corpus size (the cached builds follow a cold one)."""
    corpus = out / f"corpus-{size}"
    files = write_corpus(size, corpus, seed)
    config = build_dir(size, corpus, out) / "mkdocs.yml"
    site = out / f"site-{size}"
    hugo = out / f"hugo-{size}"
    write_site(corpus, hugo)
    row = Row(size, files)
    story, original = edited_story(corpus)
    try:
        for number in range(runs if "hugo" in kinds else 0):
            row.hugo.append(hugo_cold(hugo, trash))
            _say(size, "Hugo cold", number, row.hugo[-1])
        for number in range(runs if {"cold", "cached"} & set(kinds) else 0):
            row.cold.append(mkdocs_build(config, site, cold=True, trash=trash))
            _say(size, "cold", number, row.cold[-1])
        for number in range(runs if "cached" in kinds else 0):
            story.write_text(original + EDIT.format(mark=f"build-{number}"), encoding="utf-8")
            row.cached.append(mkdocs_build(config, site, cold=False, trash=trash))
            row.cached_index += logged(config.parent / "build.log", INDEXED)
            _say(size, "cached after one edit", number, row.cached[-1])
        if "serve" in kinds:
            trash.put(site)  # its first build would delete the folder just before the edits
            row.serve = serve_after_edit(config, story, original, runs, runs)
            row.serve_builds = logged(config.parent / "serve.log", BUILT)[1:]  # not the first
    finally:
        story.write_text(original, encoding="utf-8")
    return row


def _say(size: int, what: str, number: int, m: Measure) -> None:
    print(f"  N={size} {what} {number + 1}: {m.seconds:.2f} s wall, {m.cpu_seconds:.1f} s CPU, "
          f"{m.peak_mb:.0f} MB (load {m.load})", flush=True)


def median(values: list[Measure], key: str = "seconds") -> float:  # 0 for none
    """The median of one figure over the runs, 0 if none."""
    return statistics.median(getattr(m, key) for m in values) if values else 0.0


def _both(values: list[Measure]) -> str:
    """Median wall time and, in brackets, median CPU time."""
    return f"{median(values):.1f} ({median(values, 'cpu_seconds'):.1f})"


def table(rows: Sequence[Row], about: dict[str, str]) -> str:
    """The results as Markdown: medians, each run, peak memory and the load."""
    lines = [
        "| stories | cold, wall (CPU) s | cached after one edit, wall (CPU) s "
        "| serve-after-edit s | Hugo cold, wall (CPU) s "
        "| peak MB: cold / cached / serve / Hugo | load (1 min) during the runs |",
        "| ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in rows:
        every = r.hugo + r.cold + r.cached + r.serve
        loads = f"{min(m.load for m in every):.1f} to {max(m.load for m in every):.1f}"
        peaks = " / ".join(f"{max((m.peak_mb for m in ms), default=0):.0f}"
                           for ms in (r.cold, r.cached, r.serve, r.hugo))
        serve = f"{median(r.serve):.2f}" if r.serve else "-"
        lines.append(f"| {r.stories} | {_both(r.cold)} | {_both(r.cached)} | {serve} "
                     f"| {_both(r.hugo)} | {peaks} | {loads} |")
    lines += ["", "Each run (wall s, CPU s in brackets):", ""]
    for r in rows:
        for name, ms in (("Hugo cold", r.hugo), ("cold", r.cold), ("cached", r.cached),
                         ("serve-after-edit", r.serve)):
            cells = ", ".join(f"{m.seconds:.2f}" + (f" ({m.cpu_seconds:.1f})" if m.cpu_seconds
                                                    else "") for m in ms) or "-"
            lines.append(f"- {r.stories} stories, {name}: {cells}")
        if r.cached_index:
            lines.append(f"- {r.stories} stories, search indexing the cached builds waited for "
                         f"(from their logs): {', '.join(f'{s:.1f}' for s in r.cached_index)} s")
        if r.serve_builds:
            lines.append(f"- {r.stories} stories, `mkdocs serve` rebuild times after the edits "
                         f"(its log): {', '.join(f'{s:.2f}' for s in r.serve_builds)} s")
    lines += ["", *verdicts(rows), ""]
    lines.append("Machine: " + ", ".join(f"{key} {value}" for key, value in about.items()))
    return "\n".join(lines) + "\n"


def verdicts(rows: Sequence[Row]) -> list[str]:
    """The goals of issue 13, each marked met or missed where measured."""
    out = []
    for r in rows:
        hugo, cold, cached = median(r.hugo), median(r.cold), median(r.cached)
        if r.hugo and r.cold:
            out.append(f"- {r.stories}: cold within 3x Hugo: {cold:.1f} s vs {3 * hugo:.1f} s, "
                       f"{_mark(cold <= 3 * hugo)}")
        if r.hugo and r.cached:
            out.append(f"- {r.stories}: cached faster than Hugo cold: {cached:.1f} s vs "
                       f"{hugo:.1f} s, {_mark(cached < hugo)}")
        if r.stories >= 10_000 and r.cold:
            out.append(f"- {r.stories}: cold in at most 60 s: {_mark(cold <= 60)}")
        goal = 2.0 if r.stories <= 1_500 else 5.0 if r.stories <= 10_000 else None
        if r.serve and goal:
            out.append(f"- {r.stories}: serve-after-edit at most {goal:.0f} s: "
                       f"{median(r.serve):.2f} s, {_mark(median(r.serve) <= goal)}")
    return out


def _mark(ok: bool) -> str:
    return "met" if ok else "MISSED"


def hugo_version() -> str:
    """`hugo version`, or why not."""
    if shutil.which("hugo") is None:
        return "not installed (apt-get install hugo)"
    done = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False)
    return done.stdout.split(" BuildDate")[0].strip()


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=sizes, default=[1000, 10000],
                        help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each kind (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--out", type=Path, default=OUT,
                        help="folder for corpora, builds and results (default bench/out)")
    parser.add_argument("--kinds", default=",".join(KINDS),
                        help="what to measure, of hugo,cold,cached,serve (default all)")
    parser.add_argument("--report", type=Path, metavar="JSON",
                        help="print the table of an earlier run's compare.json and stop")
    args = parser.parse_args(argv)
    if args.report:
        data = json.loads(args.report.read_text(encoding="utf-8"))
        rows = [Row(r["stories"], r["files"], *([Measure(**m) for m in r[k]] for k in
                                               ("hugo", "cold", "cached", "serve")),
                    r.get("cached_index", []), r.get("serve_builds", []))
                for r in data["rows"]]
        print(table(rows, data["machine"]))
        return 0
    if args.runs < 1:
        parser.error(f"--runs must be at least 1, got {args.runs}")
    if shutil.which("hugo") is None:
        print("bench/compare.py: Hugo is missing; install Debian's package: apt-get install hugo",
              file=sys.stderr)
        return 1
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    about = {**machine(), "hugo": hugo_version()}
    rows: list[Row] = []
    trash = Trash(out)
    try:
        for size in args.sizes:
            rows.append(measure(size, args.runs, args.seed, out, args.kinds.split(","), trash))
            about["load_average_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
            (out / "compare.md").write_text(table(rows, about), encoding="utf-8")
    except (BuildError, CorpusError) as err:
        print(f"bench/compare.py: {err}", file=sys.stderr)
        return 1
    finally:
        trash.empty()
    data = {"machine": about, "rows": [asdict(r) for r in rows]}
    (out / "compare.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(table(rows, about))
    return 0


if __name__ == "__main__":
    sys.exit(main())
