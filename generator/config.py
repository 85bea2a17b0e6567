"""The typed options of the `generator` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class GeneratorConfig(Config):
    """Options of the `generator` plugin; the defaults are the site's own."""

    per_page = c.Type(int, default=20)
    """Stories on one page of a listing."""

    home_newest = c.Type(int, default=6)
    """Newest stories shown on a home page."""

    home_awarded = c.Type(int, default=3)
    """Recently awarded stories shown on a home page."""

    related = c.Type(int, default=4)
    """Related stories shown under a story."""

    drafts = c.Optional(c.Type(bool))
    """Build drafts too; unset means only under `mkdocs serve`."""

    search_records = c.Optional(c.Type(str))
    """A folder to keep Pagefind's search records in (to measure Pagefind alone); unset means a
    temporary folder, removed after the build. The build marks the folder it makes and empties
    only such a folder; a non-empty folder without the mark is refused, nothing deleted."""

    cache_dir = c.Optional(c.Type(str))
    """The build cache's folder (loaded stories, rendered pages), relative to mkdocs.yml;
    unset means `.cache/tori`, and an empty value switches the cache off. A build that reuses
    it is byte-identical to a clean one; keep it between CI runs to rebuild quickly."""
