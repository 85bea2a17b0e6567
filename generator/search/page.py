"""The search page in each language: its form, filter choices and the strings its script uses.

The page is a GET form (query and filters in the address), a live status line and a result
list; search.js runs Pagefind on them and draws each result as the listing card it is.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable

from generator import urls
from generator.labels import LABELS
from generator.model import Lang, Text
from generator.search.filters import Facet
from generator.search.runner import BUNDLE

TEMPLATE = "search.html"

STRINGS: dict[str, Text] = {
    "title": Text("Haku", "Sök"),
    "description": Text(
        "Hae Tekojen torin kehittämistarinoita hakusanalla, teemalla, maakunnalla tai kunnalla.",
        "Sök bland berättelserna på Framstegsarenan med sökord, tema, landskap eller kommun.",
    ),
    "query": Text("Hakusana", "Sökord"),
    "submit": Text("Hae", "Sök"),
    "refine": Text("Rajaa hakua", "Avgränsa sökningen"),
    "toggle": Text("Rajaa hakua", "Avgränsa sökningen"),
    "toggle_count": Text("Rajaa hakua ({count} valittu)", "Avgränsa sökningen ({count} valda)"),
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
        "Sökningen kräver JavaScript. Du kan bläddra bland berättelserna per tema eller "
        "landskap.",
    ),
}
# Strings the result script needs, by the names it uses.
SCRIPT_STRINGS = ("loading", "prompt", "none", "one", "many", "shown", "error", "toggle",
                  "toggle_count")
# The listing card's own strings (labels.py), so a result card reads as a listing's does.
CARD_LABELS = ("in_other_language",)


def text(key: str, lang: Lang) -> str:
    """A string of the search interface in `lang`."""
    return STRINGS[key][lang]


def page_html(lang: Lang, facet_list: Iterable[Facet]) -> str:
    """The body of the search page in `lang`: a GET form, a live status line and the result list."""
    page = urls.search(lang)
    config = {
        "bundle": urls.relative(page, f"{BUNDLE}/{lang.value}/"),  # the language's index alone
        "root": urls.relative(page, ""),
        "lang": lang.value,
        "strings": {k: text(k, lang) for k in SCRIPT_STRINGS}
        | {k: LABELS[k][lang] for k in CARD_LABELS},
    }
    selects = "".join(_select(facet) for facet in facet_list)
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
        # Folds the filters on a phone, so the results come right after the query (search.js).
        f'<button type="button" class="tori-finder__toggle md-button" aria-expanded="true"'
        f' aria-controls="tori-search-filters" hidden>{e(text("toggle", lang))}</button>'
        f'<fieldset class="tori-finder__filters" id="tori-search-filters">'
        f'<legend>{e(text("refine", lang))}</legend>{selects}</fieldset>'
        f'<p class="tori-finder__clear"><a href="./">{e(text("clear", lang))}</a></p>'
        f"</form>"
        f'<noscript><p class="tori-finder__noscript">{e(text("noscript", lang))}</p></noscript>'
        f'<p class="tori-finder__status" role="status" aria-live="polite" aria-atomic="true"></p>'
        f'<ol class="tori-finder__results tori-cards" aria-label="{e(text("results", lang))}">'
        f"</ol>"
        f'<button type="button" class="tori-finder__more md-button" hidden>'
        f"{e(text('more', lang))}</button>"
        f"</div>"
    )


def _select(facet: Facet) -> str:
    """One filter as a labelled drop-down whose first choice means "any"."""
    e = html.escape
    options = "".join(f'<option value="{e(value)}">{e(label)}</option>'
                      for value, label in facet.options)
    return (
        f'<div class="tori-finder__filter"><label for="tori-search-{facet.name}">'
        f"{e(facet.label)}</label>"
        f'<select id="tori-search-{facet.name}" name="{facet.name}">'
        f'<option value="">{e(facet.any_label)}</option>{options}</select></div>'
    )
