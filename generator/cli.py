"""The `tori` command: `tori check` validates content, `tori new` starts a story from a template."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from generator.messages import LANGS, Message, msg
from generator.model import Lang
from generator.problems import DEFAULT_LANG, file_lang, format_problems
from generator.urls import is_slug
from generator.validate import Content, load_content


def template(lang: Lang) -> str:
    """The new-story template of a language: every field, explained in YAML comments."""
    name = f"story_templates/new.{lang.value}.md"
    return resources.files("generator").joinpath(name).read_text(encoding="utf-8")


class UsageError(Exception):
    """The command cannot run: bad arguments, no content folder, a file in the way."""


def _parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    parser = argparse.ArgumentParser(prog="tori", description="Check and start stories.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate stories and vocabularies")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="story files to check (default: all stories)")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="github prints GitHub Actions annotations")
    check.add_argument("--lang", choices=LANGS, default=None,
                       help="language of the messages (default: each file's own, "
                            "Finnish for vocabularies)")
    new = commands.add_parser("new", help="write a story template to fill in")
    new.add_argument("slug", help="the story's slug, e.g. hollola-latu")
    new.add_argument("--lang", choices=("fi", "sv"), required=True)
    for command in (check, new):
        command.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                             help="the content folder (default: ./content)")
    return parser


def check(args: argparse.Namespace) -> int:
    """Validate and report; 0 when clean, 1 when problems were found."""
    content = load_content(_content_dir(args.content), include_drafts=True,
                           paths=args.paths or None)
    if content.problems:
        print(format_problems(content.problems, args.format, args.lang))
        files = {p.path for p in content.problems}
        found = msg("check.found", count=len(content.problems), files=len(files))
        print(found.render(args.lang or _common_lang(files)), file=sys.stderr)
        return 1
    given = {str(path) for path in args.paths}
    print(summary(content).render(args.lang or _common_lang(given)), file=sys.stderr)
    return 0


def summary(content: Content) -> Message:
    """"No problems", with the stories checked per language and the number of vocabulary terms."""
    count = {lang: sum(s.lang is lang for s in content.stories) for lang in Lang}
    terms = sum(len(vocabulary) for vocabulary in content.vocab.all())
    return msg("check.clean", fi=count[Lang.FI], sv=count[Lang.SV], terms=terms)


def _common_lang(paths: set[str]) -> str:
    """The language of the closing line: the files' own when they share one, else Finnish."""
    langs = {file_lang(path) for path in paths}
    return langs.pop() if len(langs) == 1 else DEFAULT_LANG


def new(args: argparse.Namespace) -> int:
    """Write a new story file from the template of its language."""
    slug, lang = args.slug, Lang(args.lang)
    if not (is_slug(slug) and 3 <= len(slug) <= 80):
        raise UsageError(f"'{slug}' is not a valid slug: use 3 to 80 lowercase letters a-z, "
                         "digits and single hyphens, e.g. hollola-latu")
    stories = _content_dir(args.content) / "stories"
    if not stories.is_dir():
        raise UsageError(f"folder {stories} not found")
    file = stories / f"{slug}.{lang.value}.md"
    try:
        with file.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(template(lang))
    except FileExistsError:
        raise UsageError(f"{file} already exists; edit it or choose another slug") from None
    print(file)
    print(f"tori new: fill in the fields, then run: tori check {file}", file=sys.stderr)
    return 0


def _content_dir(path: Path) -> Path:
    """The content folder, which must exist."""
    if not path.is_dir():
        raise UsageError(f"content folder '{path}' not found; run in the project folder "
                         "or give --content DIR")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Run `tori`; returns the exit status (0 clean, 1 problems, 2 could not run)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has printed its message or the help
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        return check(args) if args.command == "check" else new(args)
    except UsageError as error:
        print(f"tori {args.command}: {error}", file=sys.stderr)
    except OSError as error:
        print(f"tori {args.command}: {error.strerror or error}: {error.filename or ''}",
              file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
