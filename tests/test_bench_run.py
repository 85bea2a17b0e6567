"""The benchmark script: build folder, child measurement, output figures, targets."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench import run  # noqa: E402


def result(stories: int, median: float, rss: float = 500.0) -> run.Result:
    """A made-up measurement."""
    return run.Result(stories, stories, 1, [median], median, [median], median, rss, stories, 1.0)


def test_build_dir_inherits_the_project_config_and_links_the_repository(tmp_path: Path) -> None:
    folder = run.build_dir(7, tmp_path / "corpus-7", tmp_path)
    assert folder == tmp_path / "build-7"
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config == {"INHERIT": str(REPO / "mkdocs.yml"), "docs_dir": str(tmp_path / "corpus-7"),
                      "site_dir": str(tmp_path / "site-7")}
    assert (folder / "overrides").resolve() == REPO / "overrides"
    assert not (folder / "content").exists() and not (folder / ".git").exists()


MEASURE = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bench import run
config, site = Path(sys.argv[2]) / "mkdocs.yml", Path(sys.argv[2]) / "site"
config.write_text("", encoding="utf-8")
grab = [sys.executable, "-c", "b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096])"]
spin = [sys.executable, "-c", "import time\\nt = time.process_time()\\n"
        "while time.process_time() - t < 0.5: pass"]
big = run.build_run(config, site, grab)
busy = run.build_run(config, site, spin)
seconds, small_rss = run.build_once(config, site, [sys.executable, "-c", "pass"])
print(json.dumps([big.peak_rss_mb, busy.cpu_seconds, busy.seconds, seconds, small_rss]))
"""


def test_build_run_reports_the_childs_own_peak_rss_and_cpu_time(tmp_path: Path) -> None:
    # Measured from a fresh interpreter: a child's peak RSS counts the pages of the process it
    # was forked from, and this test process grows with the site builds of other tests.
    done = subprocess.run([sys.executable, "-c", MEASURE, str(REPO), str(tmp_path)],
                          capture_output=True, text=True, check=True)
    big_rss, busy_cpu, busy_seconds, seconds, small_rss = json.loads(done.stdout)
    assert big_rss >= 200 and small_rss < big_rss - 50 and seconds > 0
    assert busy_cpu >= 0.5 and busy_seconds >= 0.5


HOLD = "b = bytearray({mb} * 2**20); b[::4096] = b'x' * len(b[::4096]); time.sleep(1.5)"


def test_build_run_samples_the_process_and_its_children_together(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("", encoding="utf-8")
    grandchild = f"import time; {HOLD.format(mb=120)}"
    parent = (f"import subprocess, sys, time; p = subprocess.Popen([sys.executable, '-c', "
              f"{grandchild!r}]); {HOLD.format(mb=150)}; p.wait()")
    measured = run.build_run(config, tmp_path / "site", [sys.executable, "-c", parent])
    assert 150 <= measured.mkdocs_rss_mb < 250
    assert measured.sum_rss_mb >= 270
    assert measured.peak_rss_mb >= 150


def test_build_once_raises_with_the_log_tail_when_the_build_fails(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("", encoding="utf-8")
    failing = [sys.executable, "-c", "import sys; print('Aborted with 3 errors'); sys.exit(1)"]
    with pytest.raises(run.BuildError, match="exited 1") as info:
        run.build_once(config, tmp_path / "site", failing)
    assert "Aborted with 3 errors" in str(info.value)


def test_output_figures_count_index_pages_and_bytes(tmp_path: Path) -> None:
    (tmp_path / "fi" / "tarinat" / "x").mkdir(parents=True)
    (tmp_path / "fi" / "index.html").write_bytes(b"a" * 600_000)
    (tmp_path / "fi" / "tarinat" / "x" / "index.html").write_bytes(b"b" * 300_000)
    (tmp_path / "sitemap.xml").write_bytes(b"c" * 100_000)
    assert run.output_figures(tmp_path) == (2, 1.0)


def test_verdicts_check_each_target_the_sizes_allow() -> None:
    assert run.verdicts([result(1000, 5.0)]) == ["- peak RSS at most 1.5 GB: 500 MB, met"]
    met = run.verdicts([result(1000, 5.0), result(10_000, 50.0)])
    assert met[1:] == ["- 10 000 stories in at most 60 s: met",
                       "- t(10 000)/t(1 000) = 10.0, at most 11: met"]
    missed = run.verdicts([result(1000, 5.0), result(10_000, 61.0, rss=1600.0)])
    assert [line.endswith("MISSED") for line in missed] == [True, True, True]


def test_sizes_parse_a_comma_list_and_reject_nonsense() -> None:
    assert run.sizes("1000,5000, 10000") == [1000, 5000, 10000]
    for bad in ("ten", "0,5", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            run.sizes(bad)


def test_trash_moves_folders_aside_keeps_them_apart_and_deletes_them_at_the_end(
        tmp_path: Path) -> None:
    trash = run.Trash(tmp_path)
    for content in ("first", "second"):
        site = tmp_path / "site"
        site.mkdir()
        (site / "index.html").write_text(content, encoding="utf-8")
        inode = site.stat().st_ino
        trash.put(site)
        assert not site.exists()
    kept = sorted((tmp_path / "trash").iterdir())
    assert [(p / "index.html").read_text(encoding="utf-8") for p in kept] == ["first", "second"]
    assert kept[-1].stat().st_ino == inode  # renamed, not copied and deleted
    trash.put(tmp_path / "missing")  # nothing to move: nothing happens
    trash.empty()
    assert not (tmp_path / "trash").exists()
