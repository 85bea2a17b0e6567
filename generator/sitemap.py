"""The sitemap (sitemaps.org 0.9 with hreflang alternates) and the robots.txt that points to it.

Every language version of a page lists every version, itself included, as
`<xhtml:link rel="alternate" hreflang>`; search engines ignore alternates that are not
reciprocal, so `translations` builds the entries of one page's versions together.
URLs are given site-relative ("fi/tarinat/x/") and made absolute here from `site_url`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from lxml import etree

from generator import urls as site_urls
from generator.model import LANGS, Lang

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
MAX_URLS = 50_000  # the protocol's limit for one sitemap file


@dataclass(frozen=True)
class SitemapUrl:
    """One page of the site and its language versions (site-relative URLs)."""

    url: str
    alternates: tuple[tuple[Lang, str], ...]
    lastmod: date | None = None


def translations(versions: Mapping[Lang, str], lastmod: date | None = None) -> list[SitemapUrl]:
    """One entry per language version of a page, each listing all versions (reciprocal)."""
    alternates = tuple((lang, versions[lang]) for lang in LANGS if lang in versions)
    return [SitemapUrl(url, alternates, lastmod) for _, url in alternates]


def sitemap_xml(urls: Iterable[SitemapUrl], site_url: str) -> bytes:
    """The sitemap document: one <url> per page, sorted by URL, duplicates dropped."""
    pages = {page.url: page for page in urls}
    if len(pages) > MAX_URLS:
        raise ValueError(
            f"sitemap: {len(pages)} URLs is more than the {MAX_URLS} one sitemap file may hold; "
            "split it with a sitemap index"
        )
    urlset = etree.Element(_sm("urlset"), nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS})
    for url in sorted(pages):
        _url(urlset, pages[url], site_url)
    return etree.tostring(urlset, encoding="utf-8", xml_declaration=True, pretty_print=True)


def robots_txt(site_url: str) -> str:
    """A robots.txt that allows everything and names the sitemap.

    Crawlers read robots.txt only at the root of a host; when the site lives under a sub-path,
    the host's own robots.txt has to name this sitemap.
    """
    sitemap = site_urls.absolute(site_url, site_urls.SITEMAP)
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"


def _url(urlset: etree._Element, page: SitemapUrl, site_url: str) -> None:
    """Append one <url> with its lastmod and hreflang alternates."""
    item = etree.SubElement(urlset, _sm("url"))
    etree.SubElement(item, _sm("loc")).text = site_urls.absolute(site_url, page.url)
    if page.lastmod is not None:
        etree.SubElement(item, _sm("lastmod")).text = page.lastmod.isoformat()
    for lang, url in page.alternates:
        attrs = {"rel": "alternate", "hreflang": Lang(lang).value}
        attrs["href"] = site_urls.absolute(site_url, url)
        etree.SubElement(item, f"{{{XHTML_NS}}}link", attrs)


def _sm(tag: str) -> str:
    """An element name in the sitemap namespace."""
    return f"{{{SITEMAP_NS}}}{tag}"
