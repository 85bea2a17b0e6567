"""Time the body step of a build: every story body of a synthetic corpus rendered and sanitised.

Usage (from the repository root; nice, because the machine is shared):

    nice -n 10 python3 bench/bodies.py [--sizes 1000,10000] [--runs 3] [--out bench/out]

For each size N it writes the corpus of bench/corpus.py to OUT/corpus-N/ (reused when it is
there), reads every story file's body, and times `generator.body.render_body` over all of them
in this process, `--runs` times. It prints the median and each run's wall and CPU seconds (CPU
time of this process, the steadier figure on a shared machine), with the load average before
the first run, as a Markdown table row per size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # so the script runs without installing the package first
    sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402
from generator.body import render_body  # noqa: E402
from generator.loader import split_front_matter  # noqa: E402


def bodies(corpus: Path) -> list[tuple[str, int, str]]:
    """(body, body line, path) of every story file of a corpus, in name order."""
    found = []
    for file in sorted((corpus / "stories").glob("*.md")):
        split, _ = split_front_matter(file.read_text(encoding="utf-8"), file.name)
        if split is not None:
            found.append((split.body, split.body_line, file.name))
    return found


def time_once(items: list[tuple[str, int, str]]) -> tuple[float, float]:
    """Wall and CPU seconds to render and sanitise every body once; fails loudly on a problem."""
    start, cpu = time.perf_counter(), time.process_time()
    for body, line, path in items:
        if render_body(body, line, path).problems:
            raise SystemExit(f"{path}: the synthetic body has problems")
    return time.perf_counter() - start, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    """Measure each size and print one table row per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    args = parser.parse_args(argv)
    print("| stories | story files | load average | median wall (s) | runs, wall (s) "
          "| median CPU (s) | runs, CPU (s) |")
    print("| ---: | ---: | --- | ---: | --- | ---: | --- |")
    for size in (int(s) for s in args.sizes.split(",")):
        corpus = args.out / f"corpus-{size}"
        if not (corpus / "stories").is_dir():
            write_corpus(size, corpus)
        items = bodies(corpus)
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
        runs = [time_once(items) for _ in range(args.runs)]
        cells = []
        for figures in ([wall for wall, _ in runs], [cpu for _, cpu in runs]):
            cells += [f"{statistics.median(figures):.2f}", ", ".join(f"{f:.2f}" for f in figures)]
        print(f"| {size} | {len(items)} | {load} | {' | '.join(cells)} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
