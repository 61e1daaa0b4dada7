"""The default topic taxonomy, drawn from the study (brief, "What a good mentor match is").

Each organisation gets these on creation; HR may edit labels and add or retire topics. The slugs
are the keys the matcher sees in ``needs`` and ``strengths``.
"""

from typing import Final, TypedDict


class TopicSpec(TypedDict):
    """A default topic: key, Danish and English label and description."""

    slug: str
    label_da: str
    label_en: str
    description_da: str
    description_en: str


def _t(
    slug: str, label_da: str, label_en: str, description_da: str = "", description_en: str = ""
) -> TopicSpec:
    return TopicSpec(
        slug=slug,
        label_da=label_da,
        label_en=label_en,
        description_da=description_da,
        description_en=description_en,
    )


DEFAULT_TOPICS: Final[tuple[TopicSpec, ...]] = (
    _t(
        "budget",
        "Budget og økonomisystem",
        "Budget and finance system",
        "Budgetlægning, budgetopfølgning, økonomisystemet og overførselsreglerne.",
        "Budgeting, budget follow-up, the finance system and carry-over rules.",
    ),
    _t(
        "roster",
        "Vagtplan og arbejdstidsregler",
        "Roster and working-time rules",
        "Vagtplanlægning i døgndækkende tilbud, vagtplansystemet og arbejdstidsaftaler.",
        "Roster planning in 24-hour services, the roster system and working-time agreements.",
    ),
    _t(
        "employment_law",
        "Personalejura",
        "Employment law",
        "Ansættelsesret, advarsler, afskedigelser og TR-beskyttelse.",
        "Employment law, warnings, dismissals and union-representative protection.",
    ),
    _t(
        "sick_leave",
        "Sygefravær og tilbagevenden",
        "Sick leave and return to work",
        "Sygefraværssamtaler og tilbagevendingsplaner.",
        "Sick-leave conversations and return-to-work plans.",
    ),
    _t(
        "recruitment",
        "Rekruttering",
        "Recruitment",
        "Stillingsopslag, ansættelsesudvalg og samarbejdet med HR.",
        "Job adverts, hiring committees and working with HR.",
    ),
    _t(
        "crisis_press",
        "Krise, presse og sociale medier",
        "Crisis, press and social media",
        "Krisberedskab, pressehenvendelser og sager på sociale medier.",
        "Crisis preparedness, press enquiries and social-media cases.",
    ),
    _t(
        "inspections",
        "Tilsyn og dokumentation",
        "Inspections and documentation",
        "Tilsynsbesøg, dokumentationskrav og kvalitetsstandarder.",
        "Inspection visits, documentation requirements and quality standards.",
    ),
    _t(
        "volunteers",
        "Frivillige",
        "Volunteers",
        "Rammer for frivillige, tavshedspligt og samarbejde med foreninger.",
        "The framework for volunteers, confidentiality and working with associations.",
    ),
    _t(
        "change",
        "Forandring og sammenlægninger",
        "Change and mergers",
        "At lede forandringer, sammenlægninger og omstruktureringer.",
        "Leading change, mergers and restructuring.",
    ),
    _t(
        "multi_site",
        "Ledelse på flere matrikler",
        "Multi-site leadership",
        "At lede medarbejdere fordelt på flere adresser.",
        "Leading staff spread over several sites.",
    ),
    _t(
        "former_colleagues",
        "At lede tidligere kolleger",
        "Leading former colleagues",
        "Rolleskiftet fra kollega til leder.",
        "The role change from colleague to leader.",
    ),
    _t(
        "specialist",
        "Inklusion og specialtilbud",
        "Inclusion and specialist services",
        "Specialiserede tilbud, inklusion og tværfagligt samarbejde.",
        "Specialist services, inclusion and cross-disciplinary work.",
    ),
    _t(
        "med",
        "MED og samarbejde med TR/AMIR",
        "MED and union cooperation",
        "MED-systemet og samarbejdet med tillidsrepræsentant og arbejdsmiljørepræsentant.",
        "The co-determination system and cooperation with union and safety representatives.",
    ),
    _t(
        "digital",
        "Digitale systemer",
        "Digital systems",
        "Fagsystemer, IT-understøttelse og digitalisering.",
        "Case systems, IT support and digitalisation.",
    ),
    _t(
        "work_environment",
        "Arbejdsmiljø og trivsel",
        "Work environment and well-being",
        "Psykisk arbejdsmiljø, APV og trivsel.",
        "Psychological work environment, workplace assessment and well-being.",
    ),
    _t(
        "psychological_safety",
        "Psykologisk tryghed",
        "Psychological safety",
        "At skabe et trygt rum for fejl, spørgsmål og uenighed.",
        "Creating room for mistakes, questions and disagreement.",
    ),
    _t(
        "communication",
        "Kommunikation",
        "Communication",
        "Intern og ekstern kommunikation, borgerdialog og forældresamarbejde.",
        "Internal and external communication, dialogue with citizens and parents.",
    ),
    _t(
        "strategy",
        "Strategi og politiske visioner",
        "Strategy and political goals",
        "At omsætte politiske visioner til praksis.",
        "Turning political goals into practice.",
    ),
    _t(
        "cross_sector",
        "Tværgående samarbejde",
        "Cross-sector collaboration",
        "Samarbejde på tværs af forvaltninger, sektorer og kommuner.",
        "Working across administrations, sectors and municipalities.",
    ),
    _t(
        "leading_leaders",
        "Ledelse af ledere",
        "Leading leaders",
        "At lede en ledergruppe og mellemledere.",
        "Leading a leadership team and middle managers.",
    ),
    _t(
        "wellbeing_self",
        "Egen trivsel og balance",
        "Own well-being and balance",
        "Arbejdspres, prioritering og at passe på sig selv som leder.",
        "Workload, priorities and looking after yourself as a leader.",
    ),
)
