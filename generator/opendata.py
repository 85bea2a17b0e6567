"""Open data: every published story as JSON (with its JSON Schema beside it) and as CSV.

One row per story (slug), newest first by its first publication (ties by slug). Field order
is fixed by the code (the order of `story_row` and `CSV_COLUMNS`) rather than sorted, so that
the files read in a natural order and diff cleanly between builds. Classifications carry the
vocabulary key plus the Finnish and Swedish labels. Licence CC BY 4.0, attribution "Tekojen tori".
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from generator import urls
from generator.feeds import SITE_NAME, TITLE_SEPARATOR, Remember, entry_terms, published
from generator.labels import LABELS, RULE_KEYS
from generator.messages import msg
from generator.model import LANGS, AwardKind, Entry, Kind, Term, Text, Vocabularies
from generator.page_keys import stories_of
from generator.problems import ContentError, Problem, suggest
from generator.statistics import AWARD_KINDS, TERM_KINDS, Statistics

LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "Tekojen tori",
}
SOURCES = (
    {
        "name": {
            "fi": "Tilastokeskus: kunta- ja maakuntaluokitukset",
            "sv": "Statistikcentralen: kommun- och landskapsindelningarna",
        },
        "licence": "CC BY 4.0",
        "url": "https://stat.fi/fi/luokitukset/kunta/kunta_1_20260101",
    },
)
TITLE = Text(
    fi=SITE_NAME.fi + TITLE_SEPARATOR + "kaikki julkaistut tarinat",
    sv=SITE_NAME.sv + TITLE_SEPARATOR + "alla publicerade berättelser",
)
KINDS = (Kind.MUNICIPALITY, Kind.REGION, Kind.CATEGORY, Kind.SECTOR, Kind.AWARD,
         Kind.CLIENT_GROUP)
LIST_SEPARATOR = "; "
CSV_COLUMNS = (
    "slug",
    "date",
    "updated",
    "organisation",
    "languages",
    "title_fi",
    "summary_fi",
    "url_fi",
    "title_sv",
    "summary_sv",
    "url_sv",
    *(f"{kind.value}{suffix}" for kind in KINDS for suffix in ("", "_fi", "_sv")),
    "awards_kind",  # prize or honourable-mention, in the order of the awards column
)
STATS_TITLE = Text(
    fi=SITE_NAME.fi + TITLE_SEPARATOR + "tilastot",
    sv=SITE_NAME.sv + TITLE_SEPARATOR + "statistik",
)
STATS_COLUMNS = ("group", "key", "kind", "fi", "sv", "stories")
TOTALS = ("stories", "organisations", "municipalities", "regions", "finnish", "swedish", "both")
# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def data_files(entries: Sequence[Entry], vocab: Vocabularies, site_url: str,
               remember: Remember | None = None) -> dict[str, bytes]:
    """The open-data files: destination path -> bytes.

    `remember` (as in feeds.py) keeps each story's row, with its JSON and CSV text, between
    preview builds, so that a rebuild after one edit writes out only that story's row.
    """
    ordered = sorted(published(entries), key=lambda e: (-e.date.toordinal(), e.slug))
    if remember:
        vocab_key = repr(vocab)
        rows = [remember(("row", stories_of((e,)), site_url, vocab_key),
                         lambda e=e: _row(e, vocab, site_url)) for e in ordered]
    else:
        rows = [_row(e, vocab, site_url) for e in ordered]
    schema_url = urls.absolute(site_url, urls.DATA_SCHEMA)
    document = {
        "$schema": schema_url,
        "title": {"fi": TITLE.fi, "sv": TITLE.sv},
        "licence": LICENCE,
        "sources": list(SOURCES),
        "updated": max((r.data["updated"] or r.data["date"] for r in rows), default=None),
        "count": len(rows),
        "stories": ROWS_MARK,
    }
    return {
        urls.DATA_JSON: _json_with_rows(document, [r.json for r in rows]),
        urls.DATA_SCHEMA: _json(published_schema(schema_url)),
        urls.DATA_CSV: _csv_text([r.csv for r in rows]),
    }


# Stands for the rows in the document while it is written out; the rows' text goes in its place.
ROWS_MARK = "\u0000rows\u0000"
ROW_INDENT = " " * 4  # a row's depth in stories.json: in the "stories" list of the document


@dataclass(frozen=True)
class Row:
    """One story of the open data: its JSON object and that object as published text."""

    data: dict[str, Any]
    json: str  # as json.dumps writes it inside the document (indented for its depth)
    csv: str  # its CSV line, line end included


def _row(entry: Entry, vocab: Vocabularies, site_url: str) -> Row:
    data = story_row(entry, vocab, site_url)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return Row(data, ROW_INDENT + text.replace("\n", "\n" + ROW_INDENT), _csv_line(data))


def _json_with_rows(document: dict[str, Any], rows: Sequence[str]) -> bytes:
    """`_json(document)` with the rows' ready text where ROWS_MARK stands (same bytes: JSON
    strings hold no line breaks, so indenting a row's text line by line is what json does)."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    listed = "[\n" + ",\n".join(rows) + "\n  ]" if rows else "[]"
    head, tail = text.split(json.dumps(ROWS_MARK, ensure_ascii=False), 1)
    return (head + listed + tail + "\n").encode("utf-8")


def load_schema() -> dict[str, Any]:
    """The JSON Schema of stories.json as shipped with the package."""
    source = resources.files("generator").joinpath("schemas", "stories.schema.json")
    return json.loads(source.read_text(encoding="utf-8"))


def published_schema(schema_url: str) -> dict[str, Any]:
    """The schema with `$id` set to where it is published, right after `$schema`."""
    schema = load_schema()
    return {"$schema": schema.pop("$schema"), "$id": schema_url, **schema}


def story_row(entry: Entry, vocab: Vocabularies, site_url: str) -> dict[str, Any]:
    """One story as a JSON object, in the documented field order."""
    changes = [v.updated for v in entry.versions if v.updated is not None]
    row: dict[str, Any] = {
        "slug": entry.slug,
        "date": entry.date.isoformat(),
        "updated": max(changes).isoformat() if changes else None,
        "organisation": entry.versions[0].organisation,
        "languages": [v.lang.value for v in entry.versions],
        "versions": {
            v.lang.value: {
                "title": v.title,
                "summary": v.summary,
                "url": urls.absolute(site_url, urls.story(entry.slug, v.lang)),
                "date": v.date.isoformat(),
                "updated": v.updated.isoformat() if v.updated else None,
                "organisation": v.organisation,
            }
            for v in entry.versions
        },
    }
    for kind in KINDS:
        row[kind.value] = [term_object(t) for t in _terms(entry, kind, vocab)]
    return row


def term_object(term: Term) -> dict[str, Any]:
    """A term as a JSON object: key, code, year or award kind where it has one, fi and sv labels."""
    obj: dict[str, Any] = {"key": term.key}
    if term.code is not None:
        obj["code"] = term.code
    if term.year is not None:
        obj["year"] = term.year
    if term.kind is Kind.AWARD:
        obj["kind"] = (term.award_kind or AwardKind.PRIZE).value
    obj["fi"] = term.label.fi
    obj["sv"] = term.label.sv
    return obj


def _csv_text(lines: Sequence[str]) -> bytes:
    """The CSV lines of the rows under the header: UTF-8 with a BOM (so Excel reads ä, ö, å),
    lists joined with "; "."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(CSV_COLUMNS)
    out.writelines(lines)
    return out.getvalue().encode("utf-8-sig")


def _csv_line(row: dict[str, Any]) -> str:
    """One row as a CSV line."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([_cell(value) for value in csv_record(row)])
    return out.getvalue()


def csv_record(row: dict[str, Any]) -> list[str]:
    """One JSON row flattened to the CSV columns, in `CSV_COLUMNS` order."""
    record = [row["slug"], row["date"], row["updated"] or "", row["organisation"]]
    record.append(LIST_SEPARATOR.join(row["languages"]))
    for lang in LANGS:
        version = row["versions"].get(lang.value, {})
        record += [version.get("title", ""), version.get("summary", ""), version.get("url", "")]
    for kind in KINDS:
        terms = row[kind.value]
        for field in ("key", "fi", "sv"):
            record.append(LIST_SEPARATOR.join(t[field] for t in terms))
    record.append(LIST_SEPARATOR.join(t["kind"] for t in row[Kind.AWARD.value]))
    return record


def _terms(entry: Entry, kind: Kind, vocab: Vocabularies) -> list[Term]:
    """The story's terms of one kind, in vocabulary file order."""
    vocabulary = vocab[kind]
    unknown = [
        Problem(v.source, 0, kind.value, msg(f"term.unknown.{kind.value}", key=key),
                suggest(key, vocabulary.keys()))
        for v in entry.versions
        for key in v.terms(kind)
        if key not in vocabulary
    ]
    if unknown:  # validation catches these first; this guards callers that skipped it
        raise ContentError(unknown)
    found = [vocabulary.get(key) for key in entry_terms(entry, kind)]
    return sorted((t for t in found if t is not None), key=lambda t: (t.order, t.key))


def _cell(value: str) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _json(document: dict[str, Any]) -> bytes:
    """JSON as published: UTF-8 characters as they are, two-space indent, trailing newline."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def statistics_files(stats: Statistics) -> dict[str, bytes]:
    """The statistics as open data: JSON and a CSV with one figure a row."""
    document = statistics_document(stats)
    return {urls.STATS_JSON: _json(document), urls.STATS_CSV: statistics_csv(document)}


def statistics_document(stats: Statistics) -> dict[str, Any]:
    """The figures of the statistics page as one JSON document, in the page's order."""
    totals = {key: getattr(stats.totals, key) for key in TOTALS}
    return {
        "title": {"fi": STATS_TITLE.fi, "sv": STATS_TITLE.sv},
        "licence": LICENCE,
        "sources": list(SOURCES),
        "rules": {lang.value: [LABELS[key][lang] for key in RULE_KEYS] for lang in LANGS},
        "totals": totals,
        "years": [{"year": y.year, "stories": y.count} for y in stats.by_year],
        **{kind.value: [{**term_object(t.term), "stories": t.count} for t in stats.by_term[kind]]
           for kind in TERM_KINDS},
        "organisations": [
            {"name": o.key, **{lang.value: o.names[lang] for lang in LANGS if lang in o.names},
             "stories": o.count}
            for o in stats.organisations
        ],
        "awards": [{"year": a.year, **{k.value: a.count(k) for k in AWARD_KINDS}}
                   for a in stats.awards],
    }


def statistics_csv(document: dict[str, Any]) -> bytes:
    """The statistics document flattened to rows of `STATS_COLUMNS`, in the JSON's order."""
    rows = [("totals", key, "", LABELS[f"total_{key}"].fi, LABELS[f"total_{key}"].sv, value)
            for key, value in document["totals"].items()]
    rows += [("years", y["year"], "", y["year"], y["year"], y["stories"])
             for y in document["years"]]
    for kind in TERM_KINDS:
        rows += [(kind.value, t["key"], "", t["fi"], t["sv"], t["stories"])
                 for t in document[kind.value]]
    rows += [("organisations", o["name"], "", o.get("fi", ""), o.get("sv", ""), o["stories"])
             for o in document["organisations"]]
    rows += [("awards", a["year"], k.value, a["year"], a["year"], a[k.value])
             for a in document["awards"] for k in AWARD_KINDS]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(STATS_COLUMNS)
    for row in rows:
        writer.writerow([_cell(str(value)) for value in row])
    return out.getvalue().encode("utf-8-sig")
