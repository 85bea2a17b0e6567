"""The web form's page: its language, the switch, the config Decap accepts, the preview, axe."""

from __future__ import annotations

import json

import pytest
from cms import decap_server, throwaway_repo
from conftest import DECAP_PORT
from test_accessibility import AXE, AXE_TAGS, RUN_AXE, describe
from test_admin_form import SHOTS, Watched, choose, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("local_server")]


@pytest.fixture(scope="module")
def local_server(tmp_path_factory):
    """decap-server (file system mode) over a throwaway copy, for the tests that only look."""
    repo = throwaway_repo(tmp_path_factory.mktemp("form-page") / "repo", git=False)
    with decap_server(repo, "fs", DECAP_PORT) as api:
        yield api


def open_form(browser, site_server, locale: str) -> tuple[Watched, object]:
    """A watched context in `locale` on /admin/, and its page."""
    watched = Watched(browser, locale)
    watched.page.goto(site_server + "admin/")
    return watched, watched.page


def test_the_form_follows_a_swedish_browser_and_reads_the_swedish_config(browser, site_server):
    watched, page = open_form(browser, site_server, "sv-FI")
    page.get_by_role("button", name="Logga in", exact=True).wait_for()
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert page.locator("link[rel=cms-config-url]").get_attribute("href") == "config.sv.yml"
    statement = page.get_by_role("link", name="Tillgänglighetsutlåtande")
    assert statement.get_attribute("href") == "../sv/tillganglighetsutlatande/"
    page.get_by_role("button", name="Logga in", exact=True).click()
    page.get_by_text("Berättelser på finska och svenska").first.wait_for()
    page.goto(page.url.split("#")[0] + "#/collections/stories/new")
    page.get_by_text("Rubrik", exact=True).first.wait_for()
    save_screenshot(page, "admin-form-sv")
    watched.close()


def test_the_form_is_finnish_by_default_and_the_switch_changes_it(browser, site_server):
    watched, page = open_form(browser, site_server, "en-GB")
    page.get_by_role("button", name="Kirjaudu sisään", exact=True).wait_for()
    assert page.evaluate("document.documentElement.lang") == "fi"
    page.get_by_role("link", name="På svenska").click()
    page.get_by_role("button", name="Logga in", exact=True).wait_for()
    page.goto(site_server + "admin/")  # the choice is remembered
    page.get_by_role("button", name="Logga in", exact=True).wait_for()
    page.get_by_role("link", name="Suomeksi").click()
    page.get_by_role("button", name="Kirjaudu sisään", exact=True).click()
    for label in ("Tarinat suomeksi ja ruotsiksi", "Tarinat vain suomeksi",
                  "Tarinat vain ruotsiksi"):
        page.get_by_text(label).first.wait_for()
    assert page.get_by_text("Virheet asetuksissa").count() == 0
    page.goto(page.url.split("#")[0] + "#/collections/stories/new")
    page.get_by_text("Otsikko", exact=True).first.wait_for()
    save_screenshot(page, "admin-form-fi")
    watched.close()


def preview_frame(page):
    """The preview pane's frame (shown beside a one-language form from the start)."""
    page.wait_for_function("""() => [...document.querySelectorAll('iframe')]
        .some(f => f.contentDocument && f.contentDocument.querySelector('.tori-preview h1'))""")
    return next(f for f in page.frames if f.query_selector(".tori-preview"))


def test_the_preview_shows_title_summary_facts_with_labels_and_body(browser, site_server):
    watched, page = open_form(browser, site_server, "fi-FI")
    page.get_by_role("button", name="Kirjaudu sisään", exact=True).click()
    page.goto(page.url.split("#")[0] + "#/collections/stories_fi/new")
    page.locator("[id^='title-field-']").first.fill("Esikatselun otsikko")
    page.locator("[id^='summary-field-']").first.fill("Esikatselun tiivistelmä kertoo asian.")
    page.locator("[id^='date-field-']").first.fill("2025-05-20")
    page.locator("[id^='organisation-field-']").first.fill("Hollolan kunta")
    choose(page, 0, "municipalities", ["Helsingfors", "Hollola"])
    choose(page, 0, "categories", ["Digitalisaatio"])
    frame = preview_frame(page)
    frame.wait_for_selector(".tori-facts dd")
    page.wait_for_timeout(300)
    assert frame.inner_text(".tori-preview h1") == "Esikatselun otsikko"
    assert frame.inner_text(".tori-lead") == "Esikatselun tiivistelmä kertoo asian."
    texts = "els => els.map(e => e.innerText)"
    facts = dict(zip(frame.eval_on_selector_all(".tori-facts dt", texts),
                     frame.eval_on_selector_all(".tori-facts dd", texts), strict=True))
    assert facts["Organisaatio"] == "Hollolan kunta"
    assert facts["Kunnat"] == "Helsinki, Hollola"
    assert facts["Teemat"] == "Digitalisaatio"
    assert facts["Julkaistu"] == "20.5.2025"
    # The site's own stylesheets are in the preview: Material's typography and ours.
    sheets = frame.eval_on_selector_all("link[rel=stylesheet]", "els => els.map(e => e.href)")
    assert any("tori.css" in s for s in sheets) and any("/main." in s for s in sheets)
    save_screenshot(page, "admin-preview-fi")
    violations = axe_in(frame)
    watched.close()
    assert violations == [], describe(violations)


def axe_in(frame) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations in one frame."""
    # Evaluated through the DevTools protocol: the page's policy rightly refuses a script tag.
    if not frame.evaluate("typeof window.axe === 'object'"):
        frame.evaluate(AXE.read_text(encoding="utf-8"))
    return frame.evaluate(RUN_AXE, AXE_TAGS)["violations"]


OURS = (".tori-form-bar",)


def test_axe_on_the_form(browser, site_server):
    """Our own parts pass; what Decap's interface fails is recorded for the statement."""
    watched, page = open_form(browser, site_server, "fi-FI")
    found = {}
    page.get_by_role("button", name="Kirjaudu sisään", exact=True).wait_for()
    found["login"] = axe_in(page.main_frame)
    page.get_by_role("button", name="Kirjaudu sisään", exact=True).click()
    page.get_by_text("Tarinat suomeksi ja ruotsiksi").first.wait_for()
    found["list"] = axe_in(page.main_frame)
    page.goto(page.url.split("#")[0] + "#/collections/stories/new")
    page.get_by_text("Otsikko", exact=True).first.wait_for()
    found["editor"] = axe_in(page.main_frame)
    watched.close()
    SHOTS.mkdir(parents=True, exist_ok=True)
    report = {screen: [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                        "nodes": len(v["nodes"])} for v in violations]
              for screen, violations in found.items()}
    (SHOTS / "axe-decap.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    (SHOTS / "axe-decap.txt").write_text("\n\n".join(
        f"{screen}:\n{describe(violations)}" for screen, violations in found.items()))
    # Ours: the language switch, and names our locale gives (Decap's English names pass
    # label-content-name-mismatch, so a mismatch there is a translation of ours).
    ours = [v for violations in found.values() for v in violations
            if v["id"] == "label-content-name-mismatch"
            or any(any(mark in " ".join(map(str, n["target"])) for mark in OURS)
                   for n in v["nodes"])]
    assert ours == [], describe(ours)
