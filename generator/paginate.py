"""Pure slicing of a listing into numbered pages with previous and next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator import urls
from generator.model import Lang

T = TypeVar("T")

PER_PAGE = 20


@dataclass(frozen=True)
class Pager(Generic[T]):
    """One page of a listing: its items and how to reach the other pages."""

    items: tuple[T, ...]
    number: int  # 1-based
    count: int  # number of pages, at least 1
    total: int  # number of items on all pages
    base: str  # URL of page 1
    lang: Lang
    per_page: int = PER_PAGE

    def url(self, number: int) -> str:
        """The URL of page `number` of this listing."""
        return urls.paged(self.base, self.lang, number)

    @property
    def this_url(self) -> str:
        """The URL of this page."""
        return self.url(self.number)

    @property
    def previous(self) -> str | None:
        """The URL of the previous page, or None on the first."""
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        """The URL of the next page, or None on the last."""
        return self.url(self.number + 1) if self.number < self.count else None

    @property
    def first_index(self) -> int:
        """1-based position of the first item on this page in the whole listing."""
        return (self.number - 1) * self.per_page + 1 if self.items else 0

    def window(self, around: int = 2) -> tuple[int | None, ...]:
        """Page numbers to show: first, last and `around` either side; None marks a gap."""
        return page_window(self.number, self.count, around)


def page_window(current: int, count: int, around: int = 2) -> tuple[int | None, ...]:
    """Numbers 1, count and current±around in order, with None where numbers are skipped."""
    wanted = {1, count, *range(current - around, current + around + 1)}
    shown = sorted(n for n in wanted if 1 <= n <= count)
    out: list[int | None] = []
    for n in shown:
        if out and n - out[-1] == 2:  # a gap of one page: show it instead of an ellipsis
            out.append(n - 1)
        elif out and n - out[-1] > 2:
            out.append(None)
        out.append(n)
    return tuple(out)


def paginate(
    items: Sequence[T], base: str, lang: Lang, per_page: int = PER_PAGE
) -> list[Pager[T]]:
    """Split `items` into pages of `per_page`; an empty listing still has one page."""
    total = len(items)
    count = max(1, -(-total // per_page))
    return [
        Pager(
            tuple(items[i * per_page : (i + 1) * per_page]), i + 1, count, total, base, lang,
            per_page,
        )
        for i in range(count)
    ]
