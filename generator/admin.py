"""The editors' web form: Decap CMS's config.yml built from the story schema and vocabularies."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator import csp
from generator.frontmatter import (
    CATEGORY_COUNT,
    EMAIL_PATTERN,
    FIELDS,
    LENGTHS,
    MAX_TAGS,
    REQUIRED,
    VOCABULARY_FIELDS,
)
from generator.labels import FORM_LABELS, KIND_LABELS
from generator.labels import LABELS as SITE_LABELS
from generator.model import LANGS, Kind, Lang, Term, Vocabularies

STORIES_FOLDER = "content/stories"
IMAGES = "images"  # content/stories/images/, written relative to the story (contract)
MAX_IMAGE_BYTES = 2 * 1024 * 1024
# Plain YAML scalars that PyYAML (YAML 1.1, what `tori check` reads) takes for something other
# than text although Decap's YAML 1.2 writer leaves them unquoted: yes/no/on/off, dates,
# numbers with underscores, colons or a 0b/0x prefix. The form refuses them as a whole value.
YAML_TRAPS = (
    r"(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|y|Y|n|N|~|null|Null|NULL|=|<<"
    r"|[-+]?\.?[0-9][0-9_:.]*(?:[eE][-+]?[0-9]+)?|[-+]?0[bxo][0-9a-fA-F_]+"
    r"|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)"
)
# Fields a translation shares with its other language version (`tori check` compares the terms).
SHARED = frozenset({"date", "updated", "image", "draft", *VOCABULARY_FIELDS})
DATE_FORMAT = "YYYY-MM-DD"


class _Dumper(yaml.SafeDumper):
    """Writes shared values out in full: Decap's config reads more plainly without anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


@dataclass(frozen=True)
class FormSettings:
    """Where the form saves: the GitHub repository and the OAuth client signing editors in."""

    repo: str
    branch: str
    base_url: str
    auth_endpoint: str
    site_url: str
    local_backend: str | None = None  # decap-server's API URL; None = Decap's default


def text(key: str, lang: Lang, **values: object) -> str:
    """A form string in `lang`."""
    value = FORM_LABELS[key][lang]
    return value.format(**values) if values else value


def text_pattern(name: str, lang: Lang, *, multiline: bool = False) -> list[str]:
    """A Decap pattern: the contract's length for `name`, and no value YAML would misread."""
    low, high = LENGTHS[name]
    chars = r"[\s\S]" if multiline else r"[^\n]"
    regex = rf"^(?!\s*{YAML_TRAPS}\s*$){chars}{{{low},{high}}}$"
    return [regex, text("pattern_length", lang, low=low, high=high)]


def option_label(term: Term, lang: Lang) -> str:
    """A choice as the editor sees it: both names, the interface's language first."""
    first, second = term.label[lang], term.label[lang.other]
    name = first if first == second else f"{first} – {second}"  # noqa: RUF001 (a dash)
    if term.kind is Kind.AWARD and term.programme is not None:
        return f"{term.programme[lang]}: {name}"
    return name


def vocabulary_field(name: str, kind: Kind, vocab: Vocabularies, lang: Lang) -> dict:
    """A searchable multiple choice storing the keys of one vocabulary."""
    field: dict[str, Any] = {
        "widget": "select", "multiple": True,
        "options": [{"label": option_label(t, lang), "value": t.key} for t in vocab[kind]],
    }
    if name == "categories":
        field["min"], field["max"] = CATEGORY_COUNT
    return field


def _string(name: str, lang: Lang) -> dict:
    return {"widget": "string", "pattern": text_pattern(name, lang)}


def _date() -> dict:
    return {"widget": "datetime", "format": DATE_FORMAT, "date_format": "D.M.YYYY",
            "time_format": False, "picker_utc": True}


def _contact(lang: Lang) -> dict:
    email = ["^" + EMAIL_PATTERN + "$", text("pattern_email", lang)]
    return {"widget": "object", "collapsed": True, "fields": [
        {"name": "name", "label": text("contact.name", lang), "widget": "string",
         "required": False, "pattern": text_pattern("contact.name", lang)},
        {"name": "role", "label": text("contact.role", lang), "widget": "string",
         "required": False, "pattern": text_pattern("contact.role", lang)},
        {"name": "email", "label": text("contact.email", lang), "widget": "string",
         "required": False, "pattern": email},
    ]}


def _links(lang: Lang) -> dict:
    url = [r"^https?://[^\s/?#]+\.[^\s]*$", text("pattern_url", lang)]
    return {"widget": "list", "label_singular": text("links_one", lang), "collapsed": False,
            "summary": "{{fields.title}}", "fields": [
                {"name": "title", "label": text("links.title", lang), "widget": "string",
                 "pattern": text_pattern("links.title", lang)},
                {"name": "url", "label": text("links.url", lang), "widget": "string",
                 "pattern": url},
            ]}


def widget(name: str, vocab: Vocabularies, lang: Lang) -> dict:
    """The Decap widget of one front-matter field."""
    if name in VOCABULARY_FIELDS:
        return vocabulary_field(name, VOCABULARY_FIELDS[name], vocab, lang)
    if name in ("date", "updated"):
        return _date()
    if name == "summary":
        return {"widget": "text", "pattern": text_pattern(name, lang, multiline=True)}
    if name == "tags":
        return {"widget": "list", "max": MAX_TAGS, "label_singular": text("tags_one", lang),
                "field": {"name": "tag", "label": text("tags_one", lang), **_string(name, lang)}}
    if name == "image":
        return {"widget": "image", "choose_url": False, "media_library": {
            "config": {"multiple": False, "max_file_size": MAX_IMAGE_BYTES}}}
    if name == "contact":
        return _contact(lang)
    if name == "links":
        return _links(lang)
    if name == "draft":
        return {"widget": "boolean", "default": False}
    if name in LENGTHS:
        return _string(name, lang)
    raise KeyError(f"the web form has no widget for the story field '{name}'")


def story_fields(vocab: Vocabularies, lang: Lang, *, i18n: bool) -> list[dict]:
    """Every front-matter field of the contract, in its order, then the body."""
    fields = []
    for name in FIELDS:
        field = {"name": name, "label": text(name, lang), "hint": text(f"{name}_hint", lang),
                 "required": name in REQUIRED, **widget(name, vocab, lang)}
        if i18n:
            field["i18n"] = "duplicate" if name in SHARED else True
        fields.append(field)
    body = {"name": "body", "label": text("body", lang), "hint": text("body_hint", lang),
            "widget": "markdown", "modes": ["rich_text", "raw"], "editor_components": [],
            "buttons": ["bold", "italic", "link", "heading-two", "heading-three",
                        "heading-four", "quote", "bulleted-list", "numbered-list"]}
    if i18n:
        body["i18n"] = True
    return [*fields, body]


def collections(vocab: Vocabularies, lang: Lang) -> list[dict]:
    """A bilingual story, a Finnish-only one and a Swedish-only one, same folder and schema."""
    common = {"folder": STORIES_FOLDER, "create": True, "format": "frontmatter",
              "identifier_field": "title", "summary": "{{title}}",
              "slug": "{{title | truncate(60, '')}}", "sortable_fields": ["date", "title"],
              "media_folder": IMAGES, "public_folder": IMAGES,
              "description": text("collection_description", lang)}
    both = {"name": "stories", "label": text("collection_both", lang),
            "label_singular": text("collection_both_one", lang), "extension": "md",
            "i18n": True, **common, "fields": story_fields(vocab, lang, i18n=True)}
    single = [
        {"name": f"stories_{only.value}", "label": text(f"collection_{only.value}", lang),
         "label_singular": text(f"collection_{only.value}_one", lang),
         "extension": f"{only.value}.md", **common,
         "fields": story_fields(vocab, lang, i18n=False)}
        for only in LANGS
    ]
    return [both, *single]


def form_config(vocab: Vocabularies, settings: FormSettings, lang: Lang) -> dict:
    """Decap CMS's whole configuration, its labels in `lang`."""
    backend = {"name": "github", "repo": settings.repo, "branch": settings.branch,
               "base_url": settings.base_url, "auth_endpoint": settings.auth_endpoint,
               "open_authoring": True, "squash_merges": True}
    local: Any = {"url": settings.local_backend} if settings.local_backend else True
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "local_backend": local,
        "locale": lang.value,
        "site_url": settings.site_url,
        "display_url": settings.site_url,
        "media_folder": f"{STORIES_FOLDER}/{IMAGES}",
        "public_folder": IMAGES,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_files", "locales": [lang.value for lang in LANGS],
                 "default_locale": Lang.FI.value},
        "collections": collections(vocab, lang),
    }


# The form page's Content-Security-Policy, measured in Chromium (tests/browser/test_admin_*.py
# fail on any violation): Decap's bundle and its chunks are the site's own files; its CSS-in-JS
# writes <style> elements and style attributes; its config validator compiles JSON schemas
# with `new Function` (so 'unsafe-eval'); uploads are read and shown from blob: and data:
# addresses; the preview pane is written into its frame, never loaded (frame-src 'none'). Data
# goes to the site, GitHub's API and the local decap-server only.
FORM_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'unsafe-eval'"),
    "style-src": ("'self'", "'unsafe-inline'"),
    "img-src": ("'self'", "data:", "blob:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'", "blob:", "https://api.github.com"),
    "object-src": ("'none'",),
    "frame-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
LOCAL_BACKEND = "http://localhost:8081"  # Decap's default address of decap-server


def form_policy(settings: FormSettings, extra: Mapping[str, Sequence[str]] | None = None) -> str:
    """The form page's Content-Security-Policy, with the local decap-server's origin."""
    local = urlsplit(settings.local_backend or LOCAL_BACKEND)
    sources = {"connect-src": [f"{local.scheme}://{local.netloc}"]}
    for name, more in (extra or {}).items():
        sources.setdefault(name, []).extend(more)
    return csp.policy((), sources, base=FORM_POLICY)


def config_yaml(vocab: Vocabularies, settings: FormSettings, lang: Lang) -> str:
    """config.yml as text: stable key order, so builds stay byte-identical."""
    header = "# Generated by the build (generator/admin.py) from the story schema and the\n" \
             "# vocabularies in content/taxonomies/. Do not edit: edit those instead.\n"
    body = yaml.dump(form_config(vocab, settings, lang), Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=100)
    return header + body


def preview_json(vocab: Vocabularies) -> str:
    """What the preview's facts box needs: the site's labels and every term's label by key."""
    words = ("facts", "organisation", "published", "updated", "tags", "contact", "links")
    labels = {lang.value: {**{w: SITE_LABELS[w][lang] for w in words},
                           **{k.value: v[lang] for k, v in KIND_LABELS.items()}}
              for lang in LANGS}
    terms = {kind.value: {t.key: {lang.value: t.label[lang] for lang in LANGS}
                          for t in vocab[kind]}
             for kind in Kind}
    data = {"labels": labels, "terms": terms}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def bundle_files(names: list[str]) -> list[str]:
    """The files of Decap's bundle the browser loads: the entry, its chunks, wasm, licence."""
    keep = re.compile(r"(?:[0-9]+\.)?decap-cms\.js|decap-cms\.js\.LICENSE\.txt|[0-9a-f]+\.wasm")
    return sorted(name for name in names if keep.fullmatch(name))
