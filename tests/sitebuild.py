"""Build a fixture site with the real MkDocs build and read its output (for whole-site tests)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

FIXTURES = Path(__file__).parent / "fixtures"
SITE_FIXTURE = FIXTURES / "site"
# Output that is not ours to compare: Material's assets and the search engine's index.
FOREIGN = ("assets/", "pagefind/")


def build_site(project: Path, site_dir: Path, command: str = "build",
               cache: Path | None = None) -> Path:
    """Run `mkdocs build --strict` (or the build `mkdocs serve` does) on `project`.

    The build cache goes to `cache`, by default a new folder beside `site_dir`, so that no test
    leaves a cache in the fixtures or reuses another's.
    """
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    options = config.plugins["generator"].config
    if options.cache_dir is None:  # unless the project's config says where (or '' for none)
        cache = cache or site_dir.with_name(site_dir.name + ".cache")
        options.cache_dir = str(cache.resolve())
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
