"""WCAG 2.2 A and AA (with 2.0 and 2.1) by axe-core on every page type, both languages, at
1280 px and 360 px; no failing request and no script error on any of them."""

from __future__ import annotations

import lxml.html
import pytest
from pagetypes import REPO, SCREENSHOT_TYPES, all_types, resolve
from screenshots import save_screenshot

from generator.model import LANGS, Lang

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
WIDTHS = (1280, 360)
REFLOW_WIDTH = 320
HEIGHT = 800

RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
})"""


def open_page(page, site_server: str, url: str) -> None:
    """Load a page and wait until what scripts add to it (search results) is there."""
    response = page.goto(site_server + url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    assert page.url.split("?")[0] == site_server + url.split("?")[0], f"{url} went on to {page.url}"
    if page.locator("[data-tori-search]").count():
        page.locator("[data-tori-search] ol li").first.wait_for(timeout=10_000)


def axe_violations(page) -> list[dict]:
    """axe-core's violations of the WCAG 2.0, 2.1 and 2.2 A/AA rules on the page as it is now."""
    if not page.evaluate("typeof window.axe === 'object'"):
        # Evaluated through DevTools: the page's Content-Security-Policy rightly refuses an
        # injected inline <script> (add_script_tag) as it would any other.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE, AXE_TAGS)["violations"]


def describe(violations: list[dict]) -> str:
    """A readable list: rule, impact, help text, and where (first few nodes)."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


SHOWN_BUT_HIDDEN = """() => Array.from(document.querySelectorAll("[hidden]"))
    .filter(el => getComputedStyle(el).display !== "none")
    .map(el => el.outerHTML.slice(0, 120))"""


# A box of the content that scrolls sideways needs keyboard access (2.1.1), which Material gives
# code blocks only from a resize observer that can lag behind axe: require that none scrolls.
SIDEWAYS_SCROLLERS = """() => Array.from(document.querySelectorAll(".md-content *"))
    .filter(el => el.scrollWidth > el.clientWidth + 1
        && ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
    .map(el => el.outerHTML.slice(0, 120))"""


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways)."""
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


@pytest.fixture
def english_page(browser):
    """A page whose browser prefers English, so the language chooser stays and is checked
    (with Finnish or Swedish preferred, it sends the reader straight on)."""
    context = browser.new_context(locale="en-GB")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("kind", "lang"), all_types(), ids=lambda v: str(v))
def test_page_type_has_no_wcag_violations(request, built_site, site_server, kind: str, lang: Lang):
    """0 axe violations at both widths; every request answered below 400 and no script error;
    neither the page nor a box in it scrolls sideways; screenshots."""
    page = request.getfixturevalue("english_page" if kind == "language-chooser" else "module_page")
    offsite = request.getfixturevalue("module_offsite_requests")
    offsite.clear()
    url = resolve(kind, built_site, lang)
    problems, failed, errors = [], [], []

    def on_response(response):
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    def on_error(error):
        errors.append(str(error))

    # The page is shared by the module's tests: listen for this test's page only.
    page.on("response", on_response)
    page.on("pageerror", on_error)
    page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
    open_page(page, site_server, url)
    for width in WIDTHS:
        # Resizing re-lays the page out as loading it at that width would, at half the cost.
        page.set_viewport_size({"width": width, "height": HEIGHT})
        violations = axe_violations(page)
        if violations:
            problems.append(f"at {width} px:\n{describe(violations)}")
        if shown := page.evaluate(SHOWN_BUT_HIDDEN):
            problems.append(f"at {width} px, elements marked hidden are shown: {shown}")
        if width == 360 and (overflow := horizontal_overflow(page)) > 0:
            problems.append(f"at 360 px the page scrolls sideways by {overflow} px")
        if kind in SCREENSHOT_TYPES:
            save_screenshot(page, f"{lang.value}-{kind}", width)
    # 1.4.10 Reflow is defined at 320 CSS px: the narrowest phones, or 1280 px zoomed to 400 %.
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": HEIGHT})
    if (overflow := horizontal_overflow(page)) > 0:
        problems.append(f"at {REFLOW_WIDTH} px the page scrolls sideways by {overflow} px")
    if scrollers := page.evaluate(SIDEWAYS_SCROLLERS):
        problems.append(f"at {REFLOW_WIDTH} px these boxes scroll sideways: {scrollers}")
    if offsite:
        problems.append(f"it asked other hosts for {sorted(set(offsite))} (privacy, offline use)")
    page.remove_listener("response", on_response)
    page.remove_listener("pageerror", on_error)
    if failed:
        problems.append(f"requests that failed: {failed}")
    if errors:
        problems.append(f"script errors: {errors}")
    assert not problems, f"{url}\n" + "\n".join(problems)


def test_every_page_declares_its_language(built_site):
    """<html lang> of every built page is the language of its folder; Finnish elsewhere (3.1.1)."""
    wrong = []
    for path in sorted(built_site.rglob("*.html")):
        relative = path.relative_to(built_site).as_posix()
        if relative.startswith("pagefind/"):
            continue
        folder = relative.split("/", 1)[0]
        expected = folder if folder in {lang.value for lang in LANGS} else Lang.FI.value
        declared = lxml.html.parse(str(path)).getroot().get("lang")
        if declared != expected:
            wrong.append(f"{relative}: <html lang='{declared}'>, expected '{expected}'")
    assert not wrong, "\n".join(wrong)


# WCAG 1.4.12's test values: the text must take them without being cut off or overlapping.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""
# Elements whose box cuts its text off (1-px visually hidden labels are meant to be so).
CLIPPED = """() => Array.from(document.querySelectorAll("body *")).filter(el => {
    const style = getComputedStyle(el);
    if (style.display === "none" || el.clientWidth <= 1) return false;
    const cutX = style.overflowX === "hidden" || style.overflowX === "clip";
    const cutY = style.overflowY === "hidden" || style.overflowY === "clip";
    return (cutX && el.scrollWidth > el.clientWidth + 1)
        || (cutY && el.scrollHeight > el.clientHeight + 1);
}).map(el => el.outerHTML.slice(0, 100))"""
SPACING_TYPES = ("home", "story-with-image", "term", "search-with-results", "overview-regions",
                 "statistics")


@pytest.mark.parametrize("kind", SPACING_TYPES)
def test_text_spacing_keeps_text_whole(module_page, built_site, site_server, kind: str):
    """With WCAG's text spacing applied at 360 px, nothing is cut off or scrolls sideways."""
    page = module_page
    url = resolve(kind, built_site, Lang.SV)  # Swedish words are the longer ones
    page.set_viewport_size({"width": 360, "height": HEIGHT})
    open_page(page, site_server, url)
    # A constructed style sheet, as a user style would be: the page's Content-Security-Policy
    # rightly refuses an injected inline <style> (add_style_tag).
    page.evaluate("""css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""",
                  TEXT_SPACING)
    assert page.evaluate("getComputedStyle(document.body).letterSpacing") != "normal"
    assert horizontal_overflow(page) <= 0, f"{url} scrolls sideways with text spacing"
    clipped = page.evaluate(CLIPPED)
    assert not clipped, f"{url}: text cut off with text spacing: {clipped}"
