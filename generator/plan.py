"""Every page of the site: which URLs exist and, lazily, the view each one renders."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, partial
from typing import TypeVar

from generator import charts, search, urls
from generator.cards import Card, CardBook, award_name, format_day
from generator.feeds import published
from generator.index import SiteIndex
from generator.labels import (
    KIND_DESCRIPTIONS,
    KIND_LABELS,
    KIND_SINGULAR,
    award_kind_label,
    count_label,
    label,
)
from generator.model import LANGS, Entry, Kind, Lang, Term
from generator.paginate import paginate
from generator.related import related
from generator.statistics import Statistics, compute
from generator.views import (
    X_DEFAULT,
    Alternate,
    AwardStories,
    ContentPageInfo,
    Fact,
    Group,
    Head,
    HomeView,
    Link,
    ListingView,
    Other,
    OverviewView,
    PageView,
    StatisticsView,
    StoryView,
    alternates,
    both,
    make_head,
)

T = TypeVar("T")
OVERVIEW_KINDS = (Kind.CATEGORY, Kind.REGION, Kind.MUNICIPALITY, Kind.SECTOR, Kind.CLIENT_GROUP,
                  Kind.AWARD)
FACT_KINDS = (Kind.MUNICIPALITY, Kind.REGION, Kind.SECTOR, Kind.CLIENT_GROUP, Kind.CATEGORY,
              Kind.AWARD)


@dataclass(frozen=True)
class Settings:
    """Sizes of the lists on generated pages."""

    per_page: int = 20
    home_newest: int = 6
    home_awarded: int = 4
    related: int = 4


@dataclass(frozen=True)
class Planned:
    """A generated page: its URL, the Markdown MkDocs renders, and how to build its view."""

    url: str
    template: str
    markdown: str
    view: Callable[[], object]
    versions: dict[Lang, str]  # the URL of this page in each language that has it
    lastmod: datetime.date | None = None
    in_sitemap: bool = True  # False for a page whose canonical URL is another page


class Planner:
    """Plans the generated pages and the views of content pages from one index."""

    def __init__(self, index: SiteIndex, pages: dict[tuple[Lang, str], ContentPageInfo],
                 settings: Settings = Settings(),
                 related_slugs: Mapping[tuple[str, Lang], tuple[str, ...]] | None = None):
        self.index = index
        # Related stories computed before (related.all_related, kept in the build cache).
        self.related_slugs = related_slugs
        self.vocab = index.vocab
        self.pages = pages
        self.settings = settings
        self.cards = CardBook(index.entries, index.vocab)
        self.feeds: frozenset[str] = frozenset()  # feed paths that exist, set by outputs.py
        self.page_urls: frozenset[str] = frozenset()  # every page of the build, set by pages.py
        # (name, compute) -> compute(), or what it gave for the same stories' structure before
        # (the preview's memo, set by pages.py): for what only the structure decides
        self.remember: Callable[[Hashable, Callable[[], T]], T] = _compute

    def generated(self) -> Iterator[Planned]:
        """Every generated page, in a fixed order."""
        yield Planned("", "tori/chooser.html", "", self.chooser, {})
        for entry in self.index.entries:
            versions = {s.lang: urls.story(entry.slug, s.lang) for s in entry.versions}
            for lang in LANGS:
                # A story without a version in `lang` still gets a page there: its text in
                # the other language, framed by this language's interface (canonical: the text).
                story = entry.best(lang)
                yield Planned(urls.story(entry.slug, lang), StoryView.template, "",
                              partial(self.story, entry, lang), versions,
                              story.updated or story.date, in_sitemap=story.lang is lang)
        for lang in LANGS:
            markdown = self.remember(("search page", lang), partial(self.search_markdown, lang))
            yield Planned(urls.search(lang), search.TEMPLATE, markdown,
                          partial(self.search_page, lang), both(urls.search))
            yield from self._listing(lang, None, self.index.newest(lang))
            for kind in OVERVIEW_KINDS:
                yield Planned(urls.overview(kind, lang), OverviewView.template, "",
                              partial(self.overview, kind, lang),
                              both(partial(urls.overview, kind)))
            yield Planned(urls.statistics(lang), StatisticsView.template, "",
                          partial(self.statistics_page, lang), both(urls.statistics))
            for vocabulary in self.vocab.all():
                for term in vocabulary:
                    if self.index.has_page(term):
                        yield from self._listing(lang, term, self.index.stories_of(term, lang))

    def search_markdown(self, lang: Lang) -> str:
        """The search page's Markdown: its filters, with every value the stories carry."""
        return search.page_html(lang, search.facets(self.index.entries, self.vocab, lang))

    @cached_property
    def statistics(self) -> Statistics:
        """The figures of the statistics page and its open data (published stories only)."""
        return compute(published(self.index.entries), self.vocab)

    def content_view(self, info: ContentPageInfo) -> HomeView | PageView:
        """The view of a Markdown page of content/fi or content/sv."""
        versions = {lang: self.pages[(lang, info.key)].url
                    for lang in LANGS if (lang, info.key) in self.pages}
        if info.key == "home":
            return self.home(info, versions)
        head = make_head(info.lang, versions, info.title, info.description, section=info.key)
        return PageView(head)

    def chooser(self) -> PageView:
        """The language chooser at the root of the site."""
        title = " / ".join(label("site_name", lang) for lang in LANGS)
        description = " / ".join(label("site_description", lang) for lang in LANGS)
        homes = both(urls.home)
        head = Head(Lang.FI, "", title, description,
                    (*alternates(homes)[:-1], Alternate(X_DEFAULT, "")), homes[Lang.SV])
        return PageView(head, template="tori/chooser.html")

    def home(self, info: ContentPageInfo, versions: dict[Lang, str]) -> HomeView:
        """A language's home page around the Markdown intro of content/<lang>/index.md."""
        lang, s, index = info.lang, self.settings, self.index
        newest = index.newest_own_first(lang)[: s.home_newest]
        shown = {e.slug for e in newest}
        awarded = tuple(e for e in index.awarded(lang) if e.slug not in shown)
        return HomeView(
            head=make_head(lang, versions, info.title, info.description, section="home",
                           feed=self._feed(urls.stories(lang))),
            newest=self.cards.cards(newest, lang),
            awarded=self.cards.cards(awarded[: s.home_awarded], lang),
            themes=self._links(index.with_stories(Kind.CATEGORY, lang), lang),
            regions=self._links(index.with_stories(Kind.REGION, lang), lang),
            total=len(index.entries),
            stories_url=urls.stories(lang),
            search_url=urls.search(lang),
            ways=tuple(Link(KIND_LABELS[k][lang], urls.overview(k, lang)) for k in OVERVIEW_KINDS),
            # The statistics pages come from their own module: link them once they exist.
            statistics_url=urls.statistics(lang) if urls.statistics(lang) in self.page_urls
            else "",
        )

    def story(self, entry: Entry, lang: Lang) -> StoryView:
        """The page of a story for readers of `lang`: its version in `lang`, or else its other
        version with the interface of `lang` and a note saying so."""
        story = entry.best(lang)
        versions = {s.lang: urls.story(entry.slug, s.lang) for s in entry.versions}
        other = entry.get(lang.other) if story.lang is lang else None
        # Social media previews do not show SVG: such stories share the site's own picture.
        shareable = story.image and not story.image.lower().endswith(".svg")
        extra = dict(image=story.image if shareable else None,
                     image_alt=story.image_alt if shareable else None, og_type="article")
        if story.lang is lang:
            head = make_head(lang, versions, story.title, story.summary, **extra)
            if other is None:  # the other language's switch leads to its page of this text
                head = replace(head, switch_url=urls.story(entry.slug, lang.other),
                               switch_note=label("switch_no_translation", lang))
        else:
            head = Head(lang, urls.story(entry.slug, lang), story.title, story.summary,
                        alternates(versions), versions[story.lang],
                        canonical=versions[story.lang], **extra)
        return StoryView(
            head=head,
            story=story,
            facts=self._facts(story.organisation, story, lang),
            date_text=format_day(story.date, lang),
            updated_text=format_day(story.updated, lang) if story.updated else "",
            translation=Other(other.lang, versions[other.lang], other.title) if other else None,
            related=self._related(entry, lang),
            foreign=story.lang is not lang,
            stories_url=urls.stories(lang),
        )

    def _related(self, entry: Entry, lang: Lang) -> tuple[Card, ...]:
        """The cards of the stories related to `entry` for readers of `lang`."""
        if self.related_slugs is not None:
            return self.cards.by_slug(self.related_slugs[(entry.slug, lang)], lang)
        return self.cards.cards(related(entry, lang, self.index, self.settings.related), lang)

    def search_page(self, lang: Lang) -> PageView:
        """The search page of a language."""
        head = make_head(lang, both(urls.search), search.text("title", lang),
                         search.text("description", lang), section="search")
        return PageView(head, template=search.TEMPLATE)

    def overview(self, kind: Kind, lang: Lang) -> OverviewView:
        """The overview of one taxonomy in one language."""
        heading = KIND_LABELS[kind][lang]
        head = make_head(lang, both(partial(urls.overview, kind)), heading,
                         KIND_DESCRIPTIONS[kind][lang], section=kind.value)
        if kind is Kind.AWARD:
            groups = tuple(
                Group(str(year.year), awards=tuple(self._award_stories(r, lang) for r in year.rows))
                for year in self.index.awards_by_year(lang)
            )
        elif kind is Kind.MUNICIPALITY:
            groups = tuple(
                Group(region.label[lang], self._links(rows, lang), url=urls.term(region, lang))
                for region, rows in self.index.municipalities_by_region(lang)
            )
        else:
            groups = (Group("", self._term_links(kind, lang)),)
        tilemap = self._tilemap(lang) if kind is Kind.REGION else None
        return OverviewView(head, heading, KIND_DESCRIPTIONS[kind][lang], groups, tilemap)

    def statistics_page(self, lang: Lang) -> StatisticsView:
        """The statistics page of a language."""
        heading = label("statistics_title", lang)
        description = label("statistics_description", lang)
        head = make_head(lang, both(urls.statistics), heading, description, section="statistics")
        stats, has_page = self.statistics, self.index.has_page
        data = [Link(path.rsplit("/", 1)[-1], path) for path in (urls.STATS_JSON, urls.STATS_CSV)]
        if (lang, "data") in self.pages:
            data.append(Link(label("stats_data_more", lang), self.pages[(lang, "data")].url))
        return StatisticsView(
            head=head, heading=heading, intro=description,
            totals=charts.totals(stats, lang), rules=charts.rules(lang),
            charts=charts.charts(stats, lang, has_page),
            tilemap=self._tilemap(lang), data=tuple(data),
        )

    def _tilemap(self, lang: Lang):
        return charts.tilemap(self.statistics, self.vocab.regions, lang, self.index.has_page)

    def _listing(self, lang: Lang, term: Term | None, entries) -> Iterator[Planned]:
        base = urls.term(term, lang) if term else urls.stories(lang)
        pages = {other: self._page_count(term, other) for other in LANGS}
        for pager in paginate(entries, base, lang, self.settings.per_page):
            versions = {
                o: urls.term(term, o, min(pager.number, pages[o])) if term
                else urls.stories(o, min(pager.number, pages[o]))
                for o in LANGS
            }
            yield Planned(pager.this_url, ListingView.template, "",
                          partial(self.listing, lang, term, pager, versions), versions)

    def listing(self, lang: Lang, term: Term | None, pager, versions) -> ListingView:
        """One page of the all-stories listing or of a term's listing."""
        number = pager.number
        if term is None:
            heading, intro = label("stories_title", lang), label("stories_description", lang)
            kind_label, overview_url, section = "", "", "stories"
        else:
            heading, kind_label = _term_heading(term, lang), KIND_LABELS[term.kind][lang]
            intro = term.description[lang] if term.description else label(
                "term_description", lang, kind=KIND_SINGULAR[term.kind][lang], label=heading)
            overview_url = urls.overview(term.kind, lang) if term.kind in OVERVIEW_KINDS else ""
            section = term.kind.value
        page_n = label("page_n", lang, number=number).lower()
        title = heading if number == 1 else f"{heading}, {page_n}"
        cards = self.cards.cards(pager.items, lang)
        feed = self._feed(pager.base)
        head = make_head(lang, versions, title, intro, section=section, feed=feed)
        municipalities = ()
        if term is not None and term.kind is Kind.REGION:
            municipalities = self._links(self.index.municipalities_in(term, lang), lang)
        return ListingView(
            head=head, heading=heading, intro=intro, kind_label=kind_label,
            pager=_with_items(pager, cards), count_text=count_label(pager.total, lang),
            overview_url=overview_url, municipalities=municipalities,
        )

    def _feed(self, listing: str) -> str | None:
        """The feed of a listing, if the feeds module wrote one."""
        return urls.feed(listing) if urls.feed(listing) in self.feeds else None

    def _page_count(self, term: Term | None, lang: Lang) -> int:
        total = len(self.index.newest(lang)) if term is None else self.index.count(term, lang)
        return max(1, -(-total // self.settings.per_page))

    def _facts(self, organisation: str, story, lang: Lang) -> tuple[Fact, ...]:
        facts = [Fact(label("organisation", lang), text=organisation)]
        for kind in FACT_KINDS:
            terms = [self.vocab[kind].get(k) for k in story.terms(kind)]
            links = tuple(Link(_term_heading(t, lang), urls.term(t, lang)) for t in terms if t)
            if links:
                facts.append(Fact(KIND_LABELS[kind][lang], links))
        if story.tags:
            facts.append(Fact(label("tags", lang), text=", ".join(story.tags)))
        return tuple(facts)

    def _award_stories(self, row, lang: Lang) -> AwardStories:
        """An award on the awards overview with the stories it went to, titles in `lang`
        where the story has a version in it."""
        term = row.term
        stories = []
        for entry in self.index.stories_of(term, lang):
            shown = entry.best(lang)
            other = "" if shown.lang is lang else shown.lang.value
            stories.append(Link(shown.title, urls.story(entry.slug, lang), lang=other))
        programme = term.programme[lang] if term.programme else ""
        return AwardStories(
            self._link(row, lang),
            programme, award_kind_label(term.award_kind, lang), tuple(stories),
        )

    def _term_links(self, kind: Kind, lang: Lang) -> tuple[Link, ...]:
        return self._links(self.index.overview(kind, lang), lang)

    def _links(self, rows, lang: Lang) -> tuple[Link, ...]:
        return tuple(self._link(r, lang) for r in rows)

    def _link(self, row, lang: Lang) -> Link:
        """A term with its count; a term without stories is shown, but not as a link."""
        if not row.count:
            return Link(row.term.label[lang], "", 0, label("no_stories_short", lang))
        return Link(row.term.label[lang], urls.term(row.term, lang), row.count,
                    count_label(row.count, lang))


def _compute(name: Hashable, compute: Callable[[], T]) -> T:
    return compute()


def _term_heading(term: Term, lang: Lang) -> str:
    """A term's name on its page and in facts; an award says what it is and when."""
    if term.kind is Kind.AWARD:
        return f"{award_kind_label(term.award_kind, lang)}: {award_name(term, lang)}"
    return term.label[lang]


def _with_items(pager, items):
    """The same pager holding other items (cards instead of entries)."""
    return replace(pager, items=items)
