"""Statistics: the counting rules on small cases, and the built site's figures against counts
this test makes itself from the content files (front matter read with yaml, not the generator)."""

from __future__ import annotations

import csv
import io
import json
import posixpath
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
import yaml
from factories import story, vocabularies
from sitebuild import build_site

from generator.model import AwardKind, Entry, Kind, Lang, group_entries
from generator.statistics import compute, shade_of, shade_steps, story_regions

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"


# --- the rules on small cases -------------------------------------------------------------

def test_a_story_counts_once_whatever_its_languages():
    stats = compute(group_entries([
        story("a", Lang.FI), story("a", Lang.SV), story("b", Lang.SV), story("c", Lang.FI),
    ]), vocabularies())
    t = stats.totals
    assert (t.stories, t.finnish, t.swedish, t.both) == (3, 2, 2, 1)
    digitalisation = next(x for x in stats.by_term[Kind.CATEGORY]
                          if x.term.key == "digitalisaatio")
    assert digitalisation.count == 3


def test_regions_include_those_of_the_municipalities():
    vocab = vocabularies()
    entry = Entry("a", (story("a", municipalities=("hollola",), regions=("ahvenanmaa",)),))
    assert story_regions(entry, vocab) == {"ahvenanmaa", "paijat-hame"}
    stats = compute([entry], vocab)
    counts = {t.term.key: t.count for t in stats.by_term[Kind.REGION]}
    assert counts == {"uusimaa": 0, "paijat-hame": 1, "ahvenanmaa": 1}
    assert (stats.totals.regions, stats.totals.municipalities) == (2, 1)


def test_years_run_from_first_to_last_with_empty_years_and_a_story_counts_in_its_first():
    entries = group_entries([
        story("a", Lang.FI, "2019-05-01"), story("a", Lang.SV, "2021-01-01"),
        story("b", Lang.FI, "2022-03-01"),
    ])
    stats = compute(entries, vocabularies())
    assert [(y.year, y.count) for y in stats.by_year] == [(2019, 1), (2020, 0), (2021, 0),
                                                          (2022, 1)]


def test_organisations_by_count_then_name_with_their_name_in_each_language():
    entries = group_entries([
        story("a", Lang.FI, organisation="Vantaan kaupunki"),
        story("a", Lang.SV, organisation="Vanda stad"),
        story("b", Lang.FI, organisation="Vantaan kaupunki"),
        story("c", Lang.SV, organisation="Esbo stad"),
        story("d", Lang.FI, organisation="Akaan kaupunki"),
    ])
    orgs = compute(entries, vocabularies()).organisations
    assert [(o.key, o.count) for o in orgs] == [
        ("Vantaan kaupunki", 2), ("Akaan kaupunki", 1), ("Esbo stad", 1)]
    assert orgs[0].name(Lang.SV) == "Vanda stad"
    assert orgs[2].name(Lang.FI) == "Esbo stad"  # no Finnish version names it otherwise
    assert compute(entries, vocabularies()).totals.organisations == 3


def test_awards_count_stories_by_year_and_kind():
    entries = group_entries([
        story("a", awards=("2019-innostavat-teot", "2019-vuoden-viestintateko")),
        story("b", awards=("2019-vuoden-viestintateko",)),
        story("c", awards=("2021-suomen-kekseliain-kunta",)),
        story("d"),
    ])
    awards = compute(entries, vocabularies()).awards
    assert [(a.year, a.count(AwardKind.PRIZE), a.count(AwardKind.HONOURABLE_MENTION))
            for a in awards] == [(2019, 1, 2), (2021, 1, 0)]


def test_ranked_terms_most_first_then_alphabetically_in_the_language():
    entries = group_entries([
        story("a", categories=("ymparisto", "tyohyvinvointi")),
        story("b", categories=("tyohyvinvointi",)),
    ])
    stats = compute(entries, vocabularies())
    assert [t.term.key for t in stats.ranked(Kind.CATEGORY, Lang.FI)] == [
        "tyohyvinvointi", "ymparisto", "asiakaslahtoisyys", "digitalisaatio"]
    # Swedish: Arbetshälsa 2, Miljö 1, then Digitalisering before Kundorientering.
    assert [t.term.key for t in stats.ranked(Kind.CATEGORY, Lang.SV)] == [
        "tyohyvinvointi", "ymparisto", "digitalisaatio", "asiakaslahtoisyys"]


def test_no_stories_no_figures():
    stats = compute([], vocabularies())
    assert stats.totals.stories == 0 and stats.by_year == () and stats.awards == ()
    assert all(t.count == 0 for t in stats.by_term[Kind.REGION])


@pytest.mark.parametrize(("largest", "ranges"), [
    (0, ()), (1, ((1, 1),)), (2, ((1, 1), (2, 2))), (3, ((1, 1), (2, 2), (3, 3))),
    (6, ((1, 2), (3, 4), (5, 6))), (10, ((1, 3), (4, 7), (8, 10))),
])
def test_shade_steps_split_the_counts_into_at_most_three_ranges(largest, ranges):
    assert shade_steps(largest) == ranges


def test_shade_of_a_count():
    ranges = shade_steps(6)
    assert [shade_of(n, ranges) for n in range(7)] == [0, 1, 1, 2, 2, 3, 3]


# --- the real site against the content files ----------------------------------------------

def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def expected_from_content() -> dict:
    """Every figure of the statistics page, counted here from content/ with yaml only."""
    municipality_region = {m["key"]: m["region"] for m in _front_list("municipalities")}
    awards = {a["key"]: (a["year"], a.get("kind", "prize")) for a in _front_list("awards")}
    by_slug: dict[str, dict[str, dict]] = {}
    for path in sorted((CONTENT / "stories").glob("*.md")):
        front = _front(path)
        if not front.get("draft"):
            slug, lang = path.name[: -len(".md")].rsplit(".", 1)
            by_slug.setdefault(slug, {})[lang] = front
    terms = {kind: Counter() for kind in ("categories", "regions", "sectors", "client_groups")}
    years, orgs, award_counts = Counter(), Counter(), Counter()
    municipalities: set[str] = set()
    for versions in by_slug.values():
        def union(field: str, versions: dict = versions) -> set[str]:
            return {k for v in versions.values() for k in v.get(field) or []}
        regions = union("regions") | {municipality_region[m] for m in union("municipalities")}
        municipalities |= union("municipalities")
        for kind in terms:
            terms[kind].update(regions if kind == "regions" else union(kind))
        years[min(str(v["date"]) for v in versions.values())[:4]] += 1
        orgs[(versions.get("fi") or versions["sv"])["organisation"]] += 1
        award_counts.update({awards[k] for k in union("awards")})
    return {
        "totals": {
            "stories": len(by_slug), "organisations": len(orgs),
            "municipalities": len(municipalities),
            "regions": sum(1 for c in terms["regions"].values() if c),
            "finnish": sum(1 for v in by_slug.values() if "fi" in v),
            "swedish": sum(1 for v in by_slug.values() if "sv" in v),
            "both": sum(1 for v in by_slug.values() if len(v) == 2),
        },
        "years": years, "terms": terms, "organisations": orgs, "awards": award_counts,
    }


def _front_list(name: str) -> list[dict]:
    return yaml.safe_load((CONTENT / "taxonomies" / f"{name}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    """The real content built once."""
    return build_site(REPO, tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="module")
def expected() -> dict:
    return expected_from_content()


def _labels(kind: str, lang: str) -> dict[str, str]:
    return {t["key"]: t[lang]["label"] for t in _front_list(kind)}


def _table(tree, key: str) -> dict[str, list[str]]:
    """A chart table of the statistics page: row header text -> the value cells' numbers."""
    section = tree.xpath(f"//h2[@id='stats-{key}']/..")[0]
    return {
        " ".join(row.xpath("th")[0].text_content().split()):
            [td.text_content().strip() for td in row.xpath("td")]
        for row in section.xpath(".//table[contains(@class, 'tori-chart')]/tbody/tr")
    }


def test_statistics_json_counts_what_the_content_files_hold(real_site, expected):
    data = json.loads((real_site / "data" / "statistics.json").read_text(encoding="utf-8"))
    assert data["totals"] == expected["totals"]
    assert data["licence"]["name"] == "CC BY 4.0"
    years = {str(y["year"]): y["stories"] for y in data["years"]}
    assert {y: n for y, n in years.items() if n} == dict(expected["years"])
    assert sorted(years) == [str(y) for y in range(int(min(years)), int(max(years)) + 1)]
    for kind, counts in expected["terms"].items():
        assert {t["key"]: t["stories"] for t in data[kind] if t["stories"]} == dict(counts)
        assert len(data[kind]) == len(_front_list(kind))  # every term, with none as 0
    assert {o["name"]: o["stories"] for o in data["organisations"]} == dict(
        expected["organisations"])
    assert {(a["year"], kind): a[kind] for a in data["awards"]
            for kind in ("prize", "honourable-mention") if a[kind]} == dict(expected["awards"])


def test_statistics_csv_holds_the_same_figures(real_site, expected):
    raw = (real_site / "data" / "statistics.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["group", "key", "kind", "fi", "sv", "stories"]
    totals = {r["key"]: int(r["stories"]) for r in rows if r["group"] == "totals"}
    assert totals == expected["totals"]
    regions = {r["key"]: int(r["stories"]) for r in rows if r["group"] == "regions"}
    assert {k: n for k, n in regions.items() if n} == dict(expected["terms"]["regions"])
    awards = {(int(r["key"]), r["kind"]): int(r["stories"]) for r in rows
              if r["group"] == "awards" and r["stories"] != "0"}
    assert awards == dict(expected["awards"])


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_statistics_page_tables_count_what_the_content_files_hold(real_site, expected, lang):
    page = "fi/tilastot/" if lang == "fi" else "sv/statistik/"
    tree = lxml.html.fromstring((real_site / page / "index.html").read_bytes())
    totals = [int(dd.text) for dd in tree.xpath("//dl[@class='tori-totals']//dd")]
    assert totals == list(expected["totals"].values())
    years = _table(tree, "years")
    assert {y: int(n) for y, (n,) in years.items() if n != "0"} == dict(expected["years"])
    for kind, counts in expected["terms"].items():
        labels = _labels(kind, lang)
        table = _table(tree, kind)
        assert table == {labels[k]: [str(counts.get(k, 0))] for k in labels}
        shown = [int(v) for (v,) in table.values()]
        assert shown == sorted(shown, reverse=True)  # most stories first
    orgs = _table(tree, "organisations")
    assert len(orgs) == min(10, len(expected["organisations"]))
    assert sorted((int(n) for (n,) in orgs.values()), reverse=True) == sorted(
        expected["organisations"].values(), reverse=True)[: len(orgs)]
    awards = _table(tree, "awards")
    assert {(int(y), kind): int(n) for y, cells in awards.items()
            for kind, n in zip(("prize", "honourable-mention"), cells, strict=True)
            if n != "0"} == dict(expected["awards"])


@pytest.mark.parametrize("page", ["fi/tilastot/", "sv/statistik/", "fi/alueet/", "sv/regioner/"])
def test_the_map_has_a_tile_for_every_region_with_its_name_and_count(real_site, expected, page):
    lang = page[:2]
    tree = lxml.html.fromstring((real_site / page / "index.html").read_bytes())
    (grid,) = tree.xpath("//ul[@class='tori-tilemap__grid']")
    heading = tree.xpath(f"//*[@id='{grid.get('aria-labelledby')}']")[0]
    assert heading.tag in ("h2", "h3") and heading.text_content().strip()
    labels = _labels("regions", lang)
    one, many = ("tarina", "tarinaa") if lang == "fi" else ("berättelse", "berättelser")
    counts = expected["terms"]["regions"]
    wanted = {f"{labels[k]} {counts.get(k, 0)} {one if counts.get(k, 0) == 1 else many}"
              for k in labels}
    tiles = [" ".join(li.text_content().replace("\xad", "").split()) for li in grid]
    assert set(tiles) == wanted and len(tiles) == 19
    links = grid.xpath(".//a/@href")
    region_pages = {f"{page[:3]}{'alueet' if lang == 'fi' else 'regioner'}/{slug}/"
                    for slug in _slugs("regions", lang)}
    resolved = {posixpath.normpath(posixpath.join(page, h)) + "/" for h in links}
    assert resolved <= region_pages
    assert all((real_site / p / "index.html").is_file() for p in resolved)
    # Every region with stories is a link; one without may be plain text if it has no page.
    shown = [int(li.xpath(".//span[@class='tori-tile__count']")[0].text) for li in grid]
    assert all(li.xpath("a") for li, n in zip(grid, shown, strict=True) if n)


def _slugs(kind: str, lang: str) -> set[str]:
    """The slugs of a vocabulary in a language: given in the file, else from the label."""
    from generator.urls import slugify  # the slug rule, not the counting under test
    return {(t[lang].get("slug") or slugify(t[lang]["label"])) for t in _front_list(kind)}
