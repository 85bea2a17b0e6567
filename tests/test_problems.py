"""Tests for generator.problems: problem lines in the file's language, annotations, failing once."""

from __future__ import annotations

import pytest

from generator.messages import msg
from generator.problems import ContentError, Problem, file_lang, format_problems, suggest

STORY = "content/stories/hollola-latu.fi.md"
P = Problem(STORY, 7, "categories[1]", msg("term.unknown.categories", key="digitalisointi"),
            msg("hint.did_you_mean", word="digitalisaatio"))
FILE = msg("where.file")
MISSING = msg("field.missing")


def test_text_is_the_contracts_line_in_the_files_language() -> None:
    # The example of story-format.md, "Errors", word for word.
    assert P.text() == ("content/stories/hollola-latu.fi.md:7: categories[1]: tuntematon teema "
                        "'digitalisointi'; tarkoititko 'digitalisaatio'?")


def test_the_same_problem_in_a_swedish_story_is_swedish() -> None:
    swedish = Problem("content/stories/hollola-latu.sv.md", 7, "categories[1]", P.message, P.hint)
    assert swedish.text() == ("content/stories/hollola-latu.sv.md:7: categories[1]: okänt tema "
                              "'digitalisointi'; menade du 'digitalisaatio'?")


def test_lang_overrides_the_files_language() -> None:
    assert P.text("en") == ("content/stories/hollola-latu.fi.md:7: categories[1]: unknown "
                            "category 'digitalisointi'; did you mean 'digitalisaatio'?")
    assert P.text("sv").endswith("okänt tema 'digitalisointi'; menade du 'digitalisaatio'?")


@pytest.mark.parametrize(("path", "lang"), [
    ("content/stories/hollola-latu.fi.md", "fi"),
    ("content/stories/hollola-latu.sv.md", "sv"),
    ("content/stories/Hollola_Latu.SV.md", "sv"),  # a bad name still tells its language
    ("content/sv/om-tjansten.md", "sv"),
    ("content/fi/tietoa-palvelusta.md", "fi"),
    ("content/taxonomies/categories.yml", "fi"),  # vocabularies: Finnish, as chosen
    ("content/stories", "fi"),
    ("notes.txt", "fi"),
])
def test_file_lang(path: str, lang: str) -> None:
    assert file_lang(path) == lang


def test_places_that_are_not_fields_are_named_in_the_language() -> None:
    problem = Problem("content/stories/x.sv.md", 0, FILE, msg("file.not_found"))
    assert problem.text() == "content/stories/x.sv.md: fil: hittades inte"
    assert problem.text("fi") == "content/stories/x.sv.md: tiedosto: ei löydy"
    assert problem.text("en") == "content/stories/x.sv.md: file: not found"


def test_field_names_stay_as_written_in_every_language() -> None:
    problem = Problem("content/stories/x.sv.md", 3, "contact.email", MISSING)
    assert problem.text() == "content/stories/x.sv.md:3: contact.email: obligatoriskt fält saknas"
    assert problem.text("fi") == (
        "content/stories/x.sv.md:3: contact.email: pakollinen kenttä puuttuu")


def test_github_annotation_escapes_properties_and_data_and_is_localised() -> None:
    problem = Problem("a,b:c.sv.md", 3, "links[0].url", msg("url.invalid", url="50% bad\nsecond"))
    assert problem.github("en") == (
        "::error file=a%2Cb%3Ac.sv.md,line=3,title=links[0].url::'50%25 bad\\nsecond' is not a "
        "web address starting with https:// or http://")
    assert P.github() == (
        "::error file=content/stories/hollola-latu.fi.md,line=7,title=categories[1]::"
        "tuntematon teema 'digitalisointi'; tarkoititko 'digitalisaatio'?")
    assert "line=" not in Problem("x.fi.md", 0, FILE, MISSING).github()
    swedish = Problem("x.sv.md", 0, FILE, MISSING).github()
    assert swedish.startswith("::error file=x.sv.md,title=fil::")


def test_a_problem_cannot_carry_raw_text() -> None:
    # Every message goes through the catalogue, or it could not be shown in the editor's language.
    with pytest.raises(TypeError):
        Problem(STORY, 1, "title", "required field is missing")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Problem(STORY, 1, "title", MISSING, "did you mean 'title'?")  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        msg("no.such.message")


def test_problems_sort_by_path_then_line_in_every_language() -> None:
    a = Problem("content/a.fi.md", 9, "title", MISSING)
    b = Problem("content/b.fi.md", 1, "title", MISSING)
    c = Problem("content/a.fi.md", 10, "date", MISSING)
    d = Problem("content/a.fi.md", 10, FILE, MISSING)  # fields before places
    e = Problem("content/a.fi.md", 10, "date", msg("date.format"))
    assert sorted([b, d, e, c, a]) == [a, e, c, d, b]  # then by message key


def test_problems_with_different_parameter_types_still_sort() -> None:
    text = Problem("x.fi.md", 1, "f", msg("image.too_large", size="2.0"))
    number = Problem("x.fi.md", 1, "f", msg("image.too_large", size=2.5))
    assert sorted([number, text]) == sorted([text, number])


def test_format_problems_sorts_removes_duplicates_and_speaks_each_files_language() -> None:
    a = Problem("content/a.fi.md", 2, "title", MISSING)
    b = Problem("content/a.fi.md", 1, "title", MISSING)
    c = Problem("content/b.sv.md", 1, "title", MISSING)
    assert format_problems([c, a, b, a]) == (
        "content/a.fi.md:1: title: pakollinen kenttä puuttuu\n"
        "content/a.fi.md:2: title: pakollinen kenttä puuttuu\n"
        "content/b.sv.md:1: title: obligatoriskt fält saknas")
    assert format_problems([a, c], lang="en") == (
        "content/a.fi.md:2: title: required field is missing\n"
        "content/b.sv.md:1: title: required field is missing")
    assert format_problems([c], "github") == (
        "::error file=content/b.sv.md,line=1,title=title::obligatoriskt fält saknas")
    assert format_problems([]) == ""
    with pytest.raises(ValueError):
        format_problems([a], lang="de")


def test_decimals_follow_the_language() -> None:
    problem = Problem("content/stories/x.fi.md", 4, "image",
                      msg("image.file", value="images/a.png",
                          problem=msg("image.too_large", size=2.25)))
    assert problem.text().endswith("image: kuva 'images/a.png' on suurempi kuin 2 Mt (2,2 Mt)")
    assert problem.text("en").endswith("image: 'images/a.png' is larger than 2 MB (2.2 MB)")


@pytest.mark.parametrize(("word", "hint"), [
    ("catgories", "categories"),
    ("digitalisointi", "digitalisaatio"),
    ("zzzz", None),
])
def test_suggest(word: str, hint: str | None) -> None:
    expected = msg("hint.did_you_mean", word=hint) if hint else None
    assert suggest(word, ["categories", "digitalisaatio", "title"]) == expected


def test_content_error_collects_all_problems_once() -> None:
    a = Problem("content/a.fi.md", 2, "f", MISSING)
    error = ContentError([a, P, a])
    assert error.problems == (a, P)  # sorted, de-duplicated
    assert str(error).startswith("2 problems in content:\n")
    assert str(ContentError([a])) == (
        "1 problem in content:\ncontent/a.fi.md:2: f: pakollinen kenttä puuttuu")
