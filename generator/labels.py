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
    # The switch's title on a story with no translation: in the language it leads to.
    "switch_no_translation": Text(
        "Den här berättelsen finns bara på finska", "Tämä tarina on vain ruotsiksi"),
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
    "no_stories_short": Text("ei tarinoita", "inga berättelser"),
    "in_other_language": Text("ruotsiksi", "på finska"),
    "feed": Text("Syöte", "Flöde"),
    "feed_title": Text("Atom-syöte: {title}", "Atomflöde: {title}"),
    "region_municipalities": Text("Kunnat, joista on tarinoita", "Kommuner med berättelser"),
    "region_stories": Text("Maakunnan tarinat", "Landskapets berättelser"),
    "overview_terms": Text("Kaikki vaihtoehdot", "Alla alternativ"),
    # pagination
    "pagination": Text("Sivutus", "Sidor"),
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
    "only_in_other_language": Text(
        "Tämä tarina on vain ruotsiksi.", "Den här berättelsen finns bara på finska."),
    "back_to_stories": Text("Takaisin kaikkiin tarinoihin", "Tillbaka till alla berättelser"),
    # home page
    "search_label": Text("Hae tarinoista", "Sök bland berättelserna"),
    "search_placeholder": Text("Esimerkiksi työhyvinvointi tai Hollola",
                               "Till exempel arbetshälsa eller Hollola"),
    "search_button": Text("Hae", "Sök"),
    "newest": Text("Uusimmat tarinat", "De senaste berättelserna"),
    "recently_awarded": Text("Viimeksi palkitut", "Senast prisbelönta"),
    "by_theme": Text("Tarinat teemoittain", "Berättelser per tema"),
    "by_region": Text("Tarinat maakunnittain", "Berättelser per landskap"),
    "all_themes": Text("Kaikki teemat", "Alla teman"),
    "all_regions": Text("Kaikki maakunnat", "Alla landskap"),
    "ways_in": Text("Selaa tarinoita", "Bläddra bland berättelserna"),
    "statistics_link": Text("Tilastot tarinoista", "Statistik över berättelserna"),
    "all_stories_link": Text("Kaikki tarinat ({count})", "Alla berättelser ({count})"),
    # statistics page and the region map
    "nav_statistics": Text("Tilastot", "Statistik"),
    "statistics_title": Text("Tilastot", "Statistik"),
    "statistics_description": Text(
        "Tekojen torin tarinat lukuina: vuosittain, maakunnittain, teemoittain, toimialoittain ja "
        "asiakasryhmittäin sekä aktiivisimmat organisaatiot ja palkinnot.",
        "Berättelserna på Framstegsarenan i siffror: per år, landskap, tema, sektor och "
        "klientgrupp samt de mest aktiva organisationerna och priserna.",
    ),
    "stats_totals": Text("Yhteenveto", "Sammanfattning"),
    "total_stories": Text("Tarinoita", "Berättelser"),
    "total_organisations": Text("Organisaatioita", "Organisationer"),
    "total_municipalities": Text("Kuntia, joista on tarinoita", "Kommuner med berättelser"),
    "total_regions": Text("Maakuntia, joista on tarinoita", "Landskap med berättelser"),
    "total_finnish": Text("Tarinoita suomeksi", "Berättelser på finska"),
    "total_swedish": Text("Tarinoita ruotsiksi", "Berättelser på svenska"),
    "total_both": Text("Tarinoita molemmilla kielillä", "Berättelser på båda språken"),
    "stats_rules": Text("Näin luvut lasketaan", "Så räknas siffrorna"),
    "rule_once": Text(
        "Jokainen tarina lasketaan kerran, vaikka se olisi julkaistu sekä suomeksi että "
        "ruotsiksi.",
        "Varje berättelse räknas en gång, även om den har publicerats både på finska och på "
        "svenska.",
    ),
    "rule_regions": Text(
        "Tarina lasketaan sille merkittyjen maakuntien lisäksi niihin maakuntiin, joihin sen "
        "kunnat kuuluvat.",
        "En berättelse räknas till de landskap som angetts för den och dessutom till de "
        "landskap som dess kommuner hör till.",
    ),
    "rule_many": Text(
        "Tarinalla voi olla useita teemoja, maakuntia, toimialoja ja asiakasryhmiä, joten näiden "
        "taulukoiden lukujen summa voi olla suurempi kuin tarinoiden määrä.",
        "En berättelse kan ha flera teman, landskap, sektorer och klientgrupper, så summan av "
        "siffrorna i de tabellerna kan vara större än antalet berättelser.",
    ),
    "rule_year": Text(
        "Tarinan vuosi on se vuosi, jona tarina julkaistiin ensimmäisen kerran.",
        "En berättelses år är det år då berättelsen publicerades första gången.",
    ),
    "rule_organisation": Text(
        "Organisaatio tunnistetaan nimestä, joka sillä on tarinan suomenkielisessä versiossa, "
        "tai ruotsinkielisessä, jos suomenkielistä ei ole. Yhtä monta tarinaa julkaisseet "
        "organisaatiot ovat tämän nimen mukaisessa aakkosjärjestyksessä.",
        "En organisation identifieras med det namn den har i berättelsens finska version, "
        "eller i den svenska om det inte finns någon finsk. Organisationer med lika många "
        "berättelser står i alfabetisk ordning efter det namnet.",
    ),
    "rule_awards": Text(
        "Palkinnoista lasketaan, kuinka moni tarina sai palkinnon tai kunniamaininnan kunakin "
        "vuonna.",
        "För priserna räknas hur många berättelser som fick ett pris eller ett "
        "hedersomnämnande varje år.",
    ),
    "stats_count_column": Text("Tarinoita", "Berättelser"),
    "stats_year_column": Text("Vuosi", "År"),
    "by_year": Text("Tarinat vuosittain", "Berättelser per år"),
    "by_year_caption": Text(
        "Tarinoiden määrä ensimmäisen julkaisuvuoden mukaan",
        "Antalet berättelser efter det år då de först publicerades",
    ),
    "by_sector": Text("Tarinat toimialoittain", "Berättelser per sektor"),
    "by_client_group": Text("Tarinat asiakasryhmittäin", "Berättelser per klientgrupp"),
    "by_term_caption": Text("{heading}, eniten tarinoita ensin", "{heading}, flest först"),
    "top_organisations": Text(
        "Kymmenen aktiivisinta organisaatiota", "De tio mest aktiva organisationerna"
    ),
    "top_organisations_caption": Text(
        "Eniten tarinoita julkaisseet organisaatiot",
        "De organisationer som har publicerat flest berättelser",
    ),
    "awards_by_year": Text("Palkinnot vuosittain", "Priser per år"),
    "awards_by_year_caption": Text(
        "Palkinnon ja kunniamaininnan saaneet tarinat vuosittain",
        "Berättelser som fått pris eller hedersomnämnande per år",
    ),
    # Column heads of the awards chart; the caption says that the counts are of stories. Soft
    # hyphens let the long compounds break on a phone instead of widening the table.
    "awarded_prize_column": Text("Palkinnon saaneet", "Prisbelönta"),
    "awarded_mention_column": Text(
        "Kunnia\u00admaininnan saaneet", "Med heders\u00adomnämnande"
    ),
    "stats_data": Text("Luvut avoimena datana", "Siffrorna som öppna data"),
    "stats_data_text": Text(
        "Samat luvut voi ladata JSON- ja CSV-muodossa CC BY 4.0 -lisenssillä:",
        "Samma siffror kan laddas ned i JSON- och CSV-format med licensen CC BY 4.0:",
    ),
    "stats_data_more": Text("Lisätietoa avoimesta datasta", "Mer om öppna data"),
    "map_heading": Text("Maakunnat kartalla", "Landskapen på kartan"),
    "map_intro": Text(
        "Jokainen ruutu on yksi Suomen 19 maakunnasta, ja se on sijoitettu suunnilleen maakunnan "
        "kohdalle. Ruutuun on kirjoitettu maakunnan tarinoiden määrä, ja mitä enemmän tarinoita "
        "on, sitä tummempi ruutu on.",
        "Varje ruta är ett av Finlands 19 landskap, placerat ungefär där landskapet ligger. I "
        "rutan står antalet berättelser från landskapet, och ju fler berättelser det finns, "
        "desto mörkare är rutan.",
    ),
    "map_legend": Text("Värien selitys", "Färgförklaring"),
    "map_none": Text("Ei tarinoita", "Inga berättelser"),
    "map_range": Text("{low}\u2013{high} tarinaa", "{low}\u2013{high} berättelser"),  # en dash
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
    Kind.REGION: Text("Maakunnat", "Landskap"),
    Kind.MUNICIPALITY: Text("Kunnat", "Kommuner"),
    Kind.SECTOR: Text("Toimialat", "Sektorer"),
    Kind.AWARD: Text("Palkinnot", "Priser"),
    Kind.CLIENT_GROUP: Text("Asiakasryhmät", "Klientgrupper"),
}

KIND_SINGULAR: dict[Kind, Text] = {
    Kind.CATEGORY: Text("Teema", "Tema"),
    Kind.REGION: Text("Maakunta", "Landskap"),
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

# The counting rules of the statistics, in the order the page states them.
RULE_KEYS = ("rule_once", "rule_regions", "rule_many", "rule_year", "rule_organisation",
             "rule_awards")

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


def count_unit(count: int, lang: Lang) -> str:
    """The word after a count: "tarina" for 1, "tarinaa" for more / "berättelse(r)"."""
    return label("story_one" if count == 1 else "story_many", lang, count="").strip()


@cache
def for_lang(lang: Lang) -> dict[str, str]:
    """Every plain string in one language, for templates (`t.key`)."""
    strings = {key: text[lang] for key, text in LABELS.items()}
    strings.update({f"kind_{k.value}": v[lang] for k, v in KIND_LABELS.items()})
    strings.update({f"kind_one_{k.value}": v[lang] for k, v in KIND_SINGULAR.items()})
    return strings

# The editors' web form (/admin/config.yml): field labels, hints and validation messages.
# Pattern messages may use {low} and {high}.
FORM_LABELS: dict[str, Text] = {
    "collection_both": Text("Tarinat suomeksi ja ruotsiksi", "Berättelser på finska och svenska"),
    "collection_both_one": Text("Tarina suomeksi ja ruotsiksi", "Berättelse på finska och svenska"),
    "collection_fi": Text("Tarinat vain suomeksi", "Berättelser bara på finska"),
    "collection_fi_one": Text("Tarina vain suomeksi", "Berättelse bara på finska"),
    "collection_sv": Text("Tarinat vain ruotsiksi", "Berättelser bara på svenska"),
    "collection_sv_one": Text("Tarina vain ruotsiksi", "Berättelse bara på svenska"),
    "collection_description": Text(
        "Kirjoita tarina lomakkeeseen. Tallennus tekee muutosehdotuksen (pull request), jonka "
        "automaattinen tarkistus ja toimitus käyvät läpi ennen julkaisua.",
        "Skriv berättelsen i formuläret. När du sparar skapas ett ändringsförslag (pull request) "
        "som den automatiska kontrollen och redaktionen går igenom före publiceringen.",
    ),
    "title": Text("Otsikko", "Rubrik"),
    "title_hint": Text("5–150 merkkiä yhdellä rivillä.", "5–150 tecken på en rad."),
    "summary": Text("Tiivistelmä", "Sammanfattning"),
    "summary_hint": Text(
        "20–400 merkkiä tavallista tekstiä. Näkyy tarinakorteissa, syötteissä ja hakukoneissa.",
        "20–400 tecken vanlig text. Visas på berättelsekorten, i flöden och i sökmotorer.",
    ),
    "date": Text("Julkaisupäivä", "Publiceringsdatum"),
    "date_hint": Text(
        "Päivä, jona tarina julkaistaan. Se ei voi olla tulevaisuudessa.",
        "Dagen då berättelsen publiceras. Den kan inte ligga i framtiden.",
    ),
    "updated": Text("Päivitetty", "Uppdaterad"),
    "updated_hint": Text(
        "Vapaaehtoinen. Päivä, jolloin tarinaa viimeksi päivitettiin; ei ennen julkaisupäivää.",
        "Frivilligt. Dagen då berättelsen senast uppdaterades; inte före publiceringsdatumet.",
    ),
    "organisation": Text("Organisaatio", "Organisation"),
    "organisation_hint": Text(
        "Organisaatio, joka teki kehittämistyön, esimerkiksi Hollolan kunta.",
        "Organisationen som utförde utvecklingsarbetet, till exempel Hollola kommun.",
    ),
    "municipalities": Text("Kunnat", "Kommuner"),
    "municipalities_hint": Text(
        "Kunnat, joita tarina koskee. Hae kunnan suomen- tai ruotsinkielisellä nimellä. "
        "Anna kunnat tai maakunnat tai molemmat.",
        "Kommunerna som berättelsen gäller. Sök på kommunens finska eller svenska namn. "
        "Ange kommuner eller landskap eller båda.",
    ),
    "regions": Text("Maakunnat", "Landskap"),
    "regions_hint": Text(
        "Tarvitaan vain alueelliseen työhön, kuten hyvinvointialueen tarinaan: valittujen "
        "kuntien maakunnat lisätään automaattisesti.",
        "Behövs bara för regionalt arbete, till exempel en berättelse från ett välfärdsområde: "
        "de valda kommunernas landskap läggs till automatiskt.",
    ),
    "categories": Text("Teemat", "Teman"),
    "categories_hint": Text("Valitse 1–3 teemaa.", "Välj 1–3 teman."),
    "sectors": Text("Toimialat", "Sektorer"),
    "sectors_hint": Text("Vapaaehtoinen.", "Frivilligt."),
    "awards": Text("Palkinnot", "Priser"),
    "awards_hint": Text(
        "Vapaaehtoinen. Palkinnot ja kunniamaininnat, jotka teko on saanut.",
        "Frivilligt. Priser och hedersomnämnanden som gärningen har fått.",
    ),
    "client_groups": Text("Asiakasryhmät", "Klientgrupper"),
    "client_groups_hint": Text(
        "Vapaaehtoinen. Ketä työ palveli.", "Frivilligt. Vem arbetet betjänade."
    ),
    "tags": Text("Avainsanat", "Nyckelord"),
    "tags_one": Text("Avainsana", "Nyckelord"),
    "tags_hint": Text(
        "Vapaaehtoinen. Enintään 10 vapaata sanaa, kukin enintään 40 merkkiä.",
        "Frivilligt. Högst 10 fria ord, vart och ett högst 40 tecken.",
    ),
    "image": Text("Kuva", "Bild"),
    "image_hint": Text(
        "Vapaaehtoinen. JPEG, PNG, WebP tai SVG, enintään 2 Mt.",
        "Frivilligt. JPEG, PNG, WebP eller SVG, högst 2 MB.",
    ),
    "image_alt": Text("Kuvan tekstivastine", "Bildens textalternativ"),
    "image_alt_hint": Text(
        "Pakollinen, jos tarinassa on kuva: kerro ruudunlukijan käyttäjälle, mitä kuvassa näkyy.",
        "Obligatoriskt om berättelsen har en bild: beskriv för den som använder skärmläsare vad "
        "bilden visar.",
    ),
    "contact": Text("Yhteyshenkilö", "Kontaktperson"),
    "contact_hint": Text(
        "Vapaaehtoinen. Jos annat yhteyshenkilön, nimi on pakollinen.",
        "Frivilligt. Om du anger en kontaktperson är namnet obligatoriskt.",
    ),
    "contact.name": Text("Nimi", "Namn"),
    "contact.role": Text("Tehtävänimike", "Befattning"),
    "contact.email": Text("Sähköposti", "E-post"),
    "links": Text("Linkit", "Länkar"),
    "links_one": Text("Linkki", "Länk"),
    "links_hint": Text(
        "Vapaaehtoinen. Linkit lisätietoihin muualla verkossa.",
        "Frivilligt. Länkar till mer information på andra webbplatser.",
    ),
    "links.title": Text("Linkin teksti", "Länktext"),
    "links.url": Text("Osoite", "Adress"),
    "draft": Text("Luonnos", "Utkast"),
    "draft_hint": Text(
        "Luonnosta ei julkaista sivustolla.", "Ett utkast publiceras inte på webbplatsen."
    ),
    "body": Text("Tarinan teksti", "Berättelsens text"),
    "body_hint": Text(
        "Kerro, mitä tehtiin, miksi ja mitä siitä seurasi. Väliotsikot alkavat tasolta 2.",
        "Berätta vad som gjordes, varför och vad det ledde till. Mellanrubrikerna börjar på "
        "nivå 2.",
    ),
    # Decap puts these in its own sentence: "<field label>: <message>." (locales.js)
    "pattern_length": Text(
        "kirjoita {low}–{high} merkkiä tekstiä (pelkkä päivämäärä tai sana kuten yes, no, on "
        "tai off ei käy)",
        "skriv {low}–{high} tecken text (enbart ett datum eller ett ord som yes, no, on eller "
        "off duger inte)",
    ),
    "pattern_email": Text(
        "anna osoite muodossa nimi@esimerkki.fi", "ange adressen i formen namn@exempel.fi"
    ),
    "pattern_url": Text(
        "osoitteen pitää alkaa https:// tai http://",
        "adressen ska börja med https:// eller http://",
    ),
}
