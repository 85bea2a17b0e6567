"""Tests for the page plan and the views it builds (pure: no MkDocs)."""

from factories import story, vocabularies

from generator.index import build_index
from generator.model import Kind, Lang, group_entries
from generator.plan import Planner, Settings
from generator.views import ContentPageInfo


def planner(*stories, per_page=2):
    pages = {
        (Lang.FI, "home"): ContentPageInfo(Lang.FI, "home", "fi/", "Tekojen tori", "Etusivu."),
        (Lang.SV, "home"): ContentPageInfo(Lang.SV, "home", "sv/", "Framstegsarenan", "Start."),
        (Lang.FI, "about"): ContentPageInfo(Lang.FI, "about", "fi/tietoa/", "Tietoa", "T."),
    }
    index = build_index(group_entries(list(stories)), vocabularies())
    return Planner(index, pages, Settings(per_page=per_page, home_newest=2, home_awarded=1))


def urls_of(plan):
    return [p.url for p in plan.generated()]


def test_plans_chooser_stories_listings_overviews_and_terms_with_pages():
    plan = planner(story("a", Lang.FI), story("a", Lang.SV), story("b", Lang.SV),
                   story("c", Lang.FI, day="2024-02-01"))
    got = urls_of(plan)
    assert got[0] == ""
    assert {"fi/tarinat/a/", "sv/berattelser/a/", "sv/berattelser/b/", "fi/tarinat/c/"} <= set(got)
    assert {"fi/tarinat/", "fi/tarinat/sivu/2/", "sv/berattelser/sida/2/"} <= set(got)
    assert "fi/tarinat/sivu/3/" not in got
    assert {"fi/teemat/", "sv/priser/", "fi/kunnat/vantaa/", "sv/teman/digitalisering/"} <= set(got)
    assert "sv/teman/miljo/" not in got  # a theme without stories has no page
    assert {"fi/kunnat/", "sv/kommuner/"} <= set(got)  # the municipalities overview
    assert "fi/kunnat/espoo/" not in got and "fi/toimialat/tekninen-toimi/" not in got
    assert len(got) == len(set(got))


def test_story_view_has_facts_translation_and_alternates():
    plan = planner(story("a", Lang.FI, awards=("2019-innostavat-teot",), tags=("LATU",),
                         client_groups=("oma-henkilosto",)),
                   story("a", Lang.SV, title="Svensk titel", client_groups=("oma-henkilosto",)))
    (entry,) = plan.index.entries
    view = plan.story(entry, Lang.FI)
    assert [f.label for f in view.facts] == [
        "Organisaatio", "Kunnat", "Maakunnat", "Asiakasryhmät", "Teemat", "Palkinnot", "Avainsanat"]
    awards = next(f for f in view.facts if f.label == "Palkinnot")
    assert [(link.label, link.url) for link in awards.links] == [
        ("Palkittu: Innostavat teot 2019", "fi/palkinnot/2019-innostavat-teot/")]
    groups = plan.story(entry, Lang.SV).facts[3]
    assert (groups.label, [(link.label, link.url) for link in groups.links]) == (
        "Klientgrupper", [("Den egna personalen", "sv/klientgrupper/den-egna-personalen/")])
    assert view.translation.url == "sv/berattelser/a/" and view.translation.title == "Svensk titel"
    assert view.head.switch_url == "sv/berattelser/a/"
    assert view.date_text == "1. tammikuuta 2024" and view.head.og_type == "article"


def test_listing_alternates_point_to_an_existing_page_of_the_other_language():
    stories = [story(f"s{i}", Lang.FI, categories=("ymparisto",)) for i in range(5)]
    stories.append(story("s0", Lang.SV, categories=("ymparisto",)))
    plan = planner(*stories)
    pages = {p.url: p for p in plan.generated()}
    third = pages["fi/teemat/ymparisto/sivu/3/"]
    assert third.versions[Lang.SV] == "sv/teman/miljo/sida/3/"  # fi-only stories list in sv too
    view = third.view()
    assert view.pager.number == 3 and view.count_text == "5 tarinaa"
    assert view.kind_label == "Teemat" and view.overview_url == "fi/teemat/"
    assert view.head.title == "Ympäristö, sivu 3"


def test_region_listing_names_its_municipalities_with_stories():
    plan = planner(story("a"))
    region = plan.vocab.regions.get("uusimaa")
    (page,) = [p for p in plan.generated() if p.url == "sv/regioner/nyland/"]
    view = page.view()
    assert [(m.label, m.count) for m in view.municipalities] == [("Vanda", 1)]
    assert plan.index.count(region, Lang.SV) == 1


def test_overview_views_and_award_groups():
    plan = planner(story("a", awards=("2021-suomen-kekseliain-kunta",)),
                   story("b", awards=("2019-innostavat-teot",), title="Mikkelin teko"),
                   story("c", Lang.SV, awards=("2019-vuoden-viestintateko",), title="Vanda"),
                   story("c", Lang.FI, awards=("2019-vuoden-viestintateko",), title="Vantaa"),
                   story("d", Lang.SV, awards=("2019-vuoden-viestintateko",), title="Bara svenska",
                         day="2024-02-01"))
    awards = plan.overview(Kind.AWARD, Lang.FI)
    assert [g.heading for g in awards.groups] == ["2021", "2019"]  # newest year first, then
    # each award with its stories newest first, titled in the page's language where possible
    got = [(a.award.label, a.programme, a.kind_label, [(s.label, s.url, s.lang) for s in a.stories])
           for a in awards.groups[1].awards]
    assert got == [
        ("Innostavat teot", "KunTeko-gaala 2019", "Palkittu",
         [("Mikkelin teko", "fi/tarinat/b/", "")]),
        ("Vuoden viestintäteko", "Vuoden teko -palkinnot 2019", "Kunniamaininta",
         [("Bara svenska", "fi/tarinat/d/", "sv"), ("Vantaa", "fi/tarinat/c/", "")]),
    ]
    (sv_award,) = [a for a in plan.overview(Kind.AWARD, Lang.SV).groups[1].awards
                   if a.kind_label == "Hedersomnämnande"]
    assert [s.label for s in sv_award.stories] == ["Bara svenska", "Vanda"]
    groups = plan.overview(Kind.CLIENT_GROUP, Lang.FI)
    assert groups.head.url == "fi/asiakasryhmat/" and groups.heading == "Asiakasryhmät"
    regions = plan.overview(Kind.REGION, Lang.SV)
    assert [link.label for link in regions.groups[0].links][-1] == "Åland"


def test_home_and_content_page_views():
    plan = planner(story("a", day="2020-01-01"), story("b", awards=("2019-innostavat-teot",)),
                   story("c", day="2023-01-01"))
    home = plan.content_view(plan.pages[(Lang.FI, "home")])
    assert home.statistics_url == ""  # no statistics page in this build: no link to one
    plan.page_urls = frozenset({"fi/tilastot/"})
    assert plan.content_view(plan.pages[(Lang.FI, "home")]).statistics_url == "fi/tilastot/"
    assert [c.slug for c in home.newest] == ["b", "c"]
    assert home.awarded == ()  # b, the only awarded story, is already among the newest
    assert home.total == 3 and home.search_url == "fi/haku/"
    assert home.head.switch_url == "sv/"
    about = plan.content_view(plan.pages[(Lang.FI, "about")])
    assert about.head.switch_url == "sv/" and about.head.section == "about"


def test_chooser_offers_both_homes_with_itself_as_default():
    head = plan_head = planner().chooser().head
    assert plan_head.url == ""
    assert [(a.hreflang, a.url) for a in head.alternates] == [
        ("fi", "fi/"), ("sv", "sv/"), ("x-default", "")]


def test_open_graph_uses_raster_story_images_only():
    plan = planner(story("a", image="stories/images/a.jpg", image_alt="Kuva työpaikasta."),
                   story("b", image="stories/images/b.svg", image_alt="Piirros ladusta."))
    a, b = plan.index.entries
    assert (plan.story(a, Lang.FI).head.image, plan.story(a, Lang.FI).head.image_alt) == (
        "stories/images/a.jpg", "Kuva työpaikasta.")
    assert plan.story(b, Lang.FI).head.image is None
