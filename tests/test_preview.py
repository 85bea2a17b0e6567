"""The preview (`mkdocs serve`) rewrites only what changed and ends up as a clean build."""

from __future__ import annotations

import logging

from sitebuild import build_site, site_files
from test_build_cache import edit_story, project_copy

from generator.preview import HIDDEN, Preview, SkippedPages

STORY = "fi/tarinat/hollola-latu/index.html"
OTHER = "fi/tarinat/mikkeli-ruokapalvelut/index.html"  # shares no card with the edited story


def test_hidden_files_survive_the_clean_and_come_back(tmp_path):
    preview = Preview()
    site = tmp_path / "site"
    (site / "fi").mkdir(parents=True)
    (site / "fi" / "index.html").write_text("x", encoding="utf-8")
    preview.unhide(site)
    assert not preview.unchanged("fi/index.html", "k1")  # the first build knows nothing
    preview.finish(site, ["fi/index.html"])
    preview.hide(site)
    assert sorted(p.name for p in site.iterdir()) == [HIDDEN + "fi"]
    preview.unhide(site)
    assert (site / "fi" / "index.html").read_text(encoding="utf-8") == "x"
    assert preview.unchanged("fi/index.html", "k1") and not preview.unchanged("fi/index.html", "k2")


def test_files_the_new_build_lacks_are_removed(tmp_path):
    preview = Preview()
    (tmp_path / "a.html").write_text("a", encoding="utf-8")
    (tmp_path / "b.html").write_text("b", encoding="utf-8")
    preview.unhide(tmp_path)
    preview.unchanged("a.html", "1")
    preview.unchanged("b.html", "2")
    preview.finish(tmp_path, ["a.html", "b.html"])
    preview.unhide(tmp_path)
    preview.unchanged("a.html", "1")
    preview.finish(tmp_path, ["a.html"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html"]


def test_another_folder_or_a_failed_build_forgets_what_was_written(tmp_path):
    preview = Preview()
    preview.unhide(tmp_path / "one")
    preview.unchanged("x.html", "1")
    preview.finish(tmp_path / "one", ["x.html"])
    preview.unhide(tmp_path / "two")
    assert not preview.unchanged("x.html", "1")
    preview.unhide(tmp_path / "two")
    preview.fail()
    assert not preview.unchanged("x.html", "1")


def test_only_the_skipped_messages_of_kept_pages_are_dropped():
    kept = {"fi/a/index.md"}
    rule = SkippedPages(lambda: kept)

    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.commands.build", logging.INFO, "", 0, message, (), None)

    assert not rule.filter(record("Page skipped: 'fi/a/index.md'. Generated empty output."))
    assert rule.filter(record("Page skipped: 'fi/b/index.md'. Generated empty output."))
    assert rule.filter(record("Documentation built in 1.00 seconds"))


def test_a_preview_rebuild_after_an_edit_equals_a_clean_preview(tmp_path):
    project = project_copy(tmp_path)
    site, cache = tmp_path / "serve", tmp_path / "cache"
    build_site(project, site, "serve", cache=cache)
    before = {p: (site / p).stat().st_mtime_ns for p in (STORY, OTHER)}
    edit_story(project)
    gone = project / "content/stories/vantaa-ollaanihmisiksi.fi.md"
    gone.unlink()  # a story removed: its page must go too
    build_site(project, site, "serve", cache=cache)
    clean = build_site(project, tmp_path / "clean", "serve", cache=tmp_path / "fresh")
    skip = ("pagefind/",)  # indexed after the build, in the background
    assert site_files(site, skip=skip) == site_files(clean, skip=skip)
    assert not (site / "fi/tarinat/vantaa-ollaanihmisiksi/index.html").exists()
    assert (site / STORY).stat().st_mtime_ns != before[STORY]
    assert (site / OTHER).stat().st_mtime_ns == before[OTHER]  # left as it was
