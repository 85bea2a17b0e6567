"""Atom feeds of the newest stories: one per language and one per term page, in both languages.

Why Atom (RFC 4287) and not RSS 2.0: a language's listings mix versions in both languages, and
Atom lets every entry carry its own `xml:lang`; Atom requires an id and an `updated` timestamp
on every entry (which keeps readers from showing old stories as new) and has one unambiguous
date format (RFC 3339) instead of RSS's RFC 822 dates; feed readers and newsletter tools read
both equally. The XML is built with lxml, which handles namespaces and escapes text and
attributes for us; `feedgen` was not used because it cannot set `xml:lang` per entry and stamps
its own version into every feed. Nothing here reads the clock: a feed's `updated` is the newest
date of its stories, so the same content always gives the same bytes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from generator import urls
from generator.labels import LABELS, award_kind_label
from generator.model import LANGS, AwardKind, Entry, Kind, Lang, Story, Term, Text, Vocabularies
from generator.page_keys import stories_of

FEED_SIZE = 20
# Finnish and Swedish typography separate title parts with a spaced en dash.
TITLE_SEPARATOR = " \N{EN DASH} "
SITE_NAME = LABELS["site_name"]
STORIES_TITLE = Text(fi="Uusimmat tarinat", sv="Nyaste berättelserna")
STORIES_SUBTITLE = Text(
    fi="Uusimmat kehittämisteot kuntien työpaikoilta.",
    sv="De senaste utvecklingsgärningarna från kommunala arbetsplatser.",
)

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ATOM_TYPE = "application/atom+xml"


Remember = Callable[[Hashable, Callable[[], Any]], Any]


@dataclass(frozen=True)
class Channel:
    """What a feed is about: a listing page read in one language."""

    lang: Lang
    listing: str  # the listing's first page, site-relative ("fi/teemat/digitalisaatio/")
    title: str
    subtitle: str | None = None


def feed_files(entries: Sequence[Entry], vocab: Vocabularies, site_url: str,
               remember: Remember | None = None) -> dict[str, bytes]:
    """Every feed of the site: destination path -> Atom document (UTF-8).

    `remember(key, compute)` may answer with a feed made before from the same stories (the
    preview keeps them between rebuilds: build_cache.Recent); the key names all a feed reads,
    the stories by identity (a story loaded again from a changed file is another object).
    """
    entries = published(entries)
    files: dict[str, bytes] = {}
    vocab_key = repr(vocab) if remember else ""
    for channel, members in channels(entries, vocab):
        def make(members=members, channel=channel) -> bytes:
            return atom_feed(members, channel, vocab, site_url)

        key = ("feed", channel, stories_of(members), site_url, vocab_key)
        files[urls.feed(channel.listing)] = remember(key, make) if remember else make()
    return files


def channels(entries: Sequence[Entry], vocab: Vocabularies) -> list[tuple[Channel, list[Entry]]]:
    """Each feed with its stories: all stories per language, then each term listing with any.

    A listing shows every story in the version its readers get (`Entry.best`), and lists it
    under the terms of that version, exactly as the site's index pages do.
    """
    found = []
    for lang in LANGS:
        if entries:
            title = SITE_NAME[lang] + TITLE_SEPARATOR + STORIES_TITLE[lang]
            channel = Channel(lang, urls.stories(lang), title, STORIES_SUBTITLE[lang])
            found.append((channel, list(entries)))
        tagged = by_term(entries, lang)
        for vocabulary in vocab.all():
            for term in vocabulary:
                if (term.kind, term.key) in tagged:
                    subtitle = term.description[lang] if term.description else None
                    channel = Channel(lang, urls.term(term, lang), term_title(term, lang), subtitle)
                    found.append((channel, tagged[(term.kind, term.key)]))
    return found


def by_term(entries: Iterable[Entry], lang: Lang) -> dict[tuple[Kind, str], list[Entry]]:
    """The entries listed under each term for readers of `lang`."""
    tagged: dict[tuple[Kind, str], list[Entry]] = {}
    for entry in entries:
        story = entry.best(lang)
        for kind in Kind:
            for key in story.terms(kind):
                tagged.setdefault((kind, key), []).append(entry)
    return tagged


def published(entries: Iterable[Entry]) -> list[Entry]:
    """The entries without their draft versions; entries left with no version are dropped."""
    kept = []
    for entry in entries:
        versions = tuple(v for v in entry.versions if not v.draft)
        if versions:
            kept.append(entry if versions == entry.versions else Entry(entry.slug, versions))
    return kept


def entry_terms(entry: Entry, kind: Kind) -> tuple[str, ...]:
    """The keys of one taxonomy in any version of a story, first-seen order, no repeats."""
    return tuple(dict.fromkeys(key for v in entry.versions for key in v.terms(kind)))


def newest(entries: Iterable[Entry], lang: Lang, limit: int = FEED_SIZE) -> list[Entry]:
    """The entries newest first as `lang` readers see them (ties by slug), at most `limit`."""
    return sorted(entries, key=lambda e: (-e.best(lang).date.toordinal(), e.slug))[:limit]


def term_title(term: Term, lang: Lang) -> str:
    """A term feed's title: the site name and the term's label; awards name their gala too,
    and an honourable mention says so, never passing for a prize."""
    label = term.label[lang]
    if term.programme is not None:
        label = f"{term.programme[lang]}: {label}"
    if term.award_kind is AwardKind.HONOURABLE_MENTION:
        label = f"{label}, {award_kind_label(term.award_kind, lang).lower()}"
    return SITE_NAME[lang] + TITLE_SEPARATOR + label


def atom_timestamp(day: datetime.date) -> str:
    """A date as an RFC 3339 timestamp: stories carry days, so midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def last_change(story: Story) -> datetime.date:
    """The day a version last changed."""
    return story.updated or story.date


def atom_feed(
    entries: Sequence[Entry], channel: Channel, vocab: Vocabularies, site_url: str
) -> bytes:
    """One Atom document: the newest stories of a listing, as shown to readers of its language."""
    lang, listing = channel.lang, channel.listing
    shown = [(e, e.best(lang)) for e in newest(entries, lang)]
    feed = etree.Element(_atom("feed"), {XML_LANG: lang.value}, nsmap={None: ATOM_NS})
    _text(feed, "id", urls.absolute(site_url, listing))
    _text(feed, "title", channel.title)
    if channel.subtitle:
        _text(feed, "subtitle", channel.subtitle)
    _link(feed, "self", urls.absolute(site_url, urls.feed(listing)), ATOM_TYPE)
    _link(feed, "alternate", urls.absolute(site_url, listing), "text/html", lang)
    _text(feed, "updated", atom_timestamp(max(last_change(s) for _, s in shown)))
    author = etree.SubElement(feed, _atom("author"))
    _text(author, "name", SITE_NAME[lang])
    _text(author, "uri", urls.absolute(site_url, urls.home(lang)))
    for entry, story in shown:
        _entry(feed, entry, story, vocab, site_url)
    return etree.tostring(feed, encoding="utf-8", xml_declaration=True, pretty_print=True)


def _entry(
    feed: etree._Element, entry: Entry, story: Story, vocab: Vocabularies, site_url: str
) -> None:
    """Append one story version as an Atom entry, in the version's own language."""
    lang = story.lang
    url = urls.absolute(site_url, urls.story(entry.slug, lang))
    item = etree.SubElement(feed, _atom("entry"), {XML_LANG: lang.value})
    _text(item, "id", url)
    _text(item, "title", story.title)
    _link(item, "alternate", url, "text/html", lang)
    translation = entry.get(lang.other)
    if translation is not None:
        other = urls.absolute(site_url, urls.story(entry.slug, translation.lang))
        # "related", not a second "alternate": readers take one alternate as the entry's link
        _link(item, "related", other, "text/html", translation.lang)
    _text(item, "published", atom_timestamp(story.date))
    _text(item, "updated", atom_timestamp(last_change(story)))
    author = etree.SubElement(item, _atom("author"))
    _text(author, "name", story.organisation)
    scheme = urls.absolute(site_url, urls.overview(Kind.CATEGORY, lang))
    for key in story.categories:
        term = vocab.categories.get(key)
        label = term.label[lang] if term else key
        etree.SubElement(item, _atom("category"), {"term": key, "scheme": scheme, "label": label})
    _text(item, "summary", story.summary)


def _atom(tag: str) -> str:
    """An element name in the Atom namespace."""
    return f"{{{ATOM_NS}}}{tag}"


def _text(parent: etree._Element, tag: str, text: str) -> None:
    """Append an Atom element holding plain text."""
    etree.SubElement(parent, _atom(tag)).text = text


def _link(
    parent: etree._Element, rel: str, href: str, mime: str, hreflang: Lang | None = None
) -> None:
    """Append an Atom link."""
    attrs = {"rel": rel, "type": mime, "href": href}
    if hreflang is not None:
        attrs["hreflang"] = hreflang.value
    etree.SubElement(parent, _atom("link"), attrs)
