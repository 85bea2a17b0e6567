"""Tests for turning planned pages into MkDocs files."""

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.meta import get_data

from generator.content_pages import ContentPage
from generator.model import Lang
from generator.pages import (
    BodylessPage,
    add_data,
    add_pages,
    content_pages,
    drop_sources,
    markdown,
    src_uri,
)
from generator.plan import Planned
from generator.views import ContentPageInfo


def config(tmp_path):
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n")
    cfg = load_config(str(tmp_path / "mkdocs.yml"))
    cfg.plugins._current_plugin = None  # MkDocs sets it while running an event; we call directly
    return cfg


def test_src_uri_gives_the_page_its_directory_url(tmp_path):
    assert src_uri("fi/teemat/") == "fi/teemat/index.md"
    assert src_uri("") == "index.md"
    file = File.generated(config(tmp_path), src_uri("sv/teman/miljo/sida/2/"), content="")
    assert file.url == "sv/teman/miljo/sida/2/"


def test_markdown_front_matter_protects_the_body_from_meta_parsing():
    body = "Tausta: tämä ei ole metatieto\n\nTeksti."
    doc, meta = get_data(markdown("tori/story.html", body))
    assert meta == {"template": "tori/story.html"}
    assert doc.startswith("Tausta: tämä")


def test_sources_are_dropped_images_and_pages_kept(tmp_path):
    cfg = config(tmp_path)
    files = Files([File.generated(cfg, uri, content="x") for uri in (
        "stories/a.fi.md", "stories/images/a.svg", "taxonomies/regions.yml", "fi/index.md")])
    drop_sources(files)
    assert sorted(f.src_uri for f in files) == ["fi/index.md", "stories/images/a.svg"]


def test_pages_are_added_out_of_the_navigation_with_their_views(tmp_path):
    cfg = config(tmp_path)
    files = Files([])
    planned = Planned("fi/tarinat/a/", "tori/story.html", "B", str, {})
    views = add_pages(files, cfg, [planned])
    (file,) = files
    assert file.inclusion is InclusionLevel.NOT_IN_NAV
    assert file.content_string.endswith("B") and views["fi/tarinat/a/index.md"] is planned


def test_a_page_without_body_has_no_markdown_to_parse():
    # MkDocs would read a front matter with PyYAML for each of thousands of listing pages.
    assert markdown("tori/listing.html", "  \n") == ""


def test_data_files_replace_files_of_the_same_path(tmp_path):
    cfg = config(tmp_path)
    files = Files([File.generated(cfg, "sitemap.xml", content="theirs")])
    add_data(files, cfg, {"sitemap.xml": b"ours", "fi/tarinat/feed.xml": b"<feed/>"})
    assert files.get_file_from_path("sitemap.xml").content_bytes == b"ours"
    assert len(files) == 2


def test_content_pages_take_their_checked_front_matter_and_refuse_unchecked_pages(tmp_path):
    cfg = config(tmp_path)
    docs = tmp_path / "docs"
    (docs / "fi").mkdir(parents=True)
    (docs / "fi" / "tietoa.md").write_text("---\ntitle: Tietoa\nkey: about\n---\nX\n")
    (docs / "fi" / "uusi.md").write_text("---\ntitle: Uusi\nkey: new\n---\nX\n")
    files = Files([File(p, str(docs), cfg.site_dir, True) for p in ("fi/tietoa.md", "fi/uusi.md")])
    checked = [ContentPage(Lang.FI, "fi/tietoa.md", "about", "Tietoa", "Palvelusta.", 3)]
    pages, problems = content_pages(files, checked)
    assert pages == {(Lang.FI, "about"): ContentPageInfo(Lang.FI, "about", "fi/tietoa/",
                                                         "Tietoa", "Palvelusta.")}
    (problem,) = problems  # a page MkDocs would publish that the content check did not read
    assert problem.path.endswith("fi/uusi.md") and problem.field_text("en") == "file"
    assert problem.text().endswith("fi/uusi.md: tiedosto: ei ole sisältösivu, jonka tarkistus "
                                   "luki; sisältösivut ovat Markdown-tiedostoja kansioissa "
                                   "content/fi ja content/sv")


def test_pages_without_markdown_skip_the_converter(tmp_path):
    cfg = config(tmp_path)
    files = Files([])
    add_pages(files, cfg, [Planned("fi/teemat/", "tori/overview.html", "", str, {}),
                           Planned("fi/tarinat/a/", "tori/story.html", "## Otsikko", str, {})])
    empty, story = files
    assert isinstance(empty.page, BodylessPage) and story.page is None
    empty.page.read_source(cfg)
    empty.page.render(cfg, files)
    page = empty.page
    assert (page.content, list(page.toc), page.present_anchor_ids) == ("", [], set())
    assert empty.page.meta == {}  # no front matter to parse: Site.prepare_page sets the template
