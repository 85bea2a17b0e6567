"""Synthetic Finnish and Swedish filler for the load-test corpus, built from words of the domain.

Every sentence is grammatical and reads like a public-sector development story, yet the titles
and summaries say plainly that the text is synthetic, so nobody mistakes it for content.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from generator.model import Lang


@dataclass(frozen=True)
class Words:
    """The phrase tables of one language."""

    subjects: tuple[str, ...]
    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    tails: tuple[str, ...]
    results: tuple[str, ...]
    steps: tuple[str, ...]
    headings: tuple[str, ...]
    topics: tuple[str, ...]
    tags: tuple[str, ...]
    link_titles: tuple[str, ...]
    synthetic: str  # the words that mark a title or summary as synthetic
    read_more: str  # "read more on {link}" with a {link} placeholder
    image_alt: str  # alt text with an {n} placeholder


FI = Words(
    subjects=("Työyhteisö", "Henkilöstö", "Kehittämisryhmä", "Tiimi", "Johtoryhmä", "Esihenkilö",
              "Työsuojelutoimikunta", "Asiakasraati", "Yksikön väki", "Ydinryhmä"),
    verbs=("kehitti", "suunnitteli", "uudisti", "kuvasi", "laati", "toteutti", "arvioi",
           "otti käyttöön", "selkeytti", "yhtenäisti"),
    objects=("toimintamallin", "perehdytyksen käytännöt", "työvuorosuunnittelun", "palvelupolun",
             "asiakaspalautteen käsittelyn", "sähköisen ajanvarauksen", "viikkopalaverin rakenteen",
             "työkykyä tukevan mallin", "tiedonkulun käytännöt", "varhaisen tuen toimintatavan",
             "hankintojen prosessin", "etätyön pelisäännöt"),
    tails=("yhdessä asiakkaiden kanssa", "kolmen kuukauden kokeilussa", "työpajoissa",
           "osana kuntastrategiaa", "ilman lisäkustannuksia", "koko henkilöstön voimin",
           "työterveyshuollon tuella", "naapurikunnan kanssa", "syksyn aikana", "pienin askelin"),
    results=("Asiakkaiden jonotusaika lyheni.", "Sairauspoissaolot kääntyivät laskuun.",
             "Työntekijät kokivat voivansa vaikuttaa omaan työhönsä.",
             "Päällekkäinen kirjaaminen väheni.",
             "Uudet työntekijät pääsivät nopeammin sisään työhön.",
             "Palaute kerättiin ja käsiteltiin viikoittain.",
             "Toimintatapa levisi muihin yksiköihin.", "Kustannukset pysyivät ennallaan."),
    steps=("Kartoitimme lähtötilanteen kyselyllä", "Sovimme yhteiset pelisäännöt",
           "Kokeilimme uutta mallia yhdessä yksikössä",
           "Keräsimme palautteen asiakkailta ja henkilöstöltä",
           "Korjasimme mallia palautteen perusteella", "Levitimme mallin koko organisaatioon",
           "Nimesimme vastuuhenkilöt", "Kirjasimme opit yhteiseen ohjeeseen"),
    headings=("Lähtötilanne", "Mitä teimme", "Tulokset", "Opit ja jatko"),
    topics=("uusi perehdytysmalli", "sujuvampi työvuorosuunnittelu", "yhteinen palvelupolku",
            "kevyempi kirjaaminen", "varhaisen tuen malli", "digitaalinen ajanvaraus",
            "etätyön pelisäännöt", "asiakasraadin kokeilu", "työkykyjohtamisen malli",
            "ekoteot arkeen"),
    tags=("kokeilu", "työpaja", "palaute", "perehdytys", "työvuorot", "etätyö", "asiakaspalvelu",
          "lean", "hyvinvointi", "kirjaaminen"),
    link_titles=("Hankkeen loppuraportti", "Kuntatyö2030-ohjelma", "Esittelyvideo"),
    synthetic="synteettinen kuormitustestitarina",
    read_more="Lue lisää {link}.",
    image_alt="Synteettinen kuvituskuva numero {n}: värillisiä suorakulmioita.",
)

SV = Words(
    subjects=("Arbetsgemenskapen", "Personalen", "Utvecklingsgruppen", "Teamet",
              "Ledningsgruppen", "Chefen", "Arbetarskyddskommissionen", "Kundrådet",
              "Enhetens personal", "Kärngruppen"),
    verbs=("utvecklade", "planerade", "förnyade", "beskrev", "utarbetade", "genomförde",
           "utvärderade", "införde", "förtydligade", "förenhetligade"),
    objects=("verksamhetsmodellen", "introduktionsrutinerna", "arbetsturplaneringen",
             "servicestigen", "hanteringen av kundrespons", "den elektroniska tidsbokningen",
             "veckomötets struktur", "modellen för stöd av arbetsförmågan", "informationsgången",
             "modellen för tidigt stöd", "upphandlingsprocessen", "spelreglerna för distansarbete"),
    tails=("tillsammans med kunderna", "under ett försök på tre månader", "i workshoppar",
           "som en del av kommunstrategin", "utan extra kostnader", "med hela personalen",
           "med stöd av företagshälsovården", "tillsammans med grannkommunen", "under hösten",
           "i små steg"),
    results=("Kundernas väntetid blev kortare.", "Sjukfrånvaron vände nedåt.",
             "Medarbetarna upplevde att de kunde påverka sitt eget arbete.",
             "Dubbel dokumentation minskade.", "Nya medarbetare kom snabbare in i arbetet.",
             "Responsen samlades in och behandlades varje vecka.",
             "Arbetssättet spreds till andra enheter.", "Kostnaderna förblev oförändrade."),
    steps=("Vi kartlade utgångsläget med en enkät", "Vi kom överens om gemensamma spelregler",
           "Vi prövade den nya modellen i en enhet",
           "Vi samlade in respons från kunder och personal",
           "Vi justerade modellen utifrån responsen", "Vi spred modellen till hela organisationen",
           "Vi utsåg ansvarspersoner", "Vi skrev ner lärdomarna i en gemensam anvisning"),
    headings=("Utgångsläget", "Vad vi gjorde", "Resultat", "Lärdomar och fortsättning"),
    topics=("en ny introduktionsmodell", "smidigare arbetsturplanering", "en gemensam servicestig",
            "lättare dokumentation", "en modell för tidigt stöd", "digital tidsbokning",
            "spelregler för distansarbete", "ett försök med kundråd",
            "en modell för ledning av arbetsförmåga", "miljögärningar i vardagen"),
    tags=("försök", "workshop", "respons", "introduktion", "arbetsturer", "distansarbete",
          "kundservice", "lean", "välmående", "dokumentation"),
    link_titles=("Projektets slutrapport", "Programmet Kuntatyö2030", "Presentationsvideo"),
    synthetic="syntetisk berättelse för belastningstest",
    read_more="Läs mer {link}.",
    image_alt="Syntetisk illustration nummer {n}: färgade rektanglar.",
)

# A whitespace-separated token with a letter in it: "##", "-" and "1." are not words.
WORD_RE = re.compile(r"(?<!\S)(?=\S*[^\W\d_])\S+")

WORDS: dict[Lang, Words] = {Lang.FI: FI, Lang.SV: SV}
LINK_TEXT = {Lang.FI: "hankkeen sivulta", Lang.SV: "på projektets sida"}


def sentence(rng: random.Random, w: Words) -> str:
    """One sentence: who did what, and how."""
    who, what = rng.choice(w.subjects), rng.choice(w.verbs)
    return f"{who} {what} {rng.choice(w.objects)} {rng.choice(w.tails)}."


def paragraph(rng: random.Random, w: Words) -> str:
    """Three to six sentences, some of them results."""
    parts = [
        rng.choice(w.results) if rng.random() < 0.3 else sentence(rng, w)
        for _ in range(rng.randint(3, 6))
    ]
    return " ".join(parts)


def bullet_list(rng: random.Random, w: Words, numbered: bool) -> str:
    """A Markdown list of three to five distinct steps."""
    steps = rng.sample(w.steps, rng.randint(3, 5))
    return "\n".join(f"{i}. {s}." if numbered else f"- {s}." for i, s in enumerate(steps, 1))


def body(rng: random.Random, lang: Lang, words: int, url: str) -> str:
    """A story body of at least `words` words: sections with headings, lists and a link."""
    w = WORDS[lang]
    sections: list[list[str]] = [[paragraph(rng, w)] for _ in w.headings]
    sections[1].append(bullet_list(rng, w, numbered=False))
    sections[2].append(bullet_list(rng, w, numbered=True))
    sections[3].append(w.read_more.format(link=f"[{LINK_TEXT[lang]}]({url})"))
    lead = [paragraph(rng, w)]
    count = word_count("\n".join([*lead, *(p for s in sections for p in s)]))
    turn = 0
    while count < words:
        extra = paragraph(rng, w)
        sections[turn % len(sections)].insert(-1 if turn % len(sections) else 1, extra)
        count += word_count(extra)
        turn += 1
    pairs = zip(w.headings, sections, strict=True)
    blocks = lead + [f"## {heading}\n\n" + "\n\n".join(parts) for heading, parts in pairs]
    return "\n\n".join(blocks) + "\n"


def word_count(markdown: str) -> int:
    """Words of running text, not counting Markdown markers such as '##', '-' or '1.'."""
    return len(WORD_RE.findall(markdown))
