"""The accessibility statement the Act (306/2019) requires: in both languages, complete, with
the feedback address from mkdocs.yml, and linked from the footer of every page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import jinja2
import lxml.html
import pytest
import yaml
from pagetypes import REPO, content_pages

from generator import urls
from generator.model import LANGS, Lang

pytestmark = pytest.mark.browser

# Headings a statement must have: status, what is not accessible, how it was assessed,
# feedback, and the supervisory authority (the model statement of the Act).
SECTIONS = {
    Lang.FI: (
        "Saavutettavuuden tila",
        "Sisältö, joka ei ole kaikilta osin saavutettavaa",
        "Miten saavutettavuus on arvioitu",
        "Anna palautetta saavutettavuudesta",
        "Valvontaviranomainen",
    ),
    Lang.SV: (
        "Tillgänglighetsstatus",
        "Innehåll som inte är tillgängligt i alla delar",
        "Hur tillgängligheten har bedömts",
        "Ge respons om tillgängligheten",
        "Tillsynsmyndighet",
    ),
}
AUTHORITY = {Lang.FI: "Lupa- ja valvontavirasto", Lang.SV: "Tillstånds- och tillsynsverket"}


def feedback_email() -> str:
    """The address configured in mkdocs.yml (extra.feedback_email)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return config["extra"]["feedback_email"]


def statement_url(lang: Lang) -> str:
    """The site-relative URL of the statement in `lang`."""
    return content_pages(lang)["accessibility"]


def parse(site: Path, url: str) -> lxml.html.HtmlElement:
    """A built page, parsed."""
    return lxml.html.parse(str(site / urls.dest_path(url))).getroot()


@pytest.mark.parametrize("lang", LANGS, ids=str)
def test_statement_is_complete(built_site, lang: Lang):
    """All sections, the authority, and a mail link to the configured feedback address."""
    root = parse(built_site, statement_url(lang))
    headings = [h.text_content().strip() for h in root.iter("h2")]
    missing = [s for s in SECTIONS[lang] if s not in headings]
    assert not missing, f"missing sections {missing}; the page has {headings}"
    text = root.text_content()
    assert AUTHORITY[lang] in text
    assert "WCAG" in text and "306/2019" in text
    email = feedback_email()
    mails = [a.get("href") for a in root.iter("a") if (a.get("href") or "").startswith("mailto:")]
    assert f"mailto:{email}" in mails, f"no mail link to {email}: {mails}"
    assert "{feedback_email}" not in text


def test_statements_are_each_others_translation(built_site, site_server):
    """The two statements share a key, so each names the other as its alternate."""
    for lang in LANGS:
        root = parse(built_site, statement_url(lang))
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in root.iter("link")
            if link.get("rel") == "alternate" and link.get("hreflang")
        }
        other = lang.other
        assert alternates.get(other.value) == site_server + statement_url(other), alternates


def test_every_page_links_to_the_statement_in_its_language(built_site, site_server):
    """The footer of every page links to the statement (Finnish on the shared root pages)."""
    missing = []
    for path in sorted(built_site.rglob("*.html")):
        relative = path.relative_to(built_site).as_posix()
        if relative.startswith("pagefind/"):
            continue
        folder = relative.split("/", 1)[0]
        lang = Lang(folder) if folder in {lang.value for lang in LANGS} else Lang.FI
        page_url = site_server + relative.removesuffix("index.html")
        root = lxml.html.parse(str(path)).getroot()
        links = {urljoin(page_url, a.get("href", "")) for a in root.iterfind(".//footer//a")}
        if site_server + statement_url(lang) not in links:
            missing.append(relative)
    assert not missing, f"{len(missing)} page(s) without a footer link to the statement: {missing}"


def test_feedback_address_comes_from_configuration():
    """The macro writes whatever address mkdocs.yml gives, escaped, in place of the marker."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "overrides"))
    template = env.from_string(
        '{% from "partials/feedback-email.html" import with_feedback_email with context %}'
        "{{ with_feedback_email(content) }}"
    )
    html = template.render(
        content="<p>Write to {feedback_email}.</p>",
        config={"extra": {"feedback_email": "palaute+a&b@kunta.example"}},
    )
    expected = '<a href="mailto:palaute+a&amp;b@kunta.example">palaute+a&amp;b@kunta.example</a>'
    assert html == f"<p>Write to {expected}.</p>"
