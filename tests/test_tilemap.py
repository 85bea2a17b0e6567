"""The tile map's grid: every real region has one tile, placed roughly where it lies."""

from __future__ import annotations

from pathlib import Path

import yaml
from factories import term, vocabularies

from generator.model import Kind, Vocabulary
from generator.tilemap import COLUMNS, POSITIONS, ROWS, breakable, places

REGIONS = Path(__file__).resolve().parents[1] / "content" / "taxonomies" / "regions.yml"


def real_regions() -> Vocabulary:
    entries = yaml.safe_load(REGIONS.read_text(encoding="utf-8"))
    return Vocabulary(Kind.REGION, tuple(
        term(Kind.REGION, e["key"], e["fi"]["label"], e["sv"]["label"], code=e["code"])
        for e in entries))


def test_every_one_of_the_nineteen_regions_has_a_tile_of_its_own():
    regions = real_regions()
    assert len(regions) == 19
    assert set(POSITIONS) == set(regions.keys())
    assert len(set(POSITIONS.values())) == 19  # no two on one square


def test_tiles_lie_roughly_where_the_regions_do():
    row = {k: r for k, (r, _) in POSITIONS.items()}
    column = {k: c for k, (_, c) in POSITIONS.items()}
    assert row["lappi"] == 1 and all(row[k] > 1 for k in POSITIONS if k != "lappi")
    assert row["uusimaa"] > row["paijat-hame"] > row["keski-suomi"] > row["pohjois-pohjanmaa"]
    assert column["pohjanmaa"] < column["keski-suomi"] < column["pohjois-karjala"]
    assert column["varsinais-suomi"] < column["uusimaa"] < column["kymenlaakso"]
    # Åland: the south-west corner, nothing further south or further west.
    assert row["ahvenanmaa"] == ROWS and column["ahvenanmaa"] == 1
    assert (ROWS, COLUMNS) == (6, 5)


def test_places_are_in_reading_order_north_to_south_then_west_to_east():
    placed = places(real_regions())
    assert [p.term.key for p in placed][:4] == ["lappi", "keski-pohjanmaa", "pohjois-pohjanmaa",
                                                "kainuu"]
    assert [(p.row, p.column) for p in placed] == sorted((p.row, p.column) for p in placed)


def test_a_region_the_grid_does_not_know_is_put_below_not_left_out():
    regions = vocabularies().regions  # uusimaa, paijat-hame, ahvenanmaa
    extra = term(Kind.REGION, "uusi-alue", "Uusi alue", "Ny region")
    placed = places(Vocabulary(Kind.REGION, (*regions, extra)))
    assert [p.term.key for p in placed][-1] == "uusi-alue"
    assert (placed[-1].row, placed[-1].column) == (ROWS + 1, 1)


def test_long_compound_names_may_break_before_their_last_part():
    assert breakable("Pohjois-Pohjanmaa") == "Pohjois-Pohjan\u00admaa"
    assert breakable("Mellersta Österbotten") == "Mellersta Öster\u00adbotten"
    assert breakable("Kymenlaakso") == "Kymen\u00adlaakso"
    for short in ("Åland", "Nyland", "Lappi", "Egentliga Finland", "Kainuu"):
        assert breakable(short) == short
