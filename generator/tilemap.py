"""The tile map of Finland's regions: one equal square per region, placed roughly where it lies.

The grid is drawn by hand from the regions' rough positions (no map data): six columns, five
rows, north at the top. Åland stands alone in the south-west corner. Tiles are listed row by
row, north to south and west to east, so reading and keyboard order follow the picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Term, Vocabulary

# Region key -> (row, column), both 1-based as in CSS grid lines.
POSITIONS: dict[str, tuple[int, int]] = {
    "lappi": (1, 4),
    "keski-pohjanmaa": (2, 3),
    "pohjois-pohjanmaa": (2, 4),
    "kainuu": (2, 5),
    "pohjanmaa": (3, 2),
    "etela-pohjanmaa": (3, 3),
    "keski-suomi": (3, 4),
    "pohjois-savo": (3, 5),
    "pohjois-karjala": (3, 6),
    "satakunta": (4, 2),
    "pirkanmaa": (4, 3),
    "paijat-hame": (4, 4),
    "etela-savo": (4, 5),
    "etela-karjala": (4, 6),
    "ahvenanmaa": (5, 1),
    "varsinais-suomi": (5, 2),
    "kanta-hame": (5, 3),
    "uusimaa": (5, 4),
    "kymenlaakso": (5, 5),
}
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
