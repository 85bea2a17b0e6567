"""Story bodies: CommonMark with GitHub's extensions, rendered once and sanitised, with problems.

`tori check` and the build call the same `render_body`: the HTML it returns is what the story
page and its search record show, and whatever the sanitiser removed or changed on the way is a
problem with the line it came from. The sanitiser (nh3, Rust's ammonia) alone decides what is
safe; lxml only compares the HTML before and after it, to tell the editor what went and where.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import lxml.etree
import lxml.html
import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.loader import printable
from generator.problems import Problem

MAX_BYTES = 50_000  # about 7 000 words: five times a long story; link parsing is quadratic
MAX_DEPTH = 8  # lists and quotes inside each other; the web form's editor writes at most 4
MAX_SECONDS = 5.0  # a body of MAX_BYTES renders in well under a second on a busy machine
_MAX_NESTING = 4 * MAX_DEPTH + 10  # markdown-it's own bound: deeper blocks are not parsed

# Each allowed element with the attributes it may keep; the submit pages list the same (a test
# keeps them equal). Nothing here runs script, loads a document, submits data or reaches the
# theme's own elements: no id (Material finds its script config and widgets by id), no class
# (Material styles and scripts by class), no style, no event attribute.
ALLOWED: dict[str, frozenset[str]] = {
    **{tag: frozenset() for tag in (
        # what Markdown itself writes: paragraphs, headings from ##, quotes, lists, code, rules,
        # line breaks, GitHub's tables and strikethrough, emphasis
        "p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "li", "pre", "code", "hr", "br",
        "table", "thead", "tbody", "tr", "s", "strong", "em",
        # structure Markdown lacks: definition lists, figures with captions, table captions and
        # footers, fold-out sections (no script: the browser opens them)
        "dl", "dt", "dd", "figure", "figcaption", "caption", "tfoot", "summary",
        # text-level meaning that screen readers and search engines use
        "b", "i", "del", "ins", "mark", "small", "sub", "sup", "kbd", "samp", "var", "q", "cite",
        "dfn",
    )},
    "a": frozenset({"href", "title", "hreflang"}),  # links; the address is checked by scheme
    "img": frozenset({"src", "alt", "title", "width", "height"}),  # Markdown images; sizes
    "ol": frozenset({"start", "reversed"}),  # Markdown writes start= for a list from 2
    "th": frozenset({"scope", "colspan", "rowspan"}),  # header cells screen readers can tie
    "td": frozenset({"colspan", "rowspan"}),
    "abbr": frozenset({"title"}),  # an abbreviation and its expansion (WCAG 3.1.4)
    "span": frozenset({"lang"}),  # a phrase in another language (WCAG 3.1.2)
    "details": frozenset({"open"}),  # a fold-out section shown open
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})  # and relative addresses
URL_ATTRIBUTES = frozenset({"href", "src"})

# Every message a body problem can carry, in one table so that they can be translated together.
MESSAGES = {
    "tag": "HTML element <{tag}> is not allowed and would be removed",
    "heading": "headings in the body start at '##': '#' is the story's title",
    "attribute": "attribute '{attribute}' is not allowed on <{tag}> and would be removed",
    "address": "address '{url}' in {attribute}= of <{tag}> is not allowed: "
               "use an http, https or mailto address, or a relative one",
    "changed": "this HTML would be changed when the page is made safe ({detail}); "
               "close every tag you open and write '&lt;' for a literal '<'",
    "too_large": "is {size} kB, more than the {limit} kB a story body may have",
    "too_deep": "lists and quotes are nested {depth} levels deep, more than the {limit} allowed",
    "too_slow": "took {seconds:.1f} s to render, more than the {limit:.0f} s allowed; "
                "simplify its markup",
}


def message(key: str, **values: Any) -> str:
    """The text of a body problem."""
    return MESSAGES[key].format(**values)


@dataclass(frozen=True)
class Body:
    """A rendered story body: the HTML readers see and what was wrong with the source."""

    html: str
    problems: tuple[Problem, ...]


def _plain_tokens(state: Any) -> None:
    """Drop what markdown-it adds beyond the allow-list: table alignment styles, fence classes."""
    for token in state.tokens:
        if token.type in ("th_open", "td_open"):
            token.attrs.pop("style", None)
        elif token.type == "fence":
            token.info = ""


class BodyRenderer:
    """One Markdown parser and sanitiser configuration, reused for every body of a build."""

    def __init__(self) -> None:
        options = {"linkify": True, "maxNesting": _MAX_NESTING, "xhtmlOut": False}
        md = MarkdownIt("commonmark", options).enable(["table", "strikethrough", "linkify"])
        md.linkify.set({"fuzzy_ip": False})
        md.linkify.add("ftp:", None).add("//", None)  # GitHub links http(s), www. and e-mail
        pretest = md.linkify.pretest
        # linkify-it's own pretest is slow; what GitHub links always holds one of these.
        md.linkify.pretest = lambda text: ("://" in text or "www." in text or "@" in text) and (
            pretest(text))
        md.validateLink = lambda url: True  # the sanitiser judges addresses, and says so
        md.core.ruler.push("tori_plain", _plain_tokens)
        self.md = md

    def clean(self, html: str) -> str:
        """The HTML with everything outside the allow-list removed."""
        return nh3.clean(html, tags=set(ALLOWED), attributes={t: set(a) for t, a in
                         ALLOWED.items() if a}, url_schemes=set(URL_SCHEMES), link_rel=None,
                         strip_comments=True)

    def render(self, body: str, body_line: int, path: str) -> Body:
        """The sanitised HTML of a Markdown body and a problem for every change made to it."""
        size = len(body.encode("utf-8", "surrogatepass"))
        if size > MAX_BYTES:
            return _refused(path, body_line, message(
                "too_large", size=size // 1000, limit=MAX_BYTES // 1000))
        start = time.perf_counter()
        env: dict[str, Any] = {}
        tokens = self.md.parse(body, env)
        depth, line = _depth(tokens)
        if depth > MAX_DEPTH:
            return _refused(path, body_line + line, message(
                "too_deep", depth=depth, limit=MAX_DEPTH))
        raw = self.md.renderer.render(tokens, self.md.options, env)
        html = self.clean(raw)
        found: list[tuple[int, str]] = []
        if not _same(raw, html) and _shape(raw) != _shape(html):
            found = list(self._locate(tokens, env)) or [(0, _changed(raw, html))]
        seconds = time.perf_counter() - start
        if seconds > MAX_SECONDS:
            found.append((0, message("too_slow", seconds=seconds, limit=MAX_SECONDS)))
        problems = sorted({Problem(path, body_line + line, "body", printable(text))
                           for line, text in found})
        return Body(html, tuple(problems))

    def _locate(self, tokens: Sequence[Token], env: dict) -> Iterator[tuple[int, str]]:
        """Each change of the sanitiser with the body line (from 0) of the token it came from."""
        for token in tokens:
            if token.type == "heading_open" and token.tag == "h1":
                yield _first_line(token), message("heading")
            elif token.type in ("inline", "html_block") and token.map:
                if token.type == "inline":
                    raw = self.md.renderer.renderInline(token.children or [], self.md.options,
                                                        env)
                else:
                    raw = token.content
                clean = self.clean(raw)
                if _same(raw, clean):
                    continue
                before, after = _shape(raw), _shape(clean)
                if before != after:
                    lines = token.content.split("\n")
                    for needles, text in _differences(before, after):
                        yield token.map[0] + _line_of(lines, needles), text


def _same(raw: str, clean: str) -> bool:
    """Whether the sanitiser gave back the HTML it got, as markdown-it writes it (a fast path)."""
    return raw == clean or raw.replace("&quot;", '"') == clean.replace("&quot;", '"')


def _refused(path: str, line: int, text: str) -> Body:
    """A body not rendered at all: one problem, no HTML."""
    return Body("", (Problem(path, line, "body", text),))


def _first_line(token: Token) -> int:
    """The body line (from 0) a block token starts on."""
    return token.map[0] if token.map else 0


def _depth(tokens: Sequence[Token]) -> tuple[int, int]:
    """How deep lists and quotes nest, and the body line (from 0) of the deepest."""
    depth = deepest = line = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth += 1
            if depth > deepest:
                deepest, line = depth, _first_line(token)
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
    return deepest, line


Item = tuple  # ("<", tag, ((name, value), ...)) for an element, ("t", text) for text


def _shape(html: str) -> list[Item]:
    """The elements with attributes and the text of an HTML fragment, in document order.

    End tags, comments and whitespace are left out, and so is the tbody that parsers add, so
    that HTML the sanitiser keeps has the same shape before and after it.
    """
    if not html.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return [("t", html)]
    items: list[Item] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        element_tag = element.tag if isinstance(element.tag, str) else None
        if event == "start" and element_tag:
            attrs = tuple(sorted(element.attrib.items()))
            if element is not root and (element_tag != "tbody" or attrs):
                items.append(("<", element_tag, attrs))
            _text(items, element.text)
        elif event == "end" and element is not root:
            _text(items, element.tail)
    for match in _MERGED.finditer(html):  # parsers fold these into the page's own elements
        items.append(("<", match.group(1).lower(), ()))
    return items


_MERGED = re.compile(r"<(html|head|body)[\s/>]", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _text(items: list[Item], text: str | None) -> None:
    """Add text to a shape, joined to text before it, whitespace collapsed."""
    text = _SPACE.sub(" ", text or "").strip()
    if not text:
        return
    if items and items[-1][0] == "t":
        items[-1] = ("t", f"{items[-1][1]} {text}")
    else:
        items.append(("t", text))


def _differences(before: list[Item], after: list[Item]) -> list[tuple[tuple[str, ...], str]]:
    """What the sanitiser removed or changed, each with words to find its source line by."""
    kept = [item for item in after if item[0] == "<"]
    found: list[tuple[tuple[str, ...], str]] = []
    position = 0
    for item in before:
        if item[0] != "<":
            continue
        _, tag, attrs = item
        match = next((i for i in range(position, len(kept)) if kept[i][1] == tag), None)
        if match is None:
            found.append(((f"<{tag}",), message("heading" if tag == "h1" else "tag", tag=tag)))
            continue
        position = match + 1
        left = dict(kept[match][2])
        for name, value in attrs:
            if left.get(name) == value:
                continue
            if name in URL_ATTRIBUTES and name in ALLOWED.get(tag, ()):
                found.append(((f'{name}="{value}', f"{name}='{value}", f"{name}={value}", value),
                              message("address", url=_shown(value), attribute=name, tag=tag)))
            else:
                found.append(((f"{name}=", name), message("attribute", attribute=name, tag=tag)))
    return found or [(("<",), _changed_items(before, after))]


def _changed(raw: str, html: str) -> str:
    """A problem message for a change found in the whole body but in no single block."""
    return _changed_items(_shape(raw), _shape(html))


def _changed_items(before: list[Item], after: list[Item]) -> str:
    """The 'changed' message, showing the first piece that differs."""
    for old, new in zip(before, [*after, ("t", "")], strict=False):
        if old != new:
            return message("changed", detail=f"'{_shown(_item_text(old))}' becomes "
                                             f"'{_shown(_item_text(new))}'")
    extra = after[len(before)] if len(after) > len(before) else ("t", "")
    return message("changed", detail=f"'{_shown(_item_text(extra))}' appears")


def _item_text(item: Item) -> str:
    """A shape item as the editor would write it."""
    if item[0] == "t":
        return item[1]
    attrs = "".join(f' {name}="{value}"' for name, value in item[2])
    return f"<{item[1]}{attrs}>"


def _line_of(lines: list[str], needles: tuple[str, ...]) -> int:
    """The index of the first line holding the first of `needles` found (any case), else 0."""
    low = [line.lower() for line in lines]
    for needle in needles:
        found = next((i for i, line in enumerate(low) if needle.lower() in line), None)
        if found is not None:
            return found
    return 0


def _shown(text: str) -> str:
    """A piece of the source shortened for a message (control characters stay visible)."""
    return text if len(text) <= 40 else text[:39] + "…"


RENDERER = BodyRenderer()  # one for the whole build: building markdown-it's rules is not free


def render_body(body: str, body_line: int, path: str) -> Body:
    """The sanitised HTML of a story body and its problems (see `BodyRenderer.render`)."""
    return RENDERER.render(body, body_line, path)
