"""The search pages in headless Chromium, on the real sample site built and served under /tori/."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

FI, SV = "fi/haku/", "sv/sok/"
STATUS = ".tori-finder__status"
RESULT_LINKS = ".tori-finder__results li h2 a"

pytestmark = pytest.mark.browser


def _wait_for_results(page) -> str:
    """Wait until the live status line reports a finished search; return its text."""
    page.wait_for_function(
        """() => {
            const root = document.querySelector('[data-tori-search]');
            const status = document.querySelector('.tori-finder__status');
            return root && !root.hasAttribute('aria-busy') && status.textContent.trim() !== ''
                && document.querySelectorAll('.tori-finder__results li').length
                   === Math.min(10, (status.textContent.match(/\\d+/) || [0])[0] * 1);
        }""",
        timeout=15000,
    )
    return page.locator(STATUS).inner_text()


def _titles(page) -> list[str]:
    return page.locator(RESULT_LINKS).all_inner_texts()


def _search(page, site_server, path: str, **params) -> list[str]:
    query = "&".join(f"{k}={quote(v)}" for k, v in params.items())
    page.goto(f"{site_server}{path}?{query}")
    _wait_for_results(page)
    return _titles(page)


def test_finnish_inflected_form_finds_the_story(page, site_server, offsite_requests):
    # The story says "lomautukset"; the reader types the partitive "lomautuksia".
    titles = _search(page, site_server, FI, q="lomautuksia")
    assert "Hollola vältti lomautukset, kun koko henkilöstö kehitti työtä" in titles
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.pathname)")
    assert all(h.startswith("/tori/fi/tarinat/") for h in hrefs), hrefs
    assert page.locator("html").get_attribute("lang") == "fi"
    assert offsite_requests == []


def test_swedish_inflected_form_finds_the_story(page, site_server, offsite_requests):
    # The story says "permitteringar"; the reader types the definite "permitteringarna".
    titles = _search(page, site_server, SV, q="permitteringarna")
    assert "Hollola undvek permitteringar när hela personalen utvecklade arbetet" in titles
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.pathname)")
    assert all(h.startswith("/tori/sv/berattelser/") for h in hrefs), hrefs
    assert "hittades" in page.locator(STATUS).inner_text()
    assert offsite_requests == []


def test_only_story_pages_are_found(page, site_server):
    # Hollola has its own listing page and a place in every region page, which are not indexed.
    _search(page, site_server, FI, q="Hollola")
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.pathname)")
    assert hrefs and all(h.startswith("/tori/fi/tarinat/") for h in hrefs), hrefs


def test_region_filter_narrows_the_results(page, site_server):
    everywhere = _search(page, site_server, FI, q="LATU-malli")
    assert len(everywhere) >= 3
    page.select_option("#tori-search-region", "Varsinais-Suomi")
    _wait_for_results(page)
    narrowed = _titles(page)
    assert 0 < len(narrowed) < len(everywhere)
    assert set(narrowed) <= set(everywhere)
    assert "Maskussa sairauspoissaolot kääntyivät laskuun LATU-mallin aikana" in narrowed
    assert not any(t.startswith("Hollola") for t in narrowed)
    # The choice is in the address, ready to be shared.
    params = parse_qs(urlsplit(page.url).query)
    assert params == {"q": ["LATU-malli"], "region": ["varsinais-suomi"]}  # a key, not a label


def test_a_shared_link_restores_the_search(page, site_server):
    address = f"{site_server}{FI}?q={quote('lomautuksia')}&region=paijat-hame"
    page.goto(address)
    status = _wait_for_results(page)
    assert page.locator("#tori-search-q").input_value() == "lomautuksia"
    assert page.locator("#tori-search-region").input_value() == "paijat-hame"
    assert page.locator("#tori-search-region option:checked").inner_text() == "Päijät-Häme"
    assert _titles(page) and "Löytyi" in status
    page.reload()
    _wait_for_results(page)
    assert page.locator("#tori-search-q").input_value() == "lomautuksia"
    assert page.locator("#tori-search-region").input_value() == "paijat-hame"


def test_a_filter_alone_lists_its_stories(page, site_server):
    titles = _search(page, site_server, SV, region="keski-pohjanmaa")
    assert sorted(titles) == [
        "Kommunerna i Kaustbyregionen tog sig an digitaliseringen i en gemensam verkstad",
        "Soite förnyade modellen för aktivt stöd i ledningen av arbetsförmåga",
    ]
    assert page.locator(".tori-finder__results time").count() == 2


def test_unknown_filter_values_are_ignored(page, site_server):
    page.goto(f"{site_server}{FI}?q=lomautuksia&region=Atlantis&colour=red")
    _wait_for_results(page)
    assert page.locator("#tori-search-region").input_value() == ""
    assert parse_qs(urlsplit(page.url).query) == {"q": ["lomautuksia"]}


def test_keyboard_only_search_and_announcement(page, site_server):
    page.goto(f"{site_server}{FI}")
    status = page.locator(STATUS)
    assert status.get_attribute("aria-live") == "polite"
    page.locator("#tori-search-q").focus()
    page.keyboard.type("palvelumuotoilun")
    page.keyboard.press("Enter")
    _wait_for_results(page)
    assert "Löytyi" in status.inner_text()
    # Tab moves from the query through the button and filters; no control traps focus.
    names = []
    for _ in range(12):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    assert "tori-search-theme" in names and "tori-search-language" in names
    page.locator(RESULT_LINKS).first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/fi/tarinat/**")


@pytest.mark.parametrize(
    ("path", "lang", "words"),
    [
        (FI, "fi", ["Hakusana", "Rajaa hakua", "Teema", "Maakunta", "Kunta", "Vuosi", "Kaikki"]),
        (SV, "sv", ["Sökord", "Avgränsa sökningen", "Tema", "Landskap", "Kommun", "År", "Alla"]),
    ],
)
def test_every_label_is_in_the_page_language(page, site_server, path, lang, words):
    page.goto(f"{site_server}{path}")
    assert page.locator("html").get_attribute("lang") == lang
    form = page.locator(".tori-finder__form").inner_text()
    for word in words:
        assert word in form
    labelled = page.evaluate(
        """() => [...document.querySelectorAll('.tori-search input, .tori-search select')]
            .every(el => el.labels.length === 1 && el.labels[0].textContent.trim() !== '')"""
    )
    assert labelled


def test_header_search_box_leads_to_the_search_page(page, site_server):
    page.goto(f"{site_server}fi/tarinat/")  # the home page has its own box instead
    box = page.locator("header form[role=search] input[name=q]")
    box.fill("lomautuksia")
    box.press("Enter")
    page.wait_for_url("**/fi/haku/?q=lomautuksia")
    _wait_for_results(page)
    assert "Hollola vältti lomautukset, kun koko henkilöstö kehitti työtä" in _titles(page)


def test_a_story_without_a_version_in_the_language_is_found_with_the_listing_badge(page,
                                                                                   site_server):
    # Masku's story is in Finnish only; the Swedish search finds it by its theme's Swedish label.
    _search(page, site_server, SV, q="arbetshälsa")
    link = page.locator(RESULT_LINKS).filter(has_text="Maskussa sairauspoissaolot")
    assert link.get_attribute("hreflang") == "fi" and link.get_attribute("lang") == "fi"
    # as on listings: the story's page in the reader's language, its text in Finnish
    assert link.evaluate("a => a.pathname") == "/tori/sv/berattelser/latu-masku/"
    card = page.locator(".tori-finder__results article").filter(
        has_text="Maskussa sairauspoissaolot")
    assert card.locator(".tori-badge--lang").inner_text() == "på finska"
    # the same card as on the Swedish listing of all stories
    page.goto(f"{site_server}sv/berattelser/")
    listing = page.locator("article.tori-card").filter(has_text="Maskussa sairauspoissaolot")
    if listing.count() == 0:  # on a later page of the listing
        page.goto(f"{site_server}sv/teman/arbetshalsa/")
        listing = page.locator("article.tori-card").filter(has_text="Maskussa sairauspoissaolot")
    listed = listing.locator(".tori-card__meta").inner_text()
    _search(page, site_server, SV, q="arbetshälsa")
    found = page.locator(".tori-finder__results article").filter(
        has_text="Maskussa sairauspoissaolot")
    assert found.locator(".tori-card__meta").inner_text() == listed


def test_result_cards_carry_organisation_region_date_and_award_badge(page, site_server):
    _search(page, site_server, FI, q="Innostavat teot")
    card = page.locator(".tori-finder__results article").filter(has_text="Mikkelin ruoka")
    assert card.locator(".tori-card__meta").inner_text() == (
        "Mikkelin kaupunki · Etelä-Savo · 21. toukokuuta 2019")
    assert card.locator("time").get_attribute("datetime") == "2019-05-21"
    assert card.locator(".tori-badge--award").inner_text() == "Palkittu: Innostavat teot 2019"


def test_the_language_switch_keeps_the_query_and_the_filters(page, site_server):
    _search(page, site_server, FI, q="LATU", region="varsinais-suomi")
    switch = page.locator("a.tori-switch")
    assert parse_qs(urlsplit(switch.get_attribute("href")).query) == {
        "q": ["LATU"], "region": ["varsinais-suomi"]}
    with page.expect_navigation():
        switch.click()
    assert urlsplit(page.url).path == "/tori/sv/sok/"
    _wait_for_results(page)
    assert page.locator("#tori-search-q").input_value() == "LATU"
    assert page.locator("#tori-search-region option:checked").inner_text() == "Egentliga Finland"
    assert _titles(page)


def test_on_a_phone_the_filters_fold_behind_one_button_and_results_come_first(browser,
                                                                            site_server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="fi-FI")
    phone = context.new_page()
    try:
        phone.goto(f"{site_server}{FI}?q=LATU")
        _wait_for_results(phone)
        toggle = phone.locator(".tori-finder__toggle")
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert not phone.locator("#tori-search-filters").is_visible()
        first = phone.locator(".tori-finder__results li").first.bounding_box()
        assert first["y"] < 740  # the first result is on the first screen
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert phone.locator("#tori-search-region").is_visible()
        assert phone.evaluate("document.activeElement.id") == "tori-search-theme"
        phone.select_option("#tori-search-region", "varsinais-suomi")
        _wait_for_results(phone)
        assert toggle.inner_text() == "Rajaa hakua (1 valittu)"
    finally:
        context.close()
