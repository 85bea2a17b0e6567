"""Editor-supplied strings with markup in them are shown as text everywhere, never run."""

from __future__ import annotations

import datetime
import json
import shutil

import lxml.html
import pytest
import yaml
from sitebuild import SITE_FIXTURE, build_site, site_files

SCRIPT = '"><script>alert(1)</script>'
HANDLER = "' onmouseover=alert(2) x='"
EVIL = f"Paha {SCRIPT} ja {HANDLER} loppu"


def hostile_story() -> str:
    front = {
        "title": EVIL,
        # the loader refuses tags in summaries, so only the attribute breakout is tried there
        "summary": f"Tiivistelmä {HANDLER} ja vielä vähän lisää tekstiä.",
        "date": datetime.date(2022, 2, 2),
        "updated": datetime.date(2022, 3, 3),
        "organisation": EVIL,
        "municipalities": ["vantaa"],
        "categories": ["viestinta"],
        "sectors": ["tekninen-toimi"],
        "awards": ["2019-vuoden-viestintateko"],
        "tags": [SCRIPT, HANDLER],
        "image": "images/latu-ladut.svg",
        "image_alt": EVIL,
        "contact": {"name": EVIL, "role": EVIL, "email": "nimi@example.org"},
        "links": [{"title": EVIL, "url": "https://example.org/?q=%22%3E"}],
    }
    return f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\nTeksti.\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile") / "site"
    shutil.copytree(SITE_FIXTURE, project)
    overrides = str(SITE_FIXTURE.parents[2] / "overrides")
    config = (SITE_FIXTURE / "mkdocs.yml").read_text().replace("../../../overrides", overrides)
    (project / "mkdocs.yml").write_text(config)
    stories = project / "content" / "stories"
    for lang in ("fi", "sv"):
        (stories / f"paha-tarina.{lang}.md").write_text(hostile_story(), encoding="utf-8")
    about = project / "content" / "fi" / "tietoa-palvelusta.md"
    quoted = json.dumps(EVIL)  # a JSON string is a valid double-quoted YAML scalar
    about.write_text(f"---\ntitle: {quoted}\ndescription: {quoted}\nkey: about\n---\n\nTeksti.\n")
    return build_site(project, tmp_path_factory.mktemp("hostile-out"))


def test_the_hostile_story_was_built(hostile_site):
    assert (hostile_site / "fi/tarinat/paha-tarina/index.html").is_file()
    assert (hostile_site / "sv/berattelser/paha-tarina/index.html").is_file()


def test_no_page_runs_editor_markup(hostile_site):
    pages = {p: d for p, d in site_files(hostile_site).items() if p.endswith(".html")}
    assert len(pages) > 50
    for path, data in pages.items():
        assert b"<script>alert(1)" not in data, path
        tree = lxml.html.fromstring(data)
        for script in tree.iter("script"):
            assert "alert(" not in (script.text or ""), path
        for element in tree.iter():
            handlers = [a for a in element.attrib if a.lower().startswith("on")]
            assert not handlers, (path, element.tag, handlers)


def test_hostile_text_is_shown_as_text(hostile_site):
    tree = lxml.html.fromstring((hostile_site / "fi/tarinat/paha-tarina/index.html").read_bytes())
    assert tree.xpath("//h1")[0].text_content() == EVIL
    assert tree.xpath("//title")[0].text_content().startswith(EVIL)
    assert tree.xpath("//meta[@property='og:title']/@content") == [EVIL]
    assert tree.xpath("//figure/img/@alt") == [EVIL]
    listing = lxml.html.fromstring((hostile_site / "sv/teman/kommunikation/index.html")
                                   .read_bytes())
    assert EVIL in [a.text_content() for a in listing.xpath("//article//h2/a")]
    about = lxml.html.fromstring((hostile_site / "fi/tietoa-palvelusta/index.html").read_bytes())
    assert about.xpath("//meta[@name='description']/@content") == [EVIL]
