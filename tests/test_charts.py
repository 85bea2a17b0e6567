"""Chart tables and the region map as one language's readers see them."""

from __future__ import annotations

from factories import story, vocabularies

from generator import charts
from generator.model import Kind, Lang, group_entries
from generator.statistics import compute
from generator.views import Chart, ChartRow


def stats():
    return compute(group_entries([
        story("a", Lang.FI, "2019-01-01", organisation="Hollolan kunta",
              municipalities=("hollola",), regions=(), awards=("2019-vuoden-viestintateko",)),
        story("a", Lang.SV, "2019-01-01", organisation="Hollola kommun",
              municipalities=("hollola",), regions=(), awards=("2019-vuoden-viestintateko",)),
        story("b", Lang.SV, "2021-01-01", organisation="Vanda stad",
              awards=("2021-suomen-kekseliain-kunta",)),
        story("c", Lang.FI, "2021-02-01", organisation="Hollolan kunta",
              municipalities=("hollola",), regions=()),
    ]), vocabularies())


def test_bars_are_drawn_relative_to_the_largest_count():
    chart = Chart("x", "X", "X", ("a", "b"), (ChartRow("p", (4,)), ChartRow("q", (1,))))
    assert (chart.largest, chart.width(4), chart.width(1), chart.width(0)) == (4, 100.0, 25.0, 0)
    assert Chart("x", "X", "X", ("a", "b"), ()).width(0) == 0.0


def test_term_chart_links_terms_with_a_page_and_names_its_columns():
    chart = charts.term_chart(stats(), Kind.REGION, "by_region", Lang.SV,
                              has_page=lambda t: t.key != "ahvenanmaa")
    assert chart.columns == ("Landskap", "Berättelser")
    assert chart.caption == "Berättelser per landskap, flest först"
    rows = [(r.label, r.values, r.url) for r in chart.rows]
    assert rows == [
        ("Päijänne-Tavastland", (2,), "sv/regioner/paijanne-tavastland/"),
        ("Nyland", (1,), "sv/regioner/nyland/"),
        ("Åland", (0,), ""),  # no page: a plain label
    ]


def test_organisations_are_named_in_the_page_language_where_a_story_gives_it():
    fi = charts.organisation_chart(stats(), Lang.FI)
    assert [(r.label, r.values, r.lang) for r in fi.rows] == [
        ("Hollolan kunta", (2,), ""), ("Vanda stad", (1,), "sv")]
    sv = charts.organisation_chart(stats(), Lang.SV)
    assert [(r.label, r.lang) for r in sv.rows] == [("Hollola kommun", ""), ("Vanda stad", "")]


def test_award_chart_has_a_column_per_kind():
    chart = charts.award_chart(stats(), Lang.FI)
    assert chart.columns == ("Vuosi", "Palkinnon saaneet", "Kunnia\u00admaininnan saaneet")
    assert [(r.label, r.values) for r in chart.rows] == [("2019", (0, 1)), ("2021", (1, 0))]


def test_the_page_has_every_chart_in_order_and_the_rules():
    keys = [c.key for c in charts.charts(stats(), Lang.FI, lambda t: True)]
    assert keys == ["years", "regions", "categories", "sectors", "client_groups",
                    "organisations", "awards"]
    rules = charts.rules(Lang.FI)
    assert rules[0].startswith("Jokainen tarina lasketaan kerran")
    assert "kunnat" in rules[1]
    assert [t.value for t in charts.totals(stats(), Lang.SV)] == [3, 2, 2, 2, 2, 2, 1]


def test_tilemap_shades_by_count_and_gives_each_tile_its_words():
    regions = vocabularies().regions
    m = charts.tilemap(stats(), regions, Lang.FI, has_page=lambda t: True)
    tiles = {t.label.replace("\u00ad", ""): (t.count, t.unit, t.shade, t.url) for t in m.tiles}
    assert tiles == {
        "Päijät-Häme": (2, "tarinaa", 2, "fi/alueet/paijat-hame/"),
        "Uusimaa": (1, "tarina", 1, "fi/alueet/uusimaa/"),
        "Ahvenanmaa": (0, "tarinaa", 0, "fi/alueet/ahvenanmaa/"),
    }
    assert [(s.shade, s.label) for s in m.legend] == [
        (0, "Ei tarinoita"), (1, "1 tarina"), (2, "2 tarinaa")]
    assert m.heading == "Maakunnat kartalla"
