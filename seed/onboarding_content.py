"""Onboarding templates drawn from the study (Danish, with English).

The report's first finding: after the two-day central introduction new leaders are "left with
many questions and no platform" and ask for an individual introduction to the roster system,
budget and the finance system, the sick-leave conversation model, who in the staff functions
serves them and employment law, with HR as agreement holder (report lines 689-695, 1303, 1331,
1006, 1359). Each template below carries applicability rules; ``{owner}`` in a title is replaced
by the resolved owner's name ("Mød din økonomikonsulent Hanne Sørensen").

Loaded by ``onboarding.services.templates.templates_load`` (idempotent: missing templates and
items are created, HR's edits to existing ones are left alone).
"""

from __future__ import annotations

from typing import Any, Final, TypedDict


class ItemSpec(TypedDict, total=False):
    """One template item (see ``onboarding.models.TemplateItem``)."""

    key: str
    topic: str | None
    owner_role: str
    staff_function_kind: str
    due_offset_days: int
    title_da: str
    title_en: str
    guidance_da: str
    guidance_en: str
    depends_on: str
    required: bool
    rules: dict[str, Any]


class TemplateSpec(TypedDict):
    """One template with its rules and items."""

    slug: str
    name_da: str
    name_en: str
    description_da: str
    description_en: str
    rules: dict[str, Any]
    items: list[ItemSpec]


def _i(
    key: str,
    topic: str | None,
    owner: str,
    offset: int,
    title_da: str,
    title_en: str,
    guidance_da: str = "",
    guidance_en: str = "",
    **extra: Any,
) -> ItemSpec:
    kind = extra.pop("kind", "")
    spec = ItemSpec(
        key=key,
        topic=topic,
        owner_role=owner,
        due_offset_days=offset,
        title_da=title_da,
        title_en=title_en,
        guidance_da=guidance_da,
        guidance_en=guidance_en,
        staff_function_kind=kind,
    )
    spec.update(extra)  # type: ignore[typeddict-item]
    return spec


NL, BOSS, HR, MENTOR, STAFF = "new_leader", "boss", "hr", "mentor", "staff_consultant"

ALL_NEW_LEADERS: Final[TemplateSpec] = {
    "slug": "alle-nye-ledere",
    "name_da": "Alle nye ledere",
    "name_en": "All new leaders",
    "description_da": "Det fælles forløb for alle, der starter i et nyt lederjob. HR er "
    "aftaleholder sammen med dig.",
    "description_en": "The common path for everyone starting a new leader role. HR holds the "
    "agreement together with you.",
    "rules": {},
    "items": [
        _i(
            "velkomst",
            None,
            BOSS,
            -14,
            "Velkomst og aftale om din første dag",
            "Welcome and plan for your first day",
            "Din chef sender en velkomst og aftaler første dag: hvem møder du, hvor sidder du, "
            "og hvem er din nærmeste kollega i ledergruppen.",
            "Your boss sends a welcome and plans day one: whom you meet, where you sit and who "
            "your closest colleague in the leader group is.",
        ),
        _i(
            "it-adgang",
            "digital",
            STAFF,
            -5,
            "Adgang til pc, mail og fagsystemer",
            "Access to PC, e-mail and case systems",
            "IT opretter dine adgange før første dag. Tjek at du kan logge på økonomisystemet, "
            "løn- og personalesystemet og områdets fagsystem.",
            "IT sets up your access before day one. Check that you can log in to the finance "
            "system, the payroll system and your area's case system.",
            kind="it",
        ),
        _i(
            "lederintro-tilmelding",
            None,
            HR,
            -7,
            "Tilmelding til Lederintroduktionen",
            "Sign-up for the leader introduction",
            "HR tilmelder dig næste hold af den centrale todages Lederintroduktion.",
            "HR signs you up for the next run of the central two-day leader introduction.",
        ),
        _i(
            "lederintro",
            "cross_sector",
            NL,
            45,
            "Deltag i Lederintroduktionen (to dage)",
            "Attend the leader introduction (two days)",
            "To dage om organisationen, de fælles værdier og stabene, med ansigter på direktionen "
            "og ledere fra andre fagområder. Brug dagene til at knytte kontakter: mange "
            "samarbejder starter her.",
            "Two days on the organisation, shared values and staff functions, meeting the "
            "executive board and leaders from other areas. Use them to build contacts.",
            depends_on="lederintro-tilmelding",
        ),
        _i(
            "ledestjernen",
            "strategy",
            NL,
            21,
            "Ledestjernen: kommunens værdigrundlag",
            "Ledestjernen: the municipality's values framework",
            "Læs Ledestjernen og drøft med din chef, hvordan den ser ud i praksis i dit tilbud.",
            "Read Ledestjernen and discuss with your boss what it looks like in your unit.",
        ),
        _i(
            "forventning-30",
            "strategy",
            BOSS,
            30,
            "30-dages forventningssamtale med din chef",
            "30-day expectations conversation with your boss",
            "Uklare eller usynlige forventninger dræner energi. Aftal hvad der forventes af dig "
            "det første år, hvad du kan beslutte selv, og hvordan I følger op.",
            "Invisible or diffuse expectations drain energy. Agree what is expected in your "
            "first year, what you decide yourself, and how you follow up.",
        ),
        _i(
            "forventning-90",
            "strategy",
            BOSS,
            90,
            "90-dages samtale med din chef",
            "90-day conversation with your boss",
            "Følg op på 30-dages samtalen: hvad lykkes, hvad er svært, hvad skal justeres?",
            "Follow up on the 30-day conversation: what works, what is hard, what to adjust?",
            depends_on="forventning-30",
        ),
        _i(
            "mentor-moede",
            None,
            MENTOR,
            30,
            "Første møde med din mentor",
            "First meeting with your mentor",
            "Aftal rammer, fortrolighed og hvor ofte I mødes. "
            "Mentoren er ikke i din ledelseslinje.",
            "Agree the frame, confidentiality and how often you meet. Your mentor is outside "
            "your line of command.",
        ),
        _i(
            "oekonomi-konsulent",
            "budget",
            STAFF,
            14,
            "Mød din økonomikonsulent {owner}",
            "Meet your finance consultant {owner}",
            "Økonomikonsulenten gennemgår dit budget, budgetmodellen og årshjulet for "
            'budgetopfølgning. Spørg gerne om "særundervisning".',
            "Your finance consultant walks you through your budget, the allocation model and "
            "the budget follow-up calendar.",
            kind="finance",
        ),
        _i(
            "oekonomisystem",
            "budget",
            NL,
            30,
            "Økonomisystemet og budgetopfølgning",
            "The finance system and budget follow-up",
            'Lær at trække de rapporter, du skal bruge, og forstå dine konti. "Ikke alle lærere '
            'og pædagoger er født økonomer, men skal blive det hurtigt!"',
            "Learn to run the reports you need and read your accounts.",
            depends_on="oekonomi-konsulent",
        ),
        _i(
            "overfoersel",
            "budget",
            NL,
            45,
            "Overførselsreglen: højst 3 % til næste år",
            "The carry-over rule: at most 3% to next year",
            "Kun 3 procent af budgettet kan overføres til næste budgetår. Barsel og sygefravær "
            "kræver en buffer: planlæg den med din økonomikonsulent.",
            "Only 3 percent of the budget can be carried over to the next year. Parental leave "
            "and sick leave need a buffer: plan it with your finance consultant.",
        ),
        _i(
            "budgetopfoelgning-1",
            "budget",
            STAFF,
            75,
            "Første budgetopfølgning med {owner}",
            "First budget follow-up with {owner}",
            "Gennemgå den første budgetopfølgning sammen, før den sendes videre.",
            "Go through your first budget follow-up together before it is submitted.",
            kind="finance",
            depends_on="oekonomisystem",
        ),
        _i(
            "loen-personale",
            "employment_law",
            STAFF,
            14,
            "Mød din konsulent i Løn og Personale {owner}",
            "Meet your payroll & HR-law consultant {owner}",
            "Løn og Personale hjælper med ansættelser, sygefravær, advarsler og afskedigelser.",
            "Payroll & HR law helps with hiring, sick leave, warnings and dismissals.",
            kind="payroll_hr_law",
        ),
        _i(
            "sygefravaer",
            "sick_leave",
            NL,
            30,
            "Sygefraværssamtaler og tilbagevendingsplaner",
            "Sick-leave conversations and return-to-work plans",
            "Kend kommunens model for sygefraværssamtaler og redskabet tilbagevendingsplan ved "
            "sygdom.",
            "Know the model for sick-leave conversations and the return-to-work plan.",
            depends_on="loen-personale",
        ),
        _i(
            "personalejura",
            "employment_law",
            STAFF,
            45,
            "Personalejura: advarsler, afskedigelser og TR-beskyttelse",
            "Employment law: warnings, dismissals and union-representative protection",
            '"Personalejura har været en sort boks." Gennemgå de vigtigste regler, herunder '
            "de særlige beskyttelsesregler for tillidsrepræsentanter. Se også "
            "[Retsinformation](https://www.retsinformation.dk).",
            '"Employment law has been a black box." Go through the key rules including the '
            "special protection of union representatives.",
            kind="payroll_hr_law",
        ),
        _i(
            "rekruttering",
            "recruitment",
            HR,
            60,
            "Rekruttering sammen med HR",
            "Recruitment with HR",
            "Stillingsopslag, ansættelsesudvalg, samtaler og referencer: sådan samarbejder du "
            "med HR.",
            "Job adverts, hiring committee, interviews and references with HR.",
        ),
        _i(
            "med",
            "med",
            NL,
            30,
            "MED-systemet og dit lokale MED-udvalg",
            "The MED system and your local committee",
            "Sæt dig ind i MED-aftalen, dit lokale MED-udvalg og mødekalenderen.",
            "Learn the MED agreement, your local committee and its meeting calendar.",
        ),
        _i(
            "tr-amir",
            "med",
            NL,
            14,
            "Mød din TR og AMIR",
            "Meet your union and safety reps",
            "Hold et første møde med tillidsrepræsentant og arbejdsmiljørepræsentant.",
            "Hold a first meeting with your union and safety representatives.",
        ),
        _i(
            "krise-presse",
            "crisis_press",
            STAFF,
            45,
            "Kriseberedskab, presse og sociale medier",
            "Crisis preparedness, press and social media",
            "Hvem ringer du til, når pressen ringer? Gennemgå beredskabsplanen og "
            "kommunikationsafdelingens vagttelefon.",
            "Whom to call when the press calls? Go through the crisis plan and the press line.",
            kind="communications",
        ),
        _i(
            "hr-udvikling",
            None,
            STAFF,
            21,
            "Mød din HR-udviklingskonsulent {owner}",
            "Meet your HR development consultant {owner}",
            "HR Udvikling tilbyder ledersparring, coaching og lederuddannelse.",
            "HR development offers sparring, coaching and leadership education.",
            kind="hr_development",
        ),
        _i(
            "jura",
            None,
            STAFF,
            60,
            "Juridisk rådgivning: mød {owner}",
            "Legal advice: meet {owner}",
            "Kend vejen til kommunens jurister, før du får brug for dem.",
            "Know the way to the legal team before you need it.",
            kind="legal",
            required=False,
        ),
        _i(
            "ejendom",
            None,
            STAFF,
            60,
            "Bygninger og vedligehold: mød {owner}",
            "Buildings and maintenance: meet {owner}",
            "Hvem har ansvaret for indvendig og udvendig vedligehold af dine bygninger?",
            "Who is responsible for inside and outside maintenance of your buildings?",
            kind="property",
            required=False,
        ),
        _i(
            "frivillige",
            "volunteers",
            NL,
            75,
            "Frivillige: rammer og tavshedspligt",
            "Volunteers: framework and confidentiality",
            "Kend kommunens rammer for frivillige, tavshedspligt og samarbejdet med foreninger.",
            "Know the framework for volunteers, confidentiality and working with associations.",
            required=False,
        ),
        _i(
            "uddannelsesplan",
            None,
            BOSS,
            120,
            "Plan for lederuddannelse (diplom i ledelse)",
            "Leadership education plan (diploma)",
            "Aftal hvornår du starter på diplom i ledelse, og hvordan du aflastes i modulerne - "
            "især det afsluttende.",
            "Agree when you start the diploma in leadership and how you are relieved during the "
            "modules, especially the final one.",
        ),
        _i(
            "netvaerk",
            "cross_sector",
            NL,
            60,
            "Find et ledernetværk",
            "Join a leader network",
            "Uformelle netværk er for mange det vigtigste sted for sparring. Se hvilke netværk "
            "der byder nye ledere velkommen.",
            "Informal networks are where many get their best sparring. See which networks "
            "welcome new leaders.",
        ),
    ],
}

FIRST_LEADER_JOB: Final[TemplateSpec] = {
    "slug": "foerste-lederjob",
    "name_da": "Første lederjob",
    "name_en": "First leader job",
    "description_da": "Ekstra støtte til dig, der er leder for første gang.",
    "description_en": "Extra support if this is your first leader job.",
    "rules": {"first_leader_job": True},
    "items": [
        _i(
            "ugentlig-sparring",
            None,
            BOSS,
            7,
            "Ugentlig sparring med din chef de første 8 uger",
            "Weekly sparring with your boss for the first 8 weeks",
            "Korte faste møder, så spørgsmål ikke hober sig op.",
            "Short regular meetings so questions do not pile up.",
        ),
        _i(
            "kollega-til-leder",
            "former_colleagues",
            NL,
            30,
            "Fra kollega til leder",
            "From colleague to leader",
            "Rolleskiftet er svært, især hvis du leder tidligere kolleger. Tal det igennem med "
            "din mentor.",
            "The role change is hard, especially when leading former colleagues.",
        ),
        _i(
            "oekonomi-saerundervisning",
            "budget",
            STAFF,
            21,
            "Særundervisning i budget med {owner}",
            "Budget tutoring with {owner}",
            "Nye ledere uden erfaring med økonomistyring får en ekstra gennemgang af budgettets "
            "opbygning og økonomisystemet.",
            "New leaders without budget experience get an extra session on the budget and the "
            "finance system.",
            kind="finance",
        ),
        _i(
            "personalejura-ny",
            "employment_law",
            HR,
            30,
            "Personalejura for nye ledere",
            "Employment law for new leaders",
            'Et kort forløb om de ansættelsesretlige "tricks" til dialogen med medarbejdere og TR.',
            "A short course on the employment-law tools for talking to staff and union reps.",
        ),
        _i(
            "egen-trivsel",
            "wellbeing_self",
            NL,
            45,
            "Din egen trivsel i lederrollen",
            "Your own well-being in the role",
            "Hvad giver dig energi, og hvad dræner? Aftal hvem du sparrer med.",
            "What gives you energy and what drains it? Agree whom you spar with.",
        ),
        _i(
            "mentor-rytme",
            None,
            MENTOR,
            60,
            "Aftal en fast rytme med din mentor",
            "Agree a regular rhythm with your mentor",
            "Aftal møder de næste seks måneder.",
            "Plan meetings for the next six months.",
        ),
        _i(
            "coaching",
            "wellbeing_self",
            HR,
            90,
            "Tilbud om ledercoaching i HR",
            "Leadership coaching offered by HR",
            "HR tilbyder coaching - intern eller ekstern efter dit ønske.",
            "HR offers coaching - internal or external as you prefer.",
            required=False,
        ),
    ],
}

ROSTER: Final[TemplateSpec] = {
    "slug": "doegn-vagtplan",
    "name_da": "Døgndækkende tilbud og vagtplan",
    "name_en": "24-hour services and roster",
    "description_da": "For tilbud med vagtplan: vagtplanlægning styrer økonomien, og det er "
    "her de faglige organisationer rejser sager om arbejdstid.",
    "description_en": "For units with a roster: roster planning steers the economy and is where "
    "unions raise working-time cases.",
    "rules": {"shift_work": True},
    "items": [
        _i(
            "vagtplan-adgang",
            "roster",
            STAFF,
            -3,
            "Adgang til vagtplansystemet",
            "Access to the roster system",
            "IT opretter din adgang til vagtplansystemet (SD).",
            "IT sets up your access to the roster system.",
            kind="it",
        ),
        _i(
            "vagtplan-undervisning",
            "roster",
            STAFF,
            14,
            "Undervisning i vagtplansystem og arbejdstidsregler med {owner}",
            "Roster-system and working-time training with {owner}",
            "Løn og Personale underviser planlæggere og ledere i vagtplansystemet og "
            "arbejdstidsreglerne. Det gør en væsentlig forskel.",
            "Payroll & HR law trains planners and leaders in the roster system and working-time "
            "rules.",
            kind="payroll_hr_law",
            depends_on="vagtplan-adgang",
        ),
        _i(
            "arbejdstidsaftaler",
            "roster",
            NL,
            30,
            "Arbejdstidsaftaler og forståelsespapir med TR",
            "Working-time agreements and an understanding with the union rep",
            '"Ingen rigide regler, fleksibilitet - men inden for den overordnede ramme."',
            '"No rigid rules, flexibility - but within the overall frame."',
        ),
        _i(
            "vagtplan-oekonomi",
            "roster",
            STAFF,
            45,
            "Vagtplanen styrer økonomien",
            "The roster steers the budget",
            "Gennemgå vagtplan og budget sammen med økonomikonsulenten.",
            "Go through roster and budget with your finance consultant.",
            kind="finance",
            depends_on="vagtplan-undervisning",
        ),
        _i(
            "vagtplan-stikproeve",
            "roster",
            STAFF,
            90,
            "Stikprøvekontrol af vagtplanen",
            "Spot check of the roster",
            "Løn og Personale følger op med en stikprøve på arbejdstidsreglerne.",
            "Payroll & HR law follows up with a spot check of working-time rules.",
            kind="payroll_hr_law",
        ),
        _i(
            "nat-beredskab",
            "crisis_press",
            NL,
            21,
            "Beredskab om natten og i weekenden",
            "Night and weekend on-call",
            "Hvem har ledervagten, og hvornår ringer personalet?",
            "Who is the leader on call, and when do staff call?",
            rules={"round_the_clock": True},
        ),
        _i(
            "tilsyn",
            "inspections",
            NL,
            60,
            "Tilsyn og dokumentation",
            "Inspections and records",
            "Forbered dig på tilsynsbesøg: krav til dokumentation og kvalitetsstandarder.",
            "Prepare for inspection visits: documentation and quality standards.",
        ),
    ],
}

MULTI_SITE: Final[TemplateSpec] = {
    "slug": "flere-matrikler",
    "name_da": "Flere matrikler",
    "name_en": "Several sites",
    "description_da": "For ledere af tilbud på flere adresser.",
    "description_en": "For leaders of units spread over several sites.",
    "rules": {"multi_site": True},
    "items": [
        _i(
            "besoeg-matrikler",
            "multi_site",
            NL,
            7,
            "Besøg alle matrikler i din første uge",
            "Visit every site in your first week",
            "Vær synlig på alle adresser tidligt.",
            "Be visible at every site early on.",
        ),
        _i(
            "moedestruktur",
            "multi_site",
            NL,
            30,
            "Mødestruktur på tværs af matrikler",
            "Meeting structure across sites",
            "Aftal faste møder og hvem der er din kontakt på hver matrikel.",
            "Agree regular meetings and your contact at each site.",
        ),
        _i(
            "bemanding-matrikler",
            "multi_site",
            BOSS,
            30,
            "Åbne- og lukkeansvar på hver matrikel",
            "Opening and closing duty at each site",
            "Drøft med din chef, hvordan bemanding og åbne-/lukkevagter finansieres.",
            "Discuss with your boss how staffing and opening/closing duty are funded.",
        ),
        _i(
            "kommunikation-matrikler",
            "communication",
            NL,
            45,
            "Kommunikation til alle matrikler",
            "Communication to every site",
            "Hvordan når information ud til alle, også dem du sjældent ser?",
            "How does information reach everyone, including those you rarely see?",
        ),
        _i(
            "mentor-matrikler",
            "multi_site",
            MENTOR,
            60,
            "Sparring om ledelse på flere matrikler",
            "Sparring on multi-site leadership",
            "Tal med din mentor om, hvordan man leder på afstand.",
            "Talk with your mentor about leading at a distance.",
            required=False,
        ),
    ],
}

SPECIALIST: Final[TemplateSpec] = {
    "slug": "specialtilbud",
    "name_da": "Specialtilbud",
    "name_en": "Specialist services",
    "description_da": "Ledere af sjældne tilbud savner ledere med en lignende kerneopgave.",
    "description_en": "Leaders of rare services miss peers with a similar core task.",
    "rules": {"specialist": True},
    "items": [
        _i(
            "find-peers",
            "specialist",
            NL,
            45,
            "Find ledere af lignende specialtilbud",
            "Find leaders of similar specialist services",
            "Brug peer-søgningen til at finde ledere med en lignende kerneopgave - også i andre "
            "forvaltninger og kommuner.",
            "Use the peer finder to find leaders with a similar core task, also elsewhere.",
        ),
        _i(
            "taksfinansiering",
            "budget",
            STAFF,
            45,
            "Takster og visitation med {owner}",
            "Rates and referrals with {owner}",
            "Mange specialtilbud er takstfinansierede: forstå sammenhængen mellem belægning og "
            "budget.",
            "Many specialist services are rate-funded: understand occupancy and budget.",
            kind="finance",
        ),
        _i(
            "tvaersektorielt",
            "cross_sector",
            NL,
            90,
            "Tværsektorielt samarbejde",
            "Cross-sector collaboration",
            "Hvem samarbejder du med i regionen, på sygehuse og hos andre kommuner?",
            "Whom do you work with in the region, at hospitals and in other municipalities?",
        ),
        _i(
            "faglig-sparring",
            "specialist",
            NL,
            120,
            "Faglig sparring på tværs af specialområder",
            "Professional sparring across specialist areas",
            "Tilmeld dig et læringsnetværk for specialtilbud.",
            "Sign up for a learning network for specialist services.",
            required=False,
        ),
    ],
}

SCHOOL_DAYCARE: Final[TemplateSpec] = {
    "slug": "skole-dagtilbud",
    "name_da": "Skole og dagtilbud",
    "name_en": "School and day-care",
    "description_da": "For ledere af skoler, dagtilbud og landsbyordninger.",
    "description_en": "For leaders of schools, day-care and village schemes.",
    "rules": {"service_types": ["school", "daycare", "village_scheme"]},
    "items": [
        _i(
            "tildelingsmodel",
            "budget",
            STAFF,
            30,
            "Budgettildelingsmodellen med {owner}",
            "The budget allocation model with {owner}",
            "Ressourcer tildeles efter børnetal: forstå hvad det betyder for sekretær, pedel og "
            "åbningstid.",
            "Resources follow the number of children: understand what it means "
            "for secretary, caretaker and opening hours.",
            kind="finance",
        ),
        _i(
            "foraeldresamarbejde",
            "communication",
            NL,
            30,
            "Forældresamarbejde og bestyrelse/forældreråd",
            "Parents, the school board or parent council",
            "Mød bestyrelsen eller forældrerådet og aftal samarbejdet.",
            "Meet the board or parent council and agree how you work together.",
        ),
        _i(
            "kvalitet",
            "inspections",
            NL,
            60,
            "Læreplaner og kvalitetsrapport",
            "Curricula and the quality report",
            "Sæt dig ind i de pædagogiske læreplaner eller skolens kvalitetsrapport.",
            "Learn the pedagogical curricula or the school's quality report.",
        ),
        _i(
            "ppr",
            "specialist",
            NL,
            45,
            "Samarbejdet med PPR",
            "Working with PPR",
            "Mød din kontakt i Pædagogisk Psykologisk Rådgivning om inklusion.",
            "Meet your contact in educational psychology about inclusion.",
        ),
    ],
}

LARGE_UNIT: Final[TemplateSpec] = {
    "slug": "stor-enhed",
    "name_da": "Stort ledelsesspænd",
    "name_en": "Large span of control",
    "description_da": "For ledere med mere end 50 medarbejdere.",
    "description_en": "For leaders of more than 50 staff.",
    "rules": {"staff_above": 50},
    "items": [
        _i(
            "ledergruppe",
            "leading_leaders",
            NL,
            30,
            "Din ledergruppe og mellemledere",
            "Your leadership team and middle managers",
            "Aftal roller, mødeform og delegering i ledergruppen.",
            "Agree roles, meetings and delegation in your leadership team.",
        ),
        _i(
            "apv",
            "work_environment",
            NL,
            90,
            "Arbejdsmiljø og APV",
            "Work environment and APV",
            "Kend status på arbejdspladsvurderingen og trivselsmålingen.",
            "Know the status of the workplace assessment and well-being survey.",
        ),
    ],
}

TEMPLATES: Final[tuple[TemplateSpec, ...]] = (
    ALL_NEW_LEADERS,
    FIRST_LEADER_JOB,
    ROSTER,
    MULTI_SITE,
    SPECIALIST,
    SCHOOL_DAYCARE,
    LARGE_UNIT,
)
