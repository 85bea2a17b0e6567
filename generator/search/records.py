"""Search records: the lean document Pagefind indexes for each story in each language.

Every story gets a record in both languages' indexes. In its own language the record holds the
story's title, summary and body; in the other language (a story with no version there) it holds
the other version's title and summary. Either way it holds, weighted above the body, the
organisation and the labels of the story's terms in the index's language, places by their Finnish
and Swedish names and, in Finnish, in the cases readers type (inflect.py). The result card's
fields travel as one JSON meta value, built from the listing card (cards.py), so a result looks
as the story does on a listing.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass

from generator import urls
from generator.cards import Card, make_card
from generator.labels import award_kind_label
from generator.model import LANGS, Entry, Kind, Lang, Vocabularies
from generator.search import inflect
from generator.search.filters import FILTER_KINDS, story_filters, term_label

# Pagefind's weights (default 1; an <h1> counts 7): a named theme, place or organisation ranks
# the stories filed under it above those that merely mention the word.
LABEL_WEIGHT = 5
PLACE_KINDS = (Kind.REGION, Kind.MUNICIPALITY)


@dataclass(frozen=True)
class Record:
    """What Pagefind indexes for one story in one language: where it sits and the document.

    `url` is the record's site-relative path ("fi/tarinat/<slug>/"); Pagefind takes it as the
    result's URL, and for a story with no version in that language the card's link leads to
    the version there is.
    """

    url: str
    html: str


def story_records(entries: Iterable[Entry], vocabs: Vocabularies, bodies: Mapping[str, str],
                  site_url: str) -> Iterator[Record]:
    """Every story's record in each language; `bodies` maps story page URLs to body HTML."""
    for entry in entries:
        for lang in LANGS:
            card = make_card(entry, lang, vocabs)
            body = None if card.foreign else bodies[card.url]
            yield Record(urls.story(entry.slug, lang),
                         document(entry, card, vocabs, lang, body, site_url))


def site_records(entries: Sequence[Entry], vocabs: Vocabularies,
                 site_url: str) -> Iterator[Record]:
    """Every story's record in each language, with the sanitised body its own page shows."""
    bodies = {urls.story(entry.slug, lang): entry.best(lang).body_html
              for entry in entries for lang in LANGS}
    return story_records(entries, vocabs, bodies, site_url)


def term_words(entry: Entry, vocabs: Vocabularies, lang: Lang) -> tuple[str, ...]:
    """The searched labels of a story's terms in `lang`, places in both languages and cases."""
    story = entry.best(lang)
    words: list[str] = []
    for kind in FILTER_KINDS.values():
        for key in story.terms(kind):
            term = vocabs[kind].get(key)
            if term is None:
                continue
            words.append(term_label(term, lang) if kind is Kind.AWARD else term.label[lang])
            if kind is Kind.AWARD:
                # "Kunniamaininta" / "Hedersomnämnande": what the badge calls the award
                words.append(award_kind_label(term.award_kind, lang))
                if term.programme:
                    words.append(term.programme[lang])
            if lang is Lang.FI and kind not in PLACE_KINDS:
                words.extend(inflect.nen_forms(term.label[Lang.FI]))
            if kind in PLACE_KINDS:
                words.append(term.label[lang.other])
                if lang is Lang.FI:
                    words.extend(inflect.forms(term.label[Lang.FI]))
    return tuple(dict.fromkeys(w for w in words if w))  # once each, in order


def document(entry: Entry, card: Card, vocabs: Vocabularies, lang: Lang, body: str | None,
             site_url: str) -> str:
    """The record of a story in `lang`'s index: searched text in the body, the rest as data."""
    e = html.escape
    story = entry.best(lang)
    spans = [f'<span data-pagefind-filter="{e(name)}">{e(value)}</span>'
             for name, values in story_filters(entry, vocabs, lang).items() for value in values]
    spans.append(f'<span data-pagefind-meta="title">{e(card.title)}</span>')
    spans.append(f'<span data-pagefind-meta="card">{e(card_json(card))}</span>')
    # No data-pagefind-sort: a date sort adds ~21 kB (gzip) to every query at 10 000 stories.
    if story.image:
        image = urls.absolute(site_url, story.image)
        spans.append(f'<span data-pagefind-meta="image:{e(image)}"></span>')
        spans.append(f'<span data-pagefind-meta="image_alt">{e(story.image_alt or "")}</span>')
    other = f' lang="{story.lang.value}"' if card.foreign else ""
    labels = " · ".join(e(w) for w in term_words(entry, vocabs, lang))
    text = "" if body is None else f"<div>\n{body}\n</div>\n"
    return (
        f'<!doctype html><html lang="{lang.value}"><body>'
        f"<div data-pagefind-body>\n<h1{other}>{e(card.title)}</h1>\n"
        f"<p{other}>{e(card.summary)}</p>\n"
        f'<p data-pagefind-weight="{LABEL_WEIGHT}"{other}>{e(card.organisation)}</p>\n'
        f'<p data-pagefind-weight="{LABEL_WEIGHT}">{labels}</p>\n'
        f"{text}</div>\n"
        f'<div hidden>{"".join(spans)}</div></body></html>\n'
    )


def card_json(card: Card) -> str:
    """The fields a result card shows, as the listing card has them, in compact JSON."""
    fields = asdict(card)
    fields["story_lang"] = card.story_lang.value
    fields["date"] = card.date.isoformat()
    fields["awards"] = [asdict(award) for award in card.awards]
    del fields["slug"]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
