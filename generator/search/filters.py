"""Search filters: the language-neutral values a story is filtered by, and their labels.

A filter's values are keys (term keys, a year, an organisation's key, a language code), the same
in both languages' indexes, so a search's address keeps its meaning when the reader switches
language. The search page shows each key's label in the page's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator import labels, urls
from generator.collation import sort_key
from generator.model import LANGS, Entry, Kind, Lang, Term, Text, Vocabularies

# Filter names are language-neutral (they appear in shareable URLs); values are keys.
FILTER_KINDS: dict[str, Kind] = {
    "theme": Kind.CATEGORY,
    "region": Kind.REGION,
    "municipality": Kind.MUNICIPALITY,
    "sector": Kind.SECTOR,
    "award": Kind.AWARD,
    "client_group": Kind.CLIENT_GROUP,
}
FILTERS: tuple[str, ...] = (*FILTER_KINDS, "year", "organisation", "language")

# Headings of the filters that are not vocabularies. "language" filters by the versions a story
# has, so it says so: "Tarina saatavilla: ruotsiksi", not a "language version" of the text.
HEADINGS: dict[str, Text] = {
    "year": Text("Vuosi", "År"),
    "organisation": Text("Organisaatio", "Organisation"),
    "language": Text("Tarina saatavilla", "Berättelsen finns"),
}
ANY: dict[str, Text] = {
    "language": Text("Millä tahansa kielellä", "På vilket språk som helst"),
}
ANY_DEFAULT = Text("Kaikki", "Alla")

# A version's language as a choice of the "language" filter, in the page's language.
AVAILABLE_IN: dict[Lang, Text] = {
    Lang.FI: Text("Suomeksi", "På finska"),
    Lang.SV: Text("Ruotsiksi", "På svenska"),
}


@dataclass(frozen=True)
class Facet:
    """One filter of the search page in one language: its choices as (value, label) pairs."""

    name: str
    label: str
    any_label: str
    options: tuple[tuple[str, str], ...]


def organisation_key(entry: Entry) -> str:
    """A story's organisation as a filter value: the slug of its name in the first version."""
    return urls.slugify(entry.versions[0].organisation)


def story_filters(entry: Entry, vocabs: Vocabularies, lang: Lang) -> dict[str, tuple[str, ...]]:
    """The filter values of a story in `lang`'s index (its version there, else the other)."""
    story = entry.best(lang)
    values = {name: tuple(k for k in story.terms(kind) if k in vocabs[kind])
              for name, kind in FILTER_KINDS.items()}
    values["year"] = (str(story.date.year),)
    values["organisation"] = (organisation_key(entry),)
    values["language"] = tuple(v.lang.value for v in entry.versions)
    return values


def term_label(term: Term, lang: Lang) -> str:
    """A term as a filter choice: its label, and an award's year, since award labels repeat."""
    label = term.label[lang]
    return f"{label} {term.year}" if term.kind is Kind.AWARD and term.year else label


def facets(entries: Iterable[Entry], vocabs: Vocabularies, lang: Lang) -> tuple[Facet, ...]:
    """The filters of the search page in `lang`, each with the values its stories carry."""
    found: dict[str, dict[str, str]] = {name: {} for name in FILTERS}
    for entry in entries:
        for name, values in story_filters(entry, vocabs, lang).items():
            for value in values:
                found[name].setdefault(value, _label(name, value, entry, vocabs, lang))
    return tuple(Facet(name, heading(name, lang), ANY.get(name, ANY_DEFAULT)[lang],
                       _ordered(name, found[name], lang)) for name in FILTERS)


def _label(name: str, value: str, entry: Entry, vocabs: Vocabularies, lang: Lang) -> str:
    """The label of one filter value in `lang`."""
    if name in FILTER_KINDS:
        return term_label(vocabs[FILTER_KINDS[name]].get(value), lang)
    if name == "organisation":
        return entry.best(lang).organisation
    if name == "language":
        return AVAILABLE_IN[Lang(value)][lang]
    return value


def _ordered(name: str, choices: dict[str, str], lang: Lang) -> tuple[tuple[str, str], ...]:
    """Choices in reading order: years newest first, languages as the site lists them, the
    rest alphabetically in the page language's collation."""
    if name == "year":
        return tuple(sorted(choices.items(), reverse=True))
    if name == "language":
        return tuple((lng.value, choices[lng.value]) for lng in LANGS if lng.value in choices)
    return tuple(sorted(choices.items(), key=lambda item: (sort_key(item[1], lang), item[0])))


def heading(name: str, lang: Lang) -> str:
    """The heading of a filter in `lang`."""
    if name in FILTER_KINDS:
        return labels.KIND_SINGULAR[FILTER_KINDS[name]][lang]
    return HEADINGS[name][lang]

