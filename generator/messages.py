"""Every problem message and hint, in Finnish, Swedish and English, rendered at output time.

A message is a catalogue key with its parameters (`Message`); it becomes text only when it is
printed, in the language of the file it is about or in the language a maintainer asks for.
Templates use `str.format` placeholders; every language of a key has the same placeholders.
Field names from the files ("categories[1]", "contact.email") stay as they are in every language.

Terms used throughout (as in the story templates of `tori new`):
key of a vocabulary term: fi "tunnus", sv "kod"; region: fi "maakunta", sv "landskap";
front matter: fi "metatiedot", sv "metadata(delen)"; characters: fi "merkkiä", sv "tecken".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

LANGS = ("fi", "sv", "en")

Param = Union[str, int, float, "Message"]


def printable(text: str) -> str:
    """Text safe to print on one line: control characters from content are shown escaped."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


# The vocabulary kinds by their file stem ("categories"), for the per-kind messages below.
_TERM_WORDS = {
    # kind: (fi, sv nominative "unknown …", sv definite "… is listed twice", en)
    "categories": ("teema", "okänt tema", "temat", "category"),
    "regions": ("maakunta", "okänt landskap", "landskapet", "region"),
    "municipalities": ("kunta", "okänd kommun", "kommunen", "municipality"),
    "sectors": ("toimiala", "okänd sektor", "sektorn", "sector"),
    "awards": ("palkinto", "okänt pris", "priset", "award"),
    "client_groups": ("asiakasryhmä", "okänd klientgrupp", "klientgruppen", "client group"),
}

CATALOGUE: dict[str, dict[str, str]] = {
    # Where a problem is when it is not a field of the file.
    "where.file": {"fi": "tiedosto", "sv": "fil", "en": "file"},
    "where.folder": {"fi": "kansio", "sv": "mapp", "en": "folder"},
    "where.front_matter": {"fi": "metatiedot", "sv": "metadata", "en": "front matter"},
    "where.body": {"fi": "teksti", "sv": "text", "en": "body"},
    # How an editor would name the type of a YAML value.
    "kind.bool": {"fi": "true/false-arvo", "sv": "ett true/false-värde", "en": "true/false"},
    "kind.number": {"fi": "luku", "sv": "ett tal", "en": "a number"},
    "kind.date": {"fi": "päivämäärä", "sv": "ett datum", "en": "a date"},
    "kind.list": {"fi": "luettelo", "sv": "en lista", "en": "a list"},
    "kind.text": {"fi": "teksti", "sv": "text", "en": "text"},
    "kind.mapping": {"fi": "kenttäryhmä", "sv": "en grupp av fält", "en": "a mapping"},
    "kind.empty": {"fi": "tyhjä", "sv": "tomt", "en": "empty"},
    "none": {"fi": "ei mitään", "sv": "inga", "en": "none"},
    # Hints.
    "hint.did_you_mean": {
        "fi": "tarkoititko '{word}'?",
        "sv": "menade du '{word}'?",
        "en": "did you mean '{word}'?",
    },
    "hint.known_fields": {
        "fi": "sallitut kentät ovat {fields}",
        "sv": "tillåtna fält är {fields}",
        "en": "the known fields are {fields}",
    },
    "hint.keys_in_file": {
        "fi": "tunnukset löytyvät tiedostosta {file}",
        "sv": "koderna finns i filen {file}",
        "en": "the keys are listed in {file}",
    },
    "hint.page_folders": {
        "fi": "sisältösivut ovat Markdown-tiedostoja kansioissa content/fi ja content/sv",
        "sv": "innehållssidorna är Markdown-filer i mapparna content/fi och content/sv",
        "en": "content pages are Markdown files in content/fi, content/sv",
    },
    # Reading files.
    "file.unreadable": {
        "fi": "lukeminen ei onnistu: {reason}",
        "sv": "kan inte läsas: {reason}",
        "en": "cannot be read: {reason}",
    },
    "file.symlink": {
        "fi": "on symbolinen linkki; tallenna itse tiedosto eikä linkkiä",
        "sv": "är en symbolisk länk; spara själva filen i stället för en länk",
        "en": "is a symbolic link; commit the file itself",
    },
    "file.folder": {
        "fi": "on kansio; tarinan pitää olla tiedosto",
        "sv": "är en mapp; en berättelse ska vara en fil",
        "en": "is a folder; a story must be a file",
    },
    "file.not_regular": {
        "fi": "ei ole tavallinen tiedosto",
        "sv": "är inte en vanlig fil",
        "en": "is not a regular file",
    },
    "file.too_large": {
        "fi": "on suurempi kuin {mb} Mt",
        "sv": "är större än {mb} MB",
        "en": "is larger than {mb} MB",
    },
    "file.not_utf8": {
        "fi": "ei ole UTF-8-muotoista tekstiä; tallenna tiedosto UTF-8-merkistössä",
        "sv": "är inte text i UTF-8; spara filen med teckenkodningen UTF-8",
        "en": "is not UTF-8 text; save it as UTF-8",
    },
    "file.bad_name": {
        "fi": "tiedoston nimen pitää olla muotoa <tunniste>.fi.md tai <tunniste>.sv.md, ja "
              "tunnisteessa pitää olla 3–80 merkkiä: pieniä kirjaimia a–z, numeroita ja "
              "yksittäisiä väliviivoja",
        "sv": "filnamnet ska ha formen <namn>.fi.md eller <namn>.sv.md, där namnet har 3–80 "
              "tecken: små bokstäver a–z, siffror och enstaka bindestreck",
        "en": "file name must be <slug>.fi.md or <slug>.sv.md, the slug 3 to 80 characters: "
              "lowercase letters a-z, digits and single hyphens",
    },
    "file.not_story": {
        "fi": "ei ole tarina: tarinat ovat tiedostoja content/stories/<tunniste>.<fi|sv>.md",
        "sv": "är inte en berättelse: berättelserna är filer content/stories/<namn>.<fi|sv>.md",
        "en": "is not a story: stories are content/stories/<slug>.<fi|sv>.md",
    },
    "file.not_found": {"fi": "ei löydy", "sv": "hittades inte", "en": "not found"},
    "folder.no_stories": {
        "fi": "ei löydy: tarinat ovat kansiossa content/stories/",
        "sv": "hittades inte: berättelserna ligger i mappen content/stories/",
        "en": "not found: stories live in content/stories/",
    },
    "front_matter.not_opened": {
        "fi": "tiedoston pitää alkaa rivillä '---', joka aloittaa metatiedot",
        "sv": "filen ska börja med raden '---' som inleder metadatadelen",
        "en": "the file must start with a '---' line that opens the front matter",
    },
    "front_matter.not_closed": {
        "fi": "metatietoja ei ole suljettu: lisää rivi '---' viimeisen kentän jälkeen",
        "sv": "metadatadelen är inte avslutad: lägg till raden '---' efter det sista fältet",
        "en": "the front matter is not closed: add a '---' line after the last field",
    },
    "front_matter.not_fields": {
        "fi": "pitää olla kenttiä muodossa 'nimi: arvo', nyt se on {kind}",
        "sv": "ska bestå av fält i formen 'namn: värde', inte {kind}",
        "en": "must be fields written 'name: value', not {kind}",
    },
    # YAML.
    "yaml.alias": {
        "fi": "YAML-viittaukset (alias) eivät ole sallittuja: kirjoita arvo kokonaan",
        "sv": "YAML-alias är inte tillåtna: skriv ut hela värdet",
        "en": "YAML aliases are not allowed: write the value out",
    },
    "yaml.many_documents": {
        "fi": "useampi kuin yksi YAML-dokumentti",
        "sv": "mer än ett YAML-dokument",
        "en": "more than one YAML document",
    },
    "yaml.too_deep": {
        "fi": "liian monta sisäkkäistä tasoa",
        "sv": "för många nivåer i varandra",
        "en": "nested too deeply",
    },
    "yaml.syntax": {
        "fi": "ei ole kelvollista YAML-muotoa (tekninen ilmoitus: {reason})",
        "sv": "är inte giltig YAML (tekniskt meddelande: {reason})",
        "en": "not valid YAML: {reason}",
    },
    "yaml.tag": {
        "fi": "YAML-tyyppimerkintä '{tag}' ei ole sallittu",
        "sv": "YAML-taggen '{tag}' är inte tillåten",
        "en": "YAML tag '{tag}' is not allowed",
    },
    "yaml.bad_number": {
        "fi": "'{value}' ei ole kelvollinen luku",
        "sv": "'{value}' är inte ett giltigt tal",
        "en": "'{value}' is not a valid number",
    },
    "yaml.key_not_text": {
        "fi": "kenttien nimien pitää olla tekstiä",
        "sv": "fältnamnen ska vara text",
        "en": "field names must be plain text",
    },
    "yaml.field_twice": {
        "fi": "sama kenttä on annettu kahdesti",
        "sv": "samma fält finns två gånger",
        "en": "the same field is given twice",
    },
    # Fields.
    "field.unknown": {"fi": "tuntematon kenttä", "sv": "okänt fält", "en": "unknown field"},
    "field.missing": {
        "fi": "pakollinen kenttä puuttuu",
        "sv": "obligatoriskt fält saknas",
        "en": "required field is missing",
    },
    "text.not_text": {
        "fi": "pitää olla tekstiä, nyt se on {kind}",
        "sv": "ska vara text, inte {kind}",
        "en": "must be text, not {kind}",
    },
    "text.not_text_quote": {
        "fi": "pitää olla tekstiä, nyt se on {kind}; kirjoita arvo lainausmerkkeihin",
        "sv": "ska vara text, inte {kind}; sätt värdet inom citattecken",
        "en": "must be text, not {kind}; put it in quotes",
    },
    "text.empty": {
        "fi": "ei saa olla tyhjä",
        "sv": "får inte vara tomt",
        "en": "must not be empty",
    },
    "text.one_line": {
        "fi": "pitää kirjoittaa yhdelle riville",
        "sv": "ska stå på en rad",
        "en": "must be on one line",
    },
    "text.length": {
        "fi": "pituuden pitää olla {low}–{high} merkkiä (nyt {now})",
        "sv": "längden ska vara {low}–{high} tecken (nu {now})",
        "en": "must be {low} to {high} characters long (now {now})",
    },
    "text.html": {
        "fi": "pitää olla pelkkää tekstiä ilman HTML-merkintöjä",
        "sv": "ska vara ren text utan HTML-taggar",
        "en": "must be plain text without HTML tags",
    },
    "date.invalid": {
        "fi": "'{value}' ei ole oikea päivämäärä (VVVV-KK-PP)",
        "sv": "'{value}' är inte ett giltigt datum (ÅÅÅÅ-MM-DD)",
        "en": "'{value}' is not a valid date (YYYY-MM-DD)",
    },
    "date.has_time": {
        "fi": "pitää olla päivämäärä ilman kellonaikaa (VVVV-KK-PP)",
        "sv": "ska vara ett datum utan klockslag (ÅÅÅÅ-MM-DD)",
        "en": "must be a date without a time (YYYY-MM-DD)",
    },
    "date.format": {
        "fi": "pitää olla päivämäärä muodossa VVVV-KK-PP, esimerkiksi 2024-05-31",
        "sv": "ska vara ett datum i formen ÅÅÅÅ-MM-DD, till exempel 2024-05-31",
        "en": "must be a date written YYYY-MM-DD, e.g. 2024-05-31",
    },
    "date.future": {
        "fi": "{date} on tulevaisuudessa",
        "sv": "{date} ligger i framtiden",
        "en": "{date} is in the future",
    },
    "date.updated_before": {
        "fi": "on aiempi kuin date",
        "sv": "är tidigare än date",
        "en": "is before date",
    },
    "flag.not_bool": {
        "fi": "pitää olla true tai false",
        "sv": "ska vara true eller false",
        "en": "must be true or false",
    },
    "list.not_list": {
        "fi": "pitää olla luettelo, nyt se on {kind}",
        "sv": "ska vara en lista, inte {kind}",
        "en": "must be a list, not {kind}",
    },
    "list.count": {
        "fi": "anna {low}–{high} tunnusta (nyt {now})",
        "sv": "ange {low}–{high} koder (nu {now})",
        "en": "give {low} to {high} keys (now {now})",
    },
    "mapping.not_mapping": {
        "fi": "pitää olla kenttäryhmä, jossa on kentät {fields}; nyt se on {kind}",
        "sv": "ska vara en grupp med fälten {fields}, inte {kind}",
        "en": "must be a mapping with {fields}, not {kind}",
    },
    "tags.twice": {
        "fi": "asiasana '{tag}' on luettelossa kahdesti",
        "sv": "ämnesordet '{tag}' finns två gånger i listan",
        "en": "tag '{tag}' is listed twice",
    },
    "tags.too_many": {
        "fi": "anna enintään {most} asiasanaa (nyt {now})",
        "sv": "ange högst {most} ämnesord (nu {now})",
        "en": "give at most {most} tags (now {now})",
    },
    "place.missing": {
        "fi": "anna kunnat tai maakunnat (tai molemmat)",
        "sv": "ange kommuner eller landskap (eller båda)",
        "en": "give municipalities or regions (or both)",
    },
    "email.invalid": {
        "fi": "'{email}' ei ole kelvollinen sähköpostiosoite",
        "sv": "'{email}' är inte en giltig e-postadress",
        "en": "'{email}' is not a valid email address",
    },
    "links.not_list": {
        "fi": "pitää olla luettelo linkeistä, joissa on kentät title ja url; nyt se on {kind}",
        "sv": "ska vara en lista med länkar som har fälten title och url, inte {kind}",
        "en": "must be a list of links with title and url, not {kind}",
    },
    "url.invalid": {
        "fi": "'{url}' ei ole verkko-osoite, joka alkaa https:// tai http://",
        "sv": "'{url}' är inte en webbadress som börjar med https:// eller http://",
        "en": "'{url}' is not a web address starting with https:// or http://",
    },
    # Images.
    "image.control_characters": {
        "fi": "pitää olla tiedostopolku ilman ohjausmerkkejä",
        "sv": "ska vara en sökväg utan styrtecken",
        "en": "must be a file path without control characters",
    },
    "image.outside": {
        "fi": "kuvan '{value}' pitää olla kansiossa content/stories/images/; kirjoita polku "
              "muodossa images/tiedosto.jpg, esimerkiksi images/hollola-latu.jpg",
        "sv": "bilden '{value}' ska ligga i mappen content/stories/images/; skriv sökvägen i "
              "formen images/fil.jpg, till exempel images/hollola-latu.jpg",
        "en": "'{value}' must be a file in content/stories/images/, written relative to the "
              "story, e.g. images/hollola-latu.jpg",
    },
    "image.file": {
        "fi": "kuva '{value}' {problem}",
        "sv": "bilden '{value}' {problem}",
        "en": "'{value}' {problem}",
    },
    "image.bad_type": {
        "fi": "ei ole JPEG-, PNG-, WebP- tai SVG-kuva (.jpg, .png, .webp, .svg)",
        "sv": "är inte en JPEG-, PNG-, WebP- eller SVG-bild (.jpg, .png, .webp, .svg)",
        "en": "must be a JPEG, PNG, WebP or SVG image (.jpg, .png, .webp, .svg)",
    },
    "image.symlink": {
        "fi": "on symbolinen linkki; tallenna itse kuva eikä linkkiä",
        "sv": "är en symbolisk länk; spara själva bilden i stället för en länk",
        "en": "is a symbolic link; commit the image itself",
    },
    "image.missing": {
        "fi": "puuttuu kansiosta content/stories/images/",
        "sv": "finns inte i mappen content/stories/images/",
        "en": "was not found in content/stories/images/",
    },
    "image.too_large": {
        "fi": "on suurempi kuin 2 Mt ({size} Mt)",
        "sv": "är större än 2 MB ({size} MB)",
        "en": "is larger than 2 MB ({size} MB)",
    },
    "image.unreadable": {
        "fi": "ei ole luettavissa: {reason}",
        "sv": "kan inte läsas: {reason}",
        "en": "cannot be read: {reason}",
    },
    "image.wrong_content": {
        "fi": "ei ole nimestään huolimatta {type}-tiedosto",
        "sv": "är inte en {type}-fil trots namnet",
        "en": "is not a {type} file despite its name",
    },
    # SVG images that are not inert (generator/images.py).
    "image.not_svg": {
        "fi": "ei ole nimestään huolimatta SVG-tiedosto",
        "sv": "är inte en SVG-fil trots namnet",
        "en": "is not an SVG file despite its name",
    },
    "image.svg_entities": {
        "fi": "on SVG-kuva, jossa on entiteettimäärittelyjä; tallenna se ilman DOCTYPE-määrittelyä",
        "sv": "är en SVG-bild med entitetsdeklarationer; spara den utan DOCTYPE",
        "en": "is an SVG with entity declarations; save it without a DOCTYPE",
    },
    "image.svg_broken": {
        "fi": "ei ole eheä SVG-tiedosto: sen XML-koodi on virheellinen rivillä {line}",
        "sv": "är inte en välformad SVG-fil: dess XML är felaktig på rad {line}",
        "en": "is not a well-formed SVG file: its XML breaks on line {line}",
    },
    "image.svg_doctype": {
        "fi": "on SVG-kuva, jolla on oma DOCTYPE-määrittely; tallenna se ilman sitä",
        "sv": "är en SVG-bild med en egen DOCTYPE; spara den utan",
        "en": "is an SVG with a DOCTYPE of its own; save it without one",
    },
    "image.svg_instruction": {
        "fi": "on SVG-kuva, jossa on käsittelyohje <?{target}?>, joka lataa tiedoston",
        "sv": "är en SVG-bild med bearbetningsinstruktionen <?{target}?>, som läser in en fil",
        "en": "is an SVG with a processing instruction <?{target}?>, which loads a file",
    },
    "image.svg_active": {
        "fi": "on SVG-kuva, jossa on elementti <{name}>, joka voi käynnistää skriptin",
        "sv": "är en SVG-bild med elementet <{name}>, som kan köra skript",
        "en": "is an SVG with a <{name}> element, which can run script",
    },
    "image.svg_animation": {
        "fi": "on SVG-kuva, jonka elementti <{name}> muuttaa linkkiä",
        "sv": "är en SVG-bild vars <{name}> ändrar en länk",
        "en": "is an SVG whose <{name}> changes a link",
    },
    "image.svg_style": {
        "fi": "on SVG-kuva, jonka tyyli lataa ulkopuolisen tiedoston (url() tai @import)",
        "sv": "är en SVG-bild vars stil läser in en fil utifrån (url() eller @import)",
        "en": "is an SVG whose style loads an outside file (url() or @import)",
    },
    "image.svg_event": {
        "fi": "on SVG-kuva, jossa on skriptiä käynnistävä attribuutti '{name}'",
        "sv": "är en SVG-bild med attributet '{name}', som kör skript",
        "en": "is an SVG with an event attribute '{name}', which runs script",
    },
    "image.svg_href": {
        "fi": "on SVG-kuva, joka viittaa osoitteeseen '{value}'; vain kuvan sisäiset "
              "'#'-linkit ovat sallittuja",
        "sv": "är en SVG-bild som hänvisar till '{value}'; bara '#'-länkar inom bilden är "
              "tillåtna",
        "en": "is an SVG that refers to '{value}'; only '#' links inside it are allowed",
    },
    "image.svg_url": {
        "fi": "on SVG-kuva, jonka '{name}' lataa ulkopuolisen tiedoston (url())",
        "sv": "är en SVG-bild vars '{name}' läser in en fil utifrån (url())",
        "en": "is an SVG whose '{name}' loads an outside file (url())",
    },
    "image_alt.missing": {
        "fi": "pakollinen, kun tarinassa on kuva: kuvaile kuva sanoin",
        "sv": "obligatoriskt när berättelsen har en bild: beskriv bilden med ord",
        "en": "required with image: describe the image",
    },
    "image_alt.without_image": {
        "fi": "annettu, vaikka tarinassa ei ole kuvaa",
        "sv": "angivet fast berättelsen inte har någon bild",
        "en": "given without image",
    },
    # The story's body.
    "body.empty": {
        "fi": "on tyhjä: kirjoita tarina metatiedot päättävän rivin '---' alle",
        "sv": "är tom: skriv berättelsen under raden '---' som avslutar metadatadelen",
        "en": "is empty: write the story below the front matter's closing '---' line",
    },
    # Content pages under content/fi and content/sv (generator/content_pages.py).
    "page.unknown_field": {
        "fi": "tuntematon kenttä sisältösivulla",
        "sv": "okänt fält på en innehållssida",
        "en": "unknown field on a content page",
    },
    "page.key_rule": {
        "fi": "'{value}': käytä vain pieniä kirjaimia a–z, numeroita ja väliviivoja ja aloita "
              "kirjaimella, esimerkiksi 'about'",
        "sv": "'{value}': använd bara små bokstäver a–z, siffror och bindestreck och börja med "
              "en bokstav, till exempel 'about'",
        "en": "'{value}' must be lowercase letters a-z, digits and hyphens, starting with a "
              "letter, e.g. 'about'",
    },
    "page.key_taken": {
        "fi": "'{key}' on jo sivun {other} tunnus; jokaisella saman kielen sivulla pitää olla "
              "oma tunnuksensa",
        "sv": "'{key}' är redan nyckeln för {other}; varje sida på samma språk behöver en egen "
              "nyckel",
        "en": "'{key}' is already the key of {other}; each page of a language needs its own key",
    },
    "page.not_checked": {
        "fi": "ei ole sisältösivu, jonka tarkistus luki",
        "sv": "är inte en innehållssida som kontrollen läste",
        "en": "is not a content page the check read",
    },
    # The story's body as the sanitiser sees it (generator/body.py).
    "body.element": {
        "fi": "HTML-merkintä <{tag}> ei ole sallittu, ja se poistettaisiin sivulta",
        "sv": "HTML-taggen <{tag}> är inte tillåten och skulle tas bort från sidan",
        "en": "HTML element <{tag}> is not allowed and would be removed",
    },
    "body.heading": {
        "fi": "tekstin väliotsikot alkavat merkinnällä '##': '#' on tarinan otsikko",
        "sv": "mellanrubrikerna i texten börjar med '##': '#' är berättelsens rubrik",
        "en": "headings in the body start at '##': '#' is the story's title",
    },
    "body.attribute": {
        "fi": "attribuutti '{attribute}' ei ole sallittu merkinnässä <{tag}>, ja se poistettaisiin",
        "sv": "attributet '{attribute}' är inte tillåtet i <{tag}> och skulle tas bort",
        "en": "attribute '{attribute}' is not allowed on <{tag}> and would be removed",
    },
    "body.address": {
        "fi": "osoite '{url}' kohdassa {attribute}= merkinnässä <{tag}> ei ole sallittu: käytä "
              "http-, https- tai mailto-osoitetta tai suhteellista osoitetta",
        "sv": "adressen '{url}' i {attribute}= i <{tag}> är inte tillåten: använd en http-, "
              "https- eller mailto-adress eller en relativ adress",
        "en": "address '{url}' in {attribute}= of <{tag}> is not allowed: use an http, https or "
              "mailto address, or a relative one",
    },
    "body.changed": {
        "fi": "tämä HTML-koodi muuttuisi, kun sivu tehdään turvalliseksi ({detail}); sulje "
              "jokainen avaamasi merkintä ja kirjoita '&lt;', jos tarkoitat merkkiä '<'",
        "sv": "den här HTML-koden skulle ändras när sidan görs säker ({detail}); stäng varje "
              "tagg du öppnar och skriv '&lt;' om du menar tecknet '<'",
        "en": "this HTML would be changed when the page is made safe ({detail}); close every "
              "tag you open and write '&lt;' for a literal '<'",
    },
    "body.changed_becomes": {
        "fi": "'{old}' muuttuu muotoon '{new}'",
        "sv": "'{old}' blir '{new}'",
        "en": "'{old}' becomes '{new}'",
    },
    "body.changed_appears": {
        "fi": "'{new}' tulee lisää",
        "sv": "'{new}' tillkommer",
        "en": "'{new}' appears",
    },
    "body.too_large": {
        "fi": "on {size} kt, enemmän kuin tarinan tekstin enimmäiskoko {limit} kt",
        "sv": "är {size} kB, mer än de {limit} kB som en berättelsetext får vara",
        "en": "is {size} kB, more than the {limit} kB a story body may have",
    },
    "body.too_deep": {
        "fi": "luetteloita ja lainauksia on sisäkkäin {depth} tasoa, enemmän kuin sallitut {limit}",
        "sv": "listor och citat ligger {depth} nivåer i varandra, fler än de {limit} som är "
              "tillåtna",
        "en": "lists and quotes are nested {depth} levels deep, more than the {limit} allowed",
    },
    "body.too_slow": {
        "fi": "muotoilu kesti {seconds} s, enemmän kuin sallitut {limit} s; yksinkertaista "
              "muotoilua",
        "sv": "formateringen tog {seconds} s, mer än de tillåtna {limit} s; förenkla "
              "formateringen",
        "en": "took {seconds} s to render, more than the {limit} s allowed; simplify its markup",
    },
    # Language versions of one story.
    "translations.differ": {
        "fi": "poikkeaa tiedostosta {other} (siellä: {there}; täällä: {here}); kieliversioissa "
              "pitää olla samat tunnukset",
        "sv": "skiljer sig från {other} (där: {there}; här: {here}); språkversionerna ska ha "
              "samma koder",
        "en": "differs from {other} (there: {there}; here: {here}); translations share their "
              "terms",
    },
    # Vocabularies.
    "vocab.missing_file": {
        "fi": "ei löydy; jokainen sanastotiedosto tarvitaan",
        "sv": "hittades inte; alla vokabulärfiler behövs",
        "en": "not found; every vocabulary file is needed",
    },
    "vocab.not_list": {
        "fi": "pitää olla luettelo termeistä ('- key: …')",
        "sv": "ska vara en lista med termer ('- key: …')",
        "en": "must be a list of terms ('- key: …')",
    },
    "vocab.slug_rule": {
        "fi": "'{value}': käytä vain pieniä kirjaimia a–z, numeroita ja yksittäisiä väliviivoja",
        "sv": "'{value}': använd bara små bokstäver a–z, siffror och enstaka bindestreck",
        "en": "'{value}' must be lowercase letters a-z, digits and single hyphens",
    },
    "vocab.description_required": {
        "fi": "pakollinen teemoille: yksi virke",
        "sv": "obligatoriskt för teman: en mening",
        "en": "required for categories: one sentence",
    },
    "vocab.code_quotes": {
        "fi": 'kirjoita koodi lainausmerkkeihin, esimerkiksi "005"',
        "sv": 'skriv koden inom citattecken, till exempel "005"',
        "en": 'write the code in quotes, e.g. "005"',
    },
    "vocab.year": {
        "fi": "pitää olla vuosiluku, esimerkiksi 2019",
        "sv": "ska vara ett årtal, till exempel 2019",
        "en": "must be a year such as 2019",
    },
    "vocab.award_kind": {
        "fi": "tuntematon palkinnon laji '{value}'; sallitut lajit ovat {kinds}",
        "sv": "okänd typ av pris '{value}'; tillåtna typer är {kinds}",
        "en": "unknown award kind '{value}'; the kinds are {kinds}",
    },
    "vocab.already_used": {
        "fi": "'{value}' on jo käytössä termillä '{first}' (rivi {line})",
        "sv": "'{value}' används redan av '{first}' (rad {line})",
        "en": "'{value}' is already used by '{first}' (line {line})",
    },
    # scripts/import_vocabularies.py: Statistics Finland's tables (shown in English there).
    "import.no_table": {
        "fi": "ei löydy; odotettiin sarkaimin eroteltua taulukkoa",
        "sv": "hittades inte; en tabbseparerad tabell förväntades",
        "en": "not found; expected a tab-separated table",
    },
    "import.empty_file": {"fi": "tyhjä tiedosto", "sv": "en tom fil", "en": "an empty file"},
    "import.header": {
        "fi": "odotettiin sarakkeita '{want}', nyt '{got}'",
        "sv": "kolumnerna '{want}' förväntades, nu '{got}'",
        "en": "expected columns '{want}', got '{got}'",
    },
    "import.row_length": {
        "fi": "odotettiin {want} sarkaimin eroteltua arvoa, nyt {got}",
        "sv": "{want} tabbseparerade värden förväntades, nu {got}",
        "en": "expected {want} tab-separated values, got {got}",
    },
    "import.empty_value": {"fi": "tyhjä arvo", "sv": "tomt värde", "en": "empty value"},
    "import.region_code": {
        "fi": "odotettiin kahta numeroa, esimerkiksi '01'",
        "sv": "två siffror förväntades, till exempel '01'",
        "en": "expected two digits, e.g. '01'",
    },
    "import.municipality_code": {
        "fi": "odotettiin kolmea numeroa, esimerkiksi '005'",
        "sv": "tre siffror förväntades, till exempel '005'",
        "en": "expected three digits, e.g. '005'",
    },
    "import.not_slug": {
        "fi": "'{value}' ei kelpaa tunnukseksi; odotettiin esimerkiksi '{example}'",
        "sv": "'{value}' duger inte som kod; till exempel '{example}' förväntades",
        "en": "'{value}' is not a slug; expected e.g. '{example}'",
    },
    "import.region_unknown": {
        "fi": "tuntematon maakuntakoodi '{code}'; sallitut koodit: {valid}",
        "sv": "okänd landskapskod '{code}'; tillåtna koder: {valid}",
        "en": "unknown region code '{code}'; valid codes: {valid}",
    },
    "import.repeats": {
        "fi": "'{value}' on jo rivillä {line}; arvon pitää olla yksilöllinen",
        "sv": "'{value}' finns redan på rad {line}; värdet ska vara unikt",
        "en": "'{value}' repeats the entry on line {line}; must be unique",
    },
    # `tori check`'s closing line on standard error.
    "check.found": {
        "fi": "tori check: ongelmia {count}, tiedostoja {files}",
        "sv": "tori check: antal problem {count}, antal filer {files}",
        "en": "tori check: problems {count}, files {files}",
    },
    "check.clean": {
        "fi": "tori check: ei ongelmia; tarkistettuja tarinoita suomeksi {fi}, ruotsiksi {sv}; "
              "sanastoissa termejä {terms}",
        "sv": "tori check: inga problem; kontrollerade berättelser på finska {fi}, på svenska "
              "{sv}; termer i vokabulärerna {terms}",
        "en": "tori check: no problems; stories checked: {fi} in Finnish, {sv} in Swedish; "
              "{terms} vocabulary terms",
    },
}

for _kind, (_fi, _sv_unknown, _sv_definite, _en) in _TERM_WORDS.items():
    CATALOGUE[f"term.unknown.{_kind}"] = {
        "fi": f"tuntematon {_fi} '{{key}}'",
        "sv": f"{_sv_unknown} '{{key}}'",
        "en": f"unknown {_en} '{{key}}'",
    }
    CATALOGUE[f"term.twice.{_kind}"] = {
        "fi": f"{_fi} '{{key}}' on luettelossa kahdesti",
        "sv": f"{_sv_definite} '{{key}}' finns två gånger i listan",
        "en": f"{_en} '{{key}}' is listed twice",
    }


@dataclass(frozen=True)
class Message:
    """A catalogue key with its parameters; text only when rendered in a language."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    def __post_init__(self) -> None:
        if self.key not in CATALOGUE:
            raise KeyError(f"no message '{self.key}' in the catalogue")

    def __lt__(self, other: Message) -> bool:
        return self.order() < other.order()

    def order(self) -> tuple:
        """A language-independent sort key; values of different types never meet."""
        return (self.key, tuple((name, _order(value)) for name, value in self.params))

    def render(self, lang: str) -> str:
        """The message in `lang` ("fi", "sv" or "en")."""
        values = {name: _text(value, lang) for name, value in self.params}
        return CATALOGUE[self.key][lang].format(**values)


def msg(key: str, /, **params: Param) -> Message:
    """A message of the catalogue with its parameters."""
    return Message(key, tuple(sorted(params.items())))


def _order(value: Param) -> tuple:
    """A value's place in the sort order, tagged with its type."""
    if isinstance(value, Message):
        return ("message", value.order())
    return (type(value).__name__, value)


def _text(value: Param, lang: str) -> str:
    """A parameter as text in `lang`: messages rendered, content text made printable."""
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, float):
        shown = f"{value:.1f}"
        return shown if lang == "en" else shown.replace(".", ",")
    return printable(str(value))
