"""A link checker for the served site: fetch every page reachable from the start URL.

Every internal href, src, srcset, CSS url() and fragment is resolved and fetched once; external
links are collected but never fetched (the test run has no internet, and their health is not
ours to prove on every change).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import lxml.etree
import lxml.html

# Attributes that point at another resource, by element.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "form": ("action",),
}
CSS_URL = re.compile(r"""url\(\s*['"]?(?!data:)([^'")]+)['"]?\s*\)""")
NOT_FETCHED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


@dataclass(frozen=True)
class Reference:
    """One URL as written in one page."""

    page: str
    attribute: str
    url: str


@dataclass
class CrawlReport:
    """What a crawl found: pages, every internal URL checked, and what failed."""

    pages: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)  # URL without fragment -> status
    broken: list[tuple[Reference, str]] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    references: int = 0


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset attribute ("a.png 1x, b.png 2x")."""
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def references(page_url: str, html: bytes) -> tuple[list[Reference], set[str]]:
    """The URLs a page refers to (resolved), and the ids and names its fragments may target."""
    tree = lxml.html.document_fromstring(html)
    base = tree.find(".//base[@href]")
    base_url = urljoin(page_url, base.get("href")) if base is not None else page_url
    found = []
    for element in tree.iter(*URL_ATTRIBUTES):
        if element.tag == "link" and element.get("rel") in {"canonical"}:
            continue  # the canonical URL is the public address, not the served one
        for attribute in URL_ATTRIBUTES[element.tag]:
            value = element.get(attribute)
            if not value or value.startswith(NOT_FETCHED_SCHEMES):
                continue
            values = srcset_urls(value) if attribute == "srcset" else [value.strip()]
            for url in values:
                found.append(
                    Reference(page_url, f"{element.tag}[{attribute}]", urljoin(base_url, url))
                )
    for style in tree.iter("style"):
        for url in CSS_URL.findall(style.text or ""):
            found.append(Reference(page_url, "style url()", urljoin(base_url, url)))
    anchors = {e.get("id") for e in tree.iter(lxml.etree.Element) if e.get("id")}
    anchors |= {e.get("name") for e in tree.iter("a") if e.get("name")}
    return found, anchors


class Crawler:
    """Breadth-first crawl of the pages under `root` (a URL ending in "/")."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.report = CrawlReport()
        self.anchors: dict[str, set[str]] = {}
        self.fragments: list[tuple[Reference, str, str]] = []

    def inside(self, url: str) -> bool:
        """Whether a URL belongs to the site being checked."""
        return url.startswith(self.root)

    def same_host(self, url: str) -> bool:
        """Whether a URL is on the served host (inside the sub-path or not)."""
        a, b = urlsplit(url), urlsplit(self.root)
        return (a.scheme, a.netloc) == (b.scheme, b.netloc)

    def fetch(self, url: str) -> tuple[int, str, bytes]:
        """Status, content type and body of a URL."""
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as error:
            return error.code, "", b""

    def run(self) -> CrawlReport:
        """Crawl from the root and return the report."""
        queue = deque([Reference("(start)", "root", self.root)])
        while queue:
            self.visit(queue.popleft(), queue)
        self.check_fragments()
        return self.report

    def visit(self, ref: Reference, queue: deque[Reference]) -> None:
        """Check one reference; parse it when it is a page or a stylesheet seen first."""
        self.report.references += 1
        url, fragment = urldefrag(ref.url)
        if not self.same_host(url):
            self.report.external.add(ref.url)
            return
        if not self.inside(url):
            self.report.broken.append((ref, f"outside the site's sub-path {self.root}"))
            return
        if fragment:
            self.fragments.append((ref, url, unquote(fragment)))
        if url in self.report.checked:
            if self.report.checked[url] != 200:
                self.report.broken.append((ref, f"HTTP {self.report.checked[url]}"))
            return
        status, content_type, body = self.fetch(url)
        self.report.checked[url] = status
        if status != 200:
            self.report.broken.append((ref, f"HTTP {status}"))
        elif content_type == "text/html":
            self.report.pages.append(url)
            found, self.anchors[url] = references(url, body)
            queue.extend(found)
        elif content_type == "text/css":
            text = body.decode("utf-8", "replace")
            queue.extend(
                Reference(url, "css url()", urljoin(url, u)) for u in CSS_URL.findall(text)
            )

    def check_fragments(self) -> None:
        """Fragments that point into a page must name an id (or a name) in that page."""
        for ref, url, fragment in self.fragments:
            anchors = self.anchors.get(url)
            if anchors is not None and fragment not in anchors:
                self.report.broken.append((ref, f"no element with id '{fragment}' in {url}"))


def crawl(root: str) -> CrawlReport:
    """Crawl the site served at `root` and report every link, image and asset."""
    return Crawler(root).run()


def format_broken(report: CrawlReport) -> str:
    """One line per broken reference: the page, the attribute, the URL and why."""
    lines = [f"{ref.page}: {ref.attribute} -> {ref.url}: {why}" for ref, why in report.broken]
    return "\n".join(sorted(set(lines)))
