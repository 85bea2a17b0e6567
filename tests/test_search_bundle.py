"""Tests of generator/search/bundle.py: Pagefind's filter data made byte-stable, meaning kept."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import pytest

from generator.search import bundle as search_bundle
from generator.search import runner as search_index

REGIONS = ["Uusimaa", "Päijät-Häme", "Lappi", "Kainuu", "Pirkanmaa", "Ahvenanmaa"]


def _site(root: Path) -> Path:
    """Twelve Finnish story pages with two filters, ready for Pagefind."""
    for i in range(12):
        page = root / "fi" / "tarinat" / f"s{i}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<html lang="fi"><body><main data-pagefind-body><h1>Tarina {i}</h1>'
            f"<p>Kunta kehitti palvelua numero {i}.</p>"
            f'<a data-pagefind-filter="region">{REGIONS[i % len(REGIONS)]}</a>'
            f'<span data-pagefind-filter="year:{2019 + i % 4}"></span></main></body></html>',
            encoding="utf-8",
        )
    return root


def _meta(bundle: Path, lang: str = "fi") -> list:
    entry = json.loads((bundle / search_bundle.ENTRY).read_text(encoding="utf-8"))
    return search_bundle.read(bundle / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta")


def _filters(bundle: Path) -> dict[str, dict[str, list[int]]]:
    """Every filter of the Finnish index as {name: {value: pages}}, through the metadata file."""
    result = {}
    for name, file_hash in _meta(bundle)[3]:
        got_name, values = search_bundle.read(bundle / "filter" / f"{file_hash}.pf_filter")
        assert got_name == name
        result[name] = {value: pages for value, pages in values}
    return result


@pytest.fixture
def raw_bundle(tmp_path) -> Path:
    """Pagefind's own output for the little site, before normalising."""
    site = _site(tmp_path / "site")
    command = [search_index._binary(), "--site", str(site), "--silent"]
    subprocess.run(command, check=True)
    return site / "pagefind"


def test_normalise_keeps_every_filter_value_and_page(raw_bundle):
    before = _filters(raw_bundle)
    search_bundle.normalise(raw_bundle)
    after = _filters(raw_bundle)
    assert after == before
    assert set(after["region"]) == set(REGIONS)
    assert sum(len(p) for p in after["year"].values()) == 12


def test_normalise_sorts_filters_and_values(raw_bundle):
    search_bundle.normalise(raw_bundle)
    names = [name for name, _ in _meta(raw_bundle)[3]]
    assert names == sorted(names) == ["region", "year"]
    for name, file_hash in _meta(raw_bundle)[3]:
        _, values = search_bundle.read(raw_bundle / "filter" / f"{file_hash}.pf_filter")
        assert [v for v, _ in values] == sorted(v for v, _ in values), name


def test_normalise_leaves_no_stale_files_and_names_files_by_content(raw_bundle):
    search_bundle.normalise(raw_bundle)
    referenced = {f"{h}.pf_filter" for _, h in _meta(raw_bundle)[3]}
    assert {f.name for f in (raw_bundle / "filter").iterdir()} == referenced
    assert len(list(raw_bundle.glob("pagefind.fi_*.pf_meta"))) == 1
    for f in (raw_bundle / "filter").iterdir():
        assert f.stem == search_bundle.content_name("fi", f.read_bytes(), 7)


def test_normalise_is_idempotent(raw_bundle):
    search_bundle.normalise(raw_bundle)
    first = {str(f.relative_to(raw_bundle)): f.read_bytes() for f in raw_bundle.rglob("*")
             if f.is_file()}
    search_bundle.normalise(raw_bundle)
    again = {str(f.relative_to(raw_bundle)): f.read_bytes() for f in raw_bundle.rglob("*")
             if f.is_file()}
    assert again == first


def test_encode_is_readable_and_has_a_fixed_header():
    data = search_bundle.encode(["region", [["Uusimaa", [0, 2]]]])
    assert data == search_bundle.encode(["region", [["Uusimaa", [0, 2]]]])
    assert gzip.decompress(data).startswith(b"pagefind_dcd")
    assert data[4:8] == b"\0\0\0\0"  # gzip mtime zeroed


def test_read_rejects_a_file_that_is_not_pagefind_data(tmp_path):
    bogus = tmp_path / "x.pf_filter"
    bogus.write_bytes(gzip.compress(b"hello"))
    with pytest.raises(ValueError, match=r"x\.pf_filter: not a Pagefind data file"):
        search_bundle.read(bogus)


def test_normalise_names_the_versions_it_knows_and_refuses_any_other(raw_bundle):
    entry_path = raw_bundle / search_bundle.ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    assert entry["version"] in search_bundle.KNOWN_VERSIONS  # the installed Pagefind is known
    entry["version"] = "1.6.0"
    entry_path.write_text(json.dumps(entry), encoding="utf-8")
    files = sorted(p.relative_to(raw_bundle) for p in raw_bundle.rglob("*"))
    with pytest.raises(search_bundle.BundleFormatError) as caught:
        search_bundle.normalise(raw_bundle)
    message = str(caught.value)
    assert "Pagefind 1.6.0" in message and "1.5.2" in message and "KNOWN_VERSIONS" in message
    assert sorted(p.relative_to(raw_bundle) for p in raw_bundle.rglob("*")) == files  # untouched


def test_a_bundle_of_an_unknown_version_fails_the_indexing_clearly(tmp_path, monkeypatch):
    monkeypatch.setattr(search_bundle, "KNOWN_VERSIONS", ("0.9.0",))
    records = tmp_path / "records"
    page = records / "fi" / "tarinat" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<html lang="fi"><body><h1>Tarina</h1></body></html>', encoding="utf-8")
    with pytest.raises(search_index.SearchIndexError, match=r"knows only the data format of "
                                                            r"Pagefind 0\.9\.0"):
        search_index.build_index(records, tmp_path / "site")
