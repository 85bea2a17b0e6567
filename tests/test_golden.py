"""The fixture site's output equals the committed golden copy (see tests/golden.py)."""

from golden import GOLDEN, differences


def test_output_matches_the_golden_copy(built_site):
    assert GOLDEN.is_dir(), "no golden copy yet: run python3 tests/golden.py --update"
    diffs = differences(built_site)
    assert not diffs, "output changed; if intended run python3 tests/golden.py --update:\n" + (
        "\n".join(diffs[:40]))


def test_differences_reports_missing_extra_and_changed_files(tmp_path):
    built, golden = tmp_path / "built", tmp_path / "golden"
    for folder, files in ((built, {"a.html": "1", "b.html": "2"}),
                          (golden, {"a.html": "1", "b.html": "x", "c.html": "3"})):
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text)
    (built / "assets").mkdir()
    (built / "assets" / "ignored.css").write_text("not ours")
    assert differences(built, golden) == ["missing: c.html", "changed: b.html"]
