"""Every internal link, image and asset of the served site resolves, under the /tori/ sub-path."""

from __future__ import annotations

from pathlib import Path

import pytest
from crawl import Crawler, CrawlReport, crawl, format_broken, references
from pagetypes import REPO

pytestmark = pytest.mark.browser

EXTERNAL_LIST = REPO / "test-artifacts" / "external-links.txt"
# Built HTML files that no link leads to on purpose: the servers' not-found pages.
UNLINKED = "404.html"


@pytest.fixture(scope="module")
def report(site_server) -> CrawlReport:
    """One crawl of the whole site from its root, shared by the tests below."""
    return crawl(site_server)


def test_every_internal_reference_resolves(report):
    """Links, images, srcsets, scripts, stylesheets, CSS url()s and #fragments: all 200."""
    assert len(report.pages) > 50, f"the crawl reached only {len(report.pages)} pages"
    assert not report.broken, (
        f"{len(report.broken)} broken of {report.references} references "
        f"({len(report.checked)} distinct URLs):\n{format_broken(report)}"
    )


def test_every_built_page_is_reachable_from_the_root(report, built_site, site_server):
    """No built page is an orphan: readers (and crawlers) can get to each one by links."""
    reached = {url.removeprefix(site_server) for url in report.pages}
    orphans = []
    for path in sorted(built_site.rglob("*.html")):
        relative = path.relative_to(built_site).as_posix()
        url = relative.removesuffix("index.html")
        if path.name != UNLINKED and url not in reached and relative not in reached:
            orphans.append(url or "(root)")
    assert not orphans, f"{len(orphans)} page(s) no link leads to:\n" + "\n".join(orphans)


def test_not_found_page_works_at_any_depth(built_site, site_server):
    """Servers show 404.html at the missing URL itself, however deep: its links and assets
    must not depend on where it is shown."""
    body = (built_site / "404.html").read_bytes()
    crawler = Crawler(site_server)
    broken = []
    for deep in (site_server + "puuttuu", site_server + "fi/tarinat/ei-ole/olemassa/"):
        found, _ = references(deep, body)
        for ref in found:
            url = ref.url.split("#")[0]
            if url == deep:
                continue  # a link within the page itself (the skip link)
            if crawler.same_host(url) and (not crawler.inside(url) or crawler.fetch(url)[0] != 200):
                broken.append(f"shown at {deep}: {ref.attribute} -> {ref.url}")
    assert not broken, "\n".join(broken)


def test_external_links_are_listed_not_fetched(report, site_server):
    """External links go to a file for people to review; each is a well-formed http(s) URL."""
    EXTERNAL_LIST.parent.mkdir(parents=True, exist_ok=True)
    EXTERNAL_LIST.write_text("".join(f"{url}\n" for url in sorted(report.external)), "utf-8")
    bad = [url for url in report.external if not url.startswith(("https://", "http://"))]
    assert not bad, f"external references that are not http(s): {bad}"
    assert not any(url.startswith(site_server) for url in report.external)


def test_crawler_finds_what_is_broken(tmp_path: Path):
    """The checker itself: a missing image, a bad fragment and a link above the sub-path fail."""
    import functools
    import http.server
    import threading

    site = tmp_path / "tori"
    (site / "sv").mkdir(parents=True)
    (site / "index.html").write_text(
        '<!doctype html><html lang="fi"><title>t</title><link rel="stylesheet" href="a.css">'
        '<a href="sv/#top">sv</a> <a href="#nope">x</a> <a href="/outside/">o</a>'
        '<a href="https://example.org/">e</a><img src="missing.png" alt="">',
        "utf-8",
    )
    (site / "sv" / "index.html").write_text('<p id="top"><a href="../">fi</a>', "utf-8")
    (site / "a.css").write_text("body{background:url(bg.png)}", "utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        found = crawl(f"http://127.0.0.1:{server.server_port}/tori/")
    finally:
        server.shutdown()
        server.server_close()
    reasons = format_broken(found)
    assert len(found.pages) == 2
    assert "missing.png: HTTP 404" in reasons
    assert "bg.png: HTTP 404" in reasons
    assert "no element with id 'nope'" in reasons
    assert "outside the site's sub-path" in reasons
    assert "#top" not in reasons
    assert found.external == {"https://example.org/"}
