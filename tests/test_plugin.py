"""Tests for the plugin's hooks: validation in the build, drafts, options, theme sitemap."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sitebuild import SITE_FIXTURE, build_site

from generator import cli, csp
from generator.problems import format_problems
from generator.search import runner as search_index
from generator.validate import load_content


def copy_fixture(tmp_path):
    project = tmp_path / "site"
    shutil.copytree(SITE_FIXTURE, project)
    overrides = str(SITE_FIXTURE.parents[2] / "overrides")
    config = (SITE_FIXTURE / "mkdocs.yml").read_text().replace("../../../overrides", overrides)
    (project / "mkdocs.yml").write_text(config)
    return project


def break_story(project):
    story = project / "content" / "stories" / "vantaa-ollaanihmisiksi.fi.md"
    story.write_text(story.read_text().replace("categories: [viestinta]",
                                               "categories: [viestintä, digitalisointi]"))


def test_bad_content_fails_the_build_with_the_checkers_messages(tmp_path, caplog):
    project = copy_fixture(tmp_path)
    break_story(project)
    expected = format_problems(load_content(project / "content").problems)
    assert "digitalisointi" in expected
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project, tmp_path / "out")
    assert expected in caplog.text


def test_the_builds_error_is_exactly_what_tori_check_prints(tmp_path, caplog, capsys,
                                                            monkeypatch):
    project = copy_fixture(tmp_path)
    break_story(project)
    swedish = next((project / "content" / "stories").glob("*.sv.md"))
    swedish.write_text(swedish.read_text().replace("title:", "titel:", 1))
    monkeypatch.chdir(project)
    assert cli.main(["check"]) == 1
    checked = capsys.readouterr().out
    # Each story's problems in its own language, the same text in the build.
    assert "tuntematon teema 'digitalisointi'" in checked
    assert f"{swedish.name}:1: title: obligatoriskt fält saknas" in checked
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project, tmp_path / "out")
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert f"{errors[0]}\n" == checked


def test_a_broken_content_page_fails_the_build_as_tori_check_reports_it(tmp_path, caplog):
    project = copy_fixture(tmp_path)
    page = project / "content" / "fi" / "tietoa-palvelusta.md"
    page.write_text(page.read_text().replace("key: about", "key: about\nhide: [toc]"))
    break_story(project)
    expected = format_problems(load_content(project / "content").problems)
    assert ("content/fi/tietoa-palvelusta.md:5: hide: tuntematon kenttä sisältösivulla"
            in expected)
    assert "digitalisointi" in expected  # the story's problem too: all reported at once
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project, tmp_path / "out")
    assert expected in caplog.text


def test_the_command_line_build_reports_problems_without_a_traceback(tmp_path):
    project = copy_fixture(tmp_path)
    break_story(project)
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "o")],
        cwd=project, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 1
    assert "vantaa-ollaanihmisiksi.fi.md" in run.stderr and "digitalisointi" in run.stderr
    assert "Traceback" not in run.stderr


def test_drafts_option_overrides_the_command(tmp_path):
    project = copy_fixture(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("home_awarded: 2", "home_awarded: 2\n"
                                                 "      drafts: true"))
    site = build_site(project, tmp_path / "out")
    assert (site / "fi/tarinat/luonnos-tarina/index.html").is_file()


def test_options_have_the_site_defaults_and_are_typed():
    config = load_config(str(SITE_FIXTURE.parents[2] / "mkdocs.yml"))
    options = config.plugins["generator"].config
    assert (options.per_page, options.home_newest, options.related) == (20, 6, 4)
    assert options.drafts is None
    from generator.config import GeneratorConfig

    bad = GeneratorConfig()
    bad.load_dict({"per_page": "twenty"})
    failed, _ = bad.validate()
    assert [name for name, _ in failed] == ["per_page"]


def test_theme_sitemap_is_not_rendered():
    config = load_config(str(SITE_FIXTURE / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    assert "sitemap.xml" not in config.theme.static_templates
    assert "404.html" in config.theme.static_templates


def _policies(site) -> dict[str, str]:
    """The Content-Security-Policy of every built HTML page, by path."""
    found = {}
    for page in site.rglob("*.html"):
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
                          page.read_text(encoding="utf-8"))
        found[page.relative_to(site).as_posix()] = match.group(1) if match else ""
    return found


def test_every_built_page_carries_a_policy_with_hashes_of_its_own_inline_scripts(tmp_path):
    site = build_site(SITE_FIXTURE, tmp_path / "out")
    policies = _policies(site)
    assert "404.html" in policies and "fi/haku/index.html" in policies
    for path, text in policies.items():
        assert text.startswith("default-src 'self'; script-src 'self'"), path
        page = (site / path).read_text(encoding="utf-8")
        for script in csp.inline_scripts(page):
            assert csp.script_hash(script) in text, path
        assert ("'wasm-unsafe-eval'" in text) == (path in ("fi/haku/index.html",
                                                           "sv/sok/index.html")), path


def test_a_script_written_into_a_markdown_content_page_gets_no_hash(tmp_path):
    # Content pages are not sanitised (maintainers write them), but a pull request can still
    # carry a script into one: the policy must not vouch for it, nor for one that a fake
    # </article> tries to move out of the content region.
    project = copy_fixture(tmp_path)
    page = project / "content" / "fi" / "tietoa-palvelusta.md"
    head, body = page.read_text(encoding="utf-8").split("\n---\n", 1)
    body = ("<script>alert('in content')</script>\n\n"
            "<div></article><script>alert('after a fake end')</script></div>\n\n" + body)
    page.write_text(f"{head}\n---\n{body}", encoding="utf-8")
    site = build_site(project, tmp_path / "out")
    html = (site / "fi" / "tietoa-palvelusta" / "index.html").read_text(encoding="utf-8")
    assert "alert('in content')" in html and "alert('after a fake end')" in html
    text = _policies(site)["fi/tietoa-palvelusta/index.html"]
    assert csp.script_hash("alert('in content')") not in text
    assert csp.script_hash("alert('after a fake end')") not in text
    assert text.count("'sha256-") >= 1  # the frame's own scripts still run


def test_the_serve_preview_allows_its_live_reload_script(tmp_path):
    site = build_site(SITE_FIXTURE, tmp_path / "serve", command="serve")
    text = _policies(site)["fi/index.html"]
    assert "script-src 'self' 'unsafe-inline';" in text and "sha256" not in text


def with_search_records(project, folder):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "home_awarded: 2", f"home_awarded: 2\n      search_records: {folder}"))


def test_search_records_in_a_foreign_folder_fail_the_build_and_delete_nothing(tmp_path, caplog):
    project = copy_fixture(tmp_path)
    notes = tmp_path / "notes"
    (notes / "sub").mkdir(parents=True)
    (notes / "keep.txt").write_text("do not lose me", encoding="utf-8")
    with_search_records(project, notes)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project, tmp_path / "out")
    assert f"search_records: {notes} holds files that the build did not make" in caplog.text
    assert (notes / "keep.txt").read_text(encoding="utf-8") == "do not lose me"
    assert sorted(p.name for p in notes.iterdir()) == ["keep.txt", "sub"]


def test_search_records_folder_made_by_the_build_is_reused(tmp_path):
    project = copy_fixture(tmp_path)
    records = tmp_path / "records"
    with_search_records(project, records)
    build_site(project, tmp_path / "out")
    assert (records / search_index.MARKER).is_file()
    first = sorted(p.relative_to(records) for p in records.rglob("index.html"))
    assert first  # the fixture's stories
    build_site(project, tmp_path / "out")  # the second build takes its own folder again
    assert sorted(p.relative_to(records) for p in records.rglob("index.html")) == first


def test_pagefind_starts_before_the_pages_are_planned_and_a_failure_stops_it(tmp_path,
                                                                             monkeypatch):
    from generator import plan
    from generator.loader import FILE
    from generator.messages import msg
    from generator.problems import ContentError, Problem

    events = []
    start, generated = search_index.Indexer.start, plan.Planner.generated
    cancel = search_index.Indexer.cancel

    def starting(self, records):
        events.append("index")
        return start(self, records)

    def planning(self):
        events.append("plan")
        return generated(self)

    monkeypatch.setattr(search_index.Indexer, "start", starting)
    monkeypatch.setattr(plan.Planner, "generated", planning)
    build_site(SITE_FIXTURE, tmp_path / "site")
    # Pagefind indexes on the second core while the one core plans the pages.
    assert events == ["index", "plan"]
    assert (tmp_path / "site" / search_index.BUNDLE / "fi" / search_index.ENTRY).is_file()

    def failing(self):  # planning fails after Pagefind started: Pagefind is stopped
        events.append("plan")
        raise ContentError([Problem("content/fi/x.md", 0, FILE, msg("page.not_checked"))])

    def cancelling(self):
        events.append("cancel")
        return cancel(self)

    monkeypatch.setattr(plan.Planner, "generated", failing)
    monkeypatch.setattr(search_index.Indexer, "cancel", cancelling)
    events.clear()
    with pytest.raises(Abort):
        build_site(SITE_FIXTURE, tmp_path / "broken")
    assert events == ["index", "plan", "cancel"]
