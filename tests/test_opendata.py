"""Tests for generator.opendata: JSON valid against its schema, CSV read as Excel reads it."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import factories
import jsonschema
import pytest

from generator import opendata, urls
from generator.model import (
    Kind,
    Lang,
    Story,
    Term,
    Text,
    Vocabularies,
    Vocabulary,
    group_entries,
)
from generator.problems import ContentError
from generator.statistics import compute
from generator.validate import load_content

SITE = "https://example.org/tori/"
ROOT = Path(__file__).resolve().parent.parent


def term(kind: Kind, key: str, fi: str, sv: str, order: int = 0, **extra) -> Term:
    """factories.term, with the order given by position as the tables below do."""
    return factories.term(kind, key, fi, sv, order=order, **extra)

VOCAB = Vocabularies(
    categories=Vocabulary(
        Kind.CATEGORY,
        (
            term(Kind.CATEGORY, "digitalisaatio", "Digitalisaatio", "Digitalisering"),
            term(Kind.CATEGORY, "tyohyvinvointi", "Työhyvinvointi", "Arbetshälsa", 1),
        ),
    ),
    regions=Vocabulary(
        Kind.REGION,
        (term(Kind.REGION, "ahvenanmaa", "Ahvenanmaa", "Åland", code="21"),),
    ),
    municipalities=Vocabulary(
        Kind.MUNICIPALITY,
        (
            term(Kind.MUNICIPALITY, "maarianhamina", "Maarianhamina", "Mariehamn", code="478"),
            term(Kind.MUNICIPALITY, "jomala", "Jomala", "Jomala", 1, code="170"),
        ),
    ),
    sectors=Vocabulary(
        Kind.SECTOR,
        (term(Kind.SECTOR, "koko-kunta", "Koko kunta", "Hela kommunen"),),
    ),
    awards=Vocabulary(
        Kind.AWARD,
        (
            term(
                Kind.AWARD,
                "2019-innostavat-teot",
                "Innostavat teot",
                "Inspirerande gärningar",
                year=2019,
                programme=Text("KunTeko-gaala 2019", "KunTeko-galan 2019"),
            ),
        ),
    ),
)


def story(slug: str, lang: Lang, day: str, **fields) -> Story:
    """A valid story version with this module's defaults (no places unless given)."""
    defaults = {
        "title": f"Tarina {slug}" if lang is Lang.FI else f"Berättelse {slug}",
        "summary": "Tiivistelmä: mitä tehtiin, miksi ja millä tuloksin.",
        "organisation": "Maarianhaminan kaupunki" if lang is Lang.FI else "Mariehamns stad",
        "categories": ("digitalisaatio",),
        "body": "Teksti.",
        "municipalities": (),
        "regions": (),
    }
    return factories.story(slug, lang, day, **{**defaults, **fields})


def sample_stories() -> list[Story]:
    """A bilingual awarded story and a Swedish-only one with a formula-like, quoted title."""
    return [
        story(
            "ahvenanmaa-yhdessa",
            Lang.FI,
            "2024-02-01",
            municipalities=("jomala", "maarianhamina"),
            regions=("ahvenanmaa",),
            categories=("tyohyvinvointi", "digitalisaatio"),
            awards=("2019-innostavat-teot",),
        ),
        story(
            "ahvenanmaa-yhdessa",
            Lang.SV,
            "2024-02-03",
            updated=datetime.date(2024, 4, 1),
            municipalities=("maarianhamina", "jomala"),
            regions=("ahvenanmaa",),
            categories=("digitalisaatio", "tyohyvinvointi"),
            awards=("2019-innostavat-teot",),
        ),
        story(
            "mariehamn-sortering",
            Lang.SV,
            "2024-03-10",
            title='=Sortering, "på riktigt" i Mariehamn',
            regions=("ahvenanmaa",),
            sectors=("koko-kunta",),
        ),
    ]


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return opendata.data_files(group_entries(sample_stories()), VOCAB, SITE)


@pytest.fixture(scope="module")
def document(files) -> dict:
    return json.loads(files[urls.DATA_JSON].decode("utf-8"))


def test_the_three_files_are_made(files):
    assert set(files) == {"data/stories.json", "data/stories.schema.json", "data/stories.csv"}


def test_json_validates_against_the_published_schema(files, document):
    schema = json.loads(files[urls.DATA_SCHEMA])
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [e.message for e in validator.iter_errors(document)] == []
    assert schema["$id"] == SITE + "data/stories.schema.json"
    assert document["$schema"] == schema["$id"]


def test_schema_rejects_a_row_that_breaks_the_format(files, document):
    schema = json.loads(files[urls.DATA_SCHEMA])
    broken = json.loads(json.dumps(document))
    broken["stories"][0]["categories"][0]["colour"] = "red"
    del broken["stories"][1]["slug"]
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(broken))
    assert len(errors) == 2


def test_licence_and_sources_are_stated_in_the_file(document):
    assert document["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
        "attribution": "Tekojen tori",
    }
    assert document["sources"][0]["licence"] == "CC BY 4.0"
    assert "Tilastokeskus" in document["sources"][0]["name"]["fi"]


def test_rows_newest_first_with_count_and_updated(document):
    assert [row["slug"] for row in document["stories"]] == [
        "mariehamn-sortering",
        "ahvenanmaa-yhdessa",
    ]
    assert document["count"] == 2
    assert document["updated"] == "2024-04-01"


def test_bilingual_row_has_both_versions_with_absolute_urls(document):
    row = document["stories"][1]
    assert row["languages"] == ["fi", "sv"]
    assert row["date"] == "2024-02-01"
    assert row["updated"] == "2024-04-01"
    assert row["organisation"] == "Maarianhaminan kaupunki"
    assert row["versions"]["fi"]["url"] == SITE + "fi/tarinat/ahvenanmaa-yhdessa/"
    assert row["versions"]["sv"]["url"] == SITE + "sv/berattelser/ahvenanmaa-yhdessa/"
    assert row["versions"]["sv"]["organisation"] == "Mariehamns stad"
    assert row["versions"]["sv"]["title"] == "Berättelse ahvenanmaa-yhdessa"


def test_terms_carry_key_labels_and_codes_in_vocabulary_order(document):
    row = document["stories"][1]
    assert row["municipalities"] == [
        {"key": "maarianhamina", "code": "478", "fi": "Maarianhamina", "sv": "Mariehamn"},
        {"key": "jomala", "code": "170", "fi": "Jomala", "sv": "Jomala"},
    ]
    assert [t["key"] for t in row["categories"]] == ["digitalisaatio", "tyohyvinvointi"]
    assert row["awards"] == [
        {
            "key": "2019-innostavat-teot",
            "year": 2019,
            "kind": "prize",
            "fi": "Innostavat teot",
            "sv": "Inspirerande gärningar",
        }
    ]
    assert row["sectors"] == []


def test_field_order_is_the_documented_one(document):
    assert list(document) == [
        "$schema",
        "title",
        "licence",
        "sources",
        "updated",
        "count",
        "stories",
    ]
    assert list(document["stories"][0]) == [
        "slug",
        "date",
        "updated",
        "organisation",
        "languages",
        "versions",
        "municipalities",
        "regions",
        "categories",
        "sectors",
        "awards",
        "client_groups",
    ]


def test_json_keeps_non_ascii_and_ends_with_newline(files):
    data = files[urls.DATA_JSON]
    assert "Åland".encode() in data
    assert b"\\u00c5" not in data
    assert data.endswith(b"}\n")


def read_csv(files) -> list[dict[str, str]]:
    """The CSV read the way Excel does: BOM first, then UTF-8."""
    data = files[urls.DATA_CSV]
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_the_same_rows_with_lists_joined(files):
    rows = read_csv(files)
    assert list(rows[0]) == list(opendata.CSV_COLUMNS)
    assert [r["slug"] for r in rows] == ["mariehamn-sortering", "ahvenanmaa-yhdessa"]
    both = rows[1]
    assert both["languages"] == "fi; sv"
    assert both["municipalities"] == "maarianhamina; jomala"
    assert both["municipalities_sv"] == "Mariehamn; Jomala"
    assert both["regions_sv"] == "Åland"
    assert both["url_fi"] == SITE + "fi/tarinat/ahvenanmaa-yhdessa/"
    assert rows[0]["title_fi"] == ""
    assert rows[0]["updated"] == ""
    assert (both["awards"], both["awards_kind"]) == ("2019-innostavat-teot", "prize")
    assert rows[0]["awards_kind"] == "" and rows[0]["client_groups"] == ""


def test_csv_quotes_commas_and_neutralises_formulas(files):
    rows = read_csv(files)
    assert rows[0]["title_sv"] == '\'=Sortering, "på riktigt" i Mariehamn'
    assert b"\r\n" in files[urls.DATA_CSV]


def test_drafts_are_not_published():
    stories = [*sample_stories(), story("draft-story", Lang.FI, "2024-05-01", draft=True)]
    document = json.loads(opendata.data_files(group_entries(stories), VOCAB, SITE)[urls.DATA_JSON])
    assert "draft-story" not in [row["slug"] for row in document["stories"]]
    assert document["updated"] == "2024-04-01"


def test_no_stories_is_still_valid(files):
    empty = opendata.data_files((), VOCAB, SITE)
    document = json.loads(empty[urls.DATA_JSON])
    assert (document["count"], document["updated"], document["stories"]) == (0, None, [])
    jsonschema.validate(document, json.loads(empty[urls.DATA_SCHEMA]))
    assert read_csv(empty) == []


def test_unknown_vocabulary_key_is_a_content_error_naming_the_file():
    stories = [story("bad-story", Lang.FI, "2024-01-01", categories=("digitalisointi",))]
    with pytest.raises(ContentError) as caught:
        opendata.data_files(group_entries(stories), VOCAB, SITE)
    assert caught.value.problems[0].text() == (
        "stories/bad-story.fi.md: categories: tuntematon teema 'digitalisointi'; "
        "tarkoititko 'digitalisaatio'?"
    )


def test_build_is_deterministic():
    first = opendata.data_files(group_entries(sample_stories()), VOCAB, SITE)
    second = opendata.data_files(group_entries(list(reversed(sample_stories()))), VOCAB, SITE)
    assert first == second


def test_schema_ships_inside_the_package():
    schema = opendata.load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_sample_content_gives_valid_files():
    loaded = load_content(ROOT / "content")
    assert not loaded.problems
    entries = group_entries(list(loaded.stories))
    files = opendata.data_files(entries, loaded.vocab, SITE)
    document = json.loads(files[urls.DATA_JSON])
    jsonschema.validate(document, json.loads(files[urls.DATA_SCHEMA]))
    assert document["count"] == len(entries) == len(read_csv(files))


# --- statistics -----------------------------------------------------------------------------

def _stats(*stories):
    return compute(group_entries(list(stories)), factories.vocabularies())


def test_statistics_files_are_json_and_csv_with_the_licence():
    hostile = factories.story("b", Lang.SV, organisation="=HYPERLINK()")
    files = opendata.statistics_files(_stats(factories.story("a"), hostile))
    assert set(files) == {"data/statistics.json", "data/statistics.csv"}
    document = json.loads(files["data/statistics.json"])
    assert document["licence"] == opendata.LICENCE
    assert list(document) == ["title", "licence", "sources", "rules", "totals", "years",
                              "categories", "regions", "sectors", "client_groups",
                              "organisations", "awards"]
    assert document["totals"]["stories"] == 2
    assert len(document["rules"]["fi"]) == len(document["rules"]["sv"]) >= 5
    text = files["data/statistics.csv"].decode("utf-8-sig")
    assert text.startswith("group,key,kind,fi,sv,stories\r\n")
    assert "organisations,'=HYPERLINK(),,,'=HYPERLINK(),1" in text  # never run as a formula


def test_statistics_files_are_deterministic():
    def make():
        return opendata.statistics_files(
            _stats(factories.story("a"), factories.story("b", Lang.SV)))

    assert make() == make()


def test_rows_written_one_by_one_make_the_document_json_writes(files):
    """Each row's text is made apart (and kept by the preview); the file is the same bytes
    as json.dumps of the whole document, and the CSV as one writer of every row."""
    document = json.loads(files[urls.DATA_JSON])
    expected = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    assert files[urls.DATA_JSON] == expected
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(opendata.CSV_COLUMNS)
    for row in document["stories"]:
        writer.writerow([opendata._cell(value) for value in opendata.csv_record(row)])
    assert files[urls.DATA_CSV] == out.getvalue().encode("utf-8-sig")
    empty = opendata.data_files((), VOCAB, SITE)[urls.DATA_JSON]
    assert json.loads(empty)["stories"] == [] and b'"stories": []' in empty


def test_rows_kept_between_builds_give_the_same_files():
    from generator.build_cache import Recent

    recent = Recent()
    entries = group_entries(sample_stories())
    first = opendata.data_files(entries, VOCAB, SITE, recent)
    recent.turn()
    assert opendata.data_files(entries, VOCAB, SITE, recent) == first
    assert first == opendata.data_files(entries, VOCAB, SITE)
