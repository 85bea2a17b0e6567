"""Write a minimal Hugo site of a synthetic corpus, for comparing build times with Hugo.

Usage (from the repository root; the corpus comes from bench/corpus.py):

    python3 bench/hugo_site.py CORPUS_DIR OUT_DIR
    hugo --quiet -s OUT_DIR          # Debian's package: apt-get install hugo (0.111 on bookworm)

OUT_DIR receives hugo.toml and content/stories/ with every story of CORPUS_DIR/stories in Hugo's
translation-by-file-name form (`<slug>.fi.md`, `<slug>.sv.md`). The templates are this folder's
own (bench/hugo/layouts, read through `layoutDir`): the same kinds of pages as the project builds
— a page per story with its facts and translation link; a paginated
listing of all stories and of every term of the five taxonomies, 20 stories a page, with feeds;
an overview of each taxonomy; a home page per language — in Finnish and Swedish. The front
matter is the story's own, except that `regions` also lists the regions of the story's
municipalities, as the project's index does. Related stories are left out: Hugo's related
content with these taxonomies took 216 s of CPU at 10 000 stories (6.4 s at 1 000, against
4.1 s without), far from the issue's Hugo figures, so the baseline is the stricter one.
Exit status: 0 written, 2 bad arguments.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

LAYOUTS = Path(__file__).resolve().parent / "hugo" / "layouts"
MARKER = ".bench-hugo"  # marks a folder this script wrote, so a rerun may replace it
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

CONFIG = """\
# Written by bench/hugo_site.py: a minimal bilingual Hugo site of the synthetic corpus.
baseURL = "https://www.tekojentori.fi/"
title = "Tekojen tori"
layoutDir = "{layouts}"
defaultContentLanguage = "fi"
defaultContentLanguageInSubdir = true
paginate = 20
disableKinds = []
enableRobotsTXT = true

[taxonomies]
  category = "categories"
  sector = "sectors"
  region = "regions"
  municipality = "municipalities"
  award = "awards"

[languages.fi]
  languageName = "Suomeksi"
  weight = 1
  title = "Tekojen tori"
[languages.sv]
  languageName = "På svenska"
  weight = 2
  title = "Framstegsarenan"
"""


def regions_of_municipalities(corpus: Path) -> dict[str, str]:
    """Municipality key -> its region's key, from the corpus's vocabulary."""
    rows = yaml.load((corpus / "taxonomies" / "municipalities.yml").read_text("utf-8"), Loader)
    return {row["key"]: row["region"] for row in rows}


def convert(text: str, regions: dict[str, str]) -> str:
    """A story file with `regions` completed from its municipalities."""
    _, head, body = text.split("---\n", 2)
    meta = yaml.load(head, Loader)
    implied = [regions[m] for m in meta.get("municipalities") or () if m in regions]
    merged = list(dict.fromkeys([*(meta.get("regions") or ()), *implied]))
    if merged:
        meta["regions"] = merged
    front = yaml.dump(meta, Dumper=Dumper, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{body}"


def write_site(corpus: Path, out: Path) -> int:
    """Write the Hugo site of `corpus` to `out`; return the number of story files."""
    if out.exists():
        if not (out / MARKER).exists():
            raise SystemExit(f"{out} exists and was not written by this script; not touching it")
        shutil.rmtree(out)
    stories = out / "content" / "stories"
    stories.mkdir(parents=True)
    (out / MARKER).write_text("written by bench/hugo_site.py\n", encoding="utf-8")
    (out / "hugo.toml").write_text(CONFIG.format(layouts=LAYOUTS), encoding="utf-8")
    for lang, title in (("fi", "Tarinat"), ("sv", "Berättelser")):
        (stories / f"_index.{lang}.md").write_text(f"---\ntitle: {title}\n---\n", "utf-8")
    regions = regions_of_municipalities(corpus)
    count = 0
    for source in sorted((corpus / "stories").glob("*.md")):
        (stories / source.name).write_text(convert(source.read_text("utf-8"), regions), "utf-8")
        count += 1
    images = corpus / "stories" / "images"
    if images.is_dir():
        shutil.copytree(images, out / "static" / "images")
    return count


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    count = write_site(Path(args[0]), Path(args[1]))
    print(f"{count} story files written to {args[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
