"""Search records: the lean document Pagefind indexes for each story page.

Pagefind reads these instead of the rendered pages, so it can start as soon as the content is
loaded (the story bodies are rendered with it) and work beside MkDocs' template rendering. A
record holds exactly what Pagefind took from a story page: the `<html lang>`, the searched text
(title, lead, body), the filters and the result fields. Pagefind ignored the rest of the page
(frame, facts box, translation link, image figure), so its index is the same.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from generator import urls
from generator.model import Entry, Story, Vocabularies
from generator.search import story_filters


@dataclass(frozen=True)
class Record:
    """What Pagefind indexes for one story page: its site-relative URL and the document."""

    url: str  # "fi/tarinat/<slug>/", so the record's path gives Pagefind the page's URL
    html: str


def story_records(entries: Iterable[Entry], vocabs: Vocabularies,
                  site_url: str) -> Iterator[Record]:
    """One record per story page, in entry order, with the story's sanitised body HTML."""
    for entry in entries:
        for story in entry.versions:
            url = urls.story(entry.slug, story.lang)
            filters = story_filters(story, entry, vocabs)
            yield Record(url, document(story, filters, story.body_html, site_url))


def document(story: Story, filters: Mapping[str, Iterable[str]], body: str,
             site_url: str) -> str:
    """The record of one story page: searched text in the body element, the rest as data."""
    e = html.escape
    spans = [f'<span data-pagefind-filter="{e(name)}">{e(value)}</span>'
             for name, values in filters.items() for value in values]
    spans.append(f'<span data-pagefind-meta="title">{e(story.title)}</span>')
    spans.append(f'<span data-pagefind-meta="summary">{e(story.summary)}</span>')
    # No data-pagefind-sort: a date sort adds ~21 kB (gzip) to every query at 10 000 stories.
    spans.append(f'<span data-pagefind-meta="date:{story.date.isoformat()}"></span>')
    if story.image:
        image = urls.absolute(site_url, story.image)
        spans.append(f'<span data-pagefind-meta="image:{e(image)}"></span>')
        spans.append(f'<span data-pagefind-meta="image_alt">{e(story.image_alt or "")}</span>')
    return (
        f'<!doctype html><html lang="{story.lang.value}"><body>'
        f"<div data-pagefind-body>\n<h1>{e(story.title)}</h1>\n"
        f"<p>{e(story.summary)}</p>\n<div>\n{body}\n</div>\n</div>\n"
        f'<div hidden>{"".join(spans)}</div></body></html>\n'
    )
