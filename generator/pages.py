"""The only module that turns planned pages and generated data into MkDocs files."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator import urls
from generator.build_cache import BuildCache, PageCache, code_version, digest
from generator.cache_store import Store
from generator.content_pages import ContentPage
from generator.index import SiteIndex, build_index
from generator.labels import for_lang
from generator.loader import FILE
from generator.messages import msg
from generator.model import LANGS, Lang, group_entries
from generator.outputs import data_outputs
from generator.page_keys import PageKeys, structure
from generator.plan import Planned, Planner, Settings
from generator.problems import ContentError, Problem
from generator.views import ContentPageInfo, HomeView, Menu, PageView, menu

# Folders of content/ that the generator reads itself; MkDocs must not publish them as pages.
SOURCE_FOLDERS = ("stories/", "taxonomies/")


def src_uri(url: str) -> str:
    """The virtual source file of a generated page: "fi/teemat/" -> "fi/teemat/index.md"."""
    return f"{url}index.md"


def markdown(template: str, body: str) -> str:
    """A generated page's Markdown: our own front matter, so the body can't be read as meta.

    A page without a body gets no Markdown at all (its template is set by `Site.prepare`):
    MkDocs would parse a front matter per page with PyYAML's pure-Python loader.
    """
    return f"---\ntemplate: {template}\n---\n\n{body}" if body.strip() else ""


def is_source(file: File) -> bool:
    """Whether `file` is a story or vocabulary source rather than something to publish."""
    uri = file.src_uri
    if uri.startswith("taxonomies/"):
        return True
    return uri.startswith("stories/") and not uri.startswith("stories/images/")


def drop_sources(files: Files) -> None:
    """Remove story and vocabulary sources from the files MkDocs publishes."""
    for file in [f for f in files if is_source(f)]:
        files.remove(file)


class BodylessPage(Page):
    """A generated page without Markdown of its own (listings, overviews): nothing to convert."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        # MkDocs would build a Markdown converter per page just to turn "" into "".
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def add_pages(files: Files, config: MkDocsConfig,
              planned: Iterable[Planned]) -> dict[str, Planned]:
    """Add every planned page as an in-memory file; return src_uri -> planned page."""
    views = {}
    for page in planned:
        file = _page_file(config, page)
        files.append(file)
        if not page.markdown.strip():
            BodylessPage(None, file, config)  # becomes file.page; MkDocs then uses it
        views[file.src_uri] = page
    return views


def add_data(files: Files, config: MkDocsConfig, data: Mapping[str, bytes | str]) -> None:
    """Add generated non-page files (feeds, open data, sitemap) by destination path."""
    for path, content in sorted(data.items()):
        theirs = files.get_file_from_path(path)
        if theirs is not None:  # e.g. the theme's sitemap.xml template, copied as a plain file
            files.remove(theirs)
        files.append(File.generated(config, path, content=content))


def content_pages(
    files: Files, checked: Iterable[ContentPage]
) -> tuple[dict[tuple[Lang, str], ContentPageInfo], list[Problem]]:
    """The Markdown pages of content/fi and content/sv keyed by language and `key`.

    Their front matter was read and checked with the rest of the content (content_pages.py);
    a page MkDocs publishes that the check did not see is a problem, never published unchecked.
    """
    by_source = {page.source: page for page in checked}
    pages, problems = {}, []
    for file in files.documentation_pages():
        lang = _lang_of(file.src_uri)
        if lang is None or file.generated_by:
            continue
        page = by_source.get(file.src_uri)
        if page is None:
            where = os.path.relpath(file.abs_src_path) if file.abs_src_path else file.src_uri
            problems.append(Problem(where, 0, FILE, msg("page.not_checked"),
                                    msg("hint.page_folders")))
            continue
        pages[(lang, page.key)] = ContentPageInfo(
            lang, page.key, file.url, page.title, page.description
        )
    return pages, problems


def _lang_of(uri: str) -> Lang | None:
    head = uri.split("/", 1)[0]
    return next((lang for lang in LANGS if lang.value == head), None)


CACHED_TEMPLATE = "tori/cached.html"  # shows a page found in the build cache as it is


@dataclass
class Site:
    """What one build knows about its pages: views by source file, content pages, menus.

    With a page cache, a generated page whose key (salt, URL, template, Markdown, view) is
    found there is shown from it by CACHED_TEMPLATE instead of being rendered again; the
    others are rendered and stored once written.
    """

    planner: Planner
    views: dict[str, Planned]  # generated pages by source file
    content: dict[str, ContentPageInfo]  # by page URL
    menus: dict[Lang, Menu]
    cache: PageCache | None = None
    salt: str = ""  # the code, template, config and frame version the page keys start from
    _keys: dict[str, str] = field(default_factory=dict)  # src_uri -> key, to store or to read
    _views: dict[str, object] = field(default_factory=dict)  # views built for their keys
    reused: int = 0  # generated pages shown from the cache in this build
    _missing: set[str] = field(default_factory=set)  # found by prepare_page, gone when read
    # the keys found while planning (page_keys.PageKeys), None for a page without one
    _planned_keys: dict[str, str | None] = field(default_factory=dict)

    def is_search(self, page: Page) -> bool:
        """Whether `page` is a search page, which runs Pagefind's WebAssembly."""
        return page.url in {urls.search(lang) for lang in LANGS}

    def prepare_page(self, page: Page) -> None:
        """Set the page's template; look a generated page up in the cache."""
        info = self.content.get(page.url)
        if info is not None and not page.file.generated_by:
            page.meta["template"] = HomeView.template if info.key == "home" else PageView.template
            return
        planned = self.views.get(page.file.src_uri)
        if planned is None:
            return
        page.meta["template"] = planned.template
        uri = page.file.src_uri
        key = self._planned_keys.pop(uri, None)  # None: no cache, or a view it cannot key
        if key is None:
            return
        self._keys[uri] = key
        if self.cache.has(key):
            page.meta["template"] = CACHED_TEMPLATE
            self._views.pop(uri, None)
            self.reused += 1

    def planned_key(self, uri: str, key: str | None, view: object | None) -> None:
        """Note a generated page's key, found while planning, and its view if it was built."""
        self._planned_keys[uri] = key
        if view is not None:
            self._views[uri] = view

    def context_for(self, page: Page) -> dict[str, object] | None:
        """The template variables of `page`: its view, its language's labels and menu."""
        uri = page.file.src_uri
        if self.from_cache(page):
            html = self.cache.get(self._keys[uri])
            if html is not None:
                return {"tori_cached": html}
            # gone since prepare_page (another build pruned it): render the page after all
            self._missing.add(uri)
            planned = self.views[uri]
            return {**self._context(planned.view()), "tori_cached": None,
                    "tori_template": planned.template}
        info = self.content.get(page.url)
        if uri in self.views:
            view = self._views.pop(uri, None) or self.views[uri].view()
        elif info is not None and not page.file.generated_by:
            view = self.planner.content_view(info)
        else:
            return None
        return self._context(view)

    def _context(self, view) -> dict[str, object]:
        return {**self.frame(view.head.lang), "tori": view}

    def from_cache(self, page: Page) -> bool:
        """Whether `page` is shown from the cache: its output is final, as it was written."""
        return (page.meta.get("template") == CACHED_TEMPLATE
                and page.file.src_uri not in self._missing)

    def store(self, page: Page, output: str) -> None:
        """Keep a rendered generated page in the cache under its key."""
        key = self._keys.pop(page.file.src_uri, None)
        if key is not None and not self.from_cache(page):
            self.cache.put(key, output)

    def leave_to_worker(self, pages: Iterable[Page]) -> None:
        """Build process: the page worker renders `pages`; they render empty here."""
        for page in pages:
            key = self._keys.pop(page.file.src_uri, None)
            if key is not None:  # stored (or reused) by the worker: not to be pruned
                self.cache.used.add(key)
            self._views.pop(page.file.src_uri, None)
            page.meta["template"] = CACHED_TEMPLATE

    def in_worker(self) -> None:
        """Page worker, first thing: a connection of its own to the cache's file."""
        if self.cache is not None:
            self.cache.store = Store(self.cache.store.path)

    def worker_done(self) -> None:
        """Page worker, last thing: write the pages it stored."""
        if self.cache is not None:
            self.cache.flush()

    def frame(self, lang: Lang) -> dict[str, object]:
        """The variables the page frame (header, menu, footer) needs in `lang`."""
        return {"tori": None, "t": for_lang(lang), "tori_menu": self.menus[lang],
                "tori_search_url": urls.search(lang)}


def prepare(files: Files, config: MkDocsConfig, content, settings: Settings,
            cache: PageCache | None = None, keep=None, mode: str = "build",
            unchanged: Callable[[str, str], bool] | None = None, remember=None,
            keys: PageKeys | None = None, ranked=None,
            indexed: Callable[[SiteIndex], None] | None = None) -> Site:
    """Replace sources with generated pages and data files; return what templates need.

    `mode` ("build" or "serve") is part of the page cache's keys: the preview differs. The
    preview passes `unchanged` (preview.Preview), `remember` (build_cache.Recent) and `keys`;
    the build passes `ranked(index, limit)`, every story's related stories at once
    (build_cache.related), and `keys` as the last build kept them (build_cache.page_keys).
    `indexed(index)` is called once the stories are indexed, before the pages are planned.
    """
    if cache is not None and keys is None:  # nothing kept from an earlier build
        keys = PageKeys()
    drop_sources(files)
    pages, problems = content_pages(files, content.pages)
    if problems:
        raise ContentError(problems)
    index = build_index(group_entries(content.stories), content.vocab)
    if indexed is not None:
        indexed(index)
    related_slugs = ranked(index, settings.related) if ranked is not None else None
    planner = Planner(index, pages, settings, related_slugs)
    shape = None
    if remember is not None or keys is not None:
        shape = structure(index.entries, repr(content.vocab), repr(settings))
    if remember is not None:
        planner.remember = lambda name, compute: remember((name, shape), compute)
    planned = list(planner.generated())
    add_data(files, config, data_outputs(planner, planned, pages.values(), config.site_url,
                                         keep, remember, shape))
    menus = {lang: menu(lang, pages) for lang in LANGS}
    salt = ""
    if cache is not None:
        salt = digest(code_version(config.theme.dirs), config_fingerprint(config), mode,
                      repr(menus), repr(sorted(pages.items())))
    site = Site(
        planner=planner,
        views={},
        content={info.url: info for info in pages.values()},
        menus=menus,
        cache=cache,
        salt=salt,
    )
    if cache is not None and unchanged is not None and keys is not None:
        keys.begin(shape, index.entries)
        site.views = add_preview_pages(files, config, planned, site, keys, unchanged)
        keys.commit()
    else:
        site.views = add_pages(files, config, planned)
        planner.page_urls = frozenset(f.url for f in files.documentation_pages())
        if cache is not None and keys is not None:
            plan_keys(site, keys, shape, index.entries)
    return site


def plan_keys(site: Site, keys: PageKeys, shape: str, entries) -> None:
    """Build: every generated page's key, reusing the last build's for a page that shows no
    changed story (its view is built only when its key is not known)."""
    keys.begin(shape, entries)
    for uri, page in site.views.items():
        site.planned_key(uri, *keys.key(page.url, site.salt, page.template, page.markdown,
                                        page.view))
    keys.commit()


def add_preview_pages(files: Files, config: MkDocsConfig, planned: list[Planned], site: Site,
                      keys: PageKeys, unchanged: Callable[[str, str], bool]) -> dict[str, Planned]:
    """Serve: add every planned page; one whose file on disk already holds it is excluded.

    MkDocs reads, renders and writes no excluded page, and leaves its file alone; links from
    Markdown pages to it still resolve. Returns src_uri -> planned page, as add_pages.
    """
    where = (config.site_dir, config.docs_dir, config.use_directory_urls)
    excluded = keys.files[1] if keys.files[0] == where else {}
    made = [(page, excluded.get(page.url) or _page_file(config, page)) for page in planned]
    site.planner.page_urls = frozenset(
        [f.url for f in files.documentation_pages()] + [file.url for _, file in made])
    views, keys.files = {}, (where, {})
    for page, file in made:
        key, view = keys.key(file.url, site.salt, page.template, page.markdown, page.view)
        if key is not None and unchanged(file.dest_uri, key):
            file.inclusion = InclusionLevel.EXCLUDED
            keys.files[1][page.url] = file  # as it is: excluded, no page, its Markdown unread
            files.append(file)
            views[file.src_uri] = page
            site.reused += 1
            continue
        if file.inclusion is InclusionLevel.EXCLUDED:  # kept last time: a fresh file
            file = _page_file(config, page)
        files.append(file)
        views[file.src_uri] = page
        if not page.markdown.strip():
            BodylessPage(None, file, config)
        site.planned_key(file.src_uri, key, view)
    return views


def _page_file(config: MkDocsConfig, page: Planned) -> File:
    """The in-memory source file of a planned page, out of the navigation as every story."""
    return File.generated(config, src_uri(page.url), content=markdown(page.template, page.markdown),
                          inclusion=InclusionLevel.NOT_IN_NAV)


# What of the config a page's HTML may depend on, besides the templates and the content.
CONFIG_KEYS = ("site_name", "site_url", "site_description", "site_author", "copyright",
               "repo_url", "repo_name", "edit_uri", "extra", "extra_css", "extra_javascript",
               "markdown_extensions", "mdx_configs", "use_directory_urls", "docs_dir")


def config_fingerprint(config: MkDocsConfig) -> str:
    """The config values and theme options that templates and Markdown read, as text."""
    values = {key: config.get(key) for key in CONFIG_KEYS}
    values["theme"] = {"name": config.theme.name, "dirs": list(config.theme.dirs),
                       **dict(config.theme.items())}
    values["plugins"] = {name: dict(plugin.config) for name, plugin in config.plugins.items()
                         if hasattr(plugin, "config")}
    return json.dumps(_plain(values), sort_keys=True)


def _plain(value: object) -> object:
    """`value` as JSON-ready data in a fixed order (sets sorted: their order varies by run)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_plain(v)) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


_KEY = re.compile(r'^\s*"([a-z0-9_.]+)":', re.MULTILINE)


def material_strings(env) -> dict[str, dict[str, str]]:
    """Material's UI strings for each language of the site, looked up once per build.

    Material's language partials rebuild a dict of every string on each `t()` call; a page
    makes a dozen calls, so reading them once keeps rendering cheap.
    """
    loader = env.loader
    source = loader.get_source(env, "partials/languages/en.html")[0]
    keys = _KEY.findall(source)
    fallback = env.get_template("partials/languages/en.html").module
    table = {}
    for lang in LANGS:
        module = env.get_template(f"partials/languages/{lang.value}.html").module
        table[lang.value] = {k: str(module.t(k) or fallback.t(k) or k) for k in keys}
    return table


DEFAULT_CACHE = ".cache/tori"


def cache_for(config: MkDocsConfig, option: str | None,
              current: BuildCache | None) -> BuildCache | None:
    """The build cache the config asks for: `current` if it is the same folder."""
    if option == "":
        return None
    base = Path(config.config_file_path or ".").resolve().parent
    folder = base / (option or DEFAULT_CACHE)
    if current is not None and current.folder == folder:
        return current
    return BuildCache(folder)
