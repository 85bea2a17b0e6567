"""Tests for the per-build caches of rendered fragments."""

from jinja2 import DictLoader, Environment, pass_context

from generator.render_cache import HREF, card_html_global, once_global

MACROS = """
{%- macro card(c, heading="h3", href="") -%}
<{{ heading }}><a href="{{ href or (c.url | url) }}">{{ c.title | e }}</a> {{ t.in_other_language }}
{{- "</" ~ heading ~ ">" }}
{%- endmacro -%}
{%- macro cards(items, heading="h3") -%}
{% for c in items %}{{ tori_card(card, c, heading) }}|{% endfor %}
{%- endmacro -%}
"""
PAGE = '{% from "macros.html" import cards with context %}{{ cards(items, heading) }}'


class Counting:
    """A url filter that resolves against the page's depth and counts its calls."""

    def __init__(self):
        self.calls = 0

    def filter(self):
        @pass_context
        def url(context, value):
            self.calls += 1
            return "../" * context["page"].count("/") + value
        return url


def environment(counter):
    env = Environment(loader=DictLoader({"macros.html": MACROS, "page.html": PAGE}))
    env.filters["url"] = counter.filter()
    env.globals["tori_card"] = card_html_global()
    return env


class Card:
    """The two fields the test macro reads, hashable like the real frozen Card."""

    def __init__(self, url, title):
        self.url, self.title = url, title


def render(env, page, items, awarded="ruotsiksi", heading="h3"):
    return env.get_template("page.html").render(
        page=page, items=items, heading=heading, t={"in_other_language": awarded})


def test_links_are_relative_to_each_page_though_the_html_is_cached():
    counter = Counting()
    env = environment(counter)
    card = Card("fi/tarinat/x/", "A & B")
    top = render(env, "fi/", [card])
    assert top == '<h3><a href="../fi/tarinat/x/">A &amp; B</a> ruotsiksi</h3>|'
    deep = render(env, "fi/tarinat/sivu/2/", [card])
    assert deep == '<h3><a href="../../../../fi/tarinat/x/">A &amp; B</a> ruotsiksi</h3>|'
    assert HREF not in deep


def test_each_card_is_rendered_once_per_heading_and_labels():
    counter = Counting()
    env = environment(counter)
    card = Card("fi/tarinat/x/", "X")
    calls = []
    env.globals["tori_card"] = spy(env.globals["tori_card"], calls)
    for page in ("fi/", "fi/a/", "fi/b/"):
        render(env, page, [card])
    assert "på finska" in render(env, "sv/", [card], awarded="på finska")
    assert render(env, "fi/", [card], heading="h2").startswith("<h2>")
    assert calls == [1, 0, 0, 1, 1]


def spy(tori_card, calls):
    """Wrap `tori_card`, recording for each call whether the macro ran."""
    @pass_context
    def wrapped(context, macro, card, heading="h3"):
        ran = []

        def counted(*args):
            ran.append(1)
            return macro(*args)
        html = tori_card(context, counted, card, heading)
        calls.append(len(ran))
        return html
    return wrapped


def test_a_call_block_body_is_rendered_once_per_key():
    env = Environment()
    env.globals["tori_once"] = once_global()
    template = env.from_string(
        '{% call tori_once("config", lang) %}{{ lang }}-{{ counter.append(1) or counter | length }}'
        '{% endcall %}')
    counter = []
    outputs = [template.render(lang=lang, counter=counter) for lang in ("fi", "fi", "sv", "fi")]
    assert outputs == ["fi-1", "fi-1", "sv-2", "fi-1"]
    assert len(counter) == 2
