"""Tests of scripts/import_vocabularies.py and of the committed vocabulary files."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.urls import is_slug, slugify

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "import_vocabularies.py"
TAXONOMIES = REPO / "content" / "taxonomies"
GENERATED = ("regions.yml", "municipalities.yml")


def _load_script():
    """The script as a module, so its functions can be called directly."""
    spec = importlib.util.spec_from_file_location("import_vocabularies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


importer = _load_script()
REFERENCE = importer.DEFAULT_REFERENCE
needs_reference = pytest.mark.skipif(
    not REFERENCE.is_dir(),
    reason=f"the Statistics Finland reference tables are not at {REFERENCE} (/work/shared absent)",
)

# Per-region counts from ../shared/reference/SOURCES.md, keyed by Statistics Finland code.
REGION_COUNTS = {
    "01": 26, "02": 27, "04": 16, "05": 11, "06": 23, "07": 10, "08": 6, "09": 9, "10": 11,
    "11": 19, "12": 13, "13": 22, "14": 18, "15": 14, "16": 8, "17": 30, "18": 8, "19": 21,
    "21": 16,
}  # fmt: skip
FIXED_KEYS = {
    "categories": [
        "henkilostolahtoinen-tuloksellisuus", "itseohjautuvuus", "kognitiivinen-ergonomia",
        "palvelumuotoilu", "asiakaslahtoisyys", "digitalisaatio", "etapalvelut",
        "etatyo-ja-etajohtaminen", "tyokykyjohtaminen", "perehdyttaminen", "tyosuojelu",
        "toimintakulttuuri", "yhteistyo", "tyohyvinvointi", "osaamisen-kehittaminen",
        "innovointi", "rekrytointi", "esihenkilotyo", "ymparisto", "viestinta",
        "yhdenvertaisuus-ja-tasa-arvo", "robotiikka-ja-automaatio",
    ],
    "sectors": [
        "sosiaali-ja-terveysala", "opetus-ja-kasvatusala", "tekninen-toimi",
        "elinkeino-ja-yrityspalvelut", "kulttuuri-ja-vapaa-aika", "ruoka-ja-puhtauspalvelut",
        "koko-kunta",
    ],
    "awards": [
        "2019-ihmeiden-tekijat", "2019-oman-tyon-sankarit", "2019-innostavat-teot",
        "2019-vuoden-viestintateko", "2019-vuoden-teknologiateko", "2019-vuoden-ymparistoteko",
        "2019-vuoden-yhdenvertaisuusteko", "2021-suomen-kekseliain-kunta",
        "2022-suomen-kekseliain-kunta",
    ],
}  # fmt: skip
ALL = ("categories", "regions", "municipalities", "sectors", "awards")


def load(name: str) -> list[dict]:
    """A committed vocabulary file."""
    return yaml.safe_load((TAXONOMIES / f"{name}.yml").read_text(encoding="utf-8"))


def slug(entry: dict, lang: str) -> str:
    """An entry's slug in one language: explicit, else the slug of its label."""
    return entry[lang].get("slug") or slugify(entry[lang]["label"])


def by_code(entries: list[dict]) -> dict[str, dict]:
    """Entries keyed by their Statistics Finland code."""
    return {e["code"]: e for e in entries}


# The generated files: drift, counts, spot checks.


@needs_reference
def test_regenerating_from_the_reference_gives_the_committed_files(tmp_path):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(REFERENCE), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (TAXONOMIES / name).read_bytes(), (
            f"{name} drifted from the reference; run: python3 scripts/import_vocabularies.py"
        )


@needs_reference
def test_generation_is_deterministic():
    assert importer.generate(REFERENCE) == importer.generate(REFERENCE)


def test_there_are_19_regions_and_308_municipalities():
    assert len(load("regions")) == 19
    assert len(load("municipalities")) == 308


def test_municipalities_per_region_match_the_sources():
    region_code = {r["key"]: r["code"] for r in load("regions")}
    counts = Counter(region_code[m["region"]] for m in load("municipalities"))
    assert dict(counts) == REGION_COUNTS


def test_codes_are_strings_of_the_right_width():
    assert all(isinstance(r["code"], str) and len(r["code"]) == 2 for r in load("regions"))
    assert all(isinstance(m["code"], str) and len(m["code"]) == 3 for m in load("municipalities"))


def test_municipality_keys_are_slugs_of_the_finnish_labels():
    for m in load("municipalities"):
        assert m["key"] == slugify(m["fi"]["label"]), m


@pytest.mark.parametrize(
    ("code", "key", "fi", "sv", "region"),
    [
        ("478", "maarianhamina", "Maarianhamina", "Mariehamn", "ahvenanmaa"),
        ("599", "pedersoren-kunta", "Pedersören kunta", "Pedersöre", "pohjanmaa"),
        ("284", "koski-tl", "Koski Tl", "Koskis", "varsinais-suomi"),
        ("480", "marttila", "Marttila", "S:t Mårtens", "varsinais-suomi"),
        ("005", "alajarvi", "Alajärvi", "Alajärvi", "etela-pohjanmaa"),
    ],
)
def test_municipality_spot_checks(code, key, fi, sv, region):
    m = by_code(load("municipalities"))[code]
    assert (m["key"], m["fi"]["label"], m["sv"]["label"], m["region"]) == (key, fi, sv, region)


def test_region_spot_checks():
    regions = by_code(load("regions"))
    assert (regions["01"]["key"], regions["01"]["sv"]["label"]) == ("uusimaa", "Nyland")
    assert (regions["07"]["fi"]["label"], regions["07"]["sv"]["label"]) == (
        "Päijät-Häme",
        "Päijänne-Tavastland",
    )
    assert (regions["21"]["key"], regions["21"]["sv"]["label"]) == ("ahvenanmaa", "Åland")


def test_generated_files_name_the_source_and_the_478_choice():
    text = (TAXONOMIES / "municipalities.yml").read_text(encoding="utf-8")
    header = text.split("\n- ", 1)[0]
    assert "CC BY 4.0" in header
    assert "Lähde: Tilastokeskus / Källa: Statistikcentralen" in header
    assert '"Maarianhamina - Mariehamn"' in header
    assert "Lähde: Tilastokeskus" in (TAXONOMIES / "regions.yml").read_text(encoding="utf-8")


# Every vocabulary: keys, slugs and labels.


@pytest.mark.parametrize("name", ALL)
def test_keys_are_unique_slugs(name):
    keys = [e["key"] for e in load(name)]
    assert all(is_slug(k) for k in keys)
    assert [k for k, n in Counter(keys).items() if n > 1] == []


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_slugs_are_valid_and_unique_per_language(name, lang):
    slugs = [slug(e, lang) for e in load(name)]
    assert all(is_slug(s) for s in slugs)
    assert [s for s, n in Counter(slugs).items() if n > 1] == []


@pytest.mark.parametrize("name", ALL)
def test_every_label_is_written_in_both_languages(name):
    for entry in load(name):
        for lang in ("fi", "sv"):
            label = entry[lang]["label"]
            assert isinstance(label, str) and label.strip() == label and label, (entry, lang)
            assert label[0].isupper() or label[0].isdigit(), (entry, lang)


def test_municipalities_refer_to_existing_regions():
    regions = {r["key"] for r in load("regions")}
    assert {m["region"] for m in load("municipalities")} <= regions


# The hand-written vocabularies: fixed keys, descriptions, award fields.


@pytest.mark.parametrize("name", sorted(FIXED_KEYS))
def test_hand_written_vocabularies_hold_exactly_the_fixed_keys(name):
    assert [e["key"] for e in load(name)] == FIXED_KEYS[name]


@pytest.mark.parametrize("name", ["categories", "sectors"])
def test_theme_and_sector_keys_are_the_slugs_of_their_finnish_labels(name):
    for entry in load(name):
        assert slug(entry, "fi") == entry["key"], entry


@pytest.mark.parametrize("name", ["categories", "sectors", "awards"])
def test_descriptions_are_one_sentence_in_both_languages(name):
    for entry in load(name):
        for lang in ("fi", "sv"):
            text = entry[lang]["description"]
            # A plain YAML scalar cut at " #" would lose its full stop, so this also guards quoting.
            assert text.endswith(".") and ". " not in text, (entry["key"], lang, text)


def test_category_labels_follow_the_facts():
    categories = {e["key"]: e for e in load("categories")}
    assert categories["palvelumuotoilu"]["sv"]["label"] == "Tjänstedesign"
    assert categories["henkilostolahtoinen-tuloksellisuus"]["fi"]["label"] == (
        "Henkilöstölähtöinen tuloksellisuus"
    )


def test_awards_carry_year_programme_and_explicit_slugs():
    for award in load("awards"):
        assert award["key"].startswith(f"{award['year']}-"), award["key"]
        assert award["programme"]["fi"] and award["programme"]["sv"], award["key"]
        assert award["fi"]["slug"] == award["key"]
        assert award["sv"]["slug"].startswith(f"{award['year']}-")
        assert award["sv"]["slug"] == f"{award['year']}-{slugify(award['sv']['label'])}"


# Bad reference data: clear problems, exit 1, nothing written.


def write_reference(folder: Path, municipalities: str, regions: str | None = None) -> Path:
    """A small reference folder with the given municipality rows."""
    folder.mkdir()
    (folder / "regions.tsv").write_text(
        regions or "code\tkey\tfi\tsv\n01\tuusimaa\tUusimaa\tNyland\n", encoding="utf-8"
    )
    header = "code\tfi\tsv\tregion_code\n"
    (folder / "municipalities.tsv").write_text(header + municipalities, encoding="utf-8")
    return folder


def run_main(reference: Path, out: Path, capsys) -> tuple[int, str]:
    """Run the command line; its status and standard error."""
    status = importer.main([str(reference), "--out", str(out)])
    return status, capsys.readouterr().err


def test_a_small_clean_reference_is_written(tmp_path, capsys):
    ref = write_reference(tmp_path / "ok", "049\tEspoo\tEsbo\t01\n091\tHelsinki\tHelsingfors\t01\n")
    status, _ = run_main(ref, tmp_path / "out", capsys)
    assert status == 0
    entries = yaml.safe_load((tmp_path / "out" / "municipalities.yml").read_text("utf-8"))
    assert entries[1] == {
        "key": "helsinki",
        "code": "091",
        "region": "uusimaa",
        "fi": {"label": "Helsinki"},
        "sv": {"label": "Helsingfors"},
    }


def test_unknown_region_code_names_file_line_and_valid_codes(tmp_path, capsys):
    ref = write_reference(
        tmp_path / "unknown-region", "049\tEspoo\tEsbo\t01\n091\tHki\tHfors\t03\n"
    )
    status, err = run_main(ref, tmp_path / "out", capsys)
    assert status == 1
    assert f"{ref / 'municipalities.tsv'}:3: region_code: unknown region code '03'" in err
    assert "valid codes: 01" in err
    assert not (tmp_path / "out").exists()


def test_colliding_swedish_slugs_are_reported(tmp_path, capsys):
    rows = "001\tYksi\tS:t Ann\t01\n002\tKaksi\tS-t Ann\t01\n"
    ref = write_reference(tmp_path / "slug-collision", rows)
    status, err = run_main(ref, tmp_path / "out", capsys)
    assert status == 1
    assert "municipalities.tsv:3: sv slug: 's-t-ann' repeats the entry on line 2" in err


def test_wrong_header_and_short_rows_are_reported_together(tmp_path, capsys):
    ref = write_reference(
        tmp_path / "bad-tables",
        "049\tEspoo\tEsbo\n",
        regions="code\tname\n01\tUusimaa\n",
    )
    status, err = run_main(ref, tmp_path / "out", capsys)
    assert status == 1
    assert "regions.tsv:1: header: expected columns 'code\\tkey\\tfi\\tsv'" in err
    assert "municipalities.tsv:2: row: expected 4 tab-separated values, got 3" in err


def test_empty_value_is_reported(tmp_path, capsys):
    ref = write_reference(tmp_path / "empty-value", "049\tEspoo\t \t01\n")
    status, err = run_main(ref, tmp_path / "out", capsys)
    assert status == 1
    assert "municipalities.tsv:2: sv: empty value" in err


def test_missing_reference_folder_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        importer.main([str(tmp_path / "nowhere")])
    assert exit_info.value.code == 2
    assert "does not exist" in capsys.readouterr().err
