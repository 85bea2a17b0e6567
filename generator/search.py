"""Search: the filters a story is found by, and the search page in each language.

Pagefind (run by search_index.py) reads a lean record of every story page (search_records.py)
and writes one index per `<html lang>`. The search page is a small script on Pagefind's JS API; its
form, filter choices and strings are rendered here, in the page's language.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from dataclasses import dataclass

from generator import labels, urls
from generator.collation import sort_key
from generator.model import Entry, Kind, Lang, Story, Term, Text, Vocabularies
from generator.search_index import BUNDLE

TEMPLATE = "search.html"

# Filter names are language-neutral (they appear in shareable URLs); values are labels.
FILTER_KINDS: dict[str, Kind] = {
    "theme": Kind.CATEGORY,
    "region": Kind.REGION,
    "municipality": Kind.MUNICIPALITY,
    "sector": Kind.SECTOR,
    "award": Kind.AWARD,
}
FILTERS: tuple[str, ...] = (*FILTER_KINDS, "year", "language")

STRINGS: dict[str, Text] = {
    "title": Text("Haku", "Sök"),
    "description": Text(
        "Hae Tekojen torin kehittämistarinoita hakusanalla, teemalla, maakunnalla tai kunnalla.",
        "Sök bland berättelserna på Framstegsarenan med sökord, tema, landskap eller kommun.",
    ),
    "query": Text("Hakusana", "Sökord"),
    "submit": Text("Hae", "Sök"),
    "refine": Text("Rajaa hakua", "Avgränsa sökningen"),
    "any": Text("Kaikki", "Alla"),
    "year": Text("Vuosi", "År"),
    "language": Text("Kieliversio", "Språkversion"),
    "clear": Text("Tyhjennä haku", "Töm sökningen"),
    "results": Text("Hakutulokset", "Sökresultat"),
    "more": Text("Näytä lisää tuloksia", "Visa fler resultat"),
    "loading": Text("Haetaan…", "Söker…"),
    "prompt": Text(
        "Kirjoita hakusana tai valitse rajaus.", "Skriv ett sökord eller välj en avgränsning."
    ),
    "none": Text("Hakuehdoilla ei löytynyt tarinoita.", "Inga berättelser motsvarar sökningen."),
    "one": Text("Löytyi 1 tarina.", "1 berättelse hittades."),
    "many": Text("Löytyi {count} tarinaa.", "{count} berättelser hittades."),
    "shown": Text("Näytetään {shown}/{count}.", "Visar {shown} av {count}."),
    "error": Text(
        "Haku ei juuri nyt toimi. Voit selata tarinoita teemoittain tai maakunnittain.",
        "Sökningen fungerar inte just nu. "
        "Du kan bläddra bland berättelserna per tema eller landskap.",
    ),
    "noscript": Text(
        "Haku tarvitsee JavaScriptiä. Voit selata tarinoita teemoittain tai maakunnittain.",
        "Sökningen kräver JavaScript. Du kan bläddra bland berättelserna per tema eller landskap.",
    ),
}


# Each language's name written in each language: LANGUAGE_NAMES[Lang.SV][Lang.FI] == "ruotsi".
LANGUAGE_NAMES: dict[Lang, Text] = {
    Lang.FI: Text("suomi", "finska"),
    Lang.SV: Text("ruotsi", "svenska"),
}


def text(key: str, lang: Lang) -> str:
    """A string of the search interface in `lang`."""
    return STRINGS[key][lang]


@dataclass(frozen=True)
class Facet:
    """One filter of the search page: its name, heading and values in one language."""

    name: str
    label: str
    values: tuple[str, ...]


def story_filters(story: Story, entry: Entry, vocabs: Vocabularies) -> dict[str, tuple[str, ...]]:
    """The Pagefind filter values of a story page, labels in the story's language."""
    lang = story.lang
    values = {
        name: tuple(_value(vocabs[kind].get(key), lang) for key in story.terms(kind))
        for name, kind in FILTER_KINDS.items()
    }
    values["year"] = (str(story.date.year),)
    # A page is indexed only in its own language, so "language" tells which versions exist.
    values["language"] = tuple(LANGUAGE_NAMES[v.lang][lang] for v in entry.versions)
    return values


def _value(term: Term, lang: Lang) -> str:
    """A term as a filter value: its label, and an award's year, since award labels repeat."""
    label = term.label[lang]
    return f"{label} {term.year}" if term.kind is Kind.AWARD and term.year else label


def facets(entries: Iterable[Entry], vocabs: Vocabularies, lang: Lang) -> tuple[Facet, ...]:
    """The filters of the search page in `lang`, each with the values its stories carry."""
    found: dict[str, set[str]] = {name: set() for name in FILTERS}
    for entry in entries:
        story = entry.get(lang)
        if story is None:
            continue
        for name, values in story_filters(story, entry, vocabs).items():
            found[name].update(values)
    result = []
    for name in FILTERS:
        if name == "year":
            ordered = sorted(found[name], reverse=True)  # newest first, as readers browse
        else:
            ordered = sorted(found[name], key=lambda v: sort_key(v, lang))
        result.append(Facet(name, _facet_label(name, lang), tuple(ordered)))
    return tuple(result)


def _facet_label(name: str, lang: Lang) -> str:
    """The heading of a filter in `lang`."""
    if name in FILTER_KINDS:
        return labels.KIND_SINGULAR[FILTER_KINDS[name]][lang]
    return text(name, lang)


def page_html(lang: Lang, facet_list: Iterable[Facet]) -> str:
    """The body of the search page in `lang`: a GET form, a live status line and the result list."""
    page = urls.search(lang)
    config = {
        "bundle": urls.relative(page, f"{BUNDLE}/"),
        "lang": lang.value,
        "strings": {k: text(k, lang) for k in ("loading", "prompt", "none", "one", "many", "shown",
                                                "error")},
    }
    selects = "".join(_select(facet, lang) for facet in facet_list)
    e = html.escape
    return (
        f'<div class="tori-finder" data-tori-search="{e(json.dumps(config, ensure_ascii=False))}">'
        f'<form class="tori-finder__form" role="search" method="get" action="./"'
        f' aria-label="{e(text("title", lang))}">'
        f'<div class="tori-finder__query">'
        f'<label for="tori-search-q">{e(text("query", lang))}</label>'
        f'<input type="search" id="tori-search-q" name="q" autocomplete="off"'
        f' enterkeyhint="search" spellcheck="false">'
        f'<button type="submit" class="md-button md-button--primary">{e(text("submit", lang))}'
        f"</button></div>"
        f'<fieldset class="tori-finder__filters"><legend>{e(text("refine", lang))}</legend>'
        f"{selects}</fieldset>"
        f'<p class="tori-finder__clear"><a href="./">{e(text("clear", lang))}</a></p>'
        f"</form>"
        f'<noscript><p class="tori-finder__noscript">{e(text("noscript", lang))}</p></noscript>'
        f'<p class="tori-finder__status" role="status" aria-live="polite" aria-atomic="true"></p>'
        f'<ol class="tori-finder__results" aria-label="{e(text("results", lang))}"></ol>'
        f'<button type="button" class="tori-finder__more md-button" hidden>'
        f"{e(text('more', lang))}</button>"
        f"</div>"
    )


def _select(facet: Facet, lang: Lang) -> str:
    """One filter as a labelled drop-down whose first choice means "any"."""
    e = html.escape
    options = "".join(f'<option value="{e(v)}">{e(v)}</option>' for v in facet.values)
    return (
        f'<div class="tori-finder__filter"><label for="tori-search-{facet.name}">'
        f"{e(facet.label)}</label>"
        f'<select id="tori-search-{facet.name}" name="{facet.name}">'
        f'<option value="">{e(text("any", lang))}</option>{options}</select></div>'
    )
