"""The statistics as readers see them in one language: chart tables, the region map, totals."""

from __future__ import annotations

from collections.abc import Callable

from generator import urls
from generator.labels import KIND_SINGULAR, RULE_KEYS, count_label, count_unit, label
from generator.model import AwardKind, Kind, Lang, Term
from generator.statistics import AWARD_KINDS, Statistics, shade_of, shade_steps
from generator.tilemap import breakable, places
from generator.views import Chart, ChartRow, Shade, Tile, TileMap, Total

# Term charts in the order of the page, with the label of each section's heading.
TERM_CHARTS = (
    (Kind.REGION, "by_region"),
    (Kind.CATEGORY, "by_theme"),
    (Kind.SECTOR, "by_sector"),
    (Kind.CLIENT_GROUP, "by_client_group"),
)
AWARD_COLUMNS = {AwardKind.PRIZE: "awarded_prize_column",
                 AwardKind.HONOURABLE_MENTION: "awarded_mention_column"}

HasPage = Callable[[Term], bool]


def totals(stats: Statistics, lang: Lang) -> tuple[Total, ...]:
    """The summary figures in reading order."""
    t = stats.totals
    pairs = (("total_stories", t.stories), ("total_organisations", t.organisations),
             ("total_municipalities", t.municipalities), ("total_regions", t.regions),
             ("total_finnish", t.finnish), ("total_swedish", t.swedish),
             ("total_both", t.both))
    return tuple(Total(label(key, lang), value) for key, value in pairs)


def rules(lang: Lang) -> tuple[str, ...]:
    """The counting rules, stated on the page."""
    return tuple(label(key, lang) for key in RULE_KEYS)


def year_chart(stats: Statistics, lang: Lang) -> Chart:
    """Stories by year of first publication, oldest first."""
    rows = tuple(ChartRow(str(y.year), (y.count,)) for y in stats.by_year)
    return Chart("years", label("by_year", lang), label("by_year_caption", lang),
                 (label("stats_year_column", lang), label("stats_count_column", lang)), rows)


def term_chart(stats: Statistics, kind: Kind, heading_key: str, lang: Lang,
               has_page: HasPage) -> Chart:
    """Stories by the terms of one taxonomy, most first; each label links to its term's page."""
    rows = tuple(
        ChartRow(t.term.label[lang], (t.count,),
                 urls.term(t.term, lang) if has_page(t.term) else "")
        for t in stats.ranked(kind, lang)
    )
    heading = label(heading_key, lang)
    return Chart(kind.value, heading, label("by_term_caption", lang, heading=heading),
                 (KIND_SINGULAR[kind][lang], label("stats_count_column", lang)), rows)


def organisation_chart(stats: Statistics, lang: Lang) -> Chart:
    """The ten most active organisations, named as in `lang` where a story gives the name."""
    rows = []
    for org in stats.top_organisations():
        name = org.name(lang)
        other = "" if lang in org.names else next(iter(org.names)).value
        rows.append(ChartRow(name, (org.count,), lang=other))
    return Chart("organisations", label("top_organisations", lang),
                 label("top_organisations_caption", lang),
                 (label("organisation", lang), label("stats_count_column", lang)), tuple(rows))


def award_chart(stats: Statistics, lang: Lang) -> Chart:
    """Awarded stories by year, one column per kind of award."""
    rows = tuple(ChartRow(str(a.year), tuple(a.count(k) for k in AWARD_KINDS))
                 for a in stats.awards)
    columns = (label("stats_year_column", lang),
               *(label(AWARD_COLUMNS[k], lang) for k in AWARD_KINDS))
    return Chart("awards", label("awards_by_year", lang), label("awards_by_year_caption", lang),
                 columns, rows)


def charts(stats: Statistics, lang: Lang, has_page: HasPage) -> tuple[Chart, ...]:
    """Every chart of the statistics page, in page order."""
    return (
        year_chart(stats, lang),
        *(term_chart(stats, kind, key, lang, has_page) for kind, key in TERM_CHARTS),
        organisation_chart(stats, lang),
        award_chart(stats, lang),
    )


def tilemap(stats: Statistics, regions, lang: Lang, has_page: HasPage) -> TileMap:
    """The map of the regions, shaded by their number of stories, with its legend."""
    counts = {t.term.key: t.count for t in stats.by_term[Kind.REGION]}
    ranges = shade_steps(max(counts.values(), default=0))
    tiles = tuple(
        Tile(breakable(p.term.label[lang]), urls.term(p.term, lang) if has_page(p.term) else "",
             counts.get(p.term.key, 0), count_unit(counts.get(p.term.key, 0), lang),
             shade_of(counts.get(p.term.key, 0), ranges), p.row, p.column)
        for p in places(regions)
    )
    legend = (Shade(0, label("map_none", lang)), *(
        Shade(i, count_label(low, lang) if low == high
              else label("map_range", lang, low=low, high=high))
        for i, (low, high) in enumerate(ranges, 1)
    ))
    return TileMap(label("map_heading", lang), label("map_intro", lang), tiles, legend)
