"""Merge Pagefind bundles of consecutive shards of the story pages into one bundle.

Pagefind holds every page it indexes several times over while it builds an index (about 170 kB
a story page: 1.8 GB at 10 000 stories), however lean its input. Indexing the pages in shards
of a few thousand, one Pagefind at a time, and merging the shards' indexes keeps that peak
small. The merged index holds what Pagefind would write for all pages at once: the same words,
locations, filters and page fragments; the page numbers follow the shards' order, and the word
index is cut into chunks by a rule of its own (see CHUNK_LOCATIONS).

Written against Pagefind 1.5's data format (checked by `check_version`; later versions number
pages differently): a word index chunk is
[[word, [[page, locations, meta locations]…], [[variant form, pages]…]]…], a word's pages in
page order, each numbered by its difference to the one before; meta locations name their result
field by its index in the language's sorted field list, as a negative marker.
"""

from __future__ import annotations

import heapq
import json
import shutil
from collections.abc import Iterator, Sequence
from itertools import groupby, pairwise
from pathlib import Path

from generator.search_bundle import ENTRY, content_name, encode, read

FORMAT = "1.5."  # the Pagefind versions whose data format this module knows (pyproject pins 1.5)
# A query downloads the word chunk each of its terms falls in. Pagefind closes a chunk once it
# holds 20 000 locations plus pages of a word's main form, so a rare word often shares its chunk
# with words found on nearly every page (93 kB gzip for "ajanvaraus" at 10 000 stories). The
# merge closes a chunk before a word that would take it over this budget (variant forms counted
# too), so a frequent word mostly stands alone and a rare one costs a few kB. Pagefind finds a
# term's longer forms ("ledning" → "ledningsgrupp") only in the term's own chunk, so a chunk is
# never closed before a word that extends a word already in it; smaller budgets add boundaries
# inside partly typed words for little further saving.
CHUNK_LOCATIONS = 8_000
DATA = ("index", "fragment", "filter")  # per-language data folders; the rest is shared


class MergeError(Exception):
    """The shards cannot be merged."""


def merge(shards: Sequence[Path], bundle: Path) -> None:
    """Write into `bundle` the index of all pages of `shards`, Pagefind bundles in page order."""
    entries = [json.loads((s / ENTRY).read_text(encoding="utf-8")) for s in shards]
    for entry in entries:
        check_version(entry["version"])
    bundle.mkdir(parents=True, exist_ok=True)
    for folder in DATA:
        (bundle / folder).mkdir(exist_ok=True)
    _copy_shared(shards, bundle)
    languages = {}
    for lang in sorted({lang for entry in entries for lang in entry["languages"]}):
        parts = [(s, e["languages"][lang]) for s, e in zip(shards, entries, strict=True)
                 if lang in e["languages"]]
        info = dict(parts[0][1])
        info["hash"] = _merge_language(lang, [(s, i["hash"]) for s, i in parts], bundle)
        info["page_count"] = sum(i["page_count"] for _, i in parts)
        languages[lang] = info
    entry = {**entries[0], "languages": languages}
    (bundle / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                                encoding="utf-8")


def check_version(version: str) -> None:
    """Refuse a Pagefind whose data format this module does not know."""
    if not version.startswith(FORMAT):
        raise MergeError(f"cannot merge the indexes of Pagefind {version}")


def _copy_shared(shards: Sequence[Path], bundle: Path) -> None:
    """Copy the scripts and per-language wasm files, the same in every shard."""
    for shard in shards:
        for path in shard.iterdir():
            if path.is_file() and path.name != ENTRY and not path.name.endswith(".pf_meta"):
                target = bundle / path.name
                if not target.exists():
                    shutil.copyfile(path, target)


def _merge_language(lang: str, parts: list[tuple[Path, str]], bundle: Path) -> str:
    """Merge one language's shards into `bundle`; returns the merged metadata's hash."""
    metas = [read(shard / f"pagefind.{meta_hash}.pf_meta") for shard, meta_hash in parts]
    # meta = [version, pages [[fragment, word count]…], chunks, filters, sorts, result fields]
    if any(meta[4] for meta in metas):
        raise MergeError("cannot merge sort indexes")  # the site uses none
    fields = sorted({field for meta in metas for field in meta[5]})
    offsets, pages = [], []
    for meta in metas:
        offsets.append(len(pages))
        pages.extend(meta[1])
    streams = []
    for number, ((shard, _), meta, offset) in enumerate(zip(parts, metas, offsets, strict=True)):
        moved = None if meta[5] == fields else {i: fields.index(f) for i, f in enumerate(meta[5])}
        streams.append(_words(shard, meta, number, offset, moved))
        _move_fragments(shard, meta, bundle)
    chunks = _write_chunks(lang, heapq.merge(*streams), bundle)
    filters = _write_filters(lang, parts, metas, offsets, bundle)
    data = encode([metas[0][0], pages, chunks, filters, [], fields])
    meta_hash = content_name(lang, data, len(lang) + 8)
    (bundle / f"pagefind.{meta_hash}.pf_meta").write_bytes(data)
    return meta_hash


def _words(shard: Path, meta: list, number: int, offset: int,
           moved: dict[int, int] | None) -> Iterator[tuple[str, int, list, int]]:
    """A shard's words in sorted order: (word, shard number, entry, page offset)."""
    for _, _, chunk_hash in meta[2]:
        for entry in read(shard / "index" / f"{chunk_hash}.pf_index")[0]:
            if moved is not None:
                _move_fields(entry, moved)
            yield entry[0], number, entry, offset


def _move_fields(entry: list, moved: dict[int, int]) -> None:
    """Renumber the result fields named in a word's meta locations to the merged field list."""
    for pages in (entry[1], *(form_pages for _, form_pages in entry[2])):
        for page in pages:
            # A negative meta location (-field - 1) names the field of the locations after it.
            page[2] = [-moved[-v - 1] - 1 if v < 0 else v for v in page[2]]


def _join(lists: list[tuple[list, int]]) -> list:
    """Concatenate page lists of consecutive shards, given with their page offsets.

    Pagefind writes a word's pages in page order with each page number as the difference to
    the one before, so only the first page of each later shard changes.
    """
    joined: list = []
    last = 0  # the absolute number of the last page joined so far
    for pages, offset in lists:
        if not pages:
            continue
        first = pages[0]
        joined.append([first[0] + offset - last, *first[1:]])
        joined.extend(pages[1:])
        last = offset + sum(page[0] for page in pages)
    return joined


def _write_chunks(lang: str, words: Iterator[tuple[str, int, list, int]], bundle: Path) -> list:
    """Write the merged words in chunks of about CHUNK_LOCATIONS; returns the chunk list."""
    chunks, current, size = [], [], 0
    stems: list[str] = []  # the words of the current chunk that the latest word extends
    for word, group in groupby(words, key=lambda item: item[0]):
        entries = [(entry, offset) for _, _, entry, offset in group]
        pages = _join([(entry[1], offset) for entry, offset in entries])
        forms: dict[str, list[tuple[list, int]]] = {}
        for entry, offset in entries:
            for form, form_pages in entry[2]:
                forms.setdefault(form, []).append((form_pages, offset))
        variants = [[f, _join(lists)] for f, lists in forms.items()]
        locations = _locations(pages) + sum(_locations(p) for _, p in variants)
        while stems and not word.startswith(stems[-1]):
            stems.pop()
        if current and not stems and size + locations > CHUNK_LOCATIONS:
            chunks.append(_write_chunk(lang, current, bundle))
            current, size = [], 0
        current.append([word, pages, variants])
        size += locations
        stems.append(word)
    if current:
        chunks.append(_write_chunk(lang, current, bundle))
    _trim_bounds(chunks)
    return chunks


def _locations(pages: list) -> int:
    """The locations plus pages of a page list: what a word adds to a chunk's size."""
    return sum(len(page[1]) + len(page[2]) + 1 for page in pages)


def _write_chunk(lang: str, words: list, bundle: Path) -> list:
    """Write one word index chunk; returns its [first word, last word, hash]."""
    data = encode([words])
    chunk_hash = _free_name(bundle / "index", lang, data, ".pf_index")
    (bundle / "index" / f"{chunk_hash}.pf_index").write_bytes(data)
    return [words[0][0], words[-1][0], chunk_hash]


def _trim_bounds(chunks: list) -> None:
    """Shorten neighbouring chunk bounds to the prefixes that tell them apart, as Pagefind does."""
    for before, after in pairwise(chunks):
        common = next((i for i, (a, b) in enumerate(zip(before[1], after[0], strict=False))
                       if a != b), min(len(before[1]), len(after[0])))
        to, start = before[1][: common + 1], after[0][: common + 1]
        if to >= before[0]:  # never let a chunk end before it starts
            before[1] = to
        after[0] = start


def _write_filters(lang: str, parts: list[tuple[Path, str]], metas: list, offsets: list[int],
                   bundle: Path) -> list:
    """Merge the filter indexes; returns the [[name, hash]…] list of the metadata."""
    merged: dict[str, dict[str, list[int]]] = {}
    for (shard, _), meta, offset in zip(parts, metas, offsets, strict=True):
        for name, filter_hash in meta[3]:
            _, values = read(shard / "filter" / f"{filter_hash}.pf_filter")
            target = merged.setdefault(name, {})
            for value, pages in values:
                target.setdefault(value, []).extend(p + offset for p in pages)
    result = []
    for name in sorted(merged):
        data = encode([name, [[v, p] for v, p in sorted(merged[name].items())]])
        filter_hash = _free_name(bundle / "filter", lang, data, ".pf_filter")
        (bundle / "filter" / f"{filter_hash}.pf_filter").write_bytes(data)
        result.append([name, filter_hash])
    return result


def _move_fragments(shard: Path, meta: list, bundle: Path) -> None:
    """Move a shard's page fragments into the bundle; their names are hashes of their content."""
    for fragment_hash, _ in meta[1]:
        source = shard / "fragment" / f"{fragment_hash}.pf_fragment"
        target = bundle / "fragment" / source.name
        if target.exists():
            if source.exists() and source.read_bytes() != target.read_bytes():
                raise MergeError(f"two different page fragments are named {source.name}")
            continue  # the same page text twice: one fragment serves both, as in Pagefind
        source.replace(target)


def _free_name(folder: Path, lang: str, data: bytes, suffix: str) -> str:
    """A content-derived name in Pagefind's style that no other file in `folder` has."""
    digits = 7
    while True:
        name = content_name(lang, data, digits)
        path = folder / f"{name}{suffix}"
        if not path.exists() or path.read_bytes() == data:
            return name
        digits += 1
