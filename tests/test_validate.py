"""Tests for generator.validate: whole content folders, one fixture folder per kind of bad input.

Each tests/fixtures/problems/<case>/ holds `stories/` (and `taxonomies/` when the case is about
vocabularies; otherwise tests/fixtures/vocab/ is used; `fi/` and `sv/` when it is about content
pages) and `expected.txt`, the exact output lines. After a deliberate change of messages,
rewrite them with `TORI_UPDATE_EXPECTED=1 python3 -m pytest tests/test_validate.py` and review
the diff.
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest

from generator.model import Contact, Lang, Link
from generator.validate import load_content, load_story

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.name for p in (FIXTURES / "problems").iterdir() if p.is_dir())
TODAY = datetime.date(2025, 6, 1)


def make_content(tmp_path: Path, stories: Path | None, taxonomies: Path | None = None,
                 pages: Path | None = None) -> Path:
    """A content folder in tmp_path built from fixture folders (content pages from `pages`)."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copytree(taxonomies or FIXTURES / "vocab" / "taxonomies", content / "taxonomies")
    if stories is not None:
        shutil.copytree(stories, content / "stories", symlinks=True)
    else:
        (content / "stories" / "images").mkdir(parents=True)
    for lang in ("fi", "sv"):
        if pages is not None and (pages / lang).is_dir():
            shutil.copytree(pages / lang, content / lang, symlinks=True)
    return content


@pytest.mark.parametrize("case", CASES)
def test_problem_case_reports_exact_lines(case: str, tmp_path: Path) -> None:
    folder = FIXTURES / "problems" / case
    taxonomies = folder / "taxonomies"
    own = taxonomies if taxonomies.is_dir() else None
    stories = folder / "stories"
    content = make_content(tmp_path, stories if stories.is_dir() else None, own, folder)
    result = load_content(content, today=TODAY)
    lines = [problem.text() for problem in result.problems]
    expected_file = folder / "expected.txt"
    if os.environ.get("TORI_UPDATE_EXPECTED"):
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines, f"case {case} must find at least one problem"
    assert lines == expected_file.read_text(encoding="utf-8").splitlines()
    assert result.problems == tuple(sorted(result.problems))


def test_every_problem_case_has_expected_output() -> None:
    missing = [c for c in CASES if not (FIXTURES / "problems" / c / "expected.txt").is_file()]
    assert missing == []


@pytest.fixture
def valid(tmp_path: Path) -> Path:
    """The valid fixture content folder, copied to tmp_path."""
    return make_content(tmp_path, FIXTURES / "valid" / "stories")


def test_valid_content_loads_without_problems(valid: Path) -> None:
    result = load_content(valid, today=TODAY)
    assert result.problems == ()
    assert [(s.slug, s.lang) for s in result.stories] == [
        ("hollola-latu", Lang.FI), ("hollola-latu", Lang.SV), ("lieksa-etapalvelut", Lang.FI)
    ]


def test_story_fields_are_built_as_the_contract_says(valid: Path) -> None:
    story = load_content(valid, today=TODAY).stories[0]
    assert story.source == "stories/hollola-latu.fi.md"
    assert story.image == "stories/images/latu.svg"
    assert story.municipalities == ("lahti", "hollola")  # as the editor wrote them
    assert story.regions == ("uusimaa", "paijat-hame")  # vocabulary order, de-duplicated
    assert story.sectors == ("koko-kunta", "tekninen-toimi")
    assert story.awards == ("2019-innostavat-teot",)  # a single string is a list of one
    assert story.summary.startswith("Hollolan liikuntapalvelut") and "\n" not in story.summary
    assert story.date == datetime.date(2024, 3, 1)
    assert story.updated == datetime.date(2024, 4, 15)
    assert story.contact == Contact("Maija Meikäläinen", "liikuntasuunnittelija",
                                    "maija.meikalainen@example.fi")
    assert story.links == (Link("Kunnan latukartta", "https://www.example.fi/ladut"),)
    assert story.body_line == 28
    assert story.body.splitlines()[1] == "Hollolassa ladut kunnostettiin talkoilla."


def test_bom_and_crlf_are_tolerated(valid: Path) -> None:
    story = load_content(valid, today=TODAY).stories[2]
    assert story.title == "Etäpalvelut Lieksassa"
    assert story.categories == ("digitalisaatio",)
    assert story.regions == ("pohjois-karjala",)
    assert story.body.strip() == "Tarina."


def test_drafts_are_validated_and_kept_only_when_asked(valid: Path) -> None:
    with_drafts = load_content(valid, today=TODAY, include_drafts=True)
    assert [s.slug for s in with_drafts.stories if s.draft] == ["vantaa-luonnos"]
    draft = valid / "stories" / "vantaa-luonnos.fi.md"
    draft.write_text(draft.read_text().replace("palvelumuotoilu", "palvelumuotoilut"))
    problems = load_content(valid, today=TODAY).problems
    assert [p.field for p in problems] == ["categories[0]"]


def test_date_after_today_is_a_problem_only_until_that_day(valid: Path) -> None:
    early = load_content(valid, today=datetime.date(2024, 4, 1))
    assert [p.text() for p in early.problems] == [
        "content/stories/hollola-latu.fi.md:7: updated: 2024-04-15 on tulevaisuudessa",
        "content/stories/vantaa-luonnos.fi.md:4: date: 2025-01-10 on tulevaisuudessa",
    ]


def test_paths_check_only_the_given_files(valid: Path) -> None:
    given = [valid / "stories" / "lieksa-etapalvelut.fi.md"]
    result = load_content(valid, today=TODAY, paths=given)
    assert [s.slug for s in result.stories] == ["lieksa-etapalvelut"]
    assert result.problems == ()


def test_paths_compare_with_a_translation_that_was_not_given(valid: Path) -> None:
    sv = valid / "stories" / "hollola-latu.sv.md"
    sv.write_text(sv.read_text().replace("[hollola, lahti]", "[hollola]"))
    result = load_content(valid, today=TODAY, paths=[valid / "stories" / "hollola-latu.fi.md"])
    assert [(p.path, p.line, p.field) for p in result.problems] == [
        ("content/stories/hollola-latu.fi.md", 9, "municipalities")
    ]


def test_paths_outside_stories_or_missing_are_problems(valid: Path, tmp_path: Path) -> None:
    stray = tmp_path / "elsewhere.fi.md"
    stray.write_text("x")
    missing = valid / "stories" / "puuttuva-tarina.fi.md"
    result = load_content(valid, today=TODAY, paths=[stray, missing])
    assert [(p.path, p.message_text("en")) for p in result.problems] == [
        ("content/stories/puuttuva-tarina.fi.md", "not found"),
        ("elsewhere.fi.md", "is not a story: stories are content/stories/<slug>.<fi|sv>.md"),
    ]
    assert [p.text() for p in result.problems] == [
        "content/stories/puuttuva-tarina.fi.md: tiedosto: ei löydy",
        "elsewhere.fi.md: tiedosto: ei ole tarina: tarinat ovat tiedostoja "
        "content/stories/<tunniste>.<fi|sv>.md",
    ]


def test_symlinked_story_is_a_problem_and_never_read(valid: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("---\ntitle: salaisuus\n---\n")
    (valid / "stories" / "linkki-tarina.fi.md").symlink_to(secret)
    problems = load_content(valid, today=TODAY).problems
    assert [p.text() for p in problems] == [
        "content/stories/linkki-tarina.fi.md: tiedosto: on symbolinen linkki; tallenna itse "
        "tiedosto eikä linkkiä"
    ]


def test_symlinked_image_is_a_problem(valid: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.svg"
    outside.write_text("<svg/>")
    (valid / "stories" / "images" / "latu.svg").unlink()
    (valid / "stories" / "images" / "latu.svg").symlink_to(outside)
    problems = load_content(valid, today=TODAY).problems
    assert [(p.path, p.line, p.field_text("en"), p.message_text("en")) for p in problems] == [
        ("content/stories/hollola-latu.fi.md", 17, "image",
         "'images/latu.svg' is a symbolic link; commit the image itself"),
        # every file of the images folder is published, so it is checked on its own too
        ("content/stories/images/latu.svg", 0, "file",
         "is a symbolic link; commit the image itself"),
    ]


def test_image_over_two_megabytes_is_a_problem(valid: Path) -> None:
    image = valid / "stories" / "images" / "latu.svg"
    image.write_bytes(b"<svg>" + b" " * (2 * 1024 * 1024))
    problems = load_content(valid, today=TODAY).problems
    assert [p.message_text("en") for p in problems] == [
        "'images/latu.svg' is larger than 2 MB (2.0 MB)", "is larger than 2 MB (2.0 MB)"]
    assert [p.text() for p in problems] == [
        "content/stories/hollola-latu.fi.md:17: image: kuva 'images/latu.svg' on suurempi kuin "
        "2 Mt (2,0 Mt)",
        "content/stories/images/latu.svg: tiedosto: on suurempi kuin 2 Mt (2,0 Mt)"]


def test_story_file_over_the_size_limit_is_not_read(valid: Path) -> None:
    big = valid / "stories" / "iso-tarina.fi.md"
    big.write_bytes(b"---\n" + b"x" * 1_000_001)
    problems = load_content(valid, today=TODAY).problems
    assert [p.text() for p in problems] == [
        "content/stories/iso-tarina.fi.md: tiedosto: on suurempi kuin 1 Mt"
    ]


def test_missing_stories_folder_is_a_problem(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "vocab" / "taxonomies", content / "taxonomies")
    result = load_content(content, today=TODAY)
    assert [p.text() for p in result.problems] == [
        "content/stories: kansio: ei löydy: tarinat ovat kansiossa content/stories/"
    ]


def test_load_story_returns_problems_for_a_bad_file(valid: Path) -> None:
    from generator.taxonomy import load_vocabularies

    vocab, _ = load_vocabularies(valid)
    file = valid / "stories" / "rikki-tarina.fi.md"
    file.write_bytes(b"---\n: : :\n---\n")
    loaded = load_story(file, valid, vocab, TODAY)
    assert loaded.story is None
    assert loaded.problems[0].field_text("en") == "front matter"


def test_real_content_passes(tmp_path: Path) -> None:
    """The project's own content is valid on the day it is built."""
    content = Path(__file__).parent.parent / "content"
    result = load_content(content)
    assert [p.text() for p in result.problems] == []
    assert result.stories


# Fuzzing: whatever the bytes, the single-file loader returns a story or problems.

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from generator.frontmatter import FIELDS  # noqa: E402
from generator.taxonomy import load_vocabularies  # noqa: E402

_VOCAB, _ = load_vocabularies(FIXTURES / "vocab")
_FUZZ = settings(max_examples=300, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
_SCALARS = (st.text(max_size=12) | st.integers() | st.booleans() | st.none() | st.dates()
            | st.sampled_from(["hollola", "yhteistyo", "2024-02-30", "https://a.fi", "x@y.fi",
                               "images/a\x00.png", "images/" + "a" * 300, "../x.svg"]))
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["name", "url", "title", "x"]), inner, max_size=3),
    max_leaves=8,
)
_FRONT = st.dictionaries(st.sampled_from([*sorted(FIELDS), "catgories"]), _VALUES, max_size=10)


def _load_bytes(tmp_path: Path, data: bytes):
    """Write bytes as a story file and load it."""
    stories = tmp_path / "stories"
    stories.mkdir(exist_ok=True)
    file = stories / "fuzz-tarina.fi.md"
    file.write_bytes(data)
    loaded = load_story(file, tmp_path, _VOCAB, TODAY)
    assert (loaded.story is None) == bool(loaded.problems)
    assert all(p.path == f"{tmp_path.name}/stories/fuzz-tarina.fi.md" for p in loaded.problems)
    return loaded


@_FUZZ
@given(data=st.binary(max_size=400))
def test_fuzz_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    _load_bytes(tmp_path, data)
    _load_bytes(tmp_path, b"---\n" + data + b"\n---\nbody\n")


@_FUZZ
@given(front=_FRONT, body=st.text(max_size=80))
def test_fuzz_arbitrary_yaml_front_matter_never_raises(tmp_path: Path, front, body: str) -> None:
    import yaml

    document = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    _load_bytes(tmp_path, f"---\n{document}---\n{body}\n".encode())


def test_an_unsafe_svg_in_the_images_folder_is_a_problem_even_when_no_story_uses_it(
    valid: Path
) -> None:
    image = valid / "stories" / "images" / "kukaan-ei-kayta.svg"
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    problems = load_content(valid, today=TODAY).problems
    assert [p.text("en") for p in problems] == [
        "content/stories/images/kukaan-ei-kayta.svg: file: is an SVG with a <script> element, "
        "which can run script"]
    # An image belongs to no language: Finnish, as the vocabularies.
    assert [p.text() for p in problems] == [
        "content/stories/images/kukaan-ei-kayta.svg: tiedosto: on SVG-kuva, jossa on elementti "
        "<script>, joka voi käynnistää skriptin"]


def test_loading_in_two_processes_gives_the_same_results_in_order(
    valid: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build shares loading with a forked process; results and their order are the same."""
    from generator import validate
    from generator.taxonomy import load_vocabularies

    files = sorted((valid / "stories").glob("*.md"))
    files += sorted((FIXTURES / "problems").glob("*/stories/*.md"))  # problems come back too
    vocab, _ = load_vocabularies(valid)
    alone = validate.load_stories(files, valid, vocab, TODAY, workers=1)
    assert any(item.story for item in alone) and any(item.problems for item in alone)

    seen = tmp_path / "seen"
    seen.mkdir()
    original = validate.load_story

    def noted(file, content_dir, vocab, today):  # records which process loaded each file
        (seen / f"{os.getpid()}-{file.parent.parent.name}-{file.name}").touch()
        return original(file, content_dir, vocab, today)

    monkeypatch.setattr(validate, "load_story", noted)
    monkeypatch.setattr(validate, "PARALLEL_FROM", 2)
    shared = validate.load_stories(files, valid, vocab, TODAY, workers=2)
    assert shared == alone
    assert len({p.name.split("-", 1)[0] for p in seen.iterdir()}) == 2
    assert len(list(seen.iterdir())) == len(files)
