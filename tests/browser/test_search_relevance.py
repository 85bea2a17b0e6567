"""Search relevance: queries readers ask, each with the stories that must rank in the top 3.

Runs Pagefind in headless Chromium against the built sample site, through the bundle the search
page itself loads. The table is ours, written from the sample stories' front matter: themes,
places in inflected forms, organisations, award words, and queries whose only match is a story
in the other language. `python tests/browser/test_search_relevance.py SITE_DIR` prints every
query's ranks for a built site (the issue's before/after table).
"""

from __future__ import annotations

import sys

import pytest

TOP = 3

# (query, slugs that must all be in the top 3)
FINNISH: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("työkykyjohtaminen", ("soite-aktiivisen-tuen-malli",)),
    ("työhyvinvointi", ("latu-masku",)),
    ("palvelumuotoilu", ("jamsa-palvelumuotoilu", "varkaus-palvelumuotoilu")),
    ("digitalisaatio", ("kaustbyregionen-digitalisering", "poytya-munklinikka")),
    ("ympäristö", ("hameenkyron-yhteiskoulu-ekoteot",)),
    ("Hollolassa", ("latu-hollola", "latu-malli")),
    ("Vantaalla", ("vantaa-ollaanihmisiksi",)),
    ("Limingassa", ("liminka-kekseliain-kunta-2021", "liminka-kekseliain-kunta-2022")),
    ("Varkaudessa", ("varkaus-palvelumuotoilu",)),
    ("Mikkelissä", ("mikkeli-ruoka-ja-puhtauspalvelut",)),
    ("Pöytyällä", ("poytya-munklinikka",)),
    ("Hämeenkyrössä", ("hameenkyron-yhteiskoulu-ekoteot",)),
    ("Siikajoella", ("latu-malli",)),
    ("Kaustisella", ("kaustbyregionen-digitalisering",)),
    ("Kangasalla", ("hostkampanjen-2025",)),
    ("Halsua", ("kaustbyregionen-digitalisering",)),
    ("Keski-Pohjanmaa", ("soite-aktiivisen-tuen-malli", "kaustbyregionen-digitalisering")),
    ("Soite", ("soite-aktiivisen-tuen-malli",)),
    ("Vantaan kaupunki", ("vantaa-ollaanihmisiksi",)),
    ("Maskun kunta", ("latu-masku",)),
    ("Innostavat teot", ("mikkeli-ruoka-ja-puhtauspalvelut",)),
    ("kekseliäin kunta", ("liminka-kekseliain-kunta-2021", "liminka-kekseliain-kunta-2022")),
    ("Vuoden teknologiateko", ("poytya-munklinikka",)),
    ("kunniamaininta", ("hameenkyron-yhteiskoulu-ekoteot", "poytya-munklinikka",
                        "vantaa-ollaanihmisiksi")),
    ("opetus- ja kasvatusala", ("hameenkyron-yhteiskoulu-ekoteot",)),
    ("asukkaat", ("jamsa-palvelumuotoilu", "poytya-munklinikka", "varkaus-palvelumuotoilu")),
)

SWEDISH: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("arbetshälsa", ("latu-masku",)),
    ("ledning av arbetsförmåga", ("soite-aktiivisen-tuen-malli",)),
    ("tjänstedesign", ("jamsa-palvelumuotoilu", "varkaus-palvelumuotoilu")),
    ("kundorientering", ("jamsa-palvelumuotoilu", "varkaus-palvelumuotoilu")),
    ("digitalisering", ("kaustbyregionen-digitalisering", "poytya-munklinikka")),
    ("miljö", ("hameenkyron-yhteiskoulu-ekoteot",)),
    ("chefsarbete", ("soite-aktiivisen-tuen-malli",)),
    ("Hollola", ("latu-hollola", "latu-malli")),
    ("Vanda", ("vantaa-ollaanihmisiksi",)),
    ("Limingo", ("liminka-kekseliain-kunta-2021", "liminka-kekseliain-kunta-2022")),
    ("Varkaus", ("varkaus-palvelumuotoilu",)),
    ("Jämsä", ("jamsa-palvelumuotoilu",)),
    ("Michel", ("mikkeli-ruoka-ja-puhtauspalvelut",)),
    ("Tavastkyro", ("hameenkyron-yhteiskoulu-ekoteot",)),
    ("Masku", ("latu-masku",)),
    ("Kangasala", ("hostkampanjen-2025",)),
    ("Mellersta Österbotten", ("soite-aktiivisen-tuen-malli", "kaustbyregionen-digitalisering")),
    ("Soite", ("soite-aktiivisen-tuen-malli",)),
    ("Jämsän kaupunki", ("jamsa-palvelumuotoilu",)),
    ("Årets miljögärning", ("hameenkyron-yhteiskoulu-ekoteot",)),
    ("Finlands mest innovativa kommun", ("liminka-kekseliain-kunta-2021",
                                         "liminka-kekseliain-kunta-2022")),
    ("Årets teknologigärning", ("poytya-munklinikka",)),
    ("hedersomnämnande", ("hameenkyron-yhteiskoulu-ekoteot", "poytya-munklinikka",
                          "vantaa-ollaanihmisiksi")),
    ("Social- och hälsovårdssektorn", ("soite-aktiivisen-tuen-malli", "poytya-munklinikka")),
    ("Undervisnings- och fostranssektorn", ("hameenkyron-yhteiskoulu-ekoteot",)),
    ("distanstjänster", ("poytya-munklinikka",)),
    ("invånare", ("jamsa-palvelumuotoilu", "poytya-munklinikka", "varkaus-palvelumuotoilu")),
)

TABLE = {"fi": FINNISH, "sv": SWEDISH}
SEARCH_PAGE = {"fi": "fi/haku/", "sv": "sv/sok/"}

# Runs Pagefind as the search page does and returns the story slugs in rank order.
RANKED_SLUGS = """async (query) => {
    const root = document.querySelector('[data-tori-search]');
    const config = JSON.parse(root.getAttribute('data-tori-search'));
    const url = new URL(config.bundle + 'pagefind.js', document.baseURI).href;
    const pagefind = await import(url);
    await pagefind.options({ noWorker: true });
    await pagefind.init();
    const search = await pagefind.search(query);
    const items = await Promise.all(search.results.map(r => r.data()));
    return items.map(item => item.url.replace(/\\/$/, '').split('/').pop());
}"""


def ranks(page, site_url: str, lang: str) -> list[tuple[str, tuple[str, ...], list[int | None]]]:
    """Each query of `lang` with its expected slugs and their 1-based ranks (None: not found)."""
    page.goto(site_url + SEARCH_PAGE[lang])
    rows = []
    for query, expected in TABLE[lang]:
        slugs = page.evaluate(RANKED_SLUGS, query)
        rows.append((query, expected,
                     [slugs.index(s) + 1 if s in slugs else None for s in expected]))
    return rows


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_expected_stories_rank_in_the_top_three(module_page, site_server, lang):
    assert len(TABLE[lang]) >= 20
    missed = [(query, expected, found) for query, expected, found in
              ranks(module_page, site_server, lang)
              if any(rank is None or rank > TOP for rank in found)]
    assert missed == []


def _print_table(site_dir: str) -> None:
    """Serve `site_dir` (a built site, at its root) and print the ranks as Markdown rows."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site_dir)
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = chromium.new_page()
        for lang in TABLE:
            for query, expected, found in ranks(page, f"http://127.0.0.1:{server.server_port}/",
                                                lang):
                shown = ", ".join("-" if r is None else str(r) for r in found)
                print(f"| {lang} | {query} | {', '.join(expected)} | {shown} |")
        chromium.close()
    server.shutdown()


if __name__ == "__main__":
    _print_table(sys.argv[1])
