"""The web form's config.yml: every field of the contract, every vocabulary term, its rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.admin import (
    FormSettings,
    bundle_files,
    config_yaml,
    form_config,
    form_policy,
    option_label,
    preview_json,
)
from generator.model import LANGS, Kind, Lang
from generator.taxonomy import load_vocabularies

REPO = Path(__file__).resolve().parents[1]
VOCAB, _ = load_vocabularies(REPO / "content")
SETTINGS = FormSettings("tekojen-tori/tekojen-tori", "main", "https://oauth.example.org", "auth",
                        "https://www.example.org/")
# The front matter of story-format.md v2, in the order of its table.
CONTRACT = ["title", "summary", "date", "updated", "organisation", "municipalities", "regions",
            "categories", "sectors", "awards", "client_groups", "tags", "image", "image_alt",
            "contact", "links", "draft"]
REQUIRED = {"title", "summary", "date", "organisation", "categories"}
VOCABULARY = {"municipalities": Kind.MUNICIPALITY, "regions": Kind.REGION,
              "categories": Kind.CATEGORY, "sectors": Kind.SECTOR, "awards": Kind.AWARD,
              "client_groups": Kind.CLIENT_GROUP}


def collections(lang: Lang) -> list[dict]:
    return form_config(VOCAB, SETTINGS, lang)["collections"]


def fields(lang: Lang, collection: str = "stories") -> dict[str, dict]:
    found = next(c for c in collections(lang) if c["name"] == collection)
    return {f["name"]: f for f in found["fields"]}


def matches(field: dict, value: str) -> bool:
    """Whether Decap would accept `value` (its patterns are JavaScript regexes Python reads too)."""
    return re.search(field["pattern"][0], value) is not None


@pytest.mark.parametrize("lang", LANGS)
def test_every_collection_has_every_contract_field_in_order_then_the_body(lang):
    for collection in collections(lang):
        names = [f["name"] for f in collection["fields"]]
        assert names == [*CONTRACT, "body"], collection["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_required_fields_are_the_contracts(lang):
    given = fields(lang)
    required = {name for name, f in given.items() if f.get("required", True) and name != "body"}
    assert required == REQUIRED


def test_labels_and_hints_differ_by_language_and_are_never_empty():
    fi, sv = fields(Lang.FI), fields(Lang.SV)
    for name in CONTRACT:
        assert fi[name]["label"] and sv[name]["label"] and fi[name]["hint"] and sv[name]["hint"]
    assert (fi["title"]["label"], sv["title"]["label"]) == ("Otsikko", "Rubrik")
    assert fi["municipalities"]["hint"] != sv["municipalities"]["hint"]


@pytest.mark.parametrize("name", sorted(VOCABULARY))
def test_every_vocabulary_term_is_a_choice_that_stores_its_key(name):
    vocabulary = VOCAB[VOCABULARY[name]]
    assert len(vocabulary) > 0
    for lang in LANGS:
        field = fields(lang)[name]
        assert field["widget"] == "select" and field["multiple"] is True
        assert [o["value"] for o in field["options"]] == vocabulary.keys()
        for option, term in zip(field["options"], vocabulary, strict=True):
            assert term.label[lang] in option["label"]
            assert term.label[lang.other] in option["label"]


def test_all_308_municipalities_can_be_found_by_finnish_or_swedish_name():
    options = fields(Lang.FI)["municipalities"]["options"]
    assert len(options) == 308
    by_label = {o["label"]: o["value"] for o in options}
    assert by_label["Helsinki – Helsingfors"] == "helsinki"  # noqa: RUF001
    assert by_label["Hollola"] == "hollola"
    assert next(v for k, v in by_label.items() if "Raseborg" in k) == "raasepori"


def test_an_award_choice_names_its_programme():
    award = VOCAB[Kind.AWARD].terms[0]
    assert option_label(award, Lang.FI).startswith(award.programme.fi + ": ")


def test_one_to_three_categories():
    field = fields(Lang.FI)["categories"]
    assert (field["min"], field["max"]) == (1, 3)


@pytest.mark.parametrize(("name", "low", "high"), [
    ("title", 5, 150), ("summary", 20, 400), ("organisation", 2, 200), ("image_alt", 5, 250),
])
def test_length_patterns_mirror_the_contract(name, low, high):
    field = fields(Lang.FI)[name]
    assert not matches(field, "x" * (low - 1))
    assert matches(field, "x" * low)
    assert matches(field, "x" * high)
    assert not matches(field, "x" * (high + 1))


def test_the_length_message_is_in_the_forms_language():
    dash = "\N{EN DASH}"
    assert fields(Lang.FI)["summary"]["pattern"][1].startswith(f"kirjoita 20{dash}400 merkkiä")
    assert fields(Lang.SV)["summary"]["pattern"][1].startswith(f"skriv 20{dash}400 tecken")


def test_title_is_one_line_and_summary_may_have_several():
    assert not matches(fields(Lang.FI)["title"], "Ensimmäinen rivi\ntoinen rivi")
    assert matches(fields(Lang.FI)["summary"], "Ensimmäinen rivi,\ntoinen rivi tiivistelmää.")


@pytest.mark.parametrize("value", ["no", "On", "OFF", "yes", "FALSE", "2024-05-31", "1_000",
                                   "1:20", "0b101", "~", "null", " no "])
def test_values_yaml_would_misread_are_refused(value):
    tag = fields(Lang.FI)["tags"]["field"]
    organisation = fields(Lang.FI)["organisation"]
    assert not matches(tag, value)
    assert not matches(organisation, value) or len(value.strip()) < 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-_:.+eEbxoOnNyYsStTrRuUfFaAlL ", min_size=1, max_size=12))
def test_every_tag_the_form_accepts_is_text_to_tori_check(value):
    # Decap writes YAML 1.2, which leaves these unquoted; `tori check` reads YAML 1.1.
    if matches(fields(Lang.FI)["tags"]["field"], value) and value.strip():
        try:
            read = yaml.safe_load(f"tag: {value}")
        except yaml.YAMLError:
            return  # not a plain scalar: Decap's writer would quote it
        assert isinstance(read["tag"], str)


def test_email_and_url_patterns():
    contact = {f["name"]: f for f in fields(Lang.FI)["contact"]["fields"]}
    assert matches(contact["email"], "etunimi.sukunimi@hollola.fi")
    assert not matches(contact["email"], "etunimi.sukunimi@hollola")
    links = {f["name"]: f for f in fields(Lang.FI)["links"]["fields"]}
    assert matches(links["url"], "https://www.hollola.fi/latu")
    assert not matches(links["url"], "ftp://www.hollola.fi/")
    assert not matches(links["url"], "www.hollola.fi")


def test_images_go_to_the_stories_image_folder_written_relative_to_the_story():
    config = form_config(VOCAB, SETTINGS, Lang.FI)
    assert config["media_folder"] == "content/stories/images"
    for collection in config["collections"]:
        assert collection["folder"] == "content/stories"
        assert (collection["media_folder"], collection["public_folder"]) == ("images", "images")
    image = fields(Lang.FI)["image"]
    assert image["widget"] == "image"
    assert image["media_library"]["config"]["max_file_size"] == 2 * 1024 * 1024


def test_files_are_named_as_the_contract_says():
    config = form_config(VOCAB, SETTINGS, Lang.FI)
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["fi", "sv"],
                              "default_locale": "fi"}
    assert config["slug"]["encoding"] == "ascii" and config["slug"]["clean_accents"] is True
    by_name = {c["name"]: c for c in config["collections"]}
    assert by_name["stories"]["extension"] == "md" and by_name["stories"]["i18n"] is True
    assert by_name["stories_fi"]["extension"] == "fi.md" and "i18n" not in by_name["stories_fi"]
    assert by_name["stories_sv"]["extension"] == "sv.md"


def test_translations_share_their_terms_dates_and_image():
    shared = {name for name, f in fields(Lang.FI).items() if f.get("i18n") == "duplicate"}
    assert shared == {"date", "updated", "image", "draft", *VOCABULARY}
    assert fields(Lang.FI)["title"]["i18n"] is True


def test_the_pull_request_path():
    config = form_config(VOCAB, SETTINGS, Lang.SV)
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {
        "name": "github", "repo": "tekojen-tori/tekojen-tori", "branch": "main",
        "base_url": "https://oauth.example.org", "auth_endpoint": "auth",
        "open_authoring": True, "squash_merges": True}
    assert config["local_backend"] is True
    assert config["locale"] == "sv"
    local = FormSettings("o/r", "main", "https://o", "auth", "/", "http://127.0.0.1:9/api/v1")
    assert form_config(VOCAB, local, Lang.FI)["local_backend"] == {
        "url": "http://127.0.0.1:9/api/v1"}


def test_config_yaml_is_the_config_and_the_same_every_time():
    text = config_yaml(VOCAB, SETTINGS, Lang.FI)
    assert yaml.safe_load(text) == form_config(VOCAB, SETTINGS, Lang.FI)
    assert text == config_yaml(VOCAB, SETTINGS, Lang.FI)
    assert "&id" not in text and "*id" not in text  # no anchors


def test_vocabulary_keys_are_strings_when_written_plain():
    for vocabulary in VOCAB.all():
        for term in vocabulary:
            assert yaml.safe_load(f"k: {term.key}")["k"] == term.key


def test_preview_data_has_labels_not_keys():
    data = yaml.safe_load(preview_json(VOCAB))
    assert data["terms"]["municipalities"]["helsinki"] == {"fi": "Helsinki", "sv": "Helsingfors"}
    assert data["labels"]["fi"]["organisation"] == "Organisaatio"
    assert data["labels"]["sv"]["municipalities"] == "Kommuner"


def test_bundle_files_are_the_entry_its_chunks_wasm_and_licence():
    names = ["decap-cms.js", "103.decap-cms.js", "103.decap-cms.js.map", "cms.js",
             "decap-cms.js.LICENSE.txt", "dd5d52671a5763720504.wasm", "cms.css"]
    assert bundle_files(names) == ["103.decap-cms.js", "dd5d52671a5763720504.wasm",
                                   "decap-cms.js", "decap-cms.js.LICENSE.txt"]


def test_the_form_page_policy_is_its_own_and_names_the_local_server():
    directives = dict(d.split(" ", 1) for d in form_policy(SETTINGS).split("; "))
    assert directives["script-src"] == "'self' 'unsafe-eval'"  # Decap's config validator
    assert directives["img-src"] == "'self' data: blob:"  # no images from other hosts
    assert directives["connect-src"] == "'self' blob: https://api.github.com http://localhost:8081"
    assert directives["frame-src"] == "'none'" and directives["object-src"] == "'none'"
    local = FormSettings("o/r", "main", "https://o", "auth", "/", "http://127.0.0.1:9/api/v1")
    assert form_policy(local).count("http://127.0.0.1:9") == 1
