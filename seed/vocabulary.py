"""Danish words the demo and the scale generator share: names, professions, notes, bios.

Plain data and small pure helpers; nothing here touches the database. Every choice goes through a
``random.Random`` the caller seeded, so the same seed gives the same words.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Final

FIRST_NAMES_FEMALE: Final[tuple[str, ...]] = (
    "Anne",
    "Mette",
    "Hanne",
    "Susanne",
    "Lene",
    "Pia",
    "Birgitte",
    "Marianne",
    "Karina",
    "Camilla",
    "Louise",
    "Charlotte",
    "Tina",
    "Helle",
    "Maria",
    "Katrine",
    "Rikke",
    "Lone",
    "Dorte",
    "Gitte",
    "Sanne",
    "Trine",
    "Malene",
    "Signe",
    "Julie",
    "Line",
    "Stine",
    "Heidi",
    "Jette",
    "Vibeke",
    "Bente",
    "Inge",
    "Kirsten",
    "Ida",
    "Sofie",
    "Emma",
    "Laura",
    "Cecilie",
    "Maja",
    "Nanna",
    "Mai",
    "Ditte",
    "Tanja",
    "Winnie",
    "Annette",
    "Merete",
    "Lotte",
    "Henriette",
    "Ulla",
    "Eva",
    "Astrid",
    "Frederikke",
    "Amalie",
    "Sidsel",
    "Nadia",
    "Fatima",
    "Aylin",
    "Agnieszka",
    "Rasa",
)
FIRST_NAMES_MALE: Final[tuple[str, ...]] = (
    "Lars",
    "Jens",
    "Peter",
    "Michael",
    "Søren",
    "Henrik",
    "Thomas",
    "Martin",
    "Jan",
    "Niels",
    "Anders",
    "Morten",
    "Jesper",
    "Rasmus",
    "Christian",
    "Kim",
    "Ole",
    "Torben",
    "Poul",
    "Claus",
    "Steen",
    "Bo",
    "Jacob",
    "Mads",
    "Mikkel",
    "Kasper",
    "Frederik",
    "Simon",
    "Brian",
    "Kenneth",
    "Allan",
    "Carsten",
    "Erik",
    "Flemming",
    "Hans",
    "Jørgen",
    "Kristian",
    "Uffe",
    "Esben",
    "Anton",
    "Emil",
    "Jonas",
    "Troels",
    "Bjarne",
    "Karsten",
    "Per",
    "Rune",
    "Ahmad",
    "Omar",
    "Tomasz",
)
LAST_NAMES: Final[tuple[str, ...]] = (
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Jakobsen",
    "Mikkelsen",
    "Frederiksen",
    "Laursen",
    "Henriksen",
    "Lund",
    "Holm",
    "Schmidt",
    "Eriksen",
    "Kristiansen",
    "Simonsen",
    "Clausen",
    "Svendsen",
    "Andreasen",
    "Iversen",
    "Østergaard",
    "Jeppesen",
    "Vestergaard",
    "Nissen",
    "Lauridsen",
    "Kjær",
    "Jepsen",
    "Mogensen",
    "Skov",
    "Bech",
    "Dahl",
    "Bak",
    "Lindberg",
    "Damgaard",
    "Krogh",
    "Friis",
    "Bonde",
    "Thygesen",
    "Gregersen",
    "Toft",
    "Husted",
    "Kirkegaard",
    "Nørgaard",
    "Bruun",
    "Lykke",
    "Overgaard",
    "Bisgaard",
    "Winther",
    "Fisker",
    "Munk",
    "Koch",
    "Hald",
    "Berg",
    "Mathiesen",
    "Steffensen",
    "Juhl",
    "Riis",
    "Ravn",
    "Brandt",
    "Ali",
    "Yilmaz",
    "Nowak",
    "Kowalski",
    "Hussein",
    "Karlsson",
)

#: Languages as ISO 639-1 codes; Danish always, the rest with these probabilities.
EXTRA_LANGUAGES: Final[tuple[tuple[str, float], ...]] = (
    ("en", 0.55),
    ("de", 0.12),
    ("sv", 0.06),
    ("no", 0.05),
    ("fr", 0.03),
    ("pl", 0.02),
    ("ar", 0.02),
    ("tr", 0.015),
)

#: The profession a leader of each service type usually came from (used in bios).
PROFESSIONS: Final[dict[str, tuple[str, ...]]] = {
    "school": ("lærer", "lærer og cand.pæd.", "pædagog"),
    "daycare": ("pædagog", "pædagog med en master i læreprocesser"),
    "village_scheme": ("lærer", "pædagog"),
    "youth_club": ("pædagog", "lærer"),
    "ppr": ("psykolog", "cand.pæd.psych."),
    "family": ("socialrådgiver", "psykolog", "pædagog"),
    "care_home": ("sygeplejerske", "social- og sundhedsassistent", "ergoterapeut"),
    "home_care": ("sygeplejerske", "social- og sundhedsassistent", "fysioterapeut"),
    "residential": ("socialpædagog", "pædagog", "sygeplejerske"),
    "shelter": ("socialpædagog", "socialrådgiver"),
    "acute": ("sygeplejerske", "sygeplejerske med akutuddannelse"),
    "treatment": ("socialrådgiver", "sygeplejerske", "psykolog"),
    "social_cafe": ("socialpædagog", "pædagog"),
    "nutrition": (
        "klinisk diætist",
        "ernærings- og husholdningsøkonom",
        "professionsbachelor i ernæring",
    ),
    "health": ("fysioterapeut", "sygeplejerske", "ergoterapeut", "tandlæge"),
    "job_centre": ("socialrådgiver", "cand.scient.pol.", "cand.merc."),
    "citizen_service": ("kontoruddannet", "cand.scient.adm."),
    "culture": ("bibliotekar", "musiker", "cand.mag."),
    "technical": ("ingeniør", "landinspektør", "bygningskonstruktør"),
    "staff_function": ("cand.merc.", "cand.jur.", "cand.scient.pol.", "cand.it.", "HR-konsulent"),
    "other": ("cand.scient.pol.", "cand.scient.adm.", "cand.jur."),
}

#: What a leader of each service type is likely to be strong in (topic slugs, strongest first).
STRENGTHS_BY_SERVICE: Final[dict[str, tuple[str, ...]]] = {
    "school": (
        "budget",
        "communication",
        "recruitment",
        "med",
        "specialist",
        "change",
        "psychological_safety",
    ),
    "daycare": (
        "communication",
        "budget",
        "multi_site",
        "sick_leave",
        "work_environment",
        "recruitment",
    ),
    "village_scheme": ("volunteers", "multi_site", "communication", "budget", "cross_sector"),
    "youth_club": ("volunteers", "communication", "crisis_press", "cross_sector"),
    "ppr": ("specialist", "cross_sector", "psychological_safety", "communication"),
    "family": ("specialist", "cross_sector", "crisis_press", "inspections"),
    "care_home": ("roster", "budget", "inspections", "sick_leave", "med", "employment_law"),
    "home_care": ("roster", "digital", "sick_leave", "multi_site", "budget"),
    "residential": ("roster", "inspections", "specialist", "crisis_press", "work_environment"),
    "shelter": ("crisis_press", "inspections", "roster", "specialist", "cross_sector"),
    "acute": ("roster", "cross_sector", "specialist", "digital"),
    "treatment": ("specialist", "cross_sector", "inspections", "communication"),
    "social_cafe": ("volunteers", "cross_sector", "specialist", "communication"),
    "nutrition": ("specialist", "inspections", "budget", "cross_sector"),
    "health": ("cross_sector", "digital", "change", "inspections"),
    "job_centre": ("cross_sector", "digital", "strategy", "change", "employment_law"),
    "citizen_service": ("digital", "communication", "change"),
    "culture": ("volunteers", "communication", "strategy", "cross_sector"),
    "technical": ("multi_site", "crisis_press", "budget", "work_environment"),
    "staff_function": ("budget", "employment_law", "digital", "communication"),
    "other": ("leading_leaders", "strategy", "budget", "change", "cross_sector"),
}

#: Topics any leader may be strong in besides their service's typical ones.
GENERAL_STRENGTHS: Final[tuple[str, ...]] = (
    "communication",
    "change",
    "work_environment",
    "psychological_safety",
    "med",
    "recruitment",
    "sick_leave",
    "strategy",
    "wellbeing_self",
)

#: Private notes a leader might write on a support need (Danish; never shown to their boss).
NEED_NOTES: Final[dict[str, tuple[str, ...]]] = {
    "budget": (
        "Jeg har aldrig lagt et budget før og er usikker på budgetopfølgningen.",
        "Økonomisystemet er en sort boks for mig – hvad må jeg overføre til næste år?",
        "Vi har et underskud fra sidste år, som jeg ikke ved, hvordan jeg skal tackle.",
    ),
    "roster": (
        "Vagtplanen styrer økonomien, og jeg kan ikke få den til at gå op.",
        "TR har rejst en arbejdstidssag, og jeg kender ikke reglerne godt nok.",
    ),
    "employment_law": (
        "Personalejura er en sort boks – jeg står med en svær personalesag.",
        "Jeg er i tvivl om reglerne for TR-beskyttelse i en konkret sag.",
    ),
    "sick_leave": (
        "Jeg har flere langtidssygemeldte og mangler redskaber til tilbagevendingsplaner.",
        "Jeg vil gerne blive tryg ved sygefraværssamtaler.",
    ),
    "former_colleagues": (
        "Jeg var kollega med medarbejderne indtil for nylig; nogle har svært ved rolleskiftet.",
        "Jeg søgte stillingen i konkurrence med en kollega, som nu er min medarbejder.",
    ),
    "multi_site": ("Jeg føler mig splittet mellem vores matrikler og når ikke rundt.",),
    "crisis_press": ("Jeg frygter den dag, pressen ringer om en sag fra vores tilbud.",),
    "cross_sector": (
        "Savner at drøfte ledelsesudfordringer med en kollega, der har en lignende kerneopgave.",
        "Jeg føler mig lidt på et sidespor i forhold til de store almene områder.",
    ),
    "wellbeing_self": (
        "Jeg er alene leder og mangler nogen at vende tingene med.",
        "Arbejdspresset er højt, og jeg har svært ved at prioritere mig selv.",
    ),
    "med": ("Jeg kender ikke MED-systemet og er usikker på min rolle i MED-udvalget.",),
    "inspections": ("Vi har tilsyn om to måneder, og jeg ved ikke, hvad de kigger efter.",),
    "recruitment": (
        "Jeg skal ansætte tre nye medarbejdere og har aldrig siddet i et ansættelsesudvalg.",
    ),
    "digital": ("Der er mange systemer at lære – jeg ved ikke, hvor jeg skal begynde.",),
    "strategy": ("Jeg vil gerne blive bedre til at oversætte politiske mål til hverdagen.",),
}

#: What a leader is passionate about, keyed by topic slug (for bios).
PASSIONS: Final[dict[str, str]] = {
    "budget": "at få økonomien til at hænge sammen uden at gå på kompromis med kerneopgaven",
    "roster": "gode vagtplaner, der både holder økonomien og giver medarbejderne ordentlige vilkår",
    "employment_law": "ordentlige og fair personalesager",
    "sick_leave": "et lavt sygefravær gennem nærvær og tidlig dialog",
    "recruitment": "at tiltrække og fastholde dygtige medarbejdere",
    "crisis_press": "at være klar, når krisen rammer",
    "inspections": "kvalitet og dokumentation, der giver mening for borgerne",
    "volunteers": "samarbejdet med frivillige og lokalsamfundet",
    "change": "at lede forandringer med medarbejderne om bord",
    "multi_site": "at skabe én kultur på tværs af flere matrikler",
    "specialist": "specialviden, der kommer hele kommunen til gode",
    "med": "et stærkt samarbejde med TR og AMIR",
    "digital": "digitale løsninger, der frigiver tid til kerneopgaven",
    "communication": "klar kommunikation og god dialog med borgere og pårørende",
    "cross_sector": "samarbejde på tværs af forvaltninger og sektorer",
    "strategy": "at omsætte politiske visioner til praksis",
    "leading_leaders": "at udvikle en stærk ledergruppe",
    "work_environment": "et godt psykisk arbejdsmiljø",
    "psychological_safety": "psykologisk tryghed i personalegruppen",
    "wellbeing_self": "balance mellem arbejdsliv og familieliv",
    "former_colleagues": "tydelig ledelse tæt på praksis",
}


_ASCII: Final = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})


def person_name(rng: random.Random, taken: set[tuple[str, str]] | None = None) -> tuple[str, str]:
    """Return a (first, last) name, unique within ``taken`` when given (which it then extends)."""
    for _attempt in range(1000):
        pool: Sequence[str] = FIRST_NAMES_FEMALE if rng.random() < 0.62 else FIRST_NAMES_MALE
        name = (rng.choice(pool), rng.choice(LAST_NAMES))
        if taken is None:
            return name
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("ran out of distinct names")  # pragma: no cover - 10 000 pairs exist


def languages(rng: random.Random) -> list[str]:
    """Return the languages a leader speaks: Danish and a few more."""
    return ["da", *(code for code, p in EXTRA_LANGUAGES if rng.random() < p)]


def mailbox(first_name: str, last_name: str, taken: set[str]) -> str:
    """Return a municipal-style initials mailbox (``amkr``), unique within ``taken``."""
    raw = (first_name[:2] + last_name[:2]).lower().translate(_ASCII)
    base = "".join(ch for ch in raw if ch.isascii() and ch.isalpha())
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    taken.add(candidate)
    return candidate
