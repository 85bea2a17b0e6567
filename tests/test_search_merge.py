"""Tests of generator/search_merge.py: shards' Pagefind indexes merged into one."""

from __future__ import annotations

import gzip
import json
from itertools import pairwise
from pathlib import Path

import pytest
from factories import search_record

from generator import search_bundle, search_index, search_merge

# Words with diacritics (Pagefind keeps their forms as variants), words shared between
# shards, and result fields that only some shards have (their field numbers differ).
RECORDS = (
    search_record("fi/tarinat/a/", "fi", "<h1>Latu Päijät-Hämeessä</h1><p>Hiihtäjät ja latu.</p>",
                  '<span data-pagefind-filter="region">Päijät-Häme</span>'
                  '<span data-pagefind-meta="title">Latu Päijät-Hämeessä</span>'),
    search_record("fi/tarinat/b/", "fi",
                  "<h1>Robotit</h1><p>Robotit auttavat hiihtäjiä ladulla.</p>",
                  '<span data-pagefind-filter="region">Uusimaa</span>'
                  '<span data-pagefind-filter="theme">Robotiikka</span>'
                  '<span data-pagefind-meta="title">Robotit</span>'
                  '<span data-pagefind-meta="image:https://example.org/r.svg"></span>'),
    search_record("sv/berattelser/a/", "sv", "<h1>Skidspår</h1><p>Invånarna skidade på spåret.</p>",
                  '<span data-pagefind-filter="region">Päijänne-Tavastland</span>'
                  '<span data-pagefind-meta="title">Skidspår</span>'),
    search_record("fi/tarinat/c/", "fi", "<h1>Latu</h1><p>Latu ja robotit, hiihtäjät.</p>",
                  '<span data-pagefind-filter="region">Päijät-Häme</span>'
                  '<span data-pagefind-meta="summary">Lyhyesti latu.</span>'),
)


def _pages(entries: list, url: dict[int, str], fields: list[str]) -> list:
    """A word's pages by URL, page numbers undone from differences, field numbers by name."""
    found, number = [], 0
    for page_number, locations, meta_locations in entries:
        number += page_number
        named = [fields[-v - 1] if v < 0 else v for v in meta_locations]
        found.append((url[number], tuple(locations), tuple(named)))
    return sorted(found)


def canonical(bundle: Path) -> dict:
    """What a bundle holds, whatever its page numbers and file names."""
    entry = json.loads((bundle / search_merge.ENTRY).read_text(encoding="utf-8"))
    result = {}
    for lang, info in entry["languages"].items():
        meta = search_bundle.read(bundle / f"pagefind.{info['hash']}.pf_meta")
        url, fragments = {}, {}
        for number, (name, words) in enumerate(meta[1]):
            raw = gzip.decompress((bundle / "fragment" / f"{name}.pf_fragment").read_bytes())
            fragment = json.loads(raw[len(search_bundle.MAGIC):])
            url[number] = fragment["url"]
            fragments[fragment["url"]] = (fragment, words)
        words, bounds = {}, []
        for start, end, name in meta[2]:
            chunk = search_bundle.read(bundle / "index" / f"{name}.pf_index")[0]
            bounds.append((start, end, len(chunk)))
            for word, pages, variants in chunk:
                words[word] = (_pages(pages, url, meta[5]),
                               sorted((form, _pages(p, url, meta[5])) for form, p in variants))
        filters = {}
        for name, filter_hash in meta[3]:
            _, values = search_bundle.read(bundle / "filter" / f"{filter_hash}.pf_filter")
            filters[name] = {value: sorted(url[p] for p in pages) for value, pages in values}
        result[lang] = {"count": info["page_count"], "fragments": fragments, "words": words,
                        "bounds": bounds, "filters": filters, "fields": meta[5]}
    return {"version": entry["version"], "languages": result}


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> dict:
    """The index Pagefind writes for all the records at once."""
    root = tmp_path_factory.mktemp("single")
    search_index.write_records(RECORDS, root / "records")
    search_index.build_index(root / "records", root / "site")
    return canonical(root / "site" / search_index.BUNDLE)


def test_shards_merge_into_the_index_pagefind_writes_for_all_pages(tmp_path, single):
    search_index.write_records(RECORDS, tmp_path / "records", shard_pages=1)
    shards = sorted((tmp_path / "records").iterdir())
    assert len(shards) == 4
    search_index.index_shards(shards, tmp_path / "bundle")
    search_bundle.normalise(tmp_path / "bundle")
    merged = canonical(tmp_path / "bundle")
    assert merged["languages"]["fi"]["words"]["hiihtaj"][1]  # the variants were exercised
    assert merged == single
    assert (tmp_path / "bundle" / "pagefind.js").is_file()
    assert (tmp_path / "bundle" / "wasm.sv.pagefind").is_file()


def test_merged_shards_are_byte_identical_from_run_to_run(tmp_path):
    def snapshot(bundle: Path) -> dict[str, bytes]:
        return {str(f.relative_to(bundle)): f.read_bytes() for f in sorted(bundle.rglob("*"))
                if f.is_file()}

    search_index.write_records(RECORDS, tmp_path / "records", shard_pages=2)
    shards = sorted((tmp_path / "records").iterdir())
    bundles = []
    for run in range(2):
        bundle = tmp_path / f"bundle{run}"
        search_index.index_shards(shards, bundle)
        search_bundle.normalise(bundle)
        bundles.append(snapshot(bundle))
    assert bundles[0] == bundles[1]


def test_chunk_bounds_are_cut_to_the_prefixes_that_tell_chunks_apart():
    chunks = [["apple", "apple", "h1"], ["apricot", "banana", "h2"], ["peach", "peach", "h3"]]
    search_merge._trim_bounds(chunks)
    # "app" would end the first chunk before it starts, so it keeps its word
    assert chunks == [["apple", "apple", "h1"], ["apr", "b", "h2"], ["p", "peach", "h3"]]


def test_page_lists_of_later_shards_continue_the_page_differences():
    first = [[0, [1], []], [3, [2], []]]  # pages 0 and 3 of the first shard
    second = [[1, [5], []], [1, [6], []]]  # pages 1 and 2 of a shard starting at page 10
    assert search_merge._join([(first, 0), ([], 5), (second, 10)]) == [
        [0, [1], []], [3, [2], []], [8, [5], []], [1, [6], []]]


def test_an_unknown_pagefind_version_is_refused():
    search_merge.check_version("1.5.2")
    with pytest.raises(search_merge.MergeError, match=r"Pagefind 1\.6\.0"):
        search_merge.check_version("1.6.0")


def _chunk_words(bundle: Path, lang: str) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """Each word chunk of a language: its bounds and its (word, locations plus pages) list."""
    entry = json.loads((bundle / search_merge.ENTRY).read_text(encoding="utf-8"))
    meta = search_bundle.read(bundle / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta")
    chunks = []
    for start, end, name in meta[2]:
        words = search_bundle.read(bundle / "index" / f"{name}.pf_index")[0]
        chunks.append((start, end, [(w[0], search_merge._locations(w[1]) + sum(
            search_merge._locations(p) for _, p in w[2])) for w in words]))
    return chunks


def _chunk_for(term: str, chunks: list) -> int | None:
    """The chunk Pagefind 1.5's JS loads for one search term, as its wasm chooses it."""
    strict = [i for i, (start, end, _) in enumerate(chunks) if start <= term <= end]
    if strict:
        return strict[0]
    # Bounds are cut to short prefixes, so a chunk's last words may sort after its upper bound:
    # then Pagefind compares the term and the bounds cut to the shorter length.
    return next((i for i, (start, end, _) in enumerate(chunks)
                 if term[: len(start)] >= start[: len(term)]
                 and term[: len(end)] <= end[: len(term)]), None)


def test_chunks_close_before_a_word_that_would_take_them_over_the_budget(
        tmp_path, single, monkeypatch):
    monkeypatch.setattr(search_merge, "CHUNK_LOCATIONS", 5)
    search_index.write_records(RECORDS, tmp_path / "records", shard_pages=1)
    search_index.index_shards(sorted((tmp_path / "records").iterdir()), tmp_path / "bundle")
    search_bundle.normalise(tmp_path / "bundle")
    chunks = _chunk_words(tmp_path / "bundle", "fi")
    assert len(chunks) > 3
    everywhere = [word for _, _, words in chunks for word, _ in words]
    for _, _, words in chunks:
        sizes = [size for _, size in words]
        extending = any(b.startswith(a) for (a, _), (b, _) in pairwise(words))
        assert len(words) == 1 or sum(sizes) <= 5 or extending, words
        # a word's longer forms are in its own chunk: Pagefind looks for them nowhere else
        for word, _ in words:
            assert {w for w in everywhere if w.startswith(word)} <= {w for w, _ in words}, word
    assert any(size > 5 for _, _, words in chunks for _, size in words)  # a word alone
    assert ["https", "httpsexampleorgrsvg"] in [[w for w, _ in words] for _, _, words in chunks]
    for (_, _, before), (_, _, after) in pairwise(chunks):
        # a chunk was closed because the next word would not fit
        assert sum(size for _, size in before) + after[0][1] > 5
    for number, (_, _, words) in enumerate(chunks):
        for word, _ in words:
            assert _chunk_for(word, chunks) == number, word
    merged = canonical(tmp_path / "bundle")
    for lang in ("fi", "sv"):
        del merged["languages"][lang]["bounds"]
    expected = {**single, "languages": {lang: {k: v for k, v in info.items() if k != "bounds"}
                                        for lang, info in single["languages"].items()}}
    assert merged == expected
