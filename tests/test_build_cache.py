"""The build cache: keys, page and story stores, and builds that reuse it equal clean builds."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from sitebuild import SITE_FIXTURE, build_site, site_files

from generator.build_cache import Memo, PageCache, code_version, digest, images_version
from generator.cache_store import DATABASE

OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"
EDITED = "content/stories/hollola-latu.fi.md"


def test_digest_keeps_parts_apart():
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("a") == digest(b"a")
    assert len(digest()) == 64


def test_code_version_follows_the_templates(tmp_path):
    theme = tmp_path / "theme"
    (theme / "partials").mkdir(parents=True)
    (theme / "partials" / "x.html").write_text("one", encoding="utf-8")
    before = code_version([theme])
    assert code_version([theme]) == before
    (theme / "partials" / "x.html").write_text("two", encoding="utf-8")
    assert code_version([theme]) != before


def test_images_version_follows_the_image_bytes(tmp_path):
    images = tmp_path / "stories" / "images"
    images.mkdir(parents=True)
    (images / "a.svg").write_bytes(b"<svg/>")
    before = images_version(tmp_path)
    (images / "a.svg").write_bytes(b"<svg></svg>")
    assert images_version(tmp_path) != before


def test_page_cache_stores_and_prunes_what_a_build_did_not_use(tmp_path):
    first = PageCache(tmp_path)
    first.put("aa11", "<p>one</p>")
    first.put("bb22", "<p>two</p>")
    first.flush()  # a build writes its pages in batches, the last at its end
    second = PageCache(tmp_path)
    assert second.has("aa11") and not second.has("cc33")
    assert second.get("aa11") == "<p>one</p>"
    assert second.get("cc33") is None
    assert second.prune() == 1  # bb22 was not used by the second build
    assert PageCache(tmp_path).get("aa11") == "<p>one</p>"
    assert not PageCache(tmp_path).has("bb22")


def test_memo_computes_once_per_content_and_salt(tmp_path):
    file = tmp_path / "a.md"
    file.write_text("first", encoding="utf-8")
    calls = []

    def compute():
        calls.append(file.read_text(encoding="utf-8"))
        return calls[-1].upper()

    memo = Memo(tmp_path / "memo.pickle")
    assert memo.get(file, "s" * 64, compute) == "FIRST"
    assert memo.get(file, "s" * 64, compute) == "FIRST"
    assert calls == ["first"]
    assert memo.get(file, "t" * 64, compute) == "FIRST"  # another salt: computed again
    assert len(calls) == 2
    memo.save()
    again = Memo(tmp_path / "memo.pickle")  # a new process: the pickle answers
    assert again.get(file, "t" * 64, compute) == "FIRST"
    assert len(calls) == 2
    file.write_text("second!", encoding="utf-8")
    assert again.get(file, "t" * 64, compute) == "SECOND!"
    assert len(calls) == 3


def project_copy(tmp_path: Path) -> Path:
    """The fixture site copied to `tmp_path`, its theme folder given as an absolute path."""
    project = tmp_path / "project"
    shutil.copytree(SITE_FIXTURE, project, ignore=shutil.ignore_patterns(".cache"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("../../../overrides", str(OVERRIDES)), encoding="utf-8")
    return project


def edit_story(project: Path) -> None:
    """A new title (shown on cards in listings and related stories) and a new paragraph."""
    story = project / EDITED
    text = story.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", text, re.MULTILINE)
    text = text.replace(title.group(0), 'title: "Hollolan latu, muokattu otsikko"', 1)
    story.write_text(text + "\nTähän lisättiin kappale välimuistin testiä varten.\n",
                     encoding="utf-8")


def reused(caplog) -> tuple[int, int]:
    """The last build's "Build cache: X of Y generated pages reused" figures."""
    found = [re.search(r"Build cache: (\d+) of (\d+)", r.getMessage()) for r in caplog.records]
    last = [m for m in found if m][-1]
    return int(last.group(1)), int(last.group(2))


@pytest.mark.parametrize("command", ["build", "serve"])
def test_cached_build_after_an_edit_equals_a_clean_build(tmp_path, caplog, command):
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.generator.plugin")
    project = project_copy(tmp_path)
    cache = tmp_path / "cache"
    build_site(project, tmp_path / "first", command, cache=cache)
    assert reused(caplog)[0] == 0  # a cold cache
    edit_story(project)
    cached = build_site(project, tmp_path / "cached", command, cache=cache)
    hits, pages = reused(caplog)
    clean = build_site(project, tmp_path / "clean", command, cache=tmp_path / "fresh")
    assert reused(caplog)[0] == 0
    # (the preview indexes its search after the build, in the background: not compared)
    skip = ("pagefind/",) if command == "serve" else ()
    assert site_files(cached, skip=skip) == site_files(clean, skip=skip)
    page = (cached / "fi/tarinat/hollola-latu/index.html").read_text(encoding="utf-8")
    assert "Hollolan latu, muokattu otsikko" in page
    assert "Tähän lisättiin kappale välimuistin testiä varten." in page
    # The story page and every page showing its card were rendered again; the rest were not.
    assert 0 < hits < pages
    showing = [p for p in cached.rglob("index.html")
               if "Hollolan latu, muokattu otsikko" in p.read_text(encoding="utf-8")]
    assert len(showing) > 2  # the story page, its listings' cards, related stories


def indexed(caplog) -> tuple[str, str]:
    """The last build's bundles that Pagefind indexed, and those taken from the cache."""
    found = [re.search(r"Pagefind ran for (.*); from the build cache: (.*)$", r.getMessage())
             for r in caplog.records]
    last = [m for m in found if m][-1]
    return last.group(1), last.group(2)


def test_a_body_edit_of_a_finnish_only_story_indexes_only_the_finnish_bundle(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.generator.plugin")
    project = project_copy(tmp_path)
    cache = tmp_path / "cache"
    build_site(project, tmp_path / "first", cache=cache)
    assert indexed(caplog) == ("fi, sv", "none")
    # Its Swedish record holds its title, summary, organisation and terms, not its body.
    story = project / "content/stories/mikkeli-ruokapalvelut.fi.md"
    assert not story.with_name("mikkeli-ruokapalvelut.sv.md").exists()
    story.write_text(story.read_text(encoding="utf-8")
                     + "\nRuokalistaa kehitettiin asiakkaiden palautteen pohjalta.\n",
                     encoding="utf-8")
    cached = build_site(project, tmp_path / "cached", cache=cache)
    assert indexed(caplog) == ("fi", "sv")
    clean = build_site(project, tmp_path / "clean", cache=tmp_path / "fresh")
    assert indexed(caplog) == ("fi, sv", "none")
    assert site_files(cached, skip=()) == site_files(clean, skip=())
    assert "asiakkaiden palautteen pohjalta" in (
        cached / "fi/tarinat/mikkeli-ruokapalvelut/index.html").read_text(encoding="utf-8")
    # the cache keeps this build's two bundles; the first build's Finnish one is pruned
    assert len(list((cache / "search").iterdir())) == 2
    again = build_site(project, tmp_path / "again", cache=cache)  # nothing changed
    assert indexed(caplog) == ("none", "fi, sv")
    assert site_files(again, skip=()) == site_files(clean, skip=())


def test_the_preview_indexes_in_the_background_and_reuses_the_unchanged_language(tmp_path,
                                                                                   caplog):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    caplog.set_level(logging.INFO, logger="mkdocs.plugins.generator.plugin")
    project = project_copy(tmp_path)
    site = tmp_path / "preview"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins["generator"].config.cache_dir = str(tmp_path / "cache")
    plugin = config.plugins["generator"]
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
        plugin.background.thread.join(timeout=300)  # the preview's search, after the build
        assert indexed(caplog) == ("fi, sv", "none")
        assert (site / "pagefind/fi/pagefind-entry.json").is_file()
        story = project / "content/stories/mikkeli-ruokapalvelut.fi.md"
        story.write_text(story.read_text(encoding="utf-8") + "\nUusi kappale.\n",
                         encoding="utf-8")
        build(config, serve_url="http://127.0.0.1:8000/")  # the same plugin, as serve keeps it
        plugin.background.thread.join(timeout=300)
        assert indexed(caplog) == ("fi", "sv")
        assert (site / "pagefind/sv/pagefind-entry.json").is_file()
    finally:
        plugin.on_shutdown()


def test_a_build_without_the_cache_is_the_same(tmp_path):
    project = project_copy(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "per_page: 2", "per_page: 2\n      cache_dir: ''"), encoding="utf-8")
    plain = build_site(project, tmp_path / "plain", cache=tmp_path / "unused")
    cached = build_site(SITE_FIXTURE, tmp_path / "cached")
    assert not (tmp_path / "unused").exists()
    assert site_files(plain, skip=()) == site_files(cached, skip=())


def test_data_is_computed_once_for_the_same_content_and_inputs(tmp_path):
    from generator.build_cache import BuildCache

    calls = []

    def compute():
        calls.append(1)
        return {"feed.xml": b"<feed/>"}

    cache = BuildCache(tmp_path)
    assert cache.data("feeds", "https://a/", compute) == {"feed.xml": b"<feed/>"}
    assert BuildCache(tmp_path).data("feeds", "https://a/", compute) == {"feed.xml": b"<feed/>"}
    assert len(calls) == 1
    cache.data("feeds", "https://b/", compute)  # another site_url
    assert len(calls) == 2


def test_a_page_gone_from_the_cache_during_the_build_is_rendered(tmp_path, monkeypatch):
    first = build_site(SITE_FIXTURE, tmp_path / "first", cache=tmp_path / "cache")
    monkeypatch.setattr(PageCache, "get", lambda self, key: None)  # pruned by another build
    again = build_site(SITE_FIXTURE, tmp_path / "again", cache=tmp_path / "cache")
    assert site_files(again, skip=()) == site_files(first, skip=())


def test_recent_keeps_what_the_last_build_used():
    from generator.build_cache import Recent

    calls = []
    recent = Recent()

    def value(name):
        return lambda: calls.append(name) or name.upper()

    assert recent("a", value("a")) == "A" and recent("b", value("b")) == "B"
    recent.turn()
    assert recent("a", value("a")) == "A"  # from the build before
    recent.turn()
    recent.turn()  # "b" was not used by the build between: gone
    assert recent("b", value("b")) == "B"
    assert calls == ["a", "b", "b"]


def test_a_body_edit_ranks_no_related_stories_again(tmp_path, monkeypatch):
    from generator import related

    calls = []
    original = related.all_related
    monkeypatch.setattr(related, "all_related",
                        lambda *args: calls.append(1) or original(*args))
    project = project_copy(tmp_path)
    cache = tmp_path / "cache"
    build_site(project, tmp_path / "first", cache=cache)
    assert len(calls) == 1
    story = project / EDITED
    story.write_text(story.read_text(encoding="utf-8") + "\nUusi kappale.\n", encoding="utf-8")
    cached = build_site(project, tmp_path / "cached", cache=cache)
    assert len(calls) == 1  # the rankings came from the cache
    clean = build_site(project, tmp_path / "clean", cache=tmp_path / "fresh")
    assert len(calls) == 2
    assert site_files(cached, skip=()) == site_files(clean, skip=())
    page = (cached / "fi/tarinat/hollola-latu/index.html").read_text(encoding="utf-8")
    assert "Uusi kappale." in page


def test_stories_saved_without_writing_reach_the_file_on_flush(tmp_path):
    from generator.build_cache import BuildCache

    file = tmp_path / "a.md"
    file.write_text("first", encoding="utf-8")
    memo = Memo(tmp_path / DATABASE)
    assert memo.get(file, "s" * 64, lambda: "FIRST") == "FIRST"
    memo.save(write=False)  # the preview keeps them in memory between rebuilds
    assert Memo(tmp_path / DATABASE).get(file, "s" * 64, lambda: "again") == "again"
    memo.write()
    assert Memo(tmp_path / DATABASE).get(file, "s" * 64, lambda: "again") == "FIRST"
    cache = BuildCache(tmp_path / "cache")
    cache.stories.get(file, "s" * 64, lambda: "FIRST")
    cache.finish(None, prune=False, write=False)
    cache.flush()
    assert BuildCache(tmp_path / "cache").stories.get(file, "s" * 64, lambda: "x") == "FIRST"


def test_memo_kept_in_memory_is_written_when_asked(tmp_path):
    file = tmp_path / "a.md"
    file.write_text("first", encoding="utf-8")
    memo = Memo(tmp_path / "memo.pickle")
    memo.get(file, "s" * 64, lambda: "FIRST")
    memo.save(write=False)  # a preview rebuild: memory only
    assert Memo(tmp_path / "memo.pickle").get(file, "s" * 64, lambda: "NEW") == "NEW"
    assert memo.get(file, "s" * 64, lambda: "AGAIN") == "FIRST"
    memo.save(write=False)
    memo.write()  # the preview stops
    assert Memo(tmp_path / "memo.pickle").get(file, "s" * 64, lambda: "AGAIN") == "FIRST"


def counting_views(monkeypatch) -> list[str]:
    """The URLs of the generated pages whose views are built, in order, build after build."""
    import dataclasses

    from generator.plan import Planner

    built: list[str] = []
    original = Planner.generated

    def generated(self):
        for page in original(self):
            def view(page=page):
                built.append(page.url)
                return page.view()
            yield dataclasses.replace(page, view=view)

    monkeypatch.setattr(Planner, "generated", generated)
    return built


def built_once(tmp_path, caplog, monkeypatch) -> tuple[list[str], Path, Path, int]:
    """A first build of a project copy, counting views: (views built, project, cache, pages)."""
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.generator.plugin")
    built = counting_views(monkeypatch)
    project = project_copy(tmp_path)
    cache = tmp_path / "cache"
    build_site(project, tmp_path / "first", cache=cache)
    return built, project, cache, reused(caplog)[1]


def test_a_new_build_after_a_body_edit_builds_only_the_views_that_show_the_story(
        tmp_path, caplog, monkeypatch):
    built, project, cache, pages = built_once(tmp_path, caplog, monkeypatch)
    assert len(set(built)) == pages  # nothing kept yet: every view
    story = project / EDITED
    story.write_text(story.read_text(encoding="utf-8") + "\nUusi kappale.\n", encoding="utf-8")
    built.clear()
    cached = build_site(project, tmp_path / "cached", cache=cache)  # a new plugin, as a process
    again = set(built)
    clean = build_site(project, tmp_path / "clean", cache=tmp_path / "fresh")
    assert site_files(cached, skip=()) == site_files(clean, skip=())
    # Only pages that link to the edited story can show it; its own page is one of them.
    linking = {p.parent.relative_to(clean).as_posix() + "/" for p in clean.rglob("index.html")
               if "hollola-latu/" in p.read_text(encoding="utf-8")}
    assert "fi/tarinat/hollola-latu/" in again
    assert again <= linking
    assert len(again) < pages / 3


def test_a_new_build_after_a_theme_change_builds_every_view(tmp_path, caplog, monkeypatch):
    built, project, cache, pages = built_once(tmp_path, caplog, monkeypatch)
    old = "categories: [henkilostolahtoinen-tuloksellisuus, toimintakulttuuri]"
    for story in (project / EDITED, project / EDITED.replace(".fi.md", ".sv.md")):
        text = story.read_text(encoding="utf-8")
        assert old in text
        story.write_text(text.replace(old, "categories: [henkilostolahtoinen-tuloksellisuus, "
                                           "ymparisto]", 1), encoding="utf-8")
    built.clear()
    cached = build_site(project, tmp_path / "cached", cache=cache)
    assert len(set(built)) == reused(caplog)[1] == pages
    clean = build_site(project, tmp_path / "clean", cache=tmp_path / "fresh")
    assert site_files(cached, skip=()) == site_files(clean, skip=())


def test_page_keys_kept_by_a_build_come_back_and_junk_is_ignored(tmp_path):
    from generator.build_cache import BuildCache
    from generator.model import Entry
    from generator.page_keys import PageKeys

    cache = BuildCache(tmp_path)
    keys = PageKeys(cache.story_identity)
    keys.begin("shape", (Entry("a", ()),))
    assert keys.key("fi/x/", "salt", "t.html", "", lambda: ("a view",))[0] is not None
    keys.commit()
    cache.keep_page_keys(keys)
    cache.finish(None, prune=True)
    back = BuildCache(tmp_path).page_keys(PageKeys())
    assert back.state() == keys.state()
    assert not PageKeys().restored(("only", "two"))
    assert not PageKeys().restored("junk")


def test_compiled_templates_are_kept_for_the_next_build(tmp_path, monkeypatch):
    import jinja2

    build_site(SITE_FIXTURE, tmp_path / "first", cache=tmp_path / "cache")
    assert list((tmp_path / "cache" / "templates").iterdir())
    # the second build shows its pages from the cache: tori/cached.html is compiled then
    build_site(SITE_FIXTURE, tmp_path / "second", cache=tmp_path / "cache")
    compiled = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *a, **k: compiled.append(a[1:2]) or original(self, *a, **k))
    build_site(SITE_FIXTURE, tmp_path / "again", cache=tmp_path / "cache")
    assert compiled == []
