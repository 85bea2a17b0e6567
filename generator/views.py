"""What each kind of page shows: plain view objects the templates render and escape."""

from __future__ import annotations

from dataclasses import dataclass

from generator import urls
from generator.cards import Card
from generator.labels import KIND_LABELS, label
from generator.model import LANGS, Kind, Lang, Story

X_DEFAULT = "x-default"


@dataclass(frozen=True)
class Alternate:
    """One language version of a page, for `<link rel="alternate" hreflang>`."""

    hreflang: str  # "fi", "sv" or "x-default"
    url: str  # site-relative


@dataclass(frozen=True)
class Head:
    """What every page needs in its head, header and footer."""

    lang: Lang
    url: str  # site-relative URL of this page
    title: str  # plain text; templates escape it
    description: str
    alternates: tuple[Alternate, ...]
    switch_url: str  # the same page in the other language, else its home
    section: str = ""  # key of the menu item to mark current
    image: str | None = None  # site-relative image for Open Graph
    image_alt: str | None = None
    feed: str | None = None  # site-relative Atom feed of this listing
    og_type: str = "website"
    canonical: str = ""  # another page that holds this page's text; "" = this page
    switch_note: str = ""  # what the switch's target says when this page has no translation


@dataclass(frozen=True)
class Link:
    """A labelled link."""

    label: str
    url: str
    count: int | None = None
    count_text: str = ""
    lang: str = ""  # language of the target when it differs from the page's


@dataclass(frozen=True)
class MenuItem:
    """An entry of the main menu or the footer."""

    key: str
    label: str
    url: str


@dataclass(frozen=True)
class Menu:
    """The header menu and footer links of one language."""

    main: tuple[MenuItem, ...]
    footer: tuple[MenuItem, ...]


@dataclass(frozen=True)
class ContentPageInfo:
    """A Markdown page of content/fi or content/sv, as its front matter describes it."""

    lang: Lang
    key: str
    url: str
    title: str
    description: str


@dataclass(frozen=True)
class Fact:
    """One row of a story's facts box."""

    label: str
    links: tuple[Link, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Other:
    """The other-language version of a story."""

    lang: Lang
    url: str
    title: str


@dataclass(frozen=True)
class StoryView:
    """A story page."""

    head: Head
    story: Story
    facts: tuple[Fact, ...]
    date_text: str
    updated_text: str
    translation: Other | None
    related: tuple[Card, ...]
    foreign: bool = False  # the text is in the other language: no version in the page's
    stories_url: str = ""  # the all-stories listing of the page's language
    template: str = "tori/story.html"


@dataclass(frozen=True)
class ListingView:
    """One page of a paginated listing of story cards."""

    head: Head
    heading: str
    intro: str
    kind_label: str  # "Teemat" above a term's name; "" on the all-stories listing
    pager: object  # paginate.Pager[Card]
    count_text: str
    overview_url: str = ""
    municipalities: tuple[Link, ...] = ()  # on a region's page
    template: str = "tori/listing.html"


@dataclass(frozen=True)
class AwardStories:
    """One award on the awards overview: its page, what it is, and the stories it went to."""

    award: Link
    programme: str  # the gala or programme, in the page's language
    kind_label: str  # "Palkittu" / "Kunniamaininta"
    stories: tuple[Link, ...]


@dataclass(frozen=True)
class Group:
    """A titled group of term links, or of awards with their stories, on an overview page."""

    heading: str
    links: tuple[Link, ...] = ()
    awards: tuple[AwardStories, ...] = ()
    url: str = ""  # the heading's page (a region on the municipalities overview)


@dataclass(frozen=True)
class Tile:
    """One region on the tile map: its page, its count and where it stands."""

    label: str  # with soft hyphens where a long name may break
    url: str  # "" when the region has no page
    count: int
    unit: str  # the word after the count: "tarinaa" / "berättelser"
    shade: int  # 0 for no stories, then darker with more
    row: int
    column: int


@dataclass(frozen=True)
class Shade:
    """One entry of the map's legend."""

    shade: int
    label: str


@dataclass(frozen=True)
class TileMap:
    """The map of the regions with its heading, explanation and legend."""

    heading: str
    intro: str
    tiles: tuple[Tile, ...]
    legend: tuple[Shade, ...]


@dataclass(frozen=True)
class ChartRow:
    """A row of a chart table: what it counts and the counts, one per value column."""

    label: str
    values: tuple[int, ...]
    url: str = ""  # the term's page, "" when there is none
    lang: str = ""  # language of the label when it differs from the page's


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn as its own data table: a caption, header cells and a bar per count."""

    key: str  # names the section (its heading's id)
    heading: str
    caption: str
    columns: tuple[str, ...]  # the label column's header, then one per value column
    rows: tuple[ChartRow, ...]

    @property
    def largest(self) -> int:
        """The largest count of the chart; bars are drawn relative to it."""
        return max((v for row in self.rows for v in row.values), default=0)

    def width(self, value: int) -> float:
        """A bar's length in percent of the longest bar."""
        return round(100 * value / self.largest, 1) if self.largest else 0.0


@dataclass(frozen=True)
class Total:
    """One figure of the summary."""

    label: str
    value: int


@dataclass(frozen=True)
class StatisticsView:
    """The statistics page: totals, counting rules, the region map and the charts."""

    head: Head
    heading: str
    intro: str
    totals: tuple[Total, ...]
    rules: tuple[str, ...]
    charts: tuple[Chart, ...]
    tilemap: TileMap
    data: tuple[Link, ...]  # the open-data files and the page that describes them
    template: str = "tori/statistics.html"


@dataclass(frozen=True)
class OverviewView:
    """The overview of a taxonomy: every term with its count."""

    head: Head
    heading: str
    intro: str
    groups: tuple[Group, ...]
    tilemap: TileMap | None = None  # on the regions overview
    template: str = "tori/overview.html"


@dataclass(frozen=True)
class HomeView:
    """A language's home page."""

    head: Head
    newest: tuple[Card, ...]
    awarded: tuple[Card, ...]
    themes: tuple[Link, ...]
    regions: tuple[Link, ...]
    total: int
    stories_url: str
    search_url: str
    ways: tuple[Link, ...]  # every overview: theme, region, municipality, …
    statistics_url: str
    template: str = "tori/home.html"


@dataclass(frozen=True)
class PageView:
    """A Markdown content page, or the language chooser at the root."""

    head: Head
    template: str = "tori/page.html"


def alternates(versions: dict[Lang, str]) -> tuple[Alternate, ...]:
    """hreflang links for the versions that exist; x-default is the Finnish one if any."""
    links = [Alternate(lang.value, versions[lang]) for lang in LANGS if lang in versions]
    default = versions.get(Lang.FI) or next(iter(versions.values()))
    return (*links, Alternate(X_DEFAULT, default))


def both(url_of) -> dict[Lang, str]:
    """`url_of(lang)` for each language."""
    return {lang: url_of(lang) for lang in LANGS}


def make_head(lang: Lang, versions: dict[Lang, str], title: str, description: str,
              **extra) -> Head:
    """A Head for the page of `lang` among `versions`, switching to the other or its home."""
    switch = versions.get(lang.other) or urls.home(lang.other)
    return Head(lang, versions[lang], title, description, alternates(versions), switch, **extra)


def menu(lang: Lang, pages: dict[tuple[Lang, str], ContentPageInfo]) -> Menu:
    """The header menu and footer links of `lang`; content pages appear when they exist."""
    def content(key: str, label_key: str) -> tuple[MenuItem, ...]:
        page = pages.get((lang, key))
        return (MenuItem(key, label(label_key, lang), page.url),) if page else ()

    kinds = (Kind.CATEGORY, Kind.REGION, Kind.SECTOR, Kind.CLIENT_GROUP, Kind.AWARD)
    main = (
        MenuItem("home", label("nav_home", lang), urls.home(lang)),
        *(MenuItem(k.value, KIND_LABELS[k][lang], urls.overview(k, lang)) for k in kinds),
        MenuItem("stories", label("nav_stories", lang), urls.stories(lang)),
        *content("about", "nav_about"),
        *content("submit", "nav_submit"),
    )
    footer = (
        MenuItem(Kind.MUNICIPALITY.value, KIND_LABELS[Kind.MUNICIPALITY][lang],
                 urls.overview(Kind.MUNICIPALITY, lang)),
        *content("about", "nav_about"),
        *content("sources", "nav_sources"),
        *content("data", "nav_data"),
        MenuItem("statistics", label("nav_statistics", lang), urls.statistics(lang)),
        *content("accessibility", "nav_accessibility"),
    )
    return Menu(main, footer)
