"""Rendered fragments that repeat across pages, built once per build and reused."""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import pass_context

# Stands in for the card's link while its HTML is cached; no story text can contain it,
# because it holds a NUL character.
HREF = "\x00tori-card-href\x00"


class CardHtml:
    """Renders each (card, heading, labels) once; each page then only fills in its own link.

    A card's link is relative to the page showing it, so the cached HTML holds a
    placeholder that is replaced by the page's own `url` filter result.
    """

    def __init__(self) -> None:
        self._html: dict[tuple[object, ...], str] = {}

    def __call__(self, context, macro: Callable[..., str], card, heading: str = "h3") -> str:
        """The HTML of `card` as `macro` renders it, with its link relative to this page."""
        t = context.get("t") or {}
        # The macro reads this label; the rest of its output comes from the card.
        key = (card, heading, t.get("in_other_language"))
        html = self._html.get(key)
        if html is None:
            html = self._html[key] = str(macro(card, heading, HREF))
        href = context.environment.filters["url"](context, card.url)
        return html.replace(HREF, href)


def card_html_global() -> Callable[..., str]:
    """A fresh, per-build card renderer to register as a Jinja global."""
    cards = CardHtml()

    @pass_context
    def tori_card(context, macro: Callable[..., str], card, heading: str = "h3") -> str:
        return cards(context, macro, card, heading)

    return tori_card


def once_global() -> Callable[..., str]:
    """A fresh, per-build `{% call tori_once(*key) %}…{% endcall %}`: renders the body once per key.

    The key must name everything the body's output depends on.
    """
    done: dict[tuple[object, ...], str] = {}

    def tori_once(*key: object, caller: Callable[[], str]) -> str:
        html = done.get(key)
        if html is None:
            html = done[key] = str(caller())
        return html

    return tori_once
