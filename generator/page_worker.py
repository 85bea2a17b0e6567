"""A second process that renders and writes part of a build's pages, so that both cores render.

Rendering a page (Jinja, Material's base template) and writing it (a folder and a file each) is
most of a build, one page after another on one core. Once every page has its view and cache
key (MkDocs has read them all and our plugin has planned them), a forked worker takes every
second page of those to render and every second page of those found in the build cache, in
MkDocs' own page order, and renders and writes them with MkDocs' own page step; the build
process renders the rest and gives the worker's pages an empty output, which MkDocs does not
write. Each page's output depends on its own view only, so who wrote it changes no byte.

`mkdocs serve` never forks (its server runs threads; it rebuilds few pages), nor does a
build with few pages or a single usable core.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence

from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

MIN_PAGES = 400  # below this, forking costs about what it saves
SKIPPED = "Page skipped: '"  # MkDocs' message for a page whose output is empty
FAILED, WARNED = 3, 4  # the worker's exit statuses: a page failed; warnings were logged


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def split(pages: Sequence[Page], cached: Callable[[Page], bool]) -> list[Page]:
    """The worker's share: every second page to render and every second page from the cache."""
    rendered = [p for p in pages if not cached(p)]
    reused = [p for p in pages if cached(p)]
    return rendered[1::2] + reused[1::2]


class PageWorker:
    """One forked process rendering a share of the pages; the build waits for it at its end."""

    def __init__(self) -> None:
        self._process: multiprocessing.process.BaseProcess | None = None
        self.pages: set[str] = set()  # src_uris of the pages the worker renders

    def owns(self, page: Page) -> bool:
        """Whether the worker renders `page` (the build process then skips it)."""
        return page.file.src_uri in self.pages

    def start(self, share: Sequence[Page], render: Callable[[Page], None],
              before: Callable[[], None], after: Callable[[], None]) -> bool:
        """Fork a process that calls `before()`, `render(page)` for each of `share`, `after()`.

        Returns whether it was started.
        """
        if not share or "fork" not in multiprocessing.get_all_start_methods():
            return False
        context = multiprocessing.get_context("fork")
        self._process = context.Process(target=_work, args=(share, render, before, after),
                                        name="tori-page-worker", daemon=True)
        gc.freeze()  # the collector's bookkeeping would copy every shared page into the child
        try:
            self._process.start()
        finally:
            gc.unfreeze()
        self.pages = {page.file.src_uri for page in share}  # after the fork: the child owns none
        logging.getLogger("mkdocs.commands.build").addFilter(self._skipped_filter)
        return True

    def _skipped_filter(self, record: logging.LogRecord) -> bool:
        """Drop MkDocs' 'Page skipped' for the worker's pages: they are written, by the worker."""
        message = record.getMessage()
        if message.startswith(SKIPPED):
            return message[len(SKIPPED):].split("'", 1)[0] not in self.pages
        return True

    def finish(self) -> None:
        """Wait for the worker; raise RuntimeError if a page failed there."""
        process, self._process = self._process, None
        pages, self.pages = self.pages, set()  # the plugin, and this, live on to the next build
        if process is None:
            return
        process.join()
        logging.getLogger("mkdocs.commands.build").removeFilter(self._skipped_filter)
        if process.exitcode == WARNED:  # counted here too, so that --strict stops the build
            log.warning("The second page process logged warnings (above)")
        elif process.exitcode != 0:
            raise RuntimeError(f"the second page process failed (exit status "
                               f"{process.exitcode}); its error is above")
        log.info("A second process rendered %d of the pages", len(pages))

    def cancel(self) -> None:
        """Stop the worker (the build failed)."""
        process, self._process = self._process, None
        self.pages = set()
        if process is not None and process.is_alive():
            process.terminate()
            process.join()
        logging.getLogger("mkdocs.commands.build").removeFilter(self._skipped_filter)


def _work(share: Sequence[Page], render: Callable[[Page], None],
          before: Callable[[], None], after: Callable[[], None]) -> None:
    """In the worker: render the share; the exit status says how it went."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    status = 0
    try:
        before()
        for page in share:
            render(page)
        after()
    except Exception as error:  # MkDocs has logged which page and why; anything else, here
        log.error("The second page process failed: %s", error)
        status = FAILED
    else:
        status = WARNED if counter.get_counts() else 0
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        # No clean-up of the build process's objects (the search run, the cache's connection):
        # they are the parent's.
        os._exit(status)
