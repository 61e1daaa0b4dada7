"""Onboarding for moves, not only first jobs (issue 16, item 6): Danish content from the study.

The study asks for support when a leader moves, not only when they start: "der skal også være
øje for at understøtte, når ledere går fra et ledelsestrin til et andet f.eks. fra leder til chef,
eller fra leder til centerleder. Det betyder nye ting, der skal introduceres til, og kompetencer
der skal styrkes" (report line 1311); leaders who take over services "uden for deres
erfaringszone" need their new job profile weighed against what they bring (line 71); talents
from Morgendagens Ledere fall into a gap before the first leader job, where the profile should be
held up against the coming leader profile and the boss must secure "udfordringer og øve baner"
(line 685); and large areas (over 50 staff, several sites) need "træningsbaner" (line 1039).

Each template applies to one way into the role (``Leader.entry_route``: ``promoted``,
``new_area``, ``talent``), so the rules choose them: a leader promoted from team leader to
department head gets the first, and not the third. Loaded with the study's other templates by
``seed.onboarding.seed_onboarding`` (``templates_load``: idempotent, HR's edits are kept).
"""

from __future__ import annotations

from typing import Final

from seed.onboarding_content import TemplateSpec

NL, BOSS, HR, STAFF = "new_leader", "boss", "hr", "staff_consultant"

PROMOTED: Final[TemplateSpec] = {
    "slug": "nyt-ledelsestrin",
    "name_da": "Nyt ledelsestrin",
    "name_en": "A move up a leader level",
    "description_da": "Til dig, der går et ledelsestrin op – fra teamleder til afdelingsleder, "
    "fra leder til centerleder eller chef. Du kan lederjobbet; det nye er at lede ledere, et "
    "større budget og en anden rolle i ledergruppen.",
    "description_en": "For you who move up a level – from team leader to department head, from "
    "leader to area head. You know the leader job; what is new is leading leaders, a larger "
    "budget and another role in the leadership team.",
    "rules": {"entry_routes": ["promoted"]},
    "items": [
        {
            "key": "ledertrin-forventninger",
            "topic": "leading_leaders",
            "owner_role": BOSS,
            "due_offset_days": 7,
            "title_da": "Forventninger til det nye ledelsestrin",
            "title_en": "Expectations of the new leader level",
            "guidance_da": "Tal med din chef om, hvad der er nyt på dette trin: hvilke opgaver "
            "slipper du, hvilke beslutninger er nu dine, og hvad skal du introduceres til de "
            "første tre måneder. Skriv de tre vigtigste ned.",
            "guidance_en": "Talk with your boss about what is new at this level: which tasks you "
            "let go of, which decisions are now yours, and what you need an introduction to in "
            "the first three months. Write down the three most important.",
        },
        {
            "key": "ledertrin-lede-ledere",
            "topic": "leading_leaders",
            "owner_role": NL,
            "due_offset_days": 30,
            "title_da": "Fra at lede medarbejdere til at lede ledere",
            "title_en": "From leading staff to leading leaders",
            "guidance_da": "Hold et første møde med dine nye ledere hver for sig: hvad "
            "forventer de af dig, og hvad må de selv? Aftal en fast rytme for jeres sparring.",
            "guidance_en": "Meet each of your new leaders: what do they expect of you, and what "
            "is theirs to decide? Agree a steady rhythm for your sparring.",
        },
        {
            "key": "ledertrin-tidligere-kolleger",
            "topic": "former_colleagues",
            "owner_role": NL,
            "due_offset_days": 21,
            "title_da": "Når dine kolleger bliver dine medarbejdere",
            "title_en": "When your colleagues become your staff",
            "guidance_da": "Har du tidligere været kollega med dem, du nu leder? Sig det højt på "
            "et møde, og aftal hvordan I taler om det, der er anderledes nu.",
            "guidance_en": "Were you a colleague of the people you now lead? Say so at a "
            "meeting, and agree how you talk about what is different now.",
        },
        {
            "key": "ledertrin-oekonomi",
            "topic": "budget",
            "owner_role": STAFF,
            "staff_function_kind": "finance",
            "due_offset_days": 30,
            "title_da": "Det større budgetområde med {owner}",
            "title_en": "The larger budget area with {owner}",
            "guidance_da": "Gennemgå hele budgetområdet med økonomikonsulenten: hvordan fordeles "
            "midlerne mellem enhederne, og hvor er risiciene i år?",
            "guidance_en": "Go through the whole budget area with the finance consultant: how "
            "the money is shared between the units, and where this year's risks are.",
        },
        {
            "key": "ledertrin-lederudvikling",
            "topic": "strategy",
            "owner_role": HR,
            "due_offset_days": 60,
            "title_da": "Plan for lederudvikling på det nye trin",
            "title_en": "A leadership development plan for the new level",
            "guidance_da": "HR Udvikling og du aftaler, hvilke kompetencer der skal styrkes på "
            "det nye trin – fx strategisk ledelse, forandringsledelse eller ledelse af ledere – "
            "og hvordan (forløb, coaching, netværk).",
            "guidance_en": "HR development and you agree which competencies to strengthen at the "
            "new level – strategy, leading change, leading leaders – and how (courses, "
            "coaching, networks).",
        },
        {
            "key": "ledertrin-sparring",
            "topic": "leading_leaders",
            "owner_role": NL,
            "due_offset_days": 45,
            "required": False,
            "title_da": "Sparring med en leder, der har taget samme skridt",
            "title_en": "Sparring with a leader who made the same move",
            "guidance_da": "Find en leder på dit nye trin i en anden forvaltning (brug "
            "Sparrings kollegafinder) og tal om det første år.",
            "guidance_en": "Find a leader at your new level in another administration (use the "
            "peer finder) and talk about the first year.",
        },
    ],
}

NEW_AREA: Final[TemplateSpec] = {
    "slug": "nyt-fagomraade",
    "name_da": "Nyt fagområde",
    "name_en": "A move into another service area",
    "description_da": "Til dig, der er erfaren leder, men nu leder et tilbud uden for din "
    "erfaringszone – fx fra skole til ungdomsområdet eller fra hjemmepleje til botilbud.",
    "description_en": "For you who are an experienced leader but now lead a service outside "
    "your zone of experience – from school to youth services, from home care to residential "
    "care.",
    "rules": {"entry_routes": ["new_area"]},
    "items": [
        {
            "key": "fag-introduktion",
            "topic": "specialist",
            "owner_role": BOSS,
            "due_offset_days": 10,
            "title_da": "Introduktion til fagområdets kerneopgave",
            "title_en": "An introduction to the service area's core task",
            "guidance_da": "Din chef giver dig en introduktion til målgruppen, lovgrundlaget og "
            "de faglige metoder, og peger på de medarbejdere, der bærer fagligheden.",
            "guidance_en": "Your boss introduces the target group, the legal basis and the "
            "professional methods, and points out the staff who carry the expertise.",
        },
        {
            "key": "fag-jobprofil",
            "topic": None,
            "owner_role": BOSS,
            "due_offset_days": 30,
            "title_da": "Jobprofilen: hvad skal du lære hurtigt?",
            "title_en": "The job profile: what must you learn quickly?",
            "guidance_da": "Hold jobprofilen op mod det, du har med dig. Aftal med din chef, hvad "
            "du skal lære de første måneder, og hvem der hjælper dig med det.",
            "guidance_en": "Hold the job profile up against what you bring. Agree with your boss "
            "what you must learn in the first months, and who helps you learn it.",
        },
        {
            "key": "fag-netvaerk",
            "topic": "cross_sector",
            "owner_role": NL,
            "due_offset_days": 30,
            "title_da": "Mød to erfarne ledere fra fagområdet",
            "title_en": "Meet two experienced leaders of the service area",
            "guidance_da": "Bed om en time hos to ledere, der har ledet den slags tilbud længe: "
            "hvad overraskede dem, og hvad skal du passe på?",
            "guidance_en": "Ask two leaders who have long led this kind of service for an hour: "
            "what surprised them, and what should you watch out for?",
        },
        {
            "key": "fag-tilsyn",
            "topic": "inspections",
            "owner_role": STAFF,
            "staff_function_kind": "legal",
            "due_offset_days": 45,
            "title_da": "Lovgrundlag og tilsyn i det nye område med {owner}",
            "title_en": "The legal basis and inspections in the new area with {owner}",
            "guidance_da": "Juristen gennemgår de regler og tilsyn, der gælder for tilbuddet, og "
            "hvad der skete ved seneste tilsyn.",
            "guidance_en": "The lawyer goes through the rules and inspections that apply to the "
            "service, and what happened at the last inspection.",
        },
        {
            "key": "fag-vagtplan",
            "topic": "roster",
            "owner_role": STAFF,
            "staff_function_kind": "payroll_hr_law",
            "due_offset_days": 21,
            "title_da": "Arbejdstidsregler og vagtplan i det nye område",
            "title_en": "Working-time rules and the roster in the new area",
            "guidance_da": "Arbejdstidsaftalerne er ikke de samme på alle fagområder. Gennemgå "
            "vagtplanen og aftalerne med vagtplankonsulenten.",
            "guidance_en": "The working-time agreements differ between service areas. Go "
            "through the roster and the agreements with the roster consultant.",
            "rules": {"shift_work": True},
        },
    ],
}

TALENT: Final[TemplateSpec] = {
    "slug": "fra-talentforloeb",
    "name_da": "Fra Morgendagens Ledere til første lederjob",
    "name_en": "From the talent programme to a first leader job",
    "description_da": "Til dig, der har gået på Morgendagens Ledere og nu har dit første "
    "lederjob: vi bygger videre på dit forløb, så der ikke opstår et hul mellem talentforløbet "
    "og hverdagen som leder.",
    "description_en": "For you who took the talent programme and now have your first leader "
    "job: we build on your programme, so there is no gap between it and everyday leadership.",
    "rules": {"entry_routes": ["talent"]},
    "items": [
        {
            "key": "talent-profil",
            "topic": None,
            "owner_role": BOSS,
            "due_offset_days": 14,
            "title_da": "Din profil fra talentforløbet holdt op mod lederprofilen",
            "title_en": "Your profile from the talent programme held up against the leader profile",
            "guidance_da": "Tag din udviklingsplan fra Morgendagens Ledere med til din chef. "
            "Sammenhold den med lederprofilen for jobbet og afdelingens ledelsesgrundlag: hvilke "
            "kompetencer skal lægges til nu?",
            "guidance_en": "Bring your development plan from the talent programme to your boss. "
            "Hold it up against the job's leader profile: which competencies come next?",
        },
        {
            "key": "talent-oevebaner",
            "topic": "leading_leaders",
            "owner_role": BOSS,
            "due_offset_days": 30,
            "title_da": "Aftal øvebaner: opgaver, der træner dig",
            "title_en": "Agree practice grounds: tasks that train you",
            "guidance_da": "Din chef og du vælger to-tre konkrete opgaver det første halve år, "
            "hvor du kan øve dig med sparring – fx et budgetoplæg eller en svær samtale.",
            "guidance_en": "Your boss and you choose two or three concrete tasks for the first "
            "six months where you practise with sparring – a budget proposal, a hard "
            "conversation.",
        },
        {
            "key": "talent-hr-tovholder",
            "topic": "wellbeing_self",
            "owner_role": HR,
            "due_offset_days": 21,
            "title_da": "HR er tovholder på dit videre forløb",
            "title_en": "HR keeps hold of your further development",
            "guidance_da": "HR Udvikling følger op på forløbet fra Morgendagens Ledere og "
            "tilbyder coaching det første år.",
            "guidance_en": "HR development follows up on the talent programme and offers "
            "coaching in the first year.",
        },
        {
            "key": "talent-netvaerk",
            "topic": "cross_sector",
            "owner_role": NL,
            "due_offset_days": 45,
            "required": False,
            "title_da": "Hold kontakten til dit hold fra Morgendagens Ledere",
            "title_en": "Keep in touch with your talent-programme cohort",
            "guidance_da": "Mange af dit hold står i samme situation. Aftal en fælles "
            "opfølgning efter tre måneder.",
            "guidance_en": "Many in your cohort are in the same situation. Agree a joint "
            "follow-up after three months.",
        },
        {
            "key": "talent-stor-enhed",
            "topic": "multi_site",
            "owner_role": BOSS,
            "due_offset_days": 60,
            "title_da": "Træningsbane til en stor enhed",
            "title_en": "A training ground for a large unit",
            "guidance_da": "Over 50 medarbejdere er meget uden ledererfaring. Aftal hvem der "
            "aflaster dig, og hvilke opgaver der venter til dit andet halvår.",
            "guidance_en": "Over 50 staff is a lot without leadership experience. Agree who "
            "relieves you, and which tasks wait until your second half-year.",
            "rules": {"staff_above": 50},
        },
    ],
}

MOVE_TEMPLATES: Final[tuple[TemplateSpec, ...]] = (PROMOTED, NEW_AREA, TALENT)
