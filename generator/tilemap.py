"""The tile map of Finland's regions: one equal square per region, placed roughly where it lies.

The grid is drawn by hand from the regions' rough positions (no map data): five columns, six
rows, north at the top. Åland stands alone in the south-west corner, as on most maps of
Finland (a column of its own further west would make every tile a sixth smaller on a phone).
Tiles are listed row by row, north to south and west to east, so reading and keyboard order
follow the picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Term, Vocabulary

# Region key -> (row, column), both 1-based as in CSS grid lines.
POSITIONS: dict[str, tuple[int, int]] = {
    "lappi": (1, 3),
    "keski-pohjanmaa": (2, 2),
    "pohjois-pohjanmaa": (2, 3),
    "kainuu": (2, 4),
    "pohjanmaa": (3, 1),
    "etela-pohjanmaa": (3, 2),
    "keski-suomi": (3, 3),
    "pohjois-savo": (3, 4),
    "pohjois-karjala": (3, 5),
    "satakunta": (4, 1),
    "pirkanmaa": (4, 2),
    "paijat-hame": (4, 3),
    "etela-savo": (4, 4),
    "etela-karjala": (4, 5),
    "varsinais-suomi": (5, 1),
    "kanta-hame": (5, 2),
    "uusimaa": (5, 3),
    "kymenlaakso": (5, 4),
    "ahvenanmaa": (6, 1),
}
# Last parts of compound region names, where a name may break on a narrow tile (a soft hyphen
# goes before them): "Pohjan-maa", "Öster-botten", "Kymmene-dalen". Browsers without the
# language's hyphenation rules would otherwise break such words at any letter.
COMPOUND_ENDS = ("maa", "land", "botten", "dalen", "laakso", "kunta")
SOFT_HYPHEN = "\u00ad"
ROWS = max(row for row, _ in POSITIONS.values())
COLUMNS = max(column for _, column in POSITIONS.values())


@dataclass(frozen=True)
class Place:
    """A region's tile on the grid."""

    term: Term
    row: int
    column: int


def places(regions: Vocabulary) -> tuple[Place, ...]:
    """Every region's tile in reading order; a region the grid does not know goes in an extra
    row below, so that a new region is never left off the map."""
    placed, extra = [], []
    for term in regions:
        if term.key in POSITIONS:
            placed.append(Place(term, *POSITIONS[term.key]))
        else:
            extra.append(term)
    placed += [Place(term, ROWS + 1 + i // COLUMNS, 1 + i % COLUMNS)
               for i, term in enumerate(extra)]
    return tuple(sorted(placed, key=lambda p: (p.row, p.column)))


def breakable(name: str) -> str:
    """`name` with a soft hyphen before the last part of each long compound word."""
    words = []
    for word in name.split(" "):
        for end in COMPOUND_ENDS:
            if word.endswith(end) and len(word) - len(end) >= 4 and word[-len(end) - 1] != "-":
                word = word[: -len(end)] + SOFT_HYPHEN + word[-len(end):]
                break
        words.append(word)
    return " ".join(words)
