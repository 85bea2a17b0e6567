"""ProperDocs, the maintained fork of MkDocs 1.6, builds this site byte for byte as MkDocs does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import site_files

ROOT = Path(__file__).resolve().parents[1]
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z; any fixed commit time will do


def build(tool: str, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`<tool> build --strict` of the repository's site into `site_dir`, dated by EPOCH."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", tool, "build", "--strict", "-d", str(site_dir)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory) -> tuple[Path, Path, str]:
    """The site built once by MkDocs and once by ProperDocs; ProperDocs' log."""
    folder = tmp_path_factory.mktemp("properdocs")
    for tool in ("mkdocs", "properdocs"):
        done = build(tool, folder / tool)
        assert done.returncode == 0, f"{tool} build --strict failed:\n{done.stderr[-3000:]}"
    return folder / "mkdocs", folder / "properdocs", done.stderr


def test_properdocs_builds_the_site_byte_identical_to_mkdocs(both_sites):
    by_mkdocs, by_properdocs, _ = both_sites
    expected = site_files(by_mkdocs, skip=())
    got = site_files(by_properdocs, skip=())
    # the whole site, Material's assets and Pagefind's index included
    assert {"fi/index.html", "sv/index.html", "pagefind/fi/pagefind-entry.json",
            "pagefind/sv/pagefind-entry.json"} <= set(expected)
    assert sorted(got) == sorted(expected)
    differ = [path for path in expected if got[path] != expected[path]]
    assert not differ, f"ProperDocs wrote other bytes than MkDocs in {differ[:10]}"


def test_properdocs_reads_mkdocs_yml_and_runs_the_plugin_itself(both_sites):
    _, by_properdocs, log = both_sites
    # ProperDocs falls back to mkdocs.yml when there is no properdocs.yml, and says so.
    assert "The configuration file 'mkdocs.yml' should be renamed to 'properdocs.yml'" in log
    assert "Pagefind indexed" in log  # the generator plugin's own log line
    assert (by_properdocs / "fi/tarinat").is_dir()


def test_under_properdocs_the_plugin_and_material_import_properdocs_not_mkdocs():
    # `properdocs` redirects every `mkdocs.*` import to `properdocs.*` (properdocs.replacement)
    # before loading the plugins of the `mkdocs.plugins` entry points and Material's theme.
    code = ("import properdocs.replacement, generator.plugin as p, material.plugins.search.plugin;"
            "import mkdocs.config.defaults as d;"
            "print(p.BasePlugin.__module__, p.PluginError.__module__, d.__name__)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.split() == ["properdocs.plugins", "properdocs.exceptions",
                                   "properdocs.config.defaults"]
