"""Make Pagefind's output byte-identical from build to build.

Pagefind 1.5 writes its filter files and the filter list of each language's metadata file in
hash-map order, so they change between runs of the same input (Pagefind issue #638: "filter and
metadata indexes still change"). This step sorts that data, renames the files after their new
content and updates the references, leaving what the browser reads semantically unchanged.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

# The Pagefind releases whose data files this module has been checked against. Another release
# may order or shape them differently: add it here only after tests/test_search_bundle.py passes.
KNOWN_VERSIONS = ("1.5.0", "1.5.1", "1.5.2")
ENTRY = "pagefind-entry.json"  # the file naming every language's index of a Pagefind bundle
MAGIC = b"pagefind_dcd"  # Pagefind's marker at the start of every decompressed data file


class BundleFormatError(Exception):
    """A Pagefind bundle written by a release whose format this module does not know."""


def check_version(version: str) -> None:
    """Refuse a bundle of a Pagefind release not in KNOWN_VERSIONS, naming what to do."""
    if version not in KNOWN_VERSIONS:
        raise BundleFormatError(
            f"Pagefind {version} wrote the search index, but generator/search/bundle.py knows "
            f"only the data format of Pagefind {', '.join(KNOWN_VERSIONS)}; install one of "
            f"those (pyproject.toml pins the range) or check the format of {version} and add "
            f"it to KNOWN_VERSIONS")


def read(path: Path) -> object:
    """The CBOR value inside one of Pagefind's gzipped data files."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MAGIC):
        raise ValueError(f"{path}: not a Pagefind data file (no {MAGIC.decode()} marker)")
    return cbor2.loads(raw[len(MAGIC) :])


def encode(value: object) -> bytes:
    """A value as Pagefind's gzipped data format, with a fixed gzip header."""
    return gzip.compress(MAGIC + cbor2.dumps(value), compresslevel=9, mtime=0)


def content_name(lang: str, data: bytes, digits: int) -> str:
    """A file stem in Pagefind's style ("fi_3a7b2c1") derived from the file's bytes."""
    return f"{lang}_{hashlib.sha256(data).hexdigest()[:digits]}"


def normalise(bundle: Path) -> None:
    """Rewrite the filter and metadata files of every language in `bundle` in a stable order."""
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    check_version(str(entry.get("version")))
    for lang, info in entry["languages"].items():
        info["hash"] = _normalise_language(bundle, lang, info["hash"])
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


def _normalise_language(bundle: Path, lang: str, meta_hash: str) -> str:
    """Normalise one language's filters and metadata; returns the new metadata hash."""
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read(meta_path)
    # meta = [version, pages, index chunks, filters [[name, hash]…], sorts, meta fields]
    filters = []
    for name, old_hash in meta[3]:
        filters.append([name, _normalise_filter(bundle, lang, old_hash)])
    meta[3] = sorted(filters)
    data = encode(meta)
    new_hash = content_name(lang, data, len(meta_hash) - len(lang) - 1)
    meta_path.unlink()
    (bundle / f"pagefind.{new_hash}.pf_meta").write_bytes(data)
    return new_hash


def _normalise_filter(bundle: Path, lang: str, old_hash: str) -> str:
    """Sort one filter file's values, write it under its new name; returns the new hash."""
    old_path = bundle / "filter" / f"{old_hash}.pf_filter"
    name, values = read(old_path)  # [filter name, [[value, [page numbers]]…]]
    data = encode([name, sorted(values, key=lambda v: v[0])])
    new_hash = content_name(lang, data, len(old_hash) - len(lang) - 1)
    old_path.unlink()
    (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
    return new_hash
