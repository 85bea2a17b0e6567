"""Build a fixture site with the real MkDocs build and read its output (for whole-site tests)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

FIXTURES = Path(__file__).parent / "fixtures"
SITE_FIXTURE = FIXTURES / "site"
# Output that is not ours to compare: Material's assets and the search engine's index.
FOREIGN = ("assets/", "pagefind/")


def build_site(project: Path, site_dir: Path, command: str = "build") -> Path:
    """Run `mkdocs build --strict` (or the build `mkdocs serve` does) on `project`."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command=command, dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


def site_files(site_dir: Path, skip: tuple[str, ...] = FOREIGN) -> dict[str, bytes]:
    """Every output file by its POSIX path under `site_dir`, leaving out `skip` prefixes."""
    files = {}
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and not rel.startswith(skip):
            files[rel] = path.read_bytes()
    return files
