"""The benchmark's synthetic Finnish and Swedish text."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench.filler import WORDS, body, word_count  # noqa: E402
from generator.model import Lang  # noqa: E402


def test_word_count_skips_markdown_markers_and_bare_numbers() -> None:
    text = "## Tulokset\n\n- Yksi kaksi.\n1. Kolme 2030 neljä.\n\n[linkin teksti](https://x.org/)"
    assert word_count(text) == 7


@pytest.mark.parametrize("lang", list(Lang))
def test_body_reaches_the_word_target_with_every_heading_of_its_language(lang: Lang) -> None:
    for words in (300, 550, 730):
        text = body(random.Random(words), lang, words, "https://example.org/bench/x/")
        assert words <= word_count(text) <= words + 80
        headings = re.findall(r"^## (.+)$", text, re.M)
        assert headings == list(WORDS[lang].headings)
        assert "](https://example.org/bench/x/)" in text


def test_the_two_languages_share_no_sentence_material() -> None:
    fi, sv = WORDS[Lang.FI], WORDS[Lang.SV]
    for table in ("subjects", "verbs", "objects", "results", "steps", "headings", "topics"):
        assert not set(getattr(fi, table)) & set(getattr(sv, table)), table
