"""The preview (`mkdocs serve`) rewrites only what changed and ends up as a clean build."""

from __future__ import annotations

import re

from sitebuild import build_site, site_files
from test_build_cache import edit_story, project_copy

from generator.preview import HIDDEN, Preview

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


def related_slugs(page: str) -> list[str]:
    """The stories a story page recommends, in order (the related-stories section's links)."""
    section = page.split('class="tori-related', 1)[1].split("</section>", 1)[0]
    return re.findall(r'href="\.\./([^/"]+)/"', section)  # beside the story's own folder


def test_a_preview_rebuild_after_new_title_themes_and_related_stories_equals_a_clean_one(
        tmp_path):
    project = project_copy(tmp_path)
    site, cache = tmp_path / "serve", tmp_path / "cache"
    build_site(project, site, "serve", cache=cache)
    assert "liminka-kekseliain-kunta" in related_slugs((site / STORY).read_text("utf-8"))
    edit_story(project)  # a new title and paragraph
    for lang in ("fi", "sv"):  # translations share their themes
        source = project / f"content/stories/hollola-latu.{lang}.md"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("categories: [henkilostolahtoinen-tuloksellisuus, "
                                       "toimintakulttuuri]", "categories: [tyohyvinvointi]"),
                          encoding="utf-8")
    build_site(project, site, "serve", cache=cache)
    clean = build_site(project, tmp_path / "clean", "serve", cache=tmp_path / "fresh")
    skip = ("pagefind/",)
    assert site_files(site, skip=skip) == site_files(clean, skip=skip)
    page = (site / STORY).read_text(encoding="utf-8")
    assert "Hollolan latu, muokattu otsikko" in page
    # Liminka shared only "toimintakulttuuri"; Mikkeli and Soite share "tyohyvinvointi".
    assert set(related_slugs(page)) == {"mikkeli-ruokapalvelut", "soite-aktiivinen-tuki"}
    theme = (site / "fi/teemat/toimintakulttuuri/index.html").read_text(encoding="utf-8")
    assert "hollola-latu" not in theme


def test_compiled_templates_are_kept_for_the_next_environment(monkeypatch):
    import jinja2

    from generator.preview import template_cache

    cache, sources = template_cache(), {"page.html": "<p>{{ x }}</p>"}

    def environment() -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)

    assert environment().get_template("page.html").render(x=1) == "<p>1</p>"
    compiled = []
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *a, **k: compiled.append(a) or jinja2.Environment.compile)
    assert environment().get_template("page.html").render(x=2) == "<p>2</p>"
    assert compiled == []  # the next build's environment compiled nothing
    monkeypatch.undo()
    sources["page.html"] = "<b>{{ x }}</b>"  # an edited template is compiled again
    assert environment().get_template("page.html").render(x=3) == "<b>3</b>"


def test_the_preview_server_hears_a_save_but_not_a_read(tmp_path):
    import time

    from mkdocs.livereload import LiveReloadServer

    from generator.preview import Notified, watch_by_notification

    docs = tmp_path / "docs"
    (docs / "stories").mkdir(parents=True)
    story = docs / "stories" / "a.fi.md"
    story.write_text("first", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                              root=str(tmp_path / "site"))
    server.watch(str(docs))
    assert watch_by_notification(server)
    assert isinstance(server.observer, Notified)

    def heard(seconds: float) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end and not server._want_rebuild:
            time.sleep(0.01)
        return server._want_rebuild

    server.observer.start()
    try:
        story.read_text(encoding="utf-8")  # the build reads files: no rebuild for that
        assert not heard(0.5)
        story.write_text("second", encoding="utf-8")
        assert heard(5)
    finally:
        server.observer.stop()
        server.observer.join()
