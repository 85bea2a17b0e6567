"""Tests for page heads, alternates and menus."""

from generator.model import Lang
from generator.views import ContentPageInfo, alternates, both, make_head, menu


def test_alternates_list_existing_versions_and_default_to_finnish():
    links = alternates({Lang.SV: "sv/x/", Lang.FI: "fi/x/"})
    assert [(a.hreflang, a.url) for a in links] == [
        ("fi", "fi/x/"), ("sv", "sv/x/"), ("x-default", "fi/x/")]
    only_sv = alternates({Lang.SV: "sv/y/"})
    assert [(a.hreflang, a.url) for a in only_sv] == [("sv", "sv/y/"), ("x-default", "sv/y/")]


def test_head_switches_to_the_other_version_or_its_home():
    head = make_head(Lang.FI, {Lang.FI: "fi/a/", Lang.SV: "sv/a/"}, "A", "B")
    assert (head.url, head.switch_url) == ("fi/a/", "sv/a/")
    alone = make_head(Lang.SV, {Lang.SV: "sv/b/"}, "A", "B")
    assert alone.switch_url == "fi/"


def test_both_maps_each_language():
    assert both(lambda lang: f"{lang.value}/") == {Lang.FI: "fi/", Lang.SV: "sv/"}


def test_menu_has_the_fixed_sections_and_content_pages_that_exist():
    pages = {
        (Lang.SV, "about"): ContentPageInfo(Lang.SV, "about", "sv/om-tjansten/", "Om", ""),
        (Lang.FI, "sources"): ContentPageInfo(Lang.FI, "sources", "fi/lahteet/", "L", ""),
    }
    sv = menu(Lang.SV, pages)
    assert [i.label for i in sv.main] == [
        "Startsida", "Teman", "Landskap", "Sektorer", "Klientgrupper", "Priser", "Alla berättelser",
        "Om tjänsten"]
    assert [i.url for i in sv.main][:3] == ["sv/", "sv/teman/", "sv/regioner/"]
    # The municipalities overview is not in the (long) main menu, but in the footer.
    assert [i.key for i in sv.footer] == ["municipalities", "about", "statistics"]
    assert sv.footer[0].url == "sv/kommuner/"
    assert sv.footer[-1].url == "sv/statistik/"
    fi = menu(Lang.FI, pages)
    assert [i.label for i in fi.footer] == ["Kunnat", "Tietolähteet ja lisenssit", "Tilastot"]
    assert "about" not in [i.key for i in fi.main]
