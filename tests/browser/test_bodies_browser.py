"""Story bodies and the Content-Security-Policy in headless Chromium, on the built sample site.

Each hostile fixture story of tests/fixtures/bodies/ is rendered by the real pipeline and its
HTML is put into a real built story page, served from the site's own origin: no dialog may open
and no script may run. Every page type carries the policy and runs without a violation (the
conftest fails any test whose page reports one).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pagetypes import all_types, resolve

from generator import urls
from generator.body import render_body
from generator.csp import PLACEHOLDER
from generator.loader import split_front_matter
from generator.model import Lang

pytestmark = pytest.mark.browser

BODIES = Path(__file__).resolve().parents[1] / "fixtures" / "bodies"
CASES = sorted(p for p in BODIES.glob("*/*.fi.md"))
REPO = Path(__file__).resolve().parents[2]


def _rendered(file: Path) -> str:
    """The sanitised body HTML of a story file, as the build renders it."""
    split, _ = split_front_matter(file.read_text(encoding="utf-8"), file.name)
    assert split is not None
    return render_body(split.body, split.body_line, file.name).html


def _story_page(built_site: Path, body_html: str) -> tuple[str, str]:
    """A built Finnish story page (URL path, HTML) with its body replaced by `body_html`."""
    source = sorted((REPO / "content" / "stories").glob("*.fi.md"))[0]
    url = urls.story(source.name.removesuffix(".fi.md"), Lang.FI)
    page_html = (built_site / url / "index.html").read_text(encoding="utf-8")
    own = _rendered(source)
    assert page_html.count(own) == 1, "the story page shows its body once"
    return url, page_html.replace(own, body_html)


def _open(page, site_server: str, url: str, html: str) -> list[str]:
    """Serve `html` at `url` of the site's origin, open it and return the dialogs it opened."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route(site_server + url, lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=html))
    page.goto(site_server + url)
    page.wait_for_load_state("load")
    for element in page.locator(".tori-body *").all()[:40]:  # handlers that need a pointer
        if element.is_visible():
            element.hover(timeout=2000)
    page.wait_for_timeout(200)
    return dialogs


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_body_vector_opens_a_dialog(page, site_server, built_site, case: Path):
    url, html = _story_page(built_site, _rendered(case))
    assert _open(page, site_server, url, html) == []
    assert page.evaluate("typeof window.__tori_ran") == "undefined"


def test_the_policy_stops_markup_that_got_past_the_sanitiser(browser, site_server, built_site):
    """Defence in depth: unsanitised handlers and scripts in a body are blocked and reported."""
    context = browser.new_context()
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text
            else None)
    raw = ('<img src="x" onerror="window.__tori_ran=1;alert(1)">'
           "<script>window.__tori_ran=1;alert(2)</script>"
           '<a id="tori-js" href="javascript:window.__tori_ran=1;alert(3)">a</a>')
    url, html = _story_page(built_site, raw)
    dialogs = _open(page, site_server, url, html)
    page.locator("#tori-js").click()
    page.wait_for_timeout(200)
    ran = page.evaluate("typeof window.__tori_ran")
    context.close()
    assert dialogs == [] and ran == "undefined"
    assert len(violations) >= 2  # the inline handler and the inline script, at least


@pytest.mark.parametrize(("name", "lang"), all_types(), ids=lambda v: str(v))
def test_every_page_type_carries_the_policy(module_page, site_server, built_site, name, lang):
    path = resolve(name, built_site, lang)
    module_page.goto(site_server + path)
    policy = module_page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert policy.count() == 1
    content = policy.get_attribute("content")
    assert PLACEHOLDER not in content
    assert "object-src 'none'" in content and "base-uri 'self'" in content
    assert "'unsafe-inline'" not in content and "'unsafe-eval'" not in content
    search = path.split("?")[0] in (urls.search(Lang.FI), urls.search(Lang.SV))
    assert ("'wasm-unsafe-eval'" in content) == search
    head = module_page.evaluate("document.head.innerHTML")
    assert head.index("Content-Security-Policy") < head.find("<script")
