"""The `generator` MkDocs plugin: hooks only, each delegating to the pipeline modules."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import _build_page  # the page worker renders with MkDocs' own step
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel

from generator import csp, search, urls
from generator.admin import form_policy
from generator.build_cache import BuildCache, PageCache
from generator.config import GeneratorConfig
from generator.form_files import (
    ADMIN_TEMPLATE,
    FormUnavailable,
    add_form,
    drop_form_assets,
    form_settings,
    theme_stylesheets,
)
from generator.labels import for_lang
from generator.model import LANGS, Lang
from generator.page_keys import PageKeys
from generator.page_worker import MIN_PAGES, PageWorker, split, usable_cores
from generator.pages import Site, cache_for, material_strings, prepare
from generator.plan import Settings
from generator.preview import Preview, template_cache, watch_by_notification
from generator.problems import ContentError, format_problems
from generator.render_cache import card_html_global, once_global
from generator.validate import load_content

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class GeneratorPlugin(BasePlugin[GeneratorConfig]):
    """Turns content/ into the bilingual site of site.md in one MkDocs build."""

    def __init__(self) -> None:
        # MkDocs keeps this instance across `mkdocs serve` rebuilds (it has on_startup), and
        # with it the build cache's loaded stories.
        self.serving = False
        self.site: Site | None = None
        self.indexer: search.Indexer | None = None
        self.form = None
        self.cache: BuildCache | None = None
        self.pages: PageCache | None = None
        self.records = None  # serve: the search records, indexed after the build
        self.background = search.Background(on_done=_indexed)
        self.preview = Preview()  # serve: the files of the last preview build
        self.keys = PageKeys()  # serve: the page keys of the last preview build
        self.build_keys: PageKeys | None = None  # build: the last build's, from the cache
        self.templates = template_cache()  # serve: compiled templates
        self.outputs: list[str] = []  # serve: every destination of this build's files
        self.rebuilding = False  # serve: a build of this process has succeeded before
        self.dirty = False
        self.nav = None
        self.worker = PageWorker()  # build: renders a share of the pages on the second core

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts are shown only while an editor previews with `mkdocs serve`.
        self.serving = command == "serve"
        self.dirty = dirty

    def recent(self):
        """Serve: single feeds and open-data rows kept between rebuilds."""
        return self.cache.recent if self.serving and self.cache else None

    def on_pre_build(self, *, config):
        # Before MkDocs empties the site folder: stop indexing the previous preview, and hide
        # the preview's files so that what did not change stays (put back in on_files).
        self.background.cancel(wait=False)  # it removes its records on its own
        if self.serving:
            self.preview.hide(Path(config.site_dir))

    def on_serve(self, server, *, config, builder):
        watch_by_notification(server)  # a save is noticed at once, not at the next poll
        return server

    def on_shutdown(self) -> None:
        self.background.cancel()
        if self.cache is not None:
            self.cache.flush()

    def on_config(self, config):
        # Our sitemap (with hreflang alternates) replaces MkDocs' own sitemap.xml(.gz).
        config.theme.static_templates.discard("sitemap.xml")
        self.cache = cache_for(config, self.config.cache_dir, self.cache)
        try:
            self.form = form_settings(config)
        except FormUnavailable as error:
            raise PluginError(str(error)) from None
        if self.form is not None:  # the editors' web form at /admin/
            config.theme.static_templates.add(ADMIN_TEMPLATE)
        return config

    # Run early so other plugins see the generated pages in the files collection.
    @event_priority(50)
    def on_files(self, files, *, config):
        if self.serving:
            self.preview.unhide(Path(config.site_dir))
        drafts = self.serving if self.config.drafts is None else self.config.drafts
        if self.cache is None:
            content = load_content(Path(config.docs_dir), include_drafts=drafts)
        else:
            # A build loads on every core it may use (nothing else runs yet); the preview
            # loads only what changed, and forks nothing beside its server's threads.
            workers = 1 if self.serving else usable_cores()
            content = self.cache.load_content(Path(config.docs_dir), include_drafts=drafts,
                                              workers=workers)
        if content.problems:
            raise PluginError(format_problems(content.problems))
        opts = self.config
        settings = Settings(opts.per_page, opts.home_newest, opts.home_awarded, opts.related)
        records = Path(opts.search_records) if opts.search_records else None
        if records is not None:
            try:  # refused before the build has written anything
                search.check_records_dir(records)
            except search.SearchIndexError as err:
                raise PluginError(str(err)) from None
        bundles = self.cache.folder / search.CACHE if self.cache else None
        self.indexer = search.Indexer(Path(config.site_dir), records, bundles,
                                      write_ahead=not self.serving)
        try:
            self.pages = self.cache.pages() if self.cache else None
            # The preview's rebuilds keep feeds and open data in memory (recent()): after an
            # edit the files' copy would be new each time, 20 MB a save at 10 000 stories.
            keep = self.cache.data if self.cache and not self.rebuilding else None
            if self.cache is not None and not self.serving:
                self.build_keys = self.cache.page_keys(PageKeys(self.cache.story_identity))
            self.site = prepare(files, config, content, settings, self.pages, keep,
                                mode="serve" if self.serving else "build",
                                unchanged=self.preview.unchanged if self.serving else None,
                                remember=self.recent(),
                                keys=self.keys if self.serving else self.build_keys,
                                ranked=self.cache.related if self.cache and not self.serving
                                else None,
                                indexed=None if self.serving else self._index_stories(config))
        except ContentError as error:
            raise PluginError(format_problems(error.problems)) from None
        if self.form is None:
            drop_form_assets(files)
        else:
            try:
                add_form(files, config, content.vocab, self.form, self.recent())
            except FormUnavailable as error:
                raise PluginError(str(error)) from None
        return files

    def _index_stories(self, config):
        """Build: Pagefind indexes the stories once they are indexed, on the core that the
        planning of the pages leaves idle."""
        def start(index) -> None:
            try:
                self.indexer.start(search.site_records(index.entries, index.vocab,
                                                       config.site_url or "/"))
            except search.SearchIndexError as err:
                raise PluginError(str(err)) from None
        return start

    def on_env(self, env, *, config, files):
        if self.serving:
            env.bytecode_cache = self.templates
        elif self.cache is not None:
            env.bytecode_cache = self.cache.compiled_templates()
        env.filters["absolute"] = lambda url: urls.absolute(config.site_url or "/", url or "")
        env.globals["tori_labels"] = {lang.value: for_lang(lang) for lang in LANGS}
        env.globals["tori_ui"] = material_strings(env)
        # Both footers, for the pages that belong to both languages (chooser, 404).
        env.globals["tori_menus"] = {lang.value: self.site.menus[lang] for lang in LANGS}
        env.globals["tori_card"] = card_html_global()  # a fresh cache each build
        env.globals["tori_once"] = once_global()
        env.globals["tori_csp"] = csp.PLACEHOLDER
        with self.indexer.no_start():  # the worker holds no end of Pagefind's pipes
            self._start_worker(env, config, files)
        if self.serving:  # the preview shows the edit first and indexes afterwards
            index = self.site.planner.index
            self.records = search.site_records(index.entries, index.vocab, config.site_url or "/")
            self.outputs = [f.dest_uri for f in files]
            self.preview.keep_static(files)
        return env

    def on_nav(self, nav, *, config, files):
        self.nav = nav  # the page worker renders with it
        return nav

    def _start_worker(self, env, config, files) -> None:
        """Build: a forked process renders a share of the pages (generator/page_worker.py)."""
        if self.serving or self.dirty or usable_cores() < 2:
            return
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        if len(doc_files) < MIN_PAGES:
            return
        share = split([f.page for f in doc_files], self.site.from_cache)

        def render(page) -> None:
            _build_page(page, config, doc_files, self.nav, env,
                        excluded=page.file.inclusion.is_excluded())

        if self.worker.start(share, render, before=self.site.in_worker,
                             after=self.site.worker_done):
            self.site.leave_to_worker(share)

    def on_page_markdown(self, markdown, *, page, config, files):
        self.site.prepare_page(page)  # its template, or the cached page
        return markdown

    def on_page_context(self, context, *, page, config, nav):
        if self.worker.owns(page):  # rendered and written by the page worker
            context["tori_cached"] = ""
            return context
        context.update(self.site.context_for(page) or {})
        return context

    def on_post_build(self, *, config):
        try:
            self.worker.finish()
        except RuntimeError as error:
            raise PluginError(str(error)) from None
        if self.serving:
            self.rebuilding = True
            self.preview.finish(Path(config.site_dir), self.outputs)
            self.background.start(self.indexer, self.records)
            self.records = None
        else:
            try:
                report = self.indexer.finish()
            except search.SearchIndexError as err:
                raise PluginError(str(err)) from err
            _indexed(report)
            if self.cache is not None:  # the preview's bundles (its own site_url) prune nothing
                self.indexer.prune()
                if self.build_keys is not None:
                    self.cache.keep_page_keys(self.build_keys)
        if self.cache is not None:
            log.info("Build cache: %d of %d generated pages reused", self.site.reused,
                     len(self.site.views))
            # `mkdocs serve` builds with its own site_url: its pages must not prune the build's;
            # it writes the loaded stories when it stops (writing took 0.5 s at 10 000 stories)
            self.cache.finish(self.pages, prune=not self.serving, write=not self.serving)

    def on_build_error(self, *, error):
        self.worker.cancel()
        self.preview.fail()
        self.keys.fail()
        if self.indexer is not None:
            self.indexer.cancel()

    @event_priority(-100)  # last, so the cache keeps the page as it is written
    def on_post_page(self, output, *, page, config):
        if self.worker.owns(page):  # empty output: MkDocs writes nothing; the worker does
            page.markdown = page.content = None
            return ""
        if not self.site.from_cache(page):  # a cached page was stored with its policy
            output = self._with_policy(output, wasm=self.site.is_search(page))
            self.site.store(page, output)
        # The page is written next; dropping its Markdown and HTML keeps memory flat on big sites.
        page.markdown = page.content = None
        return output

    def on_post_template(self, output_content, *, template_name, config):
        # Theme pages of their own (404.html) get the policy too.
        if not template_name.endswith(".html"):
            return output_content
        if template_name == ADMIN_TEMPLATE:  # the editors' form has a policy of its own
            extra = csp.PREVIEW_EXTRA if self.serving else None
            return csp.with_policy(output_content, form_policy(self.form, extra))
        return self._with_policy(output_content)

    def _with_policy(self, html: str, *, wasm: bool = False) -> str:
        """The page with its Content-Security-Policy; `mkdocs serve` adds an inline reloader."""
        if self.serving:
            return csp.with_policy(html, csp.policy((), csp.PREVIEW_EXTRA))
        return csp.with_policy(html, csp.page_policy(html, wasm=wasm))

    def on_template_context(self, context, *, template_name, config):
        # Theme pages such as 404.html have no page of their own: give them the Finnish frame.
        context.update(self.site.frame(Lang.FI) if self.site else {})
        if template_name == ADMIN_TEMPLATE:
            # form.js hands these to the preview pane, from /admin/.
            context["tori_form_styles"] = [f"../{css}" for css in theme_stylesheets(config)]
        return context


def _indexed(report: search.IndexReport) -> None:
    # The first figure is what the build waited for (bench/compare.py reads it).
    log.info("Pagefind indexed %s pages (%.1f s waited for, %.1f s beside the rest of the"
             " build): Pagefind ran for %s; from the build cache: %s", report.pages,
             report.waited, report.seconds, ", ".join(report.ran) or "none",
             ", ".join(report.reused) or "none")
