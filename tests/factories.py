"""Small builders of model objects for unit tests (no files, no loader)."""

from __future__ import annotations

import datetime

from generator import urls
from generator.model import AwardKind, Kind, Lang, Story, Term, Text, Vocabularies, Vocabulary
from generator.search import Record


def term(kind: Kind, key: str, fi: str, sv: str, **extra) -> Term:
    """A term whose slugs follow its labels unless given."""
    slug = extra.pop("slug", Text(urls.slugify(fi), urls.slugify(sv)))
    return Term(kind, key, Text(fi, sv), slug, **extra)


def vocabularies() -> Vocabularies:
    """A small but realistic set of vocabularies."""
    cat, reg, mun, sec, awd, grp = (
        Kind.CATEGORY, Kind.REGION, Kind.MUNICIPALITY, Kind.SECTOR, Kind.AWARD, Kind.CLIENT_GROUP,
    )
    return Vocabularies(
        categories=Vocabulary(cat, (
            term(cat, "digitalisaatio", "Digitalisaatio", "Digitalisering"),
            term(cat, "ymparisto", "Ympäristö", "Miljö"),
            term(cat, "asiakaslahtoisyys", "Asiakaslähtöisyys", "Kundorientering"),
            term(cat, "tyohyvinvointi", "Työhyvinvointi", "Arbetshälsa"),
        )),
        regions=Vocabulary(reg, (
            term(reg, "uusimaa", "Uusimaa", "Nyland", code="01"),
            term(reg, "paijat-hame", "Päijät-Häme", "Päijänne-Tavastland", code="07"),
            term(reg, "ahvenanmaa", "Ahvenanmaa", "Åland", code="21"),
        )),
        municipalities=Vocabulary(mun, (
            term(mun, "vantaa", "Vantaa", "Vanda", code="092", region="uusimaa"),
            term(mun, "espoo", "Espoo", "Esbo", code="049", region="uusimaa"),
            term(mun, "hollola", "Hollola", "Hollola", code="098", region="paijat-hame"),
        )),
        sectors=Vocabulary(sec, (
            term(sec, "tekninen-toimi", "Tekninen toimi", "Tekniska sektorn"),
        )),
        awards=Vocabulary(awd, (
            term(awd, "2019-innostavat-teot", "Innostavat teot", "Inspirerande gärningar",
                 year=2019, programme=Text("KunTeko-gaala 2019", "KunTeko-galan 2019"),
                 slug=Text("2019-innostavat-teot", "2019-inspirerande-garningar"),
                 award_kind=AwardKind.PRIZE),
            term(awd, "2019-vuoden-viestintateko", "Vuoden viestintäteko",
                 "Årets kommunikationsgärning", year=2019,
                 programme=Text("Vuoden teko -palkinnot 2019", "Årets gärning-priserna 2019"),
                 slug=Text("2019-vuoden-viestintateko", "2019-arets-kommunikationsgarning"),
                 award_kind=AwardKind.HONOURABLE_MENTION),
            term(awd, "2021-suomen-kekseliain-kunta", "Suomen kekseliäin kunta",
                 "Finlands mest innovativa kommun", year=2021,
                 programme=Text("Kekseliäin kunta 2021", "Mest innovativa kommun 2021"),
                 slug=Text("2021-suomen-kekseliain-kunta",
                           "2021-finlands-mest-innovativa-kommun"),
                 award_kind=AwardKind.PRIZE),
        )),
        client_groups=Vocabulary(grp, (
            term(grp, "ikaantyneet", "Ikääntyneet", "Äldre"),
            term(grp, "oma-henkilosto", "Oma henkilöstö", "Den egna personalen"),
        )),
    )


def story(slug: str, lang: Lang = Lang.FI, day: str = "2024-01-01", **fields) -> Story:
    """A valid story version with sensible defaults."""
    defaults = dict(
        title=f"Tarina {slug}" if lang is Lang.FI else f"Berättelse {slug}",
        summary="Tiivistelmä, joka on riittävän pitkä kortille.",
        organisation="Vantaan kaupunki",
        categories=("digitalisaatio",),
        municipalities=("vantaa",),
        regions=("uusimaa",),
        body="Teksti.\n",
    )
    defaults.update(fields)
    return Story(
        slug=slug, lang=lang, source=f"stories/{slug}.{lang.value}.md",
        date=datetime.date.fromisoformat(day), **defaults,
    )


def search_record(url: str, lang: str, body: str, data: str = "") -> Record:
    """A hand-made search record: `body` is searched, `data` holds filter and meta spans."""
    return Record(url, f'<!doctype html><html lang="{lang}"><body><div data-pagefind-body>{body}'
                       f"</div><div hidden>{data}</div></body></html>")
