"""The demo's staff functions and their consultants: the tables, and the code that writes them.

Called by ``seed.demo.seed_people`` after the leaders exist (consultants serve administrations and
units); names are drawn from the step's ``ctx.rng``.
"""

from __future__ import annotations

from typing import Final

from backend.people import services as people
from backend.people.models import StaffContact, StaffFunctionKind
from seed import vocabulary as words
from seed.demo_people import DemoContext, contact_fields

#: The two HR consultants have fixed names (they are also the demo's HR logins).
FIXED_STAFF_NAMES: Final = (("Hanne", "Bech"), ("Rasmus", "Friis"))

_FUNCTIONS: Final[dict[str, tuple[str, str]]] = {
    StaffFunctionKind.PAYROLL_HR_LAW: (
        "Løn og Personale",
        "Ansættelser, ansættelsesbreve, løn, sygefravær, tilbagevendingsplaner og personalejura.",
    ),
    StaffFunctionKind.HR_DEVELOPMENT: (
        "HR Udvikling",
        "Lederintroduktion, lederudvikling, coaching, mentorordning, læringsnetværk og trivsel.",
    ),
    StaffFunctionKind.FINANCE: (
        "Økonomi",
        "Budget, budgetopfølgning, økonomisystemet og reglerne for overførsel mellem år.",
    ),
    StaffFunctionKind.IT: ("IT", "IT-udstyr, fagsystemer, adgange og digitalisering."),
    StaffFunctionKind.COMMUNICATIONS: (
        "Kommunikation",
        "Pressehenvendelser, krisekommunikation, sociale medier og intranet.",
    ),
    StaffFunctionKind.LEGAL: (
        "Jura",
        "Juridisk rådgivning om forvaltningsret, tilsyn, klagesager og personalejura.",
    ),
    StaffFunctionKind.PROPERTY: (
        "Ejendomme",
        "Fælles Ejendomscenter: bygningsvedligehold, lokaler, indeklima og nøgler.",
    ),
}

BU, SS, AM, KT, CS = (
    "Børn og Unge",
    "Social og Sundhed",
    "Arbejdsmarked",
    "Kultur og Teknik",
    "Centrale stabe",
)

#: (function, title, administrations served, units served by service type / 24-hour, fixed name)
_CONTACTS: Final[
    tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, str] | None], ...]
] = (
    (StaffFunctionKind.PAYROLL_HR_LAW, "Personalekonsulent", (BU,), (), None),
    (StaffFunctionKind.PAYROLL_HR_LAW, "Personalekonsulent", (SS,), (), None),
    (StaffFunctionKind.PAYROLL_HR_LAW, "Personalekonsulent", (AM, KT, CS), (), None),
    (StaffFunctionKind.PAYROLL_HR_LAW, "Vagtplankonsulent", (), ("24h",), None),
    (StaffFunctionKind.HR_DEVELOPMENT, "HR-konsulent", (BU, AM, CS), (), ("Hanne", "Bech")),
    (StaffFunctionKind.HR_DEVELOPMENT, "HR-konsulent", (SS, KT), (), ("Rasmus", "Friis")),
    (StaffFunctionKind.FINANCE, "Økonomikonsulent", (BU,), (), None),
    (StaffFunctionKind.FINANCE, "Økonomikonsulent", (SS,), (), None),
    (StaffFunctionKind.FINANCE, "Økonomikonsulent", (AM,), (), None),
    (StaffFunctionKind.FINANCE, "Økonomikonsulent", (KT, CS), (), None),
    (StaffFunctionKind.IT, "IT-konsulent", (BU, KT), (), None),
    (StaffFunctionKind.IT, "IT-konsulent", (SS, AM, CS), (), None),
    (StaffFunctionKind.COMMUNICATIONS, "Kommunikationskonsulent", (BU, SS, AM, KT, CS), (), None),
    (StaffFunctionKind.LEGAL, "Jurist", (SS, AM), (), None),
    (StaffFunctionKind.LEGAL, "Jurist", (BU, KT, CS), (), None),
    (StaffFunctionKind.PROPERTY, "Ejendomskonsulent", (), ("school", "village_scheme"), None),
    (StaffFunctionKind.PROPERTY, "Ejendomskonsulent", (), ("daycare", "youth_club"), None),
    (
        StaffFunctionKind.PROPERTY,
        "Ejendomskonsulent",
        (),
        ("care_home", "residential", "shelter"),
        None,
    ),
)


def staff_functions_create(ctx: DemoContext) -> None:
    """Create the staff functions and their consultants, with whom each serves."""
    functions = {
        kind: people.staff_function_get_or_create(
            organisation=ctx.organisation, kind=kind, name=name
        )
        for kind, (name, _description) in _FUNCTIONS.items()
    }
    for kind, (_name, description) in _FUNCTIONS.items():
        functions[kind].description = description
        functions[kind].save(update_fields=["description"])
    for number, (kind, title, administrations, unit_kinds, fixed) in enumerate(_CONTACTS):
        first_name, last_name = fixed or words.person_name(ctx.rng, ctx.names)
        contact = StaffContact.objects.create(
            organisation=ctx.organisation,
            staff_function=functions[kind],
            name=f"{first_name} {last_name}",
            title=title,
            **contact_fields(ctx, first_name, last_name, 5000 + number),
        )
        contact.administrations.set([ctx.administrations[a] for a in administrations])
        if unit_kinds:
            units = [
                unit
                for unit in ctx.units.values()
                if unit.service_type in unit_kinds or ("24h" in unit_kinds and unit.round_the_clock)
            ]
            people.staff_contact_set_units(contact=contact, units=units)
