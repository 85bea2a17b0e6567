"""Every page of the site: which URLs exist and, lazily, the view each one renders."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from generator import search, urls
from generator.cards import CardBook, award_name, format_day
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
    StoryView,
    alternates,
    both,
    make_head,
)

OVERVIEW_KINDS = (Kind.CATEGORY, Kind.REGION, Kind.SECTOR, Kind.CLIENT_GROUP, Kind.AWARD)
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


class Planner:
    """Plans the generated pages and the views of content pages from one index."""

    def __init__(self, index: SiteIndex, pages: dict[tuple[Lang, str], ContentPageInfo],
                 settings: Settings = Settings()):
        self.index = index
        self.vocab = index.vocab
        self.pages = pages
        self.settings = settings
        self.cards = CardBook(index.entries, index.vocab)
        self.feeds: frozenset[str] = frozenset()  # feed paths that exist, set by outputs.py

    def generated(self) -> Iterator[Planned]:
        """Every generated page, in a fixed order."""
        yield Planned("", "tori/chooser.html", "", self.chooser, {})
        for entry in self.index.entries:
            versions = {s.lang: urls.story(entry.slug, s.lang) for s in entry.versions}
            for story in entry.versions:
                yield Planned(versions[story.lang], StoryView.template, story.body,
                              partial(self.story, entry, story.lang), versions,
                              story.updated or story.date)
        for lang in LANGS:
            facets = search.facets(self.index.entries, self.vocab, lang)
            yield Planned(urls.search(lang), search.TEMPLATE, search.page_html(lang, facets),
                          partial(self.search_page, lang), both(urls.search))
            yield from self._listing(lang, None, self.index.newest(lang))
            for kind in OVERVIEW_KINDS:
                yield Planned(urls.overview(kind, lang), OverviewView.template, "",
                              partial(self.overview, kind, lang),
                              both(partial(urls.overview, kind)))
            for vocabulary in self.vocab.all():
                for term in vocabulary:
                    if self.index.has_page(term):
                        yield from self._listing(lang, term, self.index.stories_of(term, lang))

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
        return HomeView(
            head=make_head(lang, versions, info.title, info.description, section="home",
                           feed=self._feed(urls.stories(lang))),
            newest=self.cards.cards(index.newest(lang)[: s.home_newest], lang),
            awarded=self.cards.cards(index.awarded(lang)[: s.home_awarded], lang),
            themes=self._term_links(Kind.CATEGORY, lang),
            regions=self._term_links(Kind.REGION, lang),
            total=len(index.entries),
            stories_url=urls.stories(lang),
            search_url=urls.search(lang),
        )

    def story(self, entry: Entry, lang: Lang) -> StoryView:
        """The page of one language version of a story."""
        story = entry.get(lang)
        versions = {s.lang: urls.story(entry.slug, s.lang) for s in entry.versions}
        other = entry.get(lang.other)
        # Social media previews do not show SVG: such stories share the site's own picture.
        shareable = story.image and not story.image.lower().endswith(".svg")
        head = make_head(lang, versions, story.title, story.summary,
                         image=story.image if shareable else None,
                         image_alt=story.image_alt if shareable else None, og_type="article")
        return StoryView(
            head=head,
            story=story,
            facts=self._facts(story.organisation, story, lang),
            date_text=format_day(story.date, lang),
            updated_text=format_day(story.updated, lang) if story.updated else "",
            translation=Other(other.lang, versions[other.lang], other.title) if other else None,
            related=self.cards.cards(related(entry, lang, self.index, self.settings.related),
                                     lang),
        )

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
        else:
            groups = (Group("", self._term_links(kind, lang)),)
        return OverviewView(head, heading, KIND_DESCRIPTIONS[kind][lang], groups)

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
            stories.append(Link(shown.title, urls.story(entry.slug, shown.lang), lang=other))
        programme = term.programme[lang] if term.programme else ""
        return AwardStories(
            Link(term.label[lang], urls.term(term, lang), row.count, count_label(row.count, lang)),
            programme, award_kind_label(term.award_kind, lang), tuple(stories),
        )

    def _term_links(self, kind: Kind, lang: Lang) -> tuple[Link, ...]:
        return self._links(self.index.overview(kind, lang), lang)

    def _links(self, rows, lang: Lang) -> tuple[Link, ...]:
        return tuple(
            Link(r.term.label[lang], urls.term(r.term, lang), r.count, count_label(r.count, lang))
            for r in rows
        )


def _term_heading(term: Term, lang: Lang) -> str:
    """A term's name on its page and in facts; an award says what it is and when."""
    if term.kind is Kind.AWARD:
        return f"{award_kind_label(term.award_kind, lang)}: {award_name(term, lang)}"
    return term.label[lang]


def _with_items(pager, items):
    """The same pager holding other items (cards instead of entries)."""
    return replace(pager, items=items)
