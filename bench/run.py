"""Measure full `mkdocs build` runs on synthetic corpora: wall time, peak RSS, pages, output size.

Usage (from the repository root; nice, because the machine is shared):

    nice -n 10 python3 bench/run.py [--sizes 1000,5000,10000] [--runs 3] [--seed 1]
    nice -n 10 python3 bench/run.py --sizes 10000 --profile
    nice -n 10 python3 bench/run.py --out bench/out/mine   # results in a folder of your own

For each size N it writes a corpus with bench/corpus.py to bench/out/corpus-N/, builds it with
the project's own mkdocs.yml (inherited, docs_dir pointed at the corpus) in a child process
`--runs` times (the largest size once if its first run takes over `--slow` seconds), and records
the median wall and CPU time, peak RSS (MkDocs, Pagefind, both together), the number of pages
(index.html files) and the output size. Results go to results.md and results.json in the
output folder (bench/out/ unless --out says otherwise).
--profile builds each size once under cProfile instead and prints the top 25 entries by
cumulative and by own time (the raw profile is kept in bench/out/profile-N.prof).
Exit status: 0 measured, 1 a build failed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from math import inf
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # so the script runs without installing the package first
    sys.path.insert(0, str(REPO))

from bench.corpus import CorpusError, write_corpus  # noqa: E402

OUT = REPO / "bench" / "out"
# Left out of the build folder: its own config, the real content, and what builds produce.
# node_modules is linked: the build copies the form's Decap CMS bundle from it.
NOT_LINKED = {"mkdocs.yml", "content", "site", "bench", ".git", ".cache"}
TOP = 25


class BuildError(Exception):
    """`mkdocs build` exited with an error."""


@dataclass(frozen=True)
class Result:
    """The figures of one corpus size."""

    stories: int
    files: int  # story files (a story in both languages has two)
    runs: int
    seconds: list[float]  # wall time of each run
    median_s: float
    cpu_seconds: list[float]  # user + system CPU time of each run: robust to a busy machine
    median_cpu_s: float
    peak_rss_mb: float  # the largest single-process peak RSS of the runs
    pages: int  # index.html files in the output
    output_mb: float
    mkdocs_rss_mb: float = 0.0  # the largest peak RSS of MkDocs' own process
    sum_rss_mb: float = 0.0  # the largest sampled RSS of MkDocs and its children together


@dataclass(frozen=True)
class Run:
    """One build: wall time, CPU time (user + system) and peak RSS of the child."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float  # the largest single process: MkDocs itself or its Pagefind child
    mkdocs_rss_mb: float = 0.0  # MkDocs' own process (sampled VmHWM)
    sum_rss_mb: float = 0.0  # MkDocs and its children at once (sampled): what the machine needs


class Sampler(threading.Thread):
    """Samples a child's memory from /proc while it runs (Linux; on others it reads nothing)."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.every, self.stop = pid, every, threading.Event()
        self.own_kib = 0  # the process's own high-water mark
        self.sum_kib = 0  # largest sampled sum of current RSS over the process and its descendants

    def run(self) -> None:
        while not self.stop.wait(self.every):
            own = _status_kib(self.pid, "VmHWM")
            if own:
                self.own_kib = max(self.own_kib, own)
                total = _status_kib(self.pid, "VmRSS") + sum(
                    _status_kib(child, "VmRSS") for child in _descendants(self.pid))
                self.sum_kib = max(self.sum_kib, total)


def _status_kib(pid: int, key: str) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return 0
    match = re.search(rf"^{key}:\s+(\d+) kB", status, re.MULTILINE)
    return int(match[1]) if match else 0


def _descendants(pid: int) -> list[int]:
    """The children of every thread of `pid`, and theirs (the indexer runs Pagefind in turn)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            found += [child, *_descendants(child)]
    return found


def build_dir(size: int, corpus: Path, out: Path | None = None) -> Path:
    """A folder whose mkdocs.yml inherits the project's, with docs_dir set to the corpus.

    MkDocs resolves relative paths (theme.custom_dir, hooks) against the folder of the config
    file, so the folder links every top-level entry of the repository beside the config.
    """
    out = out or OUT
    folder = out / f"build-{size}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for entry in sorted(REPO.iterdir()):
        if entry.name not in NOT_LINKED:
            (folder / entry.name).symlink_to(entry)
    (folder / "mkdocs.yml").write_text(
        f"# Generated by bench/run.py: the project's config, building the synthetic corpus.\n"
        f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        f"docs_dir: {corpus}\n"
        f"site_dir: {out / f'site-{size}'}\n",
        encoding="utf-8",
    )
    return folder


class Trash:
    """Where a benchmark moves the folders it would delete, until `empty()` after the run.

    On a journal-less ext4 (the benchmark machine's disk), creating files soon after tens of
    thousands were deleted costs the kernel a scan past every inode freed in the last minutes
    (fs/ext4/ialloc.c, recently_deleted()): a build right after the previous output was
    deleted measured mostly that. A rename frees nothing.
    """

    def __init__(self, out: Path) -> None:
        self.folder = out / "trash"
        self.count = 0

    def put(self, path: Path) -> None:
        """Move `path` out of the way: one rename, on the same file system as `out`."""
        if not path.exists():
            return
        self.folder.mkdir(exist_ok=True)
        while (self.folder / str(self.count)).exists():  # left by an interrupted run
            self.count += 1
        path.rename(self.folder / str(self.count))

    def empty(self) -> None:
        """Delete what was moved, once nothing is measured any more."""
        shutil.rmtree(self.folder, ignore_errors=True)


def build_once(config: Path, site: Path, command: Sequence[str],
               trash: Trash | None = None) -> tuple[float, float]:
    """Run one build in a child process; return its wall time (s) and peak RSS (MB)."""
    run = build_run(config, site, command, trash)
    return run.seconds, run.peak_rss_mb


def build_run(config: Path, site: Path, command: Sequence[str],
              trash: Trash | None = None) -> Run:
    """Run one build in a child process and measure it (the old output moved to `trash`)."""
    if trash is not None:
        trash.put(site)  # outside the timing: a fresh output folder for every run
    elif site.exists():
        shutil.rmtree(site)
    log = config.parent / "build.log"
    with log.open("w", encoding="utf-8") as sink:
        start = time.perf_counter()
        child = subprocess.Popen(
            [*command, "build", "-q", "-f", str(config)],
            cwd=config.parent, stdout=sink, stderr=subprocess.STDOUT,
        )
        sampler = Sampler(child.pid)
        sampler.start()
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would mix all runs together
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
    child.returncode = code = os.waitstatus_to_exitcode(status)
    if code:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BuildError(f"mkdocs build exited {code} (log: {log}):\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    # Linux reports ru_maxrss in KiB: the largest of the child and its waited-for descendants
    return Run(seconds, cpu, usage.ru_maxrss / 1024, sampler.own_kib / 1024,
               sampler.sum_kib / 1024)


def output_figures(site: Path) -> tuple[int, float]:
    """The number of pages (index.html files) and the total size in MB of a built site."""
    pages, size = 0, 0
    for folder, _, names in os.walk(site):
        pages += names.count("index.html")
        size += sum(os.path.getsize(os.path.join(folder, name)) for name in names)
    return pages, size / 1e6


def measure(size: int, runs: int, seed: int, slow: float, out: Path,
            trash: Trash | None = None) -> Result:
    """Write a corpus of `size` stories and build it `runs` times (once if a run tops `slow` s)."""
    corpus, site = out / f"corpus-{size}", out / f"site-{size}"
    files = write_corpus(size, corpus, seed)
    config = build_dir(size, corpus, out) / "mkdocs.yml"
    done: list[Run] = []
    for number in range(1, runs + 1):
        run = build_run(config, site, [sys.executable, "-m", "mkdocs"], trash)
        done.append(run)
        print(f"  N={size} run {number}: {run.seconds:.1f} s wall, {run.cpu_seconds:.1f} s CPU, "
              f"peak RSS {run.peak_rss_mb:.0f} MB (MkDocs {run.mkdocs_rss_mb:.0f} MB, "
              f"together {run.sum_rss_mb:.0f} MB)", flush=True)
        if run.seconds > slow and number < runs:
            print(f"  N={size}: a run takes over {slow:.0f} s; stopping at one run", flush=True)
            break
    pages, megabytes = output_figures(site)
    walls = [round(r.seconds, 2) for r in done]
    cpus = [round(r.cpu_seconds, 2) for r in done]
    return Result(size, files, len(done), walls, round(statistics.median(walls), 2), cpus,
                  round(statistics.median(cpus), 2), round(max(r.peak_rss_mb for r in done), 1),
                  pages, round(megabytes, 1), round(max(r.mkdocs_rss_mb for r in done), 1),
                  round(max(r.sum_rss_mb for r in done), 1))


def profile(size: int, seed: int, out: Path) -> str:
    """Build a corpus of `size` stories once under cProfile; return the top entries as text."""
    corpus = out / f"corpus-{size}"
    write_corpus(size, corpus, seed)
    config = build_dir(size, corpus, out) / "mkdocs.yml"
    prof = out / f"profile-{size}.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs"]
    wall, rss = build_once(config, out / f"site-{size}", command)
    report = out / f"profile-{size}.txt"
    with report.open("w", encoding="utf-8") as stream:
        stream.write(f"N={size}, one build under cProfile: {wall:.1f} s, peak RSS {rss:.0f} MB\n")
        stats = pstats.Stats(str(prof), stream=stream).strip_dirs()
        for key in ("cumulative", "tottime"):
            stream.write(f"\n=== top {TOP} by {key} ===\n")
            stats.sort_stats(key).print_stats(TOP)
    return report.read_text(encoding="utf-8")


def machine() -> dict[str, str]:  # call it before measuring: load and commit as at the start
    """What the figures were measured on."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True, check=False).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit or "unknown",
        "cpus": str(os.cpu_count()),
        "load_average": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "mkdocs": _version("mkdocs"),
        "mkdocs-material": _version("mkdocs-material"),
    }


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def table(results: Sequence[Result], about: dict[str, str]) -> str:
    """The results as Markdown, with the targets checked."""
    lines = [
        "| stories | files | pages | median wall (s) | runs, wall (s) | median CPU (s) "
        "| peak RSS (MB) | MkDocs RSS (MB) | together (MB) | output (MB) |",
        "| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        runs = ", ".join(f"{s:.1f}" for s in r.seconds)
        lines.append(f"| {r.stories} | {r.files} | {r.pages} | {r.median_s:.1f} | {runs} "
                     f"| {r.median_cpu_s:.1f} | {r.peak_rss_mb:.0f} | {r.mkdocs_rss_mb:.0f} "
                     f"| {r.sum_rss_mb:.0f} | {r.output_mb:.0f} |")
    lines += ["", *verdicts(results), ""]
    lines.append("Machine: " + ", ".join(f"{key} {value}" for key, value in about.items()))
    return "\n".join(lines) + "\n"


def verdicts(results: Sequence[Result]) -> list[str]:
    """The issue's targets, each marked met or missed where the sizes allow checking it."""
    by_size = {r.stories: r for r in results}
    peak = max(max(r.peak_rss_mb, r.sum_rss_mb) for r in results)
    out = [f"- peak RSS at most 1.5 GB: {peak:.0f} MB, {_mark(peak <= 1536)}"]
    if 10_000 in by_size:
        out.append(f"- 10 000 stories in at most 60 s: {_mark(by_size[10_000].median_s <= 60)}")
    if 10_000 in by_size and 1_000 in by_size:
        ratio = by_size[10_000].median_s / by_size[1_000].median_s
        out.append(f"- t(10 000)/t(1 000) = {ratio:.1f}, at most 11: {_mark(ratio <= 11)}")
    return out


def _mark(ok: bool) -> str:
    return "met" if ok else "MISSED"


def sizes(text: str) -> list[int]:
    """Parse "1000,5000,10000"."""
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        message = f"expected sizes like 1000,5000,10000, got {text!r}"
        raise argparse.ArgumentTypeError(message) from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"sizes must be positive, got {text!r}")
    return values


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=sizes, default=[1000, 5000, 10000],
                        help="comma-separated corpus sizes (default 1000,5000,10000)")
    parser.add_argument("--runs", type=int, default=3, help="builds per size (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--slow", type=float, default=90.0,
                        help="build the largest size once if its first run takes longer (s)")
    parser.add_argument("--out", type=Path, default=OUT,
                        help="folder for corpora, builds and results (default bench/out)")
    parser.add_argument("--profile", action="store_true",
                        help="build each size once under cProfile and print the top entries")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error(f"--runs must be at least 1, got {args.runs}")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    try:
        if args.profile:
            for size in args.sizes:
                print(profile(size, args.seed, out))
            return 0
        about = machine()
        largest = max(args.sizes)
        trash = Trash(out)
        try:
            results = [measure(size, args.runs, args.seed,
                               args.slow if size == largest else inf, out, trash)
                       for size in args.sizes]
        finally:
            trash.empty()
    except (BuildError, CorpusError) as err:
        print(f"bench/run.py: {err}", file=sys.stderr)
        return 1
    (out / "results.md").write_text(table(results, about), encoding="utf-8")
    data = {"machine": about, "results": [asdict(r) for r in results]}
    (out / "results.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(table(results, about))
    return 0


if __name__ == "__main__":
    sys.exit(main())
