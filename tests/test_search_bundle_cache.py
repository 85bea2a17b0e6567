"""The search bundles kept in the build cache: stored whole and read-only, linked, pruned."""

from __future__ import annotations

from generator.search.bundle import ENTRY
from generator.search.bundle_cache import BundleCache


def bundle(folder, text: str):
    """A minimal bundle folder: its entry file and one fragment."""
    (folder / "fragment").mkdir(parents=True)
    (folder / ENTRY).write_text('{"languages": {}}', encoding="utf-8")
    (folder / "fragment" / "a.pf_fragment").write_text(text, encoding="utf-8")
    return folder


def test_a_stored_bundle_is_read_only_linked_into_a_site_and_pruned_when_unused(tmp_path):
    cache = BundleCache(tmp_path / "cache")
    assert not cache.has("k1")
    cache.store(bundle(tmp_path / "built", "one"), "k1")
    cache.store(bundle(tmp_path / "built2", "two"), "k2")
    assert cache.has("k1") and cache.has("k2")
    kept = tmp_path / "cache" / "k1" / "fragment" / "a.pf_fragment"
    assert oct(kept.stat().st_mode & 0o777) == "0o444"
    site = tmp_path / "site" / "pagefind" / "fi"
    assert cache.place("k1", site)
    assert (site / "fragment" / "a.pf_fragment").read_text(encoding="utf-8") == "one"
    assert (site / "fragment" / "a.pf_fragment").stat().st_ino == kept.stat().st_ino  # linked
    assert cache.prune({"k1"}) == 1
    assert cache.has("k1") and not cache.has("k2")
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["k1"]
    assert not cache.place("k2", tmp_path / "other")  # gone: nothing half placed
    assert not (tmp_path / "other").exists()
