"""Every URL pattern and slug rule of the site, in one place.

URLs here are site-relative directory URLs without a leading slash ("fi/teemat/"),
which is what MkDocs calls a page's `url` with `use_directory_urls`.
"""

from __future__ import annotations

import re
import unicodedata

from generator.model import Kind, Lang, Term, Text

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

STORIES = Text(fi="tarinat", sv="berattelser")
PAGE = Text(fi="sivu", sv="sida")
SEARCH = Text(fi="haku", sv="sok")
STATISTICS = Text(fi="tilastot", sv="statistik")
SEGMENTS: dict[Kind, Text] = {
    Kind.CATEGORY: Text(fi="teemat", sv="teman"),
    Kind.REGION: Text(fi="alueet", sv="regioner"),
    Kind.MUNICIPALITY: Text(fi="kunnat", sv="kommuner"),
    Kind.SECTOR: Text(fi="toimialat", sv="sektorer"),
    Kind.AWARD: Text(fi="palkinnot", sv="priser"),
    Kind.CLIENT_GROUP: Text(fi="asiakasryhmat", sv="klientgrupper"),
}

_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "þ": "th"})


def slugify(text: str) -> str:
    """An ASCII slug: "Päijät-Häme" -> "paijat-hame", "S:t Mårtens" -> "s-t-martens"."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


def is_slug(value: str) -> bool:
    """Whether a value is a valid slug (lowercase ASCII words joined by single hyphens)."""
    return bool(SLUG_RE.fullmatch(value))


def home(lang: Lang) -> str:
    """The home page of a language."""
    return f"{lang.value}/"


def paged(base: str, lang: Lang, page: int) -> str:
    """Page `page` of a listing whose first page is `base`."""
    return base if page <= 1 else f"{base}{PAGE[lang]}/{page}/"


def story(slug: str, lang: Lang) -> str:
    """A story's page in one language."""
    return f"{lang.value}/{STORIES[lang]}/{slug}/"


def stories(lang: Lang, page: int = 1) -> str:
    """The listing of all stories."""
    return paged(f"{lang.value}/{STORIES[lang]}/", lang, page)


def overview(kind: Kind, lang: Lang) -> str:
    """The overview page of a taxonomy."""
    return f"{lang.value}/{SEGMENTS[kind][lang]}/"


def term(t: Term, lang: Lang, page: int = 1) -> str:
    """A term's listing page."""
    return paged(f"{overview(t.kind, lang)}{t.slug[lang]}/", lang, page)


def search(lang: Lang) -> str:
    """The search page."""
    return f"{lang.value}/{SEARCH[lang]}/"


def statistics(lang: Lang) -> str:
    """The statistics page."""
    return f"{lang.value}/{STATISTICS[lang]}/"


def feed(listing: str) -> str:
    """The Atom feed of a listing, beside its first page: "fi/x/" -> "fi/x/feed.xml"."""
    return f"{listing}feed.xml"


SITEMAP = "sitemap.xml"
DATA_JSON = "data/stories.json"
DATA_SCHEMA = "data/stories.schema.json"
DATA_CSV = "data/stories.csv"
STATS_JSON = "data/statistics.json"
STATS_CSV = "data/statistics.csv"


def dest_path(url: str) -> str:
    """The file a directory URL is written to: "fi/teemat/" -> "fi/teemat/index.html"."""
    return f"{url}index.html" if url.endswith("/") or not url else url


def absolute(site_url: str, url: str) -> str:
    """An absolute URL under `site_url` (which may have a sub-path)."""
    return site_url.rstrip("/") + "/" + url.lstrip("/")


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative directory URLs."""
    depth = from_url.count("/") if from_url else 0
    return "../" * depth + to_url or "./"
