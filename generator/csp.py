"""The Content-Security-Policy of the built pages: script only from the site and by hash.

Every page carries its policy in a `<meta http-equiv>` (the site is static, so there are no
headers to set). The policy lets script run only from the site's own files and, by SHA-256
hash computed at build time, the inline scripts of the theme's frame; a story body could never
add one, and event attributes and `javascript:` addresses never run. A page that needs more
(the search page runs Pagefind's WebAssembly; the editors' form at /admin/ will need its own
sources) passes them as `extra`; nothing else widens the policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence

PLACEHOLDER = "tori-content-security-policy"  # what the template writes until the page is done
# The opening tag of the region that holds a page's content (overrides/main.html).
CONTENT_START = '<article class="md-content__inner md-typeset" id="main-content"'

# The policy of every page. Images may come from https: because the story contract allows
# image addresses elsewhere; data: serves Material's inline SVG icons in its CSS.
BASE: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:", "https:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "object-src": ("'none'",),
    "frame-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
SEARCH_EXTRA: dict[str, tuple[str, ...]] = {"script-src": ("'wasm-unsafe-eval'",)}
# `mkdocs serve` injects a live-reload script whose text changes with every build: the local
# preview of an editor allows inline script (with no hash beside it, browsers honour this).
PREVIEW_EXTRA: dict[str, tuple[str, ...]] = {"script-src": ("'unsafe-inline'",)}

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC_OR_TYPE = re.compile(r"""\s(src|type)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run, in document order."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = {name.lower(): value.strip("\"'").strip().lower()
                 for name, value in _SRC_OR_TYPE.findall(match.group(1))}
        if "src" not in attrs and attrs.get("type", "") in _SCRIPT_TYPES:
            found.append(match.group(2))
    return found


def script_hash(script: str) -> str:
    """A CSP hash source for one inline script's text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(
    scripts: Iterable[str] = (),
    extra: Mapping[str, Sequence[str]] | None = None,
    base: Mapping[str, Sequence[str]] = BASE,
) -> str:
    """The policy of a page whose own inline scripts are `scripts`, widened by `extra`.

    `base` replaces the site's policy for a page that is not built from content (the editors'
    form at /admin/ has its own, narrower in places: no images from other hosts).
    """
    directives = {name: list(sources) for name, sources in base.items()}
    for name, sources in (extra or {}).items():
        directives.setdefault(name, [])
        directives[name] += [s for s in sources if s not in directives[name]]
    hashes = sorted({script_hash(script) for script in scripts})
    directives["script-src"] += hashes
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def page_policy(html: str, *, wasm: bool = False) -> str:
    """The policy of a built page: hashes of its frame's inline scripts, none from its content.

    Content (a story body, a Markdown page, whatever a template filter made of it) is written
    only inside main.html's `<article id="main-content">`, so the span from that opening tag to
    the page's last `</article>` is left out before hashing: a script there never gets a hash,
    even one that a fake `</article>` in the content tries to move out of it.
    """
    return policy(inline_scripts(_frame(html)), SEARCH_EXTRA if wasm else None)


def _frame(html: str) -> str:
    """The page without its content region (the whole page when it has none)."""
    start = html.find(CONTENT_START)
    end = html.rfind("</article>")
    if start < 0 or end < start:
        return html
    return html[:start] + html[end:]


def with_policy(html: str, text: str) -> str:
    """The page with its policy filled in; a page without the placeholder is an error."""
    if PLACEHOLDER not in html:
        raise ValueError("page has no Content-Security-Policy placeholder (extend main.html)")
    return html.replace(PLACEHOLDER, text, 1)
