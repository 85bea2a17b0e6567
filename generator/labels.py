"""Interface strings of the site in Finnish and Swedish: one table, complete in both."""

from __future__ import annotations

from functools import cache

from generator.model import AwardKind, Kind, Lang, Text

LABELS: dict[str, Text] = {
    # the site and its parts
    "site_name": Text("Tekojen tori", "Framstegsarenan"),
    "site_tagline": Text(
        "Kuntatyöpaikkojen kehittämistekojen ideapankki",
        "Idébanken för utvecklingsgärningar på kommunala arbetsplatser",
    ),
    "site_description": Text(
        "Kuntatyöpaikkojen ja hyvinvointialueiden kehittämistekojen ideapankki.",
        "Idébanken för utvecklingsgärningar på kommunala arbetsplatser och i välfärdsområden.",
    ),
    "language_name": Text("suomi", "svenska"),
    "switch_language": Text("På svenska", "Suomeksi"),
    "switch_language_title": Text("Den här sidan på svenska", "Tämä sivu suomeksi"),
    "skip_to_content": Text("Siirry sisältöön", "Gå till innehållet"),
    "main_menu": Text("Päävalikko", "Huvudmeny"),
    "open_menu": Text("Valikko", "Meny"),
    "footer_nav": Text("Lisätietoja palvelusta", "Mer om tjänsten"),
    "footer_text": Text(
        "Tekojen tori kokoaa kuntatyöpaikkojen isoja ja pieniä kehittämistekoja kaikkien käyttöön.",
        "Framstegsarenan samlar stora och små utvecklingsgärningar från kommunala arbetsplatser "
        "för alla att ta del av.",
    ),
    "statistics_credit": Text(
        "Kuntien ja maakuntien tiedot: Tilastokeskus, lisenssi CC BY 4.0.",
        "Uppgifterna om kommuner och landskap: Statistikcentralen, licens CC BY 4.0.",
    ),
    # navigation
    "nav_home": Text("Etusivu", "Startsida"),
    "nav_stories": Text("Kaikki tarinat", "Alla berättelser"),
    "nav_about": Text("Tietoa palvelusta", "Om tjänsten"),
    "nav_submit": Text("Lisää tarina", "Lägg till en berättelse"),
    "nav_sources": Text("Tietolähteet ja lisenssit", "Datakällor och licenser"),
    "nav_accessibility": Text("Saavutettavuusseloste", "Tillgänglighetsutlåtande"),
    "nav_data": Text("Avoin data", "Öppna data"),
    # listings
    "stories_title": Text("Kaikki tarinat", "Alla berättelser"),
    "stories_description": Text(
        "Kaikki Tekojen torin kehittämistarinat uusimmasta alkaen.",
        "Alla berättelser på Framstegsarenan, de senaste först.",
    ),
    "term_description": Text(
        "{kind}: {label}. Kehittämistarinoita Tekojen torilta.",
        "{kind}: {label}. Utvecklingsberättelser på Framstegsarenan.",
    ),
    "story_one": Text("{count} tarina", "{count} berättelse"),
    "story_many": Text("{count} tarinaa", "{count} berättelser"),
    "no_stories": Text("Täällä ei ole vielä tarinoita.", "Här finns inga berättelser ännu."),
    "in_other_language": Text("ruotsiksi", "på finska"),
    "feed": Text("Syöte", "Flöde"),
    "feed_title": Text("Atom-syöte: {title}", "Atomflöde: {title}"),
    "region_municipalities": Text("Kunnat, joista on tarinoita", "Kommuner med berättelser"),
    "overview_terms": Text("Kaikki vaihtoehdot", "Alla alternativ"),
    # pagination
    "pagination": Text("Sivunumerointi", "Sidnumrering"),
    "previous": Text("Edellinen", "Föregående"),
    "next": Text("Seuraava", "Nästa"),
    "page_n": Text("Sivu {number}", "Sida {number}"),
    "page_n_of": Text("Sivu {number}/{count}", "Sida {number} av {count}"),
    # story page
    "facts": Text("Perustiedot", "Fakta"),
    "organisation": Text("Organisaatio", "Organisation"),
    "published": Text("Julkaistu", "Publicerad"),
    "updated": Text("Päivitetty", "Uppdaterad"),
    "tags": Text("Avainsanat", "Nyckelord"),
    "contact": Text("Yhteyshenkilö", "Kontaktperson"),
    "links": Text("Lisätietoa", "Mer information"),
    "translation": Text("Tämä tarina ruotsiksi", "Den här berättelsen på finska"),
    "related": Text("Samankaltaisia tarinoita", "Liknande berättelser"),
    # home page
    "search_label": Text("Hae tarinoista", "Sök bland berättelserna"),
    "search_placeholder": Text("Esimerkiksi etätyö tai Hollola", "Till exempel distansarbete"),
    "search_button": Text("Hae", "Sök"),
    "newest": Text("Uusimmat tarinat", "De senaste berättelserna"),
    "recently_awarded": Text("Äskettäin palkittuja", "Nyligen prisbelönta"),
    "by_theme": Text("Tarinat teemoittain", "Berättelser per tema"),
    "by_region": Text("Tarinat alueittain", "Berättelser per region"),
    "all_stories_link": Text("Kaikki tarinat ({count})", "Alla berättelser ({count})"),
    # other pages
    "not_found_title": Text("Sivua ei löytynyt", "Sidan hittades inte"),
    "not_found_text": Text(
        "Hakemaasi sivua ei ole olemassa tai se on siirretty.",
        "Sidan du söker finns inte eller har flyttats.",
    ),
    "back_home": Text("Etusivulle", "Till startsidan"),
    "choose_language": Text("Valitse kieli", "Välj språk"),
}

KIND_LABELS: dict[Kind, Text] = {
    Kind.CATEGORY: Text("Teemat", "Teman"),
    Kind.REGION: Text("Alueet", "Regioner"),
    Kind.MUNICIPALITY: Text("Kunnat", "Kommuner"),
    Kind.SECTOR: Text("Toimialat", "Sektorer"),
    Kind.AWARD: Text("Palkinnot", "Priser"),
    Kind.CLIENT_GROUP: Text("Asiakasryhmät", "Klientgrupper"),
}

KIND_SINGULAR: dict[Kind, Text] = {
    Kind.CATEGORY: Text("Teema", "Tema"),
    Kind.REGION: Text("Alue", "Region"),
    Kind.MUNICIPALITY: Text("Kunta", "Kommun"),
    Kind.SECTOR: Text("Toimiala", "Sektor"),
    Kind.AWARD: Text("Palkinto", "Pris"),
    Kind.CLIENT_GROUP: Text("Asiakasryhmä", "Klientgrupp"),
}

KIND_DESCRIPTIONS: dict[Kind, Text] = {
    Kind.CATEGORY: Text(
        "Tekojen torin tarinat teemoittain.", "Berättelserna på Framstegsarenan per tema."
    ),
    Kind.REGION: Text(
        "Tekojen torin tarinat maakunnittain.", "Berättelserna på Framstegsarenan per landskap."
    ),
    Kind.MUNICIPALITY: Text(
        "Tekojen torin tarinat kunnittain.", "Berättelserna på Framstegsarenan per kommun."
    ),
    Kind.SECTOR: Text(
        "Tekojen torin tarinat toimialoittain.", "Berättelserna på Framstegsarenan per sektor."
    ),
    Kind.AWARD: Text(
        "Palkitut kehittämisteot vuosittain, uusimmat ensin.",
        "Prisbelönta utvecklingsgärningar per år, de senaste först.",
    ),
    Kind.CLIENT_GROUP: Text(
        "Tekojen torin tarinat sen mukaan, ketä kehittämistyö palveli.",
        "Berättelserna på Framstegsarenan efter vem utvecklingsarbetet betjänade.",
    ),
}

# What an award is, as a badge, the facts box and the award pages say it.
AWARD_KIND_LABELS: dict[AwardKind, Text] = {
    AwardKind.PRIZE: Text("Palkittu", "Prisbelönt"),
    AwardKind.HONOURABLE_MENTION: Text("Kunniamaininta", "Hedersomnämnande"),
}


def label(key: str, lang: Lang, **values: object) -> str:
    """The string `key` in `lang`, with `{name}` placeholders filled from `values`."""
    text = LABELS[key][lang]
    return text.format(**values) if values else text


def award_kind_label(kind: AwardKind | None, lang: Lang) -> str:
    """"Palkittu" for a prize, "Kunniamaininta" for an honourable mention, in `lang`."""
    return AWARD_KIND_LABELS[kind or AwardKind.PRIZE][lang]


def count_label(count: int, lang: Lang) -> str:
    """"1 tarina", "5 tarinaa" / "1 berättelse", "5 berättelser"."""
    return label("story_one" if count == 1 else "story_many", lang, count=count)


@cache
def for_lang(lang: Lang) -> dict[str, str]:
    """Every plain string in one language, for templates (`t.key`)."""
    strings = {key: text[lang] for key, text in LABELS.items()}
    strings.update({f"kind_{k.value}": v[lang] for k, v in KIND_LABELS.items()})
    strings.update({f"kind_one_{k.value}": v[lang] for k, v in KIND_SINGULAR.items()})
    return strings
