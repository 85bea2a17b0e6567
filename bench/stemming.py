"""Measure what Pagefind's stemming finds in Finnish and Swedish, with and without our help.

Usage (from the repository root, the project installed):

    python3 bench/stemming.py            # prints a Markdown table

For each probe (a label as the vocabulary writes it, and a query as a reader types it) the
script indexes a little site of one page per label with Pagefind, twice: once with the label
alone, once with what the search records add to a Finnish label (a place's cases, the cases
of words in -nen; generator/search/inflect.py), then runs each query in headless Chromium
through Pagefind's own JS and says whether the label's page is found. Nothing is timed.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator.search import inflect  # noqa: E402
from generator.search.runner import _binary  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

# (language, label as indexed, is a Finnish place name, queries a reader types)
PROBES: tuple[tuple[str, str, bool, tuple[str, ...]], ...] = (
    ("fi", "Hollola", True, ("Hollolassa", "Hollolaan", "Hollolan")),
    ("fi", "Vantaa", True, ("Vantaalla", "Vantaalle", "Vantaan")),
    ("fi", "Liminka", True, ("Limingassa", "Limingan", "Liminkaan")),
    ("fi", "Varkaus", True, ("Varkaudessa", "Varkauden")),
    ("fi", "Siikajoki", True, ("Siikajoella", "Siikajoen")),
    ("fi", "Kaustinen", True, ("Kaustisella", "Kaustisen")),
    ("fi", "Kangasala", True, ("Kangasalla", "Kangasalan")),
    ("fi", "Toholampi", True, ("Toholammilla",)),
    ("fi", "Punkalaidun", True, ("Punkalaitumella",)),
    ("fi", "Lestijärvi", True, ("Lestijärvellä",)),
    ("fi", "Helsinki", True, ("Helsingissä",)),
    ("fi", "Lappeenranta", True, ("Lappeenrannassa",)),
    ("fi", "Mikkeli", True, ("Mikkelissä",)),
    ("fi", "Pöytyä", True, ("Pöytyällä",)),
    ("fi", "Hämeenkyrö", True, ("Hämeenkyrössä",)),
    ("fi", "Kanta-Häme", True, ("Kanta-Hämeessä",)),
    ("fi", "Keski-Pohjanmaa", True, ("Keski-Pohjanmaalla",)),
    ("fi", "Työkykyjohtaminen", False, ("työkykyjohtaminen", "työkykyjohtamisen", "työkyky",
                                        "johtaminen")),
    ("fi", "Työhyvinvointi", False, ("työhyvinvointia", "hyvinvointi")),
    ("fi", "Etätyö ja etäjohtaminen", False, ("etätyö", "etätyöhön", "etäjohtamisen")),
    ("sv", "Arbetshälsa", False, ("arbetshälsa", "arbetshälsan", "hälsa")),
    ("sv", "Distansarbete och distansledning", False, ("distansarbete", "distansarbetet",
                                                       "arbete")),
    ("sv", "Ledning av arbetsförmåga", False, ("arbetsförmågan", "ledningen")),
    ("sv", "Vanda", False, ("Vandas",)),
)

FOUND = """async ([query]) => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.options({ noWorker: true });
    await pagefind.init();
    const search = await pagefind.search(query);
    const items = await Promise.all(search.results.map(r => r.data()));
    return items.map(item => item.url);
}"""


def write_site(root: Path, with_forms: bool) -> None:
    """One page per probe's label, in its language; with `with_forms`, a place's cases too."""
    for number, (lang, label, place, _) in enumerate(PROBES):
        added = inflect.forms(label) if place else inflect.nen_forms(label) if lang == "fi" else ()
        words = [label, *(added if with_forms else ())]
        page = root / lang / f"p{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<html lang="{lang}"><body><h1>{" · ".join(words)}</h1></body></html>',
                        encoding="utf-8")
    for lang in ("fi", "sv"):  # a page of the language to run Pagefind's JS from
        (root / lang / "index.html").write_text(f'<html lang="{lang}"><body></body></html>',
                                                encoding="utf-8")


def found(root: Path) -> dict[tuple[int, str], bool]:
    """Whether each probe's query finds its label's page in the site at `root`."""
    from playwright.sync_api import sync_playwright

    subprocess.run([_binary(), "--site", str(root), "--silent"], check=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    answers = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            for number, (lang, _, _, queries) in enumerate(PROBES):
                page.goto(f"http://127.0.0.1:{server.server_port}/{lang}/")
                for query in queries:
                    urls = page.evaluate(FOUND, [query])
                    answers[(number, query)] = f"/{lang}/p{number}/" in urls
            browser.close()
    finally:
        server.shutdown()
    return answers


def main() -> None:
    """Index both variants and print the table."""
    with tempfile.TemporaryDirectory(prefix="tori-stemming-") as folder:
        plain, helped = Path(folder, "plain"), Path(folder, "helped")
        write_site(plain, with_forms=False)
        write_site(helped, with_forms=True)
        before, after = found(plain), found(helped)
    print("| lang | label | query | Pagefind alone | with the records' cases |")
    print("|---|---|---|---|---|")
    for number, (lang, label, _, queries) in enumerate(PROBES):
        for query in queries:
            alone = "yes" if before[(number, query)] else "**no**"
            helped_text = "yes" if after[(number, query)] else "**no**"
            print(f"| {lang} | {label} | {query} | {alone} | {helped_text} |")


if __name__ == "__main__":
    main()
