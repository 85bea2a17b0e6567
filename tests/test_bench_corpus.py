"""The benchmark corpus: deterministic, the requested mix, and valid against the story contract."""

from __future__ import annotations

import datetime
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench.corpus import CorpusError, main, write_corpus  # noqa: E402
from bench.filler import word_count  # noqa: E402
from generator.urls import is_slug  # noqa: E402
from generator.validate import load_content  # noqa: E402

CONTENT = REPO / "content"
FIELDS = {"title", "summary", "date", "updated", "organisation", "municipalities", "regions",
          "categories", "sectors", "awards", "tags", "image", "image_alt", "contact", "links",
          "draft"}
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")


def split(path: Path) -> tuple[dict, str]:
    """Front matter and body of a story file."""
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def vocabulary_keys(kind: str) -> set[str]:
    """The keys of one real vocabulary."""
    terms = yaml.safe_load((CONTENT / "taxonomies" / f"{kind}.yml").read_text(encoding="utf-8"))
    return {t["key"] for t in terms}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of 400 stories written from the real content folder."""
    out = tmp_path_factory.mktemp("corpus-400")
    write_corpus(400, out, seed=7)
    return out


@pytest.fixture(scope="module")
def stories(corpus: Path) -> dict[Path, tuple[dict, str]]:
    """Every synthetic story file, parsed."""
    return {p: split(p) for p in sorted((corpus / "stories").glob("*.md"))}


def test_same_seed_gives_byte_identical_files_and_another_seed_does_not(tmp_path: Path) -> None:
    write_corpus(60, tmp_path / "a", seed=3)
    write_corpus(60, tmp_path / "b", seed=3)
    write_corpus(60, tmp_path / "c", seed=4)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    assert snapshot(tmp_path / "a") != snapshot(tmp_path / "c")


def test_languages_follow_the_mix_within_two_points(stories: dict) -> None:
    langs: dict[str, set[str]] = {}
    for path in stories:
        slug, lang, _ = path.name.rsplit(".", 2)
        langs.setdefault(slug, set()).add(lang)
    mix = Counter("both" if len(v) == 2 else next(iter(v)) for v in langs.values())
    assert len(langs) == 400
    assert abs(mix["fi"] / 400 - 0.85) <= 0.02
    assert abs(mix["both"] / 400 - 0.10) <= 0.02
    assert abs(mix["sv"] / 400 - 0.05) <= 0.02


def test_five_percent_awarded_and_one_to_three_themes(stories: dict) -> None:
    awarded = {p.name.split(".")[0] for p, (fm, _) in stories.items() if fm.get("awards")}
    assert abs(len(awarded) / 400 - 0.05) <= 0.02
    assert all(1 <= len(fm["categories"]) <= 3 for fm, _ in stories.values())


def test_bodies_have_300_to_800_words_headings_lists_and_links(stories: dict) -> None:
    for path, (_, body) in stories.items():
        assert 300 <= word_count(body) <= 800, path.name
        assert re.search(r"^## \S", body, re.M), path.name
        assert re.search(r"^- \S", body, re.M) and re.search(r"^1\. \S", body, re.M), path.name
        assert re.search(r"\]\(https://example\.org/", body), path.name


def test_titles_are_unique_and_say_the_story_is_synthetic(stories: dict) -> None:
    titles = [fm["title"] for fm, _ in stories.values()]
    assert len(set(titles)) == len(titles)
    assert all("synteettinen" in t or "syntetisk" in t for t in titles)


def test_front_matter_follows_the_contract(corpus: Path, stories: dict) -> None:
    keys = {k: vocabulary_keys(k) for k in ("categories", "sectors", "regions",
                                              "municipalities", "awards")}
    for path, (fm, body) in stories.items():
        slug, lang, _ = path.name.rsplit(".", 2)
        assert is_slug(slug) and 3 <= len(slug) <= 80 and lang in ("fi", "sv")
        assert set(fm) <= FIELDS, path.name
        assert 5 <= len(fm["title"]) <= 150 and "\n" not in fm["title"]
        assert 20 <= len(fm["summary"]) <= 400
        assert isinstance(fm["date"], datetime.date) and fm["date"] <= datetime.date.today()
        assert fm.get("updated", fm["date"]) >= fm["date"]
        assert isinstance(fm["organisation"], str) and fm["organisation"]
        assert fm.get("municipalities") or fm.get("regions"), path.name
        for kind, known in keys.items():
            values = fm.get(kind, [])
            assert set(values) <= known and len(set(values)) == len(values), (path.name, kind)
        assert len(fm.get("tags", [])) <= 10 and all(len(t) <= 40 for t in fm.get("tags", []))
        if "image" in fm:
            assert (path.parent / fm["image"]).is_file() and 5 <= len(fm["image_alt"]) <= 250
        if "contact" in fm:
            assert fm["contact"]["name"] and EMAIL_RE.match(fm["contact"]["email"])
        assert all(link["url"].startswith("https://") for link in fm.get("links", []))
        assert body.strip()


def test_every_file_passes_the_real_validator(corpus: Path, stories: dict) -> None:
    content = load_content(corpus)
    assert [p.text() for p in content.problems] == []
    assert len(content.stories) == len(stories)
    assert {(s.slug, s.lang.value) for s in content.stories} == {
        tuple(p.name.rsplit(".", 2)[:2]) for p in stories
    }


def test_copies_the_real_content_except_its_stories(corpus: Path) -> None:
    for folder in ("taxonomies", "fi", "sv"):
        assert snapshot(corpus / folder) == snapshot(CONTENT / folder)
    names = [p.name for p in (corpus / "stories").glob("*.md")]
    assert names and all(n.startswith("bench-") for n in names)


def test_refuses_to_write_into_the_content_folder(tmp_path: Path) -> None:
    target = CONTENT / "stories" / "bench-test"
    with pytest.raises(CorpusError, match="never go into the content folder"):
        write_corpus(3, target)
    assert not target.exists()


def test_refuses_a_folder_it_did_not_write_but_replaces_its_own(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape("was not written by bench/corpus.py")):
        write_corpus(3, tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
    write_corpus(5, tmp_path / "own")
    write_corpus(2, tmp_path / "own")
    assert len({p.name.split(".")[0] for p in (tmp_path / "own" / "stories").glob("*.md")}) == 2


def test_cli_reports_bad_arguments_and_a_missing_vocabulary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["0", str(tmp_path / "out")])
    assert exit_info.value.code == 2 and "N must be at least 1" in capsys.readouterr().err
    assert main(["3", str(tmp_path / "out"), "--content", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert "categories.yml: cannot read the vocabulary" in err and "Traceback" not in err
