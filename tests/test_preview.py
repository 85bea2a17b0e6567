"""The preview's site folder is cleared by moving it aside."""

from __future__ import annotations

from generator.preview import clear_in_background


def test_the_site_folder_is_emptied_at_once_and_deleted_behind(tmp_path):
    site = tmp_path / "site"
    (site / "fi" / "tarinat").mkdir(parents=True)
    (site / "fi" / "tarinat" / "index.html").write_text("x", encoding="utf-8")
    (site / "404.html").write_text("x", encoding="utf-8")
    (site / ".hidden").write_text("kept, as MkDocs keeps it", encoding="utf-8")
    thread = clear_in_background(site)
    assert sorted(p.name for p in site.iterdir()) == [".hidden"]
    thread.join(timeout=30)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # the moved copy is gone


def test_nothing_to_clear(tmp_path):
    assert clear_in_background(tmp_path / "missing") is None
    assert clear_in_background(tmp_path) is None
