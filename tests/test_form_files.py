"""The editors' form as MkDocs files: Decap's bundle found, settings checked, assets dropped."""

import pytest
from mkdocs.structure.files import File, Files
from test_pages import config

from generator.form_files import FormUnavailable, drop_form_assets, form_bundle, form_settings


def test_a_missing_form_bundle_says_what_to_run(tmp_path):
    cfg = config(tmp_path)  # a project in a temporary folder: no node_modules above it
    with pytest.raises(FormUnavailable, match=r"run `npm ci --omit=dev`"):
        form_bundle(cfg)


def test_the_form_bundle_is_found_in_node_modules_above_mkdocs_yml(tmp_path):
    dist = tmp_path / "node_modules" / "decap-cms" / "dist"
    dist.mkdir(parents=True)
    (dist / "decap-cms.js").write_text("/* bundle */")
    (tmp_path / "site").mkdir()
    assert form_bundle(config(tmp_path / "site")) == dist


def test_form_settings_name_what_is_missing(tmp_path):
    cfg = config(tmp_path)
    assert form_settings(cfg) is None  # a site without extra.cms has no form
    cfg.extra["cms"] = {"repo": "o/r", "branch": "main"}
    with pytest.raises(FormUnavailable, match="give base_url, auth_endpoint"):
        form_settings(cfg)


def test_a_site_without_the_form_publishes_none_of_its_assets(tmp_path):
    cfg = config(tmp_path)
    theme_file = File("admin/form.js", str(tmp_path), str(tmp_path / "site"), False)
    page = File("fi/index.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)
    generated = File.generated(cfg, "admin/config.yml", content="x")
    files = Files([theme_file, page, generated])
    drop_form_assets(files)
    assert [f.src_uri for f in files] == ["fi/index.md", "admin/config.yml"]
