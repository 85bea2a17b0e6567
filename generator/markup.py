"""Check a story body's raw HTML and link targets against an allow-list of harmless markup."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from generator.loader import BODY
from generator.messages import Message, msg
from generator.problems import Problem

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "br", "code", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
})
GLOBAL_ATTRS = frozenset({"class", "id", "title", "lang", "dir"})
TAG_ATTRS: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang", "rel"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "details": frozenset({"open"}),
}
URL_ATTRS = frozenset({"href", "src", "cite"})
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
# A link target may hold one level of balanced parentheses, as CommonMark allows.
_MD_LINK = re.compile(r"\]\(\s*<?([^\s()>]*(?:\([^\s()]*\)[^\s()>]*)*)")
_MD_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def without_code(body: str) -> list[str]:
    """The body's lines with fenced code blocks and inline code spans blanked out."""
    lines = body.split("\n")
    fence = ""
    for index, line in enumerate(lines):
        match = _FENCE.match(line) if ("`" in line or "~" in line) else None
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            lines[index] = ""
        elif match:
            fence = match.group(1)
            lines[index] = ""
        elif "`" in line:
            lines[index] = _CODE_SPAN.sub(_blank, line)
    return lines


def _blank(match: re.Match[str]) -> str:
    """Spaces as long as the match, so positions and lines stay where they were."""
    return " " * len(match.group(0))


def unsafe_url(url: str) -> bool:
    """Whether a link target runs script or embeds data (as browsers read it)."""
    target = _INVISIBLE.sub("", html.unescape(url)).lower()
    return target.startswith(BAD_SCHEMES)


def _shown(url: str) -> str:
    """A link target shortened for a message."""
    return url if len(url) <= 40 else url[:39] + "…"


class _AllowList(HTMLParser):
    """Reports every tag or attribute outside the allow-list, with its line in the body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, Message]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag not in ALLOWED_TAGS:
            self.found.append((line, msg("body.tag", tag=tag)))
            return
        allowed = GLOBAL_ATTRS | TAG_ATTRS.get(tag, frozenset())
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, msg("body.event_attribute", name=name)))
            elif name == "style":
                self.found.append((line, msg("body.style", tag=tag)))
            elif name not in allowed:
                self.found.append((line, msg("body.attribute", name=name, tag=tag)))
            elif name in URL_ATTRS and value and unsafe_url(value):
                message = msg("body.unsafe_attribute_url", url=_shown(value), name=name, tag=tag)
                self.found.append((line, message))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def check_body(body: str, body_line: int, path: str) -> list[Problem]:
    """Problems with raw HTML and link targets in a Markdown body; code is left alone."""
    text = "\n".join(without_code(body)) if ("`" in body or "~~~" in body) else body
    found: list[tuple[int, Message]] = []
    for match in _AUTOLINK.finditer(text):
        if unsafe_url(match.group(1)):
            message = msg("body.unsafe_link", url=_shown(match.group(1)))
            found.append((text.count("\n", 0, match.start()) + 1, message))
    for pattern in (_MD_LINK, _MD_REFERENCE):
        for match in pattern.finditer(text):
            if unsafe_url(match.group(1)):
                message = msg("body.unsafe_link_or_image", url=_shown(match.group(1)))
                found.append((text.count("\n", 0, match.start()) + 1, message))
    if "<" in text:
        parser = _AllowList()
        try:
            parser.feed(_AUTOLINK.sub(_blank, text))
            parser.close()
        except AssertionError:
            # html.parser gives up on broken declarations such as "<![<" with an AssertionError.
            line = text.count("\n", 0, text.find("<!")) + 1 if "<!" in text else 1
            found.append((line, msg("body.malformed_declaration")))
        found.extend(parser.found)
    return [Problem(path, body_line + line - 1, BODY, message)
            for line, message in sorted(found)]
