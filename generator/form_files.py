"""The editors' web form at /admin/ as MkDocs files: Decap's bundle and the generated config.

What the form's files hold is admin.py's part (pure logic); this module finds the bundle,
reads the form's settings from mkdocs.yml and adds or drops the files.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from generator.admin import FormSettings, bundle_files, config_yaml, preview_json
from generator.model import LANGS
from generator.pages import add_data


class FormUnavailable(Exception):
    """The web form cannot be built: its bundle is not installed or its settings are incomplete."""


ADMIN_TEMPLATE = "admin/index.html"
FORM_BUNDLE = PurePosixPath("node_modules/decap-cms/dist")


def form_settings(config: MkDocsConfig) -> FormSettings | None:
    """The web form's settings from mkdocs.yml `extra.cms`; None when the site has no form."""
    cms = (config.extra or {}).get("cms")
    if not cms:
        return None
    missing = [k for k in ("repo", "branch", "base_url", "auth_endpoint") if not cms.get(k)]
    if missing:
        raise FormUnavailable(f"mkdocs.yml extra.cms: give {', '.join(missing)} (the GitHub "
                                "repository, its branch and the OAuth client's address)")
    return FormSettings(cms["repo"], cms["branch"], cms["base_url"], cms["auth_endpoint"],
                        config.site_url or "/", cms.get("local_backend"))


def form_bundle(config: MkDocsConfig) -> Path:
    """Decap's bundle under node_modules, looked up from mkdocs.yml's folder up, as Node does."""
    start = Path(config.config_file_path or ".").resolve().parent
    for folder in (start, *start.parents):
        if (folder / FORM_BUNDLE / "decap-cms.js").is_file():
            return folder / FORM_BUNDLE
    raise FormUnavailable(
        "the editors' web form (/admin/) needs Decap CMS's bundle, "
        f"{FORM_BUNDLE}/decap-cms.js, which is not installed: run `npm ci --omit=dev` "
        "in the project folder (the README's first command does it), then build again"
    )


def drop_form_assets(files: Files) -> None:
    """Leave out the form's scripts and styles (overrides/admin/) on a site without the form."""
    for file in [f for f in files if f.src_uri.startswith("admin/") and not f.generated_by]:
        files.remove(file)


def add_form(files: Files, config: MkDocsConfig, vocab, settings: FormSettings,
             remember=None) -> None:
    """/admin/: Decap's bundle copied from node_modules, and config.yml built from the schema.

    `remember` (build_cache.Recent, serve) keeps the config files for the same vocabularies
    and settings: they are all they are made from (and the code, which serve does not reload).
    """
    bundle = form_bundle(config)
    for name in bundle_files(os.listdir(bundle)):
        files.append(File.generated(config, f"admin/{name}", abs_src_path=str(bundle / name)))
    data = (remember(("form", repr(vocab), settings), lambda: form_data(vocab, settings))
            if remember is not None else form_data(vocab, settings))
    add_data(files, config, data)


def form_data(vocab, settings: FormSettings) -> dict[str, str]:
    """The form's generated files by destination path: config.yml per language, preview.json."""
    data = {f"admin/config.{lang.value}.yml": config_yaml(vocab, settings, lang)
            for lang in LANGS}
    data["admin/config.yml"] = data.pop("admin/config.fi.yml")
    data["admin/preview.json"] = preview_json(vocab)
    return data


def theme_stylesheets(config: MkDocsConfig) -> list[str]:
    """The site's stylesheets (Material's own, then extra_css), for the form's preview."""
    found = []
    for folder in config.theme.dirs:
        found += sorted(p.name for p in Path(folder).glob("assets/stylesheets/main.*.min.css"))
        found += sorted(p.name for p in Path(folder).glob("assets/stylesheets/palette.*.min.css"))
    material = [f"assets/stylesheets/{name}" for name in dict.fromkeys(found)]
    return [*material, *(str(css) for css in config.extra_css)]
