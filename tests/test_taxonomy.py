"""Tests for generator.taxonomy: loading and checking the vocabulary files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.model import AwardKind, Kind, Text
from generator.taxonomy import FILES, content_root_name, load_vocabularies
from generator.urls import slugify

FIXTURES = Path(__file__).parent / "fixtures"
REAL = Path(__file__).parent.parent / "content"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the test vocabularies in tmp_path/content."""
    shutil.copytree(FIXTURES / "vocab" / "taxonomies", tmp_path / "content" / "taxonomies")
    return tmp_path / "content"


def write(content: Path, kind: Kind, text: str) -> None:
    (content / "taxonomies" / FILES[kind]).write_text(text, encoding="utf-8")


def test_fixture_vocabularies_load_in_file_order() -> None:
    vocab, problems = load_vocabularies(FIXTURES / "vocab")
    assert problems == []
    assert vocab.categories.keys() == ["digitalisaatio", "tyohyvinvointi", "yhteistyo",
                                       "palvelumuotoilu"]
    term = vocab.categories.get("tyohyvinvointi")
    assert term.label == Text("Työhyvinvointi", "Arbetshälsa")
    assert term.slug == Text("tyohyvinvointi", "arbetshalsa")  # default: slug of the label
    assert term.order == 1 and term.description.sv.startswith("Personalens")
    assert vocab.sectors.get("koko-kunta").description is None  # optional for sectors


def test_extra_fields_of_regions_municipalities_and_awards() -> None:
    vocab, _ = load_vocabularies(FIXTURES / "vocab")
    assert vocab.regions.get("paijat-hame").code == "07"
    lahti = vocab.municipalities.get("lahti")
    assert (lahti.code, lahti.region, lahti.label.sv) == ("398", "paijat-hame", "Lahtis")
    award = vocab.awards.get("2019-innostavat-teot")
    assert award.year == 2019
    assert award.programme == Text("KunTeko-gaala 2019", "KunTeko-galan 2019")
    assert award.slug.sv == "2019-inspirerande-garningar"
    assert award.award_kind is AwardKind.PRIZE  # the default when the file gives no kind
    assert vocab.categories.get("yhteistyo").award_kind is None  # only awards have a kind


def test_award_kind_is_read_and_an_unknown_kind_names_the_valid_ones(content: Path) -> None:
    award = ("- key: {key}\n  year: 2019\n  kind: {kind}\n  programme: {{fi: Gaala, sv: Galan}}\n"
             "  fi: {{label: {key}}}\n  sv: {{label: {key}}}\n")
    write(content, Kind.AWARD, award.format(key="mention", kind="honourable-mention")
          + award.format(key="prize", kind="prize") + award.format(key="wrong", kind="Prize"))
    vocab, problems = load_vocabularies(content)
    assert vocab.awards.get("mention").award_kind is AwardKind.HONOURABLE_MENTION
    assert vocab.awards.get("prize").award_kind is AwardKind.PRIZE
    assert "wrong" not in vocab.awards
    assert [p.text() for p in problems] == [
        "content/taxonomies/awards.yml:15: [2].kind: unknown award kind 'Prize'; valid kinds are "
        "'prize' and 'honourable-mention'; did you mean 'prize'?"]


def test_client_groups_load_like_sectors(content: Path) -> None:
    write(content, Kind.CLIENT_GROUP, "- key: ikaantyneet\n  fi: {label: Ikääntyneet}\n"
                                      "  sv: {label: Äldre}\n- key: x\n  fi: {label: Y}\n")
    vocab, problems = load_vocabularies(content)
    assert vocab.client_groups.get("ikaantyneet").slug == Text("ikaantyneet", "aldre")
    assert [p.text() for p in problems] == [
        "content/taxonomies/client_groups.yml:4: [1].key: must be 2 to 80 characters long (now 1)",
        "content/taxonomies/client_groups.yml:4: [1].sv: required field is missing"]


def test_real_vocabularies_are_valid_and_complete() -> None:
    vocab, problems = load_vocabularies(REAL)
    assert [p.text() for p in problems] == []
    assert (len(vocab.categories), len(vocab.sectors), len(vocab.awards)) == (22, 7, 9)
    assert 8 <= len(vocab.client_groups) <= 12
    assert all(t.description for t in vocab.client_groups)  # one sentence in each language
    firsts = {t.description[lang].split()[0] for t in vocab.client_groups for lang in ("fi", "sv")}
    assert len(firsts) > len(vocab.client_groups)  # descriptions do not all start alike
    mentions = {t.key for t in vocab.awards if t.award_kind is AwardKind.HONOURABLE_MENTION}
    # facts.md: Vantaa, Pöytyä and Hämeenkyrö got honourable mentions in January 2020
    assert mentions == {"2019-vuoden-viestintateko", "2019-vuoden-teknologiateko",
                        "2019-vuoden-ymparistoteko"}
    assert len(vocab.regions) == 19
    assert vocab.municipalities.get("maarianhamina").code == "478"
    assert all(t.key == slugify(t.label.fi) for t in vocab.municipalities)


def test_problem_paths_are_relative_to_the_project(content: Path) -> None:
    write(content, Kind.SECTOR, "- key: x-y\n  fi: {label: A}\n")
    _, problems = load_vocabularies(content)
    assert [p.text() for p in problems] == [
        "content/taxonomies/sectors.yml:1: [0].sv: required field is missing"
    ]
    assert content_root_name(content) == "content"


def test_duplicate_per_language_slug(content: Path) -> None:
    write(content, Kind.SECTOR, "- key: aaa\n  fi: {label: Sama}\n  sv: {label: A}\n"
                                "- key: bbb\n  fi: {label: sama}\n  sv: {label: B}\n")
    vocab, problems = load_vocabularies(content)
    assert [p.text() for p in problems] == [
        "content/taxonomies/sectors.yml:4: [1].fi.slug: 'sama' is already used by 'aaa' (line 1)"
    ]
    assert vocab.sectors.keys() == ["aaa"]


def test_empty_file_and_yaml_error(content: Path) -> None:
    write(content, Kind.SECTOR, "")
    write(content, Kind.AWARD, "- key: [\n")
    _, problems = load_vocabularies(content)
    assert [(p.path, p.field) for p in problems] == [
        ("content/taxonomies/awards.yml", "file"), ("content/taxonomies/sectors.yml", "file")]
    assert problems[1].message == "must be a list of terms ('- key: …')"
    assert problems[0].message.startswith("not valid YAML")


def test_municipality_of_unknown_region_when_regions_file_is_broken(content: Path) -> None:
    write(content, Kind.REGION, "not: a list\n")
    vocab, problems = load_vocabularies(content)
    assert len(vocab.regions) == 0 and len(vocab.municipalities) == 0
    assert sum("unknown region" in p.message for p in problems) == 4


def test_missing_file_is_a_problem(content: Path) -> None:
    (content / "taxonomies" / "awards.yml").unlink()
    vocab, problems = load_vocabularies(content)
    assert [p.text() for p in problems] == [
        "content/taxonomies/awards.yml: file: not found; every vocabulary file is needed"]
    assert len(vocab.awards) == 0
