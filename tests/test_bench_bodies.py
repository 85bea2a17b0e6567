"""The body-step benchmark: every synthetic body rendered, timed, one table row per size."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench import bodies  # noqa: E402
from bench.corpus import write_corpus  # noqa: E402


def test_bodies_reads_every_story_file_of_a_corpus(tmp_path: Path) -> None:
    files = write_corpus(12, tmp_path / "corpus-12")
    found = bodies.bodies(tmp_path / "corpus-12")
    assert len(found) == files
    assert all(body.strip() for body, _, _ in found)
    assert all(line > 1 and path.endswith(".md") for _, line, path in found)


def test_main_prints_a_row_per_size_with_the_number_of_files(tmp_path: Path, capsys) -> None:
    assert bodies.main(["--sizes", "6", "--runs", "2", "--out", str(tmp_path)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("| stories | story files | load average |")
    cells = [c.strip() for c in rows[2].strip("|").split("|")]
    assert cells[0] == "6" and int(cells[1]) >= 6
    assert len(cells[4].split(", ")) == 2 and float(cells[3]) > 0
    assert len(cells[6].split(", ")) == 2 and float(cells[5]) > 0


def test_a_body_with_problems_stops_the_measurement(tmp_path: Path) -> None:
    write_corpus(3, tmp_path / "corpus-3")
    story = sorted((tmp_path / "corpus-3" / "stories").glob("*.md"))[0]
    story.write_text(story.read_text(encoding="utf-8") + "\n<script>x</script>\n",
                     encoding="utf-8")
    with pytest.raises(SystemExit, match="has problems"):
        bodies.time_once(bodies.bodies(tmp_path / "corpus-3"))
