"""The `generator` MkDocs plugin: hooks only, each delegating to the pipeline modules."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from generator import csp, search, urls
from generator.admin import form_policy
from generator.config import GeneratorConfig
from generator.labels import for_lang
from generator.model import LANGS, Lang
from generator.pages import (
    ADMIN_TEMPLATE,
    FormUnavailable,
    Site,
    add_form,
    drop_form_assets,
    form_settings,
    material_strings,
    prepare,
    theme_stylesheets,
)
from generator.plan import Settings
from generator.problems import ContentError, format_problems
from generator.render_cache import card_html_global, once_global
from generator.validate import load_content

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class GeneratorPlugin(BasePlugin[GeneratorConfig]):
    """Turns content/ into the bilingual site of site.md in one MkDocs build."""

    def __init__(self) -> None:
        self.serving = False
        self.site: Site | None = None
        self.indexer: search.Indexer | None = None
        self.form = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts are shown only while an editor previews with `mkdocs serve`.
        self.serving = command == "serve"

    def on_config(self, config):
        # Our sitemap (with hreflang alternates) replaces MkDocs' own sitemap.xml(.gz).
        config.theme.static_templates.discard("sitemap.xml")
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
        drafts = self.serving if self.config.drafts is None else self.config.drafts
        content = load_content(Path(config.docs_dir), include_drafts=drafts)
        if content.problems:
            raise PluginError(format_problems(content.problems))
        opts = self.config
        settings = Settings(opts.per_page, opts.home_newest, opts.home_awarded, opts.related)
        try:
            self.site = prepare(files, config, content, settings)
        except ContentError as error:
            raise PluginError(format_problems(error.problems)) from None
        if self.form is None:
            drop_form_assets(files)
        else:
            try:
                add_form(files, config, content.vocab, self.form)
            except FormUnavailable as error:
                raise PluginError(str(error)) from None
        records = Path(opts.search_records) if opts.search_records else None
        if records is not None:
            try:  # refused before the build has written anything
                search.check_records_dir(records)
            except search.SearchIndexError as err:
                raise PluginError(str(err)) from None
        self.indexer = search.Indexer(Path(config.site_dir), records)
        return files

    def on_env(self, env, *, config, files):
        env.filters["absolute"] = lambda url: urls.absolute(config.site_url or "/", url or "")
        env.globals["tori_labels"] = {lang.value: for_lang(lang) for lang in LANGS}
        env.globals["tori_ui"] = material_strings(env)
        # Both footers, for the pages that belong to both languages (chooser, 404).
        env.globals["tori_menus"] = {lang.value: self.site.menus[lang] for lang in LANGS}
        env.globals["tori_card"] = card_html_global()  # a fresh cache each build
        env.globals["tori_once"] = once_global()
        env.globals["tori_csp"] = csp.PLACEHOLDER
        # The story bodies were rendered with the content: Pagefind indexes the stories on the
        # second core while MkDocs renders the templates.
        try:
            site = self.site
            self.indexer.start(site.search_records(site.bodies, config.site_url or "/"))
        except search.SearchIndexError as err:
            raise PluginError(str(err)) from None
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        template = self.site.template_for(page)
        if template:
            page.meta["template"] = template
        return markdown

    def on_page_context(self, context, *, page, config, nav):
        context.update(self.site.context_for(page) or {})
        return context

    def on_post_build(self, *, config):
        try:
            report = self.indexer.finish()
        except search.SearchIndexError as err:
            raise PluginError(str(err)) from err
        log.info("Pagefind indexed %s pages (%.1f s, beside the rest of the build)",
                 report.pages, report.seconds)

    def on_build_error(self, *, error):
        if self.indexer is not None:
            self.indexer.cancel()

    def on_post_page(self, output, *, page, config):
        untrusted = (page.content or "", self.site.body_of(page))
        output = self._with_policy(output, untrusted, wasm=self.site.is_search(page))
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
        return self._with_policy(output_content, ())

    def _with_policy(self, html: str, untrusted, *, wasm: bool = False) -> str:
        """The page with its Content-Security-Policy; `mkdocs serve` adds an inline reloader."""
        if self.serving:
            return csp.with_policy(html, csp.policy((), csp.PREVIEW_EXTRA))
        return csp.with_policy(html, csp.page_policy(html, untrusted, wasm=wasm))

    def on_template_context(self, context, *, template_name, config):
        # Theme pages such as 404.html have no page of their own: give them the Finnish frame.
        context.update(self.site.frame(Lang.FI) if self.site else {})
        if template_name == ADMIN_TEMPLATE:
            # form.js hands these to the preview pane, from /admin/.
            context["tori_form_styles"] = [f"../{css}" for css in theme_stylesheets(config)]
        return context
