"""Browser-test fixtures: the real sample site, built once, served under a sub-path on 127.0.0.1.

    built_site   the folder the site was built into (it lives at <root>/tori/)
    site_server  the site's base URL, "http://127.0.0.1:PORT/tori/"
    browser      headless Debian Chromium driven by Playwright (never `playwright install`)
    page         a fresh page that may talk to the local server only
    module_page  the same, shared by the tests of one module (module_offsite_requests)
    offsite_requests  URLs the page tried to fetch from any other host (blocked, recorded)

Every page and module_page fails its test when Chromium reports a Content-Security-Policy
violation in the console: the policy of generator/csp.py must allow all the site needs.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cms import free_port

REPO = Path(__file__).resolve().parents[2]
SUB_PATH = "tori"
PER_PAGE = 5
CHROMIUM = "/usr/bin/chromium"
# The web form of the built site talks to a decap-server on this port (tests/browser/cms.py).
DECAP_PORT = free_port()
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to the test output."""

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def _http_server(tmp_path_factory) -> Iterator[tuple[http.server.ThreadingHTTPServer, Path]]:
    """A server bound to a free port, not yet serving; its root folder is still empty."""
    root = tmp_path_factory.mktemp("served")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    yield server, root
    server.server_close()


@pytest.fixture(scope="session")
def built_site(_http_server) -> Path:
    """The sample content built by MkDocs, with site_url on the test server's sub-path."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    server, root = _http_server
    site_dir = root / SUB_PATH
    # The port is known before the build, so canonical and feed URLs point at this server too.
    config = load_config(
        config_file=str(REPO / "mkdocs.yml"),
        site_url=f"http://127.0.0.1:{server.server_port}/{SUB_PATH}/",
        site_dir=str(site_dir),
    )
    # A short page size gives the sample content listings with a page 2 (pager checks).
    config.plugins["generator"].config["per_page"] = PER_PAGE
    config.extra["cms"]["local_backend"] = f"http://127.0.0.1:{DECAP_PORT}/api/v1"
    build(config)
    return site_dir


@pytest.fixture(scope="session")
def site_server(_http_server, built_site) -> Iterator[str]:
    """The base URL of the built site, served from a background thread."""
    server, _ = _http_server
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/{SUB_PATH}/"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, shared by every browser test of the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def offsite_requests() -> list[str]:
    """Requests the page tried to make to hosts other than the test server."""
    return []


def csp_reports(context) -> list[str]:
    """The Content-Security-Policy violations Chromium reported in a context's console."""
    return context.tori_csp_reports


def _guarded_context(browser, site_server: str, offsite_requests: list[str]):
    """A browser context that may talk to the test server only; other hosts are recorded."""
    context = browser.new_context(locale="fi-FI")
    context.tori_csp_reports = []

    def console(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            context.tori_csp_reports.append(message.text)

    context.on("console", console)
    origin = site_server.split(f"/{SUB_PATH}/")[0]

    def guard(route):
        url = route.request.url
        if url.startswith(origin + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            offsite_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    return context


@pytest.fixture
def page(browser, site_server, offsite_requests):
    """A page in a fresh context; requests to any other host are blocked and recorded."""
    context = _guarded_context(browser, site_server, offsite_requests)
    tab = context.new_page()
    yield tab
    reports = csp_reports(context)
    context.close()
    assert reports == [], "Content-Security-Policy violations"


@pytest.fixture(scope="module")
def module_offsite_requests() -> list[str]:
    """Requests module_page tried to make to other hosts (a test may clear it first)."""
    return []


@pytest.fixture(scope="module")
def module_page(browser, site_server, module_offsite_requests):
    """One guarded page for a whole module whose tests each just open pages and read them
    (a fresh context per test costs about half a second)."""
    context = _guarded_context(browser, site_server, module_offsite_requests)
    tab = context.new_page()
    yield tab
    reports = csp_reports(context)
    context.close()
    assert reports == [], "Content-Security-Policy violations"
