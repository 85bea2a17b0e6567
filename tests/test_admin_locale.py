"""The web form's Finnish locale covers every key of Decap CMS's English one (node_modules)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LOCALES = REPO / "overrides" / "admin" / "locales.js"
DECAP_LOCALES = REPO / "node_modules" / "decap-cms-locales" / "src"
# Decap's locale sources are ES modules ("export default en"); node reads them as they are.
READ_LOCALE = """
import {readFileSync} from "fs";
const src = readFileSync(process.argv[1], "utf8");
const mod = await import("data:text/javascript," + encodeURIComponent(src));
console.log(JSON.stringify(mod.default));
"""
PLACEHOLDER = re.compile(r"%\{(\w+)\}")


def decap_locale(lang: str) -> dict:
    if shutil.which("node") is None or not DECAP_LOCALES.is_dir():
        pytest.fail("node and node_modules are needed: run `npm ci` (scripts/test does)")
    done = subprocess.run(["node", "--input-type=module", "-e", READ_LOCALE, "--",
                           str(DECAP_LOCALES / lang / "index.js")],
                          capture_output=True, text=True, check=True, timeout=60)
    return json.loads(done.stdout)


def ours() -> dict:
    text = LOCALES.read_text(encoding="utf-8")
    start = text.index("window.TORI_LOCALES = ") + len("window.TORI_LOCALES = ")
    return json.loads(text[start:].rstrip().rstrip(";"))


def flat(tree: dict, prefix: str = "") -> dict[str, str]:
    out = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            out.update(flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def test_every_english_key_has_a_finnish_string_with_the_same_placeholders():
    english, finnish = flat(decap_locale("en")), flat(ours()["fi"])
    assert sorted(set(english) - set(finnish)) == []
    assert sorted(set(finnish) - set(english)) == []
    for key, text in english.items():
        assert finnish[key].strip() or not text.strip(), key
        assert set(PLACEHOLDER.findall(finnish[key])) == set(PLACEHOLDER.findall(text)), key
        assert ("||||" in finnish[key]) == ("||||" in text), key


def test_swedish_is_complete_with_decaps_own_strings_and_ours():
    english, swedish = flat(decap_locale("en")), flat(decap_locale("sv"))
    supplement = flat(ours()["sv"])
    assert sorted(set(english) - set(swedish) - set(supplement)) == []
    assert set(supplement) <= set(english)
    for key, text in supplement.items():
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(english[key])), key


def test_finnish_strings_are_not_english():
    english, finnish = flat(decap_locale("en")), flat(ours()["fi"])
    same = [k for k in english if english[k] == finnish[k] and len(english[k]) > 3]
    # Only placeholders, a plus sign and the name of the Markdown language are the same.
    assert sorted(same) == ["collection.collectionTop.newButton",
                            "editor.editorWidgets.markdown.markdown", "ui.toast.onFailToAuth",
                            "workflow.workflowCard.lastChangeNoAuthor"]
