"""Finnish place names in the cases readers search them in ("Limingassa", "Vantaalla").

Pagefind's Finnish stemmer reduces "Hollolassa" and "Hollola" to one stem, but not a name whose
stem changes when inflected: consonant gradation (Liminka : Limingassa), e-stems (Siikajoki :
Siikajoella) and nen-names (Kaustinen : Kaustisella). A story whose only Finnish text is its
term labels (a Swedish-only story in the Finnish index) is then not found by the reader's
"Kaustisella". The records therefore carry each place's genitive and local cases too.

Labels' words in -nen ("Työkykyjohtaminen") change their stem the same way and get the same
cases (`nen_forms`).

Which local series a place takes (Hollolassa or Vantaalla) is lexical, not a rule, so both are
written; the form a reader never types costs a few index words and is never shown (result cards
show the summary, not an excerpt). Names whose ending no rule below covers are left uninflected
(`forms` returns only what it can derive) rather than guessed.
"""

from __future__ import annotations

import re

BACK_VOWELS = frozenset("aou")
FRONT_VOWELS = frozenset("äöy")

# Final parts of compound names whose stem changes: part -> (weak stem, strong stem).
# The weak stem takes the genitive and local cases, the strong one the illative.
PARTS: dict[str, tuple[str, str]] = {
    "joki": ("joe", "joke"),
    "järvi": ("järve", "järve"),
    "koski": ("koske", "koske"),
    "lahti": ("lahde", "lahte"),
    "lampi": ("lammi", "lampi"),  # Toholampi : Toholammilla, as Kotus writes the name
    "mäki": ("mäe", "mäke"),
    "niemi": ("nieme", "nieme"),
    "saari": ("saare", "saare"),
    "salmi": ("salme", "salme"),
    "vesi": ("vede", "vete"),
    "laidun": ("laitume", "laitume"),  # Punkalaidun : Punkalaitumella
    "raahe": ("raahe", "raahe"),
    "pudas": ("putaa", "putaa"),  # Pihtipudas : Pihtiputaalla  # Raahe : Raahessa, not *Raaheessa
}

# Established short forms beside the regular ones (the name's own usage, not a rule).
EXTRA_FORMS: dict[str, tuple[str, ...]] = {
    "Kangasala": ("Kangasalla", "Kangasalta", "Kangasalle"),
}

# Endings whose stem changes, longest first: ending -> (weak, strong).
ENDINGS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("nen", ("se", "se")),  # Kaustinen : Kaustisella, Kaustiseen
    ("aus", ("aude", "aute")),  # Varkaus : Varkaudessa, Varkauteen
    ("us", ("ukse", "ukse")),  # Kannus : Kannuksessa, Kannukseen
    ("os", ("okse", "okse")),  # Muhos : Muhoksella
    ("es", ("ekse", "ekse")),  # Nurmes : Nurmeksessa
)

# Consonant gradation before a name's last vowel: strong -> weak.
GRADATION: tuple[tuple[str, str], ...] = (
    ("nk", "ng"), ("mp", "mm"), ("nt", "nn"), ("lt", "ll"), ("rt", "rr"),
    ("kk", "k"), ("pp", "p"), ("tt", "t"),
)
VOWEL = "aeiouyäö"


def _harmony(part: str) -> str:
    """The vowel of a name's endings, set by its last member: "Pielavedellä", "Kankaanpäässä".

    A known final member (PARTS) decides; otherwise the last vowel that is not e or i does,
    and a name of e and i only takes "ä" (Mikkelissä).
    """
    low = part.lower()
    tail = next((t for t in PARTS if low.endswith(t)), None)
    word = tail if tail and any(c in BACK_VOWELS | FRONT_VOWELS for c in tail) else low
    if tail and word is low:  # a member of e and i only (vesi): the member is front
        return "ä"
    last = next((c for c in reversed(word) if c in BACK_VOWELS | FRONT_VOWELS), "ä")
    return "a" if last in BACK_VOWELS else "ä"


def _stems(part: str) -> tuple[str, str] | None:
    """The weak and strong stem of a name's last part, or None when no rule covers it."""
    low = part.lower()
    for tail, (weak, strong) in PARTS.items():
        if low.endswith(tail):
            head = part[: len(part) - len(tail)]
            return head + _case_like(part[len(head):], weak), head + _case_like(
                part[len(head):], strong)
    for ending, (weak, strong) in ENDINGS:
        if low.endswith(ending):
            head = part[: -len(ending)]
            return head + weak, head + strong
    if low[-1] not in VOWEL:
        return None
    if low[-1] == "e" and low[-2] != "e":  # Häme : Hämeessä, Kempele : Kempeleessä
        return part + "e", part + "e"
    for strong, weak in GRADATION:
        if re.search(f"[{VOWEL}]{strong}[{VOWEL}]$", low):
            cut = len(part) - len(strong) - 1
            return part[:cut] + weak + part[-1], part
    return part, part


def _case_like(original: str, replacement: str) -> str:
    """`replacement` capitalised as `original` is (a part may begin a name)."""
    return replacement.capitalize() if original[:1].isupper() else replacement


# Final members of one syllable with a long vowel take -hVn: Kankaanpäähän, Pohjanmaahan.
ONE_SYLLABLE = ("maa", "pää", "suo", "puu", "tie", "työ")


def _illative(strong: str) -> str:
    """The illative of a stem: Hollolaan, Vantaaseen, Siikajokeen, Hämeeseen, Kankaanpäähän."""
    if strong.lower().endswith(ONE_SYLLABLE):
        return strong + "h" + strong[-1] + "n"
    if len(strong) >= 2 and strong[-1] == strong[-2] and strong[-1] in VOWEL:
        return strong + "seen"
    return strong + strong[-1] + "n"


def nen_forms(label: str) -> tuple[str, ...]:
    """The cases of a label's words in -nen, which the stemmer does not join to the word.

    "Työkykyjohtaminen" gives "Työkykyjohtamisen", "Työkykyjohtamisessa"…: a reader's
    "työkykyjohtamisen" finds the theme. Words with other endings stem as they should.
    """
    words = [w for w in re.split(r"[\s-]+", label) if w.lower().endswith("nen") and len(w) > 4]
    return tuple(form for word in words for form in forms(word))


def forms(name: str) -> tuple[str, ...]:
    """The genitive, local cases (both series) and illative of a Finnish place name.

    Only the last word of the name inflects ("Kanta-Häme" : "Kanta-Hämeessä"); a name no rule
    covers gives no forms.
    """
    match = re.match(r"^(.*?)([^\s-]+)$", name)
    if not match:
        return ()
    head, part = match.groups()
    stems = _stems(part)
    if stems is None:
        return ()
    weak, strong = stems
    v = _harmony(part)
    endings = ("n", f"ss{v}", f"st{v}", f"ll{v}", f"lt{v}", "lle")
    return (*(head + weak + e for e in endings), head + _illative(strong),
            *EXTRA_FORMS.get(name, ()))
