"""Write a deterministic synthetic content folder of N stories for the build benchmark.

Usage (from the repository root):

    python3 bench/corpus.py N OUT_DIR [--seed S] [--content DIR]

OUT_DIR receives stories/ (synthetic, in the real story format) and a copy of everything else
in the real content folder (taxonomies/, fi/, sv/, …), so the project's mkdocs.yml builds it
with only docs_dir changed. The mix follows the live site: about 85 % of stories in Finnish
only, 10 % in both languages, 5 % in Swedish only; 1 to 3 themes; 5 % awarded; bodies of 300 to 800
words with headings, lists and links. The same N and seed always give byte-identical files.
Exit status: 0 written, 1 the content folder could not be read, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import datetime
import random
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # so the script runs without installing the package first
    sys.path.insert(0, str(REPO))

from bench.filler import WORDS, body, paragraph  # noqa: E402
from generator.model import Lang, Text  # noqa: E402
from generator.urls import slugify  # noqa: E402

SHARE_BOTH = 0.10
SHARE_SV_ONLY = 0.05
SHARE_AWARDED = 0.05
SHARE_REGION_ONLY = 0.10  # regional work tied to no single municipality
SHARE_IMAGE = 0.25
IMAGES = 6
FIRST_DAY = datetime.date(2016, 1, 1)
LAST_DAY = datetime.date(2025, 10, 31)
MIN_WORDS, MAX_WORDS = 300, 730  # the last paragraph may add up to ~70 words, staying under 800
MARKER = ".bench-corpus"  # marks a folder this script wrote, so a rerun may replace it
KINDS = ("categories", "sectors", "regions", "municipalities", "awards")


class CorpusError(Exception):
    """The real content folder could not be read, or OUT_DIR may not be written."""


@dataclass(frozen=True)
class Vocab:
    """The vocabulary keys (and the labels the filler needs) of the real content folder."""

    categories: tuple[str, ...]
    sectors: tuple[str, ...]
    regions: dict[str, Text]
    municipalities: dict[str, tuple[str, Text]]  # key -> (region key, labels)
    awards: dict[str, int]  # key -> year


@dataclass(frozen=True)
class Plan:
    """Everything about one synthetic story that both language versions share."""

    number: int
    slug: str
    topic: int  # index into Words.topics, the same in both languages
    langs: tuple[Lang, ...]
    date: datetime.date
    municipalities: tuple[str, ...]
    regions: tuple[str, ...]
    categories: tuple[str, ...]
    sectors: tuple[str, ...]
    awards: tuple[str, ...]


def read_vocab(content: Path) -> Vocab:
    """Read the keys of content/taxonomies/*.yml."""
    raw = {}
    for kind in KINDS:
        path = content / "taxonomies" / f"{kind}.yml"
        try:
            raw[kind] = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or []
        except (OSError, yaml.YAMLError) as err:
            raise CorpusError(f"{path}: cannot read the vocabulary ({err})") from err
        if not isinstance(raw[kind], list) or not raw[kind]:
            raise CorpusError(f"{path}: expected a non-empty list of terms")

    def label(term: dict) -> Text:
        return Text(fi=term["fi"]["label"], sv=term["sv"]["label"])

    return Vocab(
        categories=tuple(t["key"] for t in raw["categories"]),
        sectors=tuple(t["key"] for t in raw["sectors"]),
        regions={t["key"]: label(t) for t in raw["regions"]},
        municipalities={t["key"]: (t["region"], label(t)) for t in raw["municipalities"]},
        awards={t["key"]: int(t["year"]) for t in raw["awards"]},
    )


def quota(rng: random.Random, n: int, share: float) -> list[bool]:
    """Exactly round(n * share) of n flags set, in random order: the mix is exact, not noisy."""
    k = round(n * share)
    flags = [True] * k + [False] * (n - k)
    rng.shuffle(flags)
    return flags


def language_plan(rng: random.Random, n: int) -> list[tuple[Lang, ...]]:
    """The languages of each story: 85 % Finnish only, 10 % both, 5 % Swedish only."""
    both, sv_only = round(n * SHARE_BOTH), round(n * SHARE_SV_ONLY)
    fi_only = n - both - sv_only
    plan = [(Lang.FI, Lang.SV)] * both + [(Lang.SV,)] * sv_only + [(Lang.FI,)] * fi_only
    rng.shuffle(plan)
    return plan


def random_day(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    """A day between first and last, both included."""
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def plan_story(rng: random.Random, vocab: Vocab, number: int, langs: tuple[Lang, ...],
               awarded: bool) -> Plan:
    """Draw the language-independent facts of story `number`."""
    awards: tuple[str, ...] = ()
    date = random_day(rng, FIRST_DAY, LAST_DAY)
    if awarded:
        award = rng.choice(sorted(vocab.awards))
        awards = (award,)
        year = vocab.awards[award]
        date = random_day(rng, datetime.date(year, 1, 1), datetime.date(year, 10, 31))
    municipalities: tuple[str, ...] = ()
    if rng.random() < SHARE_REGION_ONLY:
        regions = (rng.choice(sorted(vocab.regions)),)
    else:
        municipalities = tuple(rng.sample(sorted(vocab.municipalities), rng.choice((1, 1, 1, 2))))
        regions = ()
    topic = rng.randrange(len(WORDS[Lang.FI].topics))
    slug = f"bench-{number:05d}-{slugify(WORDS[Lang.FI].topics[topic])}"
    categories = tuple(rng.sample(vocab.categories, rng.randint(1, 3)))
    # translations must agree on their terms, so sectors are drawn once per story
    sectors = tuple(rng.sample(vocab.sectors, rng.randint(1, 2))) if rng.random() < 0.6 else ()
    return Plan(number, slug, topic, langs, date, municipalities, regions, categories, sectors,
                awards)


def place(plan: Plan, vocab: Vocab) -> Text:
    """The first municipality's (or the region's) labels, for titles and organisations."""
    if plan.municipalities:
        return vocab.municipalities[plan.municipalities[0]][1]
    return vocab.regions[plan.regions[0]]


def organisation(plan: Plan, vocab: Vocab, lang: Lang) -> str:
    """A plausible organisation name (load-test data: the Finnish genitive is approximate)."""
    name = place(plan, vocab)[lang]
    if lang is Lang.SV:
        return f"{name} {'kommun' if plan.municipalities else 'välfärdsområde'}"
    genitive = name + ("n" if name[-1] in "aeiouyäö" else "in")
    return f"{genitive} {'kaupunki' if plan.municipalities else 'hyvinvointialue'}"


def front_matter(rng: random.Random, plan: Plan, vocab: Vocab, lang: Lang) -> dict:
    """The front matter of one language version, in the contract's field order."""
    w = WORDS[lang]
    topic = w.topics[plan.topic]
    where = place(plan, vocab)[lang]
    lead = paragraph(rng, w).split(". ")[0].rstrip(".")
    fm: dict = {
        "title": f"{where}: {topic} ({w.synthetic} {plan.number:05d})",
        "summary": f"{w.synthetic.capitalize()}. {lead}.",
        "date": plan.date,
    }
    if rng.random() < 0.15:
        fm["updated"] = min(plan.date + datetime.timedelta(days=rng.randint(1, 400)), LAST_DAY)
    fm["organisation"] = organisation(plan, vocab, lang)
    fm["municipalities" if plan.municipalities else "regions"] = list(
        plan.municipalities or plan.regions
    )
    fm["categories"] = list(plan.categories)
    if plan.sectors:
        fm["sectors"] = list(plan.sectors)
    if plan.awards:
        fm["awards"] = list(plan.awards)
    fm.update(optional_fields(rng, plan, lang))
    return fm


def optional_fields(rng: random.Random, plan: Plan, lang: Lang) -> dict:
    """Tags, image, contact and links, each present on a share of stories."""
    w = WORDS[lang]
    fm: dict = {}
    if rng.random() < 0.5:
        fm["tags"] = rng.sample(w.tags, rng.randint(1, 4))
    if rng.random() < SHARE_IMAGE:
        n = rng.randint(1, IMAGES)
        fm["image"] = f"images/bench-{n}.svg"
        fm["image_alt"] = w.image_alt.format(n=n)
    if rng.random() < 0.4:
        team = "Kehittämistiimi" if lang is Lang.FI else "Utvecklingsteamet"
        fm["contact"] = {"name": team, "email": f"bench-{plan.number:05d}@example.org"}
    if rng.random() < 0.5:
        titles = rng.sample(w.link_titles, rng.randint(1, 2))
        fm["links"] = [
            {"title": t, "url": f"https://example.org/bench/{plan.slug}/{i}"}
            for i, t in enumerate(titles, 1)
        ]
    return fm


def render(fm: dict, markdown: str) -> str:
    """A story file: YAML front matter between '---' lines, then the body."""
    # libyaml's emitter when present: the pure-Python one is most of the generator's time
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    head = yaml.dump(fm, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n\n{markdown}"


def svg(n: int) -> str:
    """A small, valid SVG illustration that differs per n."""
    hue = n * 360 // IMAGES
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 12 6.3">'
        f'<rect width="12" height="6.3" fill="hsl({hue},45%,85%)"/>'
        f'<rect x="1" y="1" width="{n + 2}" height="3" fill="hsl({hue},55%,40%)"/></svg>\n'
    )


def prepare(content: Path, out: Path) -> None:
    """Make OUT_DIR a fresh copy of the content folder without its stories."""
    out = out.resolve()
    if out == content.resolve() or content.resolve() in out.parents:
        raise CorpusError(f"{out}: synthetic stories never go into the content folder")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise CorpusError(f"{out}: exists and was not written by bench/corpus.py; choose another")
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(content, out, ignore=lambda d, names: ["stories"] if Path(d) == content else [])
    (out / MARKER).write_text("synthetic benchmark corpus; safe to delete\n", encoding="utf-8")
    (out / "stories" / "images").mkdir(parents=True)
    for n in range(1, IMAGES + 1):
        (out / "stories" / "images" / f"bench-{n}.svg").write_text(svg(n), encoding="utf-8")


def write_corpus(n: int, out: Path, seed: int = 1, content: Path = REPO / "content") -> int:
    """Write n synthetic stories to out/stories; return the number of files written."""
    vocab = read_vocab(content)
    prepare(content, out)
    rng = random.Random(seed)
    langs, awarded = language_plan(rng, n), quota(rng, n, SHARE_AWARDED)
    written = 0
    for i in range(n):
        plan = plan_story(rng, vocab, i + 1, langs[i], awarded[i])
        words = rng.randint(MIN_WORDS, MAX_WORDS)
        for lang in plan.langs:
            fm = front_matter(rng, plan, vocab, lang)
            text = body(rng, lang, words, f"https://example.org/bench/{plan.slug}/")
            path = out / "stories" / f"{plan.slug}.{lang.value}.md"
            path.write_text(render(fm, text), encoding="utf-8", newline="\n")
            written += 1
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, metavar="N", help="number of stories (at least 1)")
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="folder to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--content", type=Path, default=REPO / "content",
                        help="the real content folder to copy vocabularies and pages from")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error(f"N must be at least 1, got {args.n}")
    try:
        files = write_corpus(args.n, args.out, args.seed, args.content)
    except CorpusError as err:
        print(f"bench/corpus.py: {err}", file=sys.stderr)
        return 1
    print(f"wrote {args.n} stories ({files} files) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
