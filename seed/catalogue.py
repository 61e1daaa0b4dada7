"""Seed step: the staff functions' offers ("hjælpetropper"), a few requests, and the links from
onboarding items to the offers that serve them (issue 16, item 4).

The study: leaders are unsure which services HR offers and ask for a catalogue ("der efterspørges
et ydelseskatalog", report lines 101, 393); new leaders lack an overview of the support offers and
which consultant serves them (line 1303); HR should follow up on its offers so the processes reach
their goal (line 1368), and say more clearly what it offers (line 1376). Written through
``backend.catalogue.services`` after the people, mentoring and onboarding steps (the functions,
consultants and templates exist); rerunnable (offers are matched by title).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Final, TypedDict

from backend.catalogue.models import Offer, OfferRequest
from backend.catalogue.services import request_create, request_move
from backend.people.models import Leader, Organisation, StaffContact, StaffFunction, Topic, User
from onboarding.models import TemplateItem


class OfferSpec(TypedDict):
    """One offer: its staff function (kind), texts, topics, who delivers it and the template
    items (by key) it serves."""

    kind: str
    consultant: str  # a consultant title of the function ("" = the function as a whole)
    title_da: str
    title_en: str
    description_da: str
    description_en: str
    topics: list[str]
    duration: str
    timing: str
    items: list[str]


OFFERS: Final[tuple[OfferSpec, ...]] = (
    {
        "kind": "finance",
        "consultant": "Økonomikonsulent",
        "title_da": "Budgetgennemgang midt i året",
        "title_en": "A mid-year budget review",
        "description_da": "Din økonomikonsulent gennemgår forbruget med dig i juni: hvor ender "
        "året, hvad kan nås, og hvad betyder reglen om, at kun 3 % kan overføres til næste år?",
        "description_en": "Your finance consultant goes through spending with you in June: where "
        "the year will end, what can still be done, and what the 3% carry-over rule means.",
        "topics": ["budget"],
        "duration": "1½ time",
        "timing": "Maj–juni",
        "items": ["budgetopfoelgning-1", "ledertrin-oekonomi"],
    },
    {
        "kind": "finance",
        "consultant": "Økonomikonsulent",
        "title_da": "Kom i gang med økonomisystemet",
        "title_en": "Getting started with the finance system",
        "description_da": "En personlig introduktion ved din egen skærm: rapporter, "
        "budgetopfølgning og godkendelse af fakturaer.",
        "description_en": "A personal introduction at your own screen: reports, budget "
        "follow-up and approving invoices.",
        "topics": ["budget", "digital"],
        "duration": "2 timer",
        "timing": "De første fire uger",
        "items": ["oekonomisystem"],
    },
    {
        "kind": "payroll_hr_law",
        "consultant": "Vagtplankonsulent",
        "title_da": "Hjælp til opsætning af vagtplansystemet",
        "title_en": "Help setting up the roster system",
        "description_da": "Vagtplankonsulenten sætter vagtplanen op sammen med dig og gennemgår "
        "arbejdstidsreglerne, så planen både holder økonomisk og over for overenskomsten.",
        "description_en": "The roster consultant sets up the roster with you and goes through "
        "the working-time rules, so the plan holds both financially and under the agreement.",
        "topics": ["roster"],
        "duration": "2 × 2 timer",
        "timing": "Efter aftale",
        "items": ["vagtplan-undervisning", "fag-vagtplan"],
    },
    {
        "kind": "payroll_hr_law",
        "consultant": "Personalekonsulent",
        "title_da": "Støtte til sygefraværssamtalen",
        "title_en": "Support in a sick-leave conversation",
        "description_da": "Forberedelse af samtalen efter kommunens model, og en "
        "personalekonsulent med til samtalen, hvis du ønsker det.",
        "description_en": "Preparing the conversation by the municipality's model, and a "
        "consultant at the conversation if you wish.",
        "topics": ["sick_leave"],
        "duration": "1 time + samtalen",
        "timing": "Inden for en uge",
        "items": ["sygefravaer"],
    },
    {
        "kind": "payroll_hr_law",
        "consultant": "Personalekonsulent",
        "title_da": "Rekrutteringspakke",
        "title_en": "A recruitment package",
        "description_da": "Fra stillingsopslag til ansættelsesbrev: profil, opslag, "
        "samtaleguide, test og reference – så du sætter det rigtige hold.",
        "description_en": "From job advert to letter of appointment: profile, advert, interview "
        "guide, tests and references – so you pick the right team.",
        "topics": ["recruitment"],
        "duration": "3–5 møder",
        "timing": "Hele året",
        "items": ["rekruttering"],
    },
    {
        "kind": "payroll_hr_law",
        "consultant": "",
        "title_da": "Personalejura: tilbagevendingsplan og TR-beskyttelse",
        "title_en": "Employment law: return-to-work plans and union representatives",
        "description_da": "Rådgivning i en konkret sag: tilbagevendingsplan, advarsel, "
        "afskedigelse eller en tillidsrepræsentants særlige beskyttelse.",
        "description_en": "Advice in a specific case: a return-to-work plan, a warning, a "
        "dismissal, or a union representative's special protection.",
        "topics": ["employment_law"],
        "duration": "Efter behov",
        "timing": "Hverdage",
        "items": ["personalejura", "personalejura-ny"],
    },
    {
        "kind": "hr_development",
        "consultant": "HR-konsulent",
        "title_da": "Ledercoaching",
        "title_en": "Leadership coaching",
        "description_da": "Tre fortrolige coachingsamtaler med en certificeret coach fra HR "
        "Udvikling – med opfølgning, så forløbet når i mål.",
        "description_en": "Three confidential coaching sessions with a certified coach from HR "
        "development – with follow-up, so the process reaches its goal.",
        "topics": ["wellbeing_self", "leading_leaders"],
        "duration": "3 × 1½ time",
        "timing": "Over tre måneder",
        "items": ["coaching", "talent-hr-tovholder"],
    },
    {
        "kind": "hr_development",
        "consultant": "",
        "title_da": "Udvikling af dit medarbejderteam",
        "title_en": "Developing your staff team",
        "description_da": "Et forløb med dit personale om samarbejde og psykologisk tryghed, "
        "tilrettelagt med dig.",
        "description_en": "A process with your staff on cooperation and psychological safety, "
        "planned with you.",
        "topics": ["psychological_safety", "work_environment"],
        "duration": "2 halve dage",
        "timing": "Forår og efterår",
        "items": [],
    },
    {
        "kind": "hr_development",
        "consultant": "HR-konsulent",
        "title_da": "Lederudviklingsplan ved nyt ledelsestrin",
        "title_en": "A development plan for a new leader level",
        "description_da": "Når du går et ledelsestrin op: en samtale om de kompetencer, der skal "
        "styrkes, og en plan med forløb, coaching og netværk.",
        "description_en": "When you move up a level: a conversation about the competencies to "
        "strengthen, and a plan of courses, coaching and networks.",
        "topics": ["leading_leaders", "strategy"],
        "duration": "1½ time",
        "timing": "De første tre måneder",
        "items": ["ledertrin-lederudvikling", "talent-profil"],
    },
    {
        "kind": "communications",
        "consultant": "Kommunikationskonsulent",
        "title_da": "Klar til pressen: krisekommunikation",
        "title_en": "Ready for the press: crisis communication",
        "description_da": "Hvad gør du, når journalisten ringer? En time om kommunens "
        "krisekommunikation og sociale medier, med en plan til din enhed.",
        "description_en": "What do you do when a journalist calls? An hour on the municipality's "
        "crisis communication and social media, with a plan for your unit.",
        "topics": ["crisis_press"],
        "duration": "1 time",
        "timing": "Efter aftale",
        "items": ["krise-presse"],
    },
    {
        "kind": "legal",
        "consultant": "Jurist",
        "title_da": "Forberedelse til tilsyn",
        "title_en": "Preparing for an inspection",
        "description_da": "Juristen gennemgår lovgrundlaget og de seneste tilsynsrapporter med "
        "dig før et anmeldt tilsyn.",
        "description_en": "The lawyer goes through the legal basis and the latest inspection "
        "reports with you before an announced inspection.",
        "topics": ["inspections"],
        "duration": "1 time",
        "timing": "Før et anmeldt tilsyn",
        "items": ["tilsyn", "fag-tilsyn"],
    },
)


def seed_catalogue(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """Publish the offers, link the onboarding items to them, and make a few requests."""
    topics = {topic.slug: topic for topic in Topic.objects.filter(organisation=organisation)}
    functions = {f.kind: f for f in StaffFunction.objects.filter(organisation=organisation)}
    offers = [
        offer
        for spec in OFFERS
        if (offer := _offer(organisation, spec, functions, topics)) is not None
    ]
    if OfferRequest.objects.filter(organisation=organisation).exists():
        return  # the requests were made by an earlier run
    _requests(organisation, offers, rng=rng, today=today)


def _offer(
    organisation: Organisation,
    spec: OfferSpec,
    functions: dict[str, StaffFunction],
    topics: dict[str, Topic],
) -> Offer | None:
    function = functions.get(spec["kind"])
    if function is None:
        return None
    consultant = (
        StaffContact.objects.filter(staff_function=function, title=spec["consultant"])
        .order_by("id")
        .first()
        if spec["consultant"]
        else None
    )
    offer, _created = Offer.objects.get_or_create(
        organisation=organisation,
        title_da=spec["title_da"],
        defaults={
            "staff_function": function,
            "delivered_by": consultant,
            "title_en": spec["title_en"],
            "description_da": spec["description_da"],
            "description_en": spec["description_en"],
            "duration": spec["duration"],
            "timing": spec["timing"],
        },
    )
    offer.topics.set([topics[slug] for slug in spec["topics"] if slug in topics])
    items = TemplateItem.objects.filter(template__organisation=organisation, key__in=spec["items"])
    for item in items:
        item.offers.add(offer)
    return offer


#: (offer index, status, message, desired timing, reply or reason)
_REQUESTS: Final = (
    (0, "requested", "Vi forventer et merforbrug på vikarer. Kan vi kigge på det sammen?", "Juni"),
    (2, "scheduled", "Vi skal have ny vagtplan fra 1. september.", "August"),
    (3, "accepted", "Jeg skal have min første sygefraværssamtale og vil gerne forberede mig.", ""),
    (4, "done", "Vi skal ansætte to pædagoger.", "Inden sommerferien"),
    (9, "declined", "Kan I holde et oplæg for hele personalegruppen?", "Efterår"),
)
_REPLIES: Final = {
    "scheduled": "Vi ses på din enhed kl. 9. Tag gerne den nuværende plan med.",
    "accepted": "Din personalekonsulent ringer dig op i morgen.",
    "done": "Godt at høre, at ansættelserne faldt på plads.",
    "declined": "Kommunikation holder ikke oplæg for personalegrupper; vi sender materialet.",
}


def _requests(
    organisation: Organisation, offers: list[Offer], *, rng: random.Random, today: dt.date
) -> None:
    """Requests from new leaders (the first persona with a login among them), in each state."""
    new = list(
        Leader.objects.filter(organisation=organisation, role_start_date__isnull=False).order_by(
            "-role_start_date", "id"
        )[:12]
    )
    with_login = [leader for leader in new if User.objects.filter(leader=leader).exists()]
    leaders = with_login[:1] + rng.sample([x for x in new if x not in with_login[:1]], 4)
    hr = User.objects.filter(organisation=organisation, role=User.Role.HR).order_by("id").first()
    for leader, (index, status, message, timing) in zip(leaders, _REQUESTS, strict=False):
        if index >= len(offers):
            continue
        row = request_create(
            leader=leader, offer=offers[index], message=message, desired_timing=timing
        )
        steps = {
            "requested": [],
            "accepted": ["accepted"],
            "scheduled": ["accepted", "scheduled"],
            "done": ["accepted", "done"],
            "declined": ["declined"],
        }[status]
        for step in steps:
            request_move(
                row=row,
                actor=hr,
                status=step,
                scheduled_for=today + dt.timedelta(days=10) if step == "scheduled" else None,
                reply=_REPLIES.get(status),
                decline_reason=_REPLIES["declined"] if step == "declined" else "",
            )
