"""The page worker: a build that renders half its pages in a second process is the same build."""

from __future__ import annotations

import logging
import re

import pytest
from sitebuild import SITE_FIXTURE, build_site, site_files
from test_build_cache import edit_story, project_copy

from generator import plugin
from generator.page_worker import split


def worker_pages(caplog) -> int:
    """How many pages the last build's worker rendered (0 if none ran)."""
    found = [re.search(r"A second process rendered (\d+) of the pages", r.getMessage())
             for r in caplog.records]
    return int([m for m in found if m][-1].group(1)) if any(found) else 0


def test_split_takes_every_second_page_of_each_kind():
    class Page:
        def __init__(self, name, cached):
            self.name, self.cached = name, cached

    pages = [Page("a", False), Page("b", True), Page("c", False), Page("d", False),
             Page("e", True), Page("f", True), Page("g", True)]
    share = split(pages, lambda p: p.cached)
    assert [p.name for p in share] == ["c", "e", "g"]


@pytest.mark.parametrize("cached", [False, True])
def test_a_build_with_the_page_worker_equals_one_without(tmp_path, caplog, monkeypatch, cached):
    caplog.set_level(logging.INFO)
    project = project_copy(tmp_path)
    cache = tmp_path / "cache"
    if cached:  # a cache from before an edit: the worker renders some pages, reads others
        build_site(project, tmp_path / "first", cache=cache)
        edit_story(project)
    monkeypatch.setattr(plugin, "MIN_PAGES", 1)
    shared = build_site(project, tmp_path / "shared", cache=cache)
    assert worker_pages(caplog) > 10
    assert not [r for r in caplog.records if r.getMessage().startswith("Page skipped")]
    monkeypatch.setattr(plugin, "MIN_PAGES", 10**9)  # (the plugin instance is kept: it forgets)
    caplog.clear()
    alone = build_site(project, tmp_path / "alone", cache=tmp_path / "fresh")
    assert worker_pages(caplog) == 0
    assert site_files(shared, skip=()) == site_files(alone, skip=())
    # The worker stored its pages in the cache too: a third build renders nothing again.
    caplog.clear()
    again = build_site(project, tmp_path / "again", cache=cache)
    hits = [re.search(r"Build cache: (\d+) of (\d+)", r.getMessage()) for r in caplog.records]
    reused, pages = next(m for m in hits if m).groups()
    assert reused == pages
    assert site_files(again, skip=()) == site_files(alone, skip=())


def test_a_failing_page_in_the_worker_fails_the_build(tmp_path, monkeypatch):
    from mkdocs.exceptions import Abort, PluginError

    monkeypatch.setattr(plugin, "MIN_PAGES", 1)
    original = plugin.GeneratorPlugin.on_post_page

    def broken(self, output, *, page, config):
        if page.url.endswith("hollola-latu/") and not self.worker.pages:  # in the worker only
            raise ValueError("a page that cannot be written")
        return original(self, output, page=page, config=config)

    monkeypatch.setattr(plugin.GeneratorPlugin, "on_post_page", broken)
    with pytest.raises((PluginError, Abort)):
        build_site(SITE_FIXTURE, tmp_path / "site", cache=tmp_path / "cache")
