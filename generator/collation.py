"""Sort keys that follow the Finnish and Swedish alphabets (… x y z å ä ö)."""

from __future__ import annotations

import unicodedata

from generator.model import Lang

# Letters past z map to the ASCII characters right after "z", so plain string
# comparison puts them last in alphabet order; neighbours fold onto them.
_PAST_Z = {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"}
_FINNISH = {**_PAST_Z, "w": "v"}  # Finnish dictionaries treat w as a variant of v
_SEPARATORS = frozenset(" -_/.,:;'\u2010\u2011\u2013\u2014\u2019")  # hyphens, dashes, quotes


def _fold_char(char: str, table: dict[str, str]) -> str:
    """One casefolded character reduced to its primary sort weight."""
    if char in table:
        return table[char]
    if char in _SEPARATORS:
        return " "
    base = unicodedata.normalize("NFKD", char)
    return "".join(c for c in base if not unicodedata.combining(c))


def sort_key(text: str, lang: Lang) -> tuple[str, str, str]:
    """A key that orders `text` alphabetically in `lang`: letters first, then case and accents."""
    table = _FINNISH if Lang(lang) is Lang.FI else _PAST_Z
    folded = unicodedata.normalize("NFC", text).casefold()
    primary = "".join(_fold_char(c, table) for c in folded)
    # swapcase puts lower case before upper case on the last level, as dictionaries do
    return (primary, folded, text.swapcase())


def sorted_by(items, label, lang: Lang) -> list:
    """`items` sorted by the collation key of `label(item)` in `lang`."""
    return sorted(items, key=lambda item: sort_key(label(item), lang))
