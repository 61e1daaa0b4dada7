"""The shape of the demo municipality, Vesterå Kommune: administrations, departments, units, posts.

Modelled on the study in ``/work/shared/report`` (Holstebro Kommune, 104 leaders below director
level): five administrations, directors at the top, department chiefs (chefer) below them and unit
leaders below those, with afdelingsledere and teamledere under the biggest units. Unit facts
(service type, specialist, 24-hour, sites, staff) follow the report's examples: schools, day-care,
village schemes (landsbyordninger), care homes, home care, residential and 24-hour services, a
shelter (forsorgshjem), an acute function, the job centre, rare specialist services (a treatment
service, a social café, a nutrition unit) and the staff functions.

Plain data only: ``seed.demo`` turns it into rows. The order of ``POSTS`` is the order of creation,
so every boss comes before their reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

ORGANISATION_NAME: Final = "Vesterå Kommune"
ORGANISATION_SLUG: Final = "vestera"
MAIL_DOMAIN: Final = "vestera.example"

#: Administration name → short code (used in unit codes).
ADMINISTRATIONS: Final[dict[str, str]] = {
    "Centrale stabe": "CS",
    "Børn og Unge": "BU",
    "Social og Sundhed": "SS",
    "Arbejdsmarked": "AM",
    "Kultur og Teknik": "KT",
}


@dataclass(frozen=True, slots=True)
class Post:
    """A leader position: who sits where, over which unit, under which boss."""

    key: str
    administration: str
    department: str
    role_title: str
    tier: str  # director | chief | leader | sub
    boss: str | None
    unit_code: str
    unit_name: str
    service_type: str = "other"
    staff: tuple[int, int] = (8, 25)
    sites: int = 1
    round_the_clock: bool = False
    specialist: bool = False
    target_group: str = ""
    strengths: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Persona:
    """A named demo login whose leader row is fixed, not drawn from the seed."""

    username: str
    post: str
    first_name: str
    last_name: str
    years_as_leader: float
    education: str
    started_days_ago: int
    first_leader_job: bool = False
    languages: tuple[str, ...] = ("da", "en")
    bio: str = ""
    strengths: dict[str, int] = field(default_factory=dict)
    needs: tuple[tuple[str, int, str], ...] = ()  # (topic, weight, private note)


class _Builder:
    """Collects posts in creation order and numbers unit codes per administration."""

    def __init__(self) -> None:
        self.posts: list[Post] = []
        self._counters: dict[str, int] = {}

    def add(
        self,
        key: str,
        administration: str,
        department: str,
        role_title: str,
        tier: str,
        boss: str | None,
        unit_name: str,
        **facts: object,
    ) -> str:
        code = ADMINISTRATIONS[administration]
        self._counters[code] = self._counters.get(code, 0) + 1
        self.posts.append(
            Post(
                key=key,
                administration=administration,
                department=department,
                role_title=role_title,
                tier=tier,
                boss=boss,
                unit_code=f"{code}-{self._counters[code]:03d}",
                unit_name=unit_name,
                **facts,  # type: ignore[arg-type]
            )
        )
        return key


def _build() -> tuple[Post, ...]:
    """Describe the tree, top-down; one long flat function reads best here."""
    b = _Builder()
    a = b.add

    # --- Centrale stabe: the municipal director and the staff functions -------------------
    cs, sek = "Centrale stabe", "Direktion og Sekretariat"
    kd = a(
        "kd",
        cs,
        sek,
        "Kommunaldirektør",
        "director",
        None,
        "Direktionen",
        staff=(6, 6),
        strengths=("leading_leaders", "strategy", "crisis_press"),
    )
    hrc = a(
        "hr_chef",
        cs,
        "HR og Personale",
        "HR-chef",
        "chief",
        kd,
        "HR og Personale",
        service_type="staff_function",
        staff=(35, 40),
        strengths=("leading_leaders", "employment_law", "recruitment"),
    )
    a(
        "lon",
        cs,
        "HR og Personale",
        "Afdelingsleder",
        "leader",
        hrc,
        "Løn og Personale",
        service_type="staff_function",
        staff=(18, 22),
        strengths=("employment_law", "sick_leave"),
    )
    a(
        "lon_team",
        cs,
        "HR og Personale",
        "Teamleder",
        "sub",
        "lon",
        "Lønservice",
        service_type="staff_function",
        staff=(8, 10),
        strengths=("digital", "employment_law"),
    )
    a(
        "hru",
        cs,
        "HR og Personale",
        "Afdelingsleder",
        "leader",
        hrc,
        "HR Udvikling",
        service_type="staff_function",
        staff=(9, 12),
        strengths=("psychological_safety", "recruitment", "work_environment"),
    )
    oko = a(
        "oko_chef",
        cs,
        "Økonomi og Digitalisering",
        "Økonomichef",
        "chief",
        kd,
        "Økonomi og Analyse",
        service_type="staff_function",
        staff=(25, 30),
        strengths=("budget", "leading_leaders", "strategy"),
    )
    a(
        "budget",
        cs,
        "Økonomi og Digitalisering",
        "Afdelingsleder",
        "leader",
        oko,
        "Budget og Regnskab",
        service_type="staff_function",
        staff=(12, 15),
        strengths=("budget",),
    )
    a(
        "it",
        cs,
        "Økonomi og Digitalisering",
        "IT-chef",
        "leader",
        oko,
        "IT og Digitalisering",
        service_type="staff_function",
        staff=(22, 28),
        strengths=("digital", "change"),
    )
    a(
        "indkob",
        cs,
        "Økonomi og Digitalisering",
        "Teamleder",
        "leader",
        oko,
        "Indkøb og Udbud",
        service_type="staff_function",
        staff=(5, 7),
        strengths=("budget", "digital"),
    )
    sekc = a(
        "sek_chef",
        cs,
        sek,
        "Sekretariatschef",
        "chief",
        kd,
        "Direktionssekretariatet",
        service_type="staff_function",
        staff=(10, 14),
        strengths=("strategy", "communication", "leading_leaders"),
    )
    a(
        "kommunikation",
        cs,
        sek,
        "Kommunikationschef",
        "leader",
        sekc,
        "Kommunikation",
        service_type="staff_function",
        staff=(6, 8),
        strengths=("communication", "crisis_press"),
    )
    a(
        "jura",
        cs,
        sek,
        "Afdelingsleder",
        "leader",
        sekc,
        "Juridisk Kontor",
        service_type="staff_function",
        staff=(6, 9),
        strengths=("employment_law", "inspections"),
    )
    ejd = a(
        "ejd_chef",
        cs,
        "Ejendomme og Service",
        "Ejendomschef",
        "chief",
        kd,
        "Fælles Ejendomscenter",
        service_type="staff_function",
        staff=(30, 40),
        sites=3,
        strengths=("multi_site", "budget", "leading_leaders"),
    )
    a(
        "rengoring",
        cs,
        "Ejendomme og Service",
        "Funktionsleder",
        "leader",
        ejd,
        "Rengøringsservice",
        service_type="staff_function",
        staff=(130, 150),
        sites=12,
        strengths=("multi_site", "sick_leave", "roster"),
    )
    a(
        "drift",
        cs,
        "Ejendomme og Service",
        "Driftsleder",
        "leader",
        ejd,
        "Ejendomsdrift",
        service_type="technical",
        staff=(20, 26),
        sites=4,
        strengths=("multi_site", "budget"),
    )

    # --- Børn og Unge ------------------------------------------------------------------------
    bu = "Børn og Unge"
    bud = a(
        "bu_dir",
        bu,
        "Direktørområde Børn og Unge",
        "Direktør for Børn og Unge",
        "director",
        kd,
        "Direktørområde Børn og Unge",
        staff=(5, 5),
        strengths=("leading_leaders", "strategy", "change"),
    )
    skc = a(
        "skolechef",
        bu,
        "Skoler",
        "Skolechef",
        "chief",
        bud,
        "Skoleafdelingen",
        staff=(12, 15),
        strengths=("leading_leaders", "budget", "strategy"),
    )
    schools = (
        ("nørre", "Nørre Skole"),
        ("sønderbro", "Sønderbro Skole"),
        ("vestervang", "Vestervang Skole"),
        ("østerby", "Østerbyskolen"),
        ("åparken", "Åparkens Skole"),
        ("lindevej", "Lindevejens Skole"),
        ("bakke", "Bakkeskolen"),
        ("fjord", "Fjordskolen"),
        ("eng", "Engskolen"),
        ("havrevang", "Havrevangskolen"),
    )
    for key, name in schools:
        a(
            f"skole_{key}",
            bu,
            "Skoler",
            "Skoleleder",
            "leader",
            skc,
            name,
            service_type="school",
            staff=(45, 95),
            sites=2 if key in ("bakke", "fjord") else 1,
            target_group="børn 6-16 år",
        )
    a(
        "skole_kilden",
        bu,
        "Skoler",
        "Skoleleder",
        "leader",
        skc,
        "Specialskolen Kilden",
        service_type="school",
        specialist=True,
        staff=(50, 60),
        target_group="børn med autisme og ADHD",
        strengths=("specialist", "crisis_press"),
    )
    a(
        "skole_10",
        bu,
        "Skoler",
        "Centerleder",
        "leader",
        skc,
        "10. klassecenter Vesterå",
        service_type="school",
        staff=(18, 24),
        target_group="unge 15-17 år",
    )
    a(
        "bakke_indskoling",
        bu,
        "Skoler",
        "Afdelingsleder",
        "sub",
        "skole_bakke",
        "Bakkeskolen, indskoling",
        service_type="school",
        staff=(20, 28),
    )
    a(
        "bakke_udskoling",
        bu,
        "Skoler",
        "Afdelingsleder",
        "sub",
        "skole_bakke",
        "Bakkeskolen, udskoling",
        service_type="school",
        staff=(22, 30),
    )
    a(
        "vestervang_udskoling",
        bu,
        "Skoler",
        "Afdelingsleder",
        "sub",
        "skole_vestervang",
        "Vestervang Skole, udskoling",
        service_type="school",
        staff=(20, 26),
    )
    a(
        "fjord_sfo",
        bu,
        "Skoler",
        "SFO-leder",
        "sub",
        "skole_fjord",
        "Fjordskolens SFO",
        service_type="youth_club",
        staff=(12, 16),
    )
    a(
        "nørre_indskoling",
        bu,
        "Skoler",
        "Afdelingsleder",
        "sub",
        "skole_nørre",
        "Nørre Skole, indskoling og SFO",
        service_type="school",
        staff=(18, 24),
    )
    villages = ("Ulvbjerg", "Lystrup", "Hvidbjerg", "Sønderby")
    for name in villages:
        a(
            f"landsby_{name.lower()}",
            bu,
            "Skoler",
            "Landsbyleder",
            "leader",
            skc,
            f"Landsbyordningen {name}",
            service_type="village_scheme",
            staff=(22, 38),
            sites=2,
            target_group="børn 0-12 år",
            strengths=("volunteers", "multi_site"),
        )
    dtc = a(
        "dagtilbudschef",
        bu,
        "Dagtilbud",
        "Dagtilbudschef",
        "chief",
        bud,
        "Dagtilbudsafdelingen",
        staff=(8, 10),
        strengths=("leading_leaders", "budget", "change", "recruitment"),
    )
    daycares = (
        ("mælkebøtten", "Børnehuset Mælkebøtten", 1),
        ("troldehøj", "Børnehaven Troldehøj", 1),
        ("myretuen", "Vuggestuen Myretuen", 1),
        ("skovbrynet", "Dagtilbud Skovbrynet", 3),
        ("regnbuen", "Børnehuset Regnbuen", 1),
        ("egeskoven", "Naturbørnehaven Egeskoven", 1),
        ("solstrålen", "Børnehuset Solstrålen", 2),
        ("åbyen", "Dagtilbud Åbyen", 4),
        ("spirehuset", "Børnehuset Spirehuset", 1),
        ("kornblomsten", "Børnehuset Kornblomsten", 2),
        ("stjernen", "Dagtilbud Stjernen", 3),
        ("højvang", "Børnehuset Højvang", 1),
        ("bøgely", "Vuggestuen Bøgely", 1),
    )
    for key, name, sites in daycares:
        a(
            f"dag_{key}",
            bu,
            "Dagtilbud",
            "Dagtilbudsleder",
            "leader",
            dtc,
            name,
            service_type="daycare",
            staff=(14, 22) if sites == 1 else (28, 55),
            sites=sites,
            target_group="børn 0-6 år",
        )
    a(
        "dagplejen",
        bu,
        "Dagtilbud",
        "Dagplejeleder",
        "leader",
        dtc,
        "Dagplejen Vesterå",
        service_type="daycare",
        staff=(55, 70),
        target_group="børn 0-3 år i dagpleje",
        strengths=("multi_site", "sick_leave"),
    )
    a(
        "kernehuset",
        bu,
        "Dagtilbud",
        "Afdelingsleder",
        "leader",
        dtc,
        "Specialbørnehaven Kernehuset",
        service_type="daycare",
        specialist=True,
        staff=(20, 26),
        target_group="børn 0-6 år med særlige behov",
        strengths=("specialist", "cross_sector"),
    )
    fam = a(
        "familiechef",
        bu,
        "Familie og Forebyggelse",
        "Familiechef",
        "chief",
        bud,
        "Familieafdelingen",
        staff=(10, 12),
        strengths=("leading_leaders", "specialist", "budget"),
    )
    a(
        "ppr",
        bu,
        "Familie og Forebyggelse",
        "Afdelingsleder",
        "leader",
        fam,
        "PPR – Pædagogisk Psykologisk Rådgivning",
        service_type="ppr",
        specialist=True,
        staff=(22, 28),
        target_group="børn og unge 0-18 år",
    )
    a(
        "familiehuset",
        bu,
        "Familie og Forebyggelse",
        "Afdelingsleder",
        "leader",
        fam,
        "Familiehuset",
        service_type="family",
        staff=(14, 18),
        target_group="udsatte familier",
    )
    a(
        "bur",
        bu,
        "Familie og Forebyggelse",
        "Afdelingsleder",
        "leader",
        fam,
        "Børne- og Ungerådgivningen",
        service_type="family",
        staff=(30, 38),
        target_group="børn og unge med særlige behov",
        strengths=("inspections", "crisis_press"),
    )
    a(
        "stjernehuset",
        bu,
        "Familie og Forebyggelse",
        "Forstander",
        "leader",
        fam,
        "Døgninstitutionen Stjernehuset",
        service_type="residential",
        specialist=True,
        round_the_clock=True,
        staff=(35, 45),
        sites=2,
        target_group="børn og unge 7-17 år anbragt uden for hjemmet",
    )
    a(
        "sundhedsplejen",
        bu,
        "Familie og Forebyggelse",
        "Leder af Sundhedsplejen",
        "leader",
        fam,
        "Sundhedsplejen",
        service_type="health",
        staff=(16, 20),
        target_group="familier med børn 0-6 år",
    )
    a(
        "ungdomsskolen",
        bu,
        "Familie og Forebyggelse",
        "Ungdomsskoleleder",
        "leader",
        fam,
        "Ungdomsskolen og Klubberne",
        service_type="youth_club",
        staff=(30, 40),
        sites=5,
        target_group="unge 13-18 år",
    )
    a(
        "tandplejen",
        bu,
        "Familie og Forebyggelse",
        "Overtandlæge",
        "leader",
        fam,
        "Den Kommunale Tandpleje",
        service_type="health",
        staff=(35, 42),
        sites=3,
        target_group="børn og unge 0-18 år",
    )

    # --- Social og Sundhed (Voksne) ----------------------------------------------------------
    ss = "Social og Sundhed"
    ssd = a(
        "ss_dir",
        ss,
        "Direktørområde Social og Sundhed",
        "Direktør for Social og Sundhed",
        "director",
        kd,
        "Direktørområde Social og Sundhed",
        staff=(5, 5),
        strengths=("leading_leaders", "strategy", "cross_sector"),
    )
    ael = a(
        "aeldrechef",
        ss,
        "Ældre og Sundhed",
        "Chef for Ældre og Sundhed",
        "chief",
        ssd,
        "Ældre og Sundhed, ledelse",
        staff=(10, 12),
        strengths=("leading_leaders", "budget", "roster"),
    )
    care_homes = (
        ("solgården", "Plejecenter Solgården", 2, (105, 120)),
        ("lindehøj", "Plejecenter Lindehøj", 1, (75, 90)),
        ("engbo", "Plejecenter Engbo", 1, (55, 70)),
        ("kastanjegården", "Plejecenter Kastanjegården", 1, (60, 75)),
        ("åhusene", "Plejecenter Åhusene", 2, (80, 95)),
        ("birkely", "Plejecenter Birkely", 1, (45, 60)),
        ("vesterled", "Plejecenter Vesterled", 1, (50, 65)),
        ("rosenhaven", "Plejecenter Rosenhaven", 1, (40, 55)),
    )
    for key, name, sites, staff in care_homes:
        a(
            f"pleje_{key}",
            ss,
            "Ældre og Sundhed",
            "Centerleder",
            "leader",
            ael,
            name,
            service_type="care_home",
            round_the_clock=True,
            staff=staff,
            sites=sites,
            target_group="ældre med behov for pleje og omsorg",
        )
    a(
        "solgården_syd",
        ss,
        "Ældre og Sundhed",
        "Afdelingsleder",
        "sub",
        "pleje_solgården",
        "Plejecenter Solgården, afdeling Syd",
        service_type="care_home",
        round_the_clock=True,
        staff=(45, 55),
    )
    a(
        "solgården_nord",
        ss,
        "Ældre og Sundhed",
        "Afdelingsleder",
        "sub",
        "pleje_solgården",
        "Plejecenter Solgården, afdeling Nord",
        service_type="care_home",
        round_the_clock=True,
        staff=(45, 55),
    )
    a(
        "lindehøj_demens",
        ss,
        "Ældre og Sundhed",
        "Afdelingsleder",
        "sub",
        "pleje_lindehøj",
        "Plejecenter Lindehøj, demensafsnittet",
        service_type="care_home",
        round_the_clock=True,
        specialist=True,
        staff=(30, 36),
        target_group="borgere med demens",
    )
    for district in ("Nord", "Syd", "Øst", "Vest"):
        a(
            f"hjemmepleje_{district.lower()}",
            ss,
            "Ældre og Sundhed",
            "Leder af hjemmeplejen",
            "leader",
            ael,
            f"Hjemmeplejen {district}",
            service_type="home_care",
            round_the_clock=True,
            staff=(60, 90),
            target_group="hjemmeboende ældre",
        )
    for district, team in (
        ("nord", "aften- og nattevagten"),
        ("syd", "aften- og nattevagten"),
        ("øst", "rehabiliteringsteamet"),
        ("vest", "distrikt Vest 2"),
    ):
        a(
            f"hjemmepleje_{district}_team",
            ss,
            "Ældre og Sundhed",
            "Teamleder",
            "sub",
            f"hjemmepleje_{district}",
            f"Hjemmeplejen {district.capitalize()}, {team}",
            service_type="home_care",
            round_the_clock=team.startswith("aften"),
            staff=(20, 30),
        )
    a(
        "akut",
        ss,
        "Ældre og Sundhed",
        "Funktionsleder",
        "leader",
        ael,
        "Akutfunktionen",
        service_type="acute",
        specialist=True,
        round_the_clock=True,
        staff=(24, 30),
        target_group="borgere med akut opstået sygdom",
        strengths=("roster", "cross_sector", "specialist"),
    )
    a(
        "kost",
        ss,
        "Ældre og Sundhed",
        "Funktionsleder",
        "leader",
        ael,
        "Madservice og Kostenheden",
        service_type="nutrition",
        specialist=True,
        staff=(26, 30),
        target_group="ældre med behov for madservice og kostvejledning",
    )
    a(
        "sygeplejen",
        ss,
        "Ældre og Sundhed",
        "Funktionsleder",
        "leader",
        ael,
        "Sygeplejen",
        service_type="health",
        round_the_clock=True,
        staff=(40, 50),
        sites=2,
        target_group="borgere med behov for sygepleje",
    )
    a(
        "traening",
        ss,
        "Ældre og Sundhed",
        "Afdelingsleder",
        "leader",
        ael,
        "Træning og Rehabilitering",
        service_type="health",
        staff=(28, 35),
        target_group="borgere i genoptræning",
    )
    a(
        "hjaelpemidler",
        ss,
        "Ældre og Sundhed",
        "Teamleder",
        "leader",
        ael,
        "Hjælpemiddeldepotet",
        service_type="other",
        staff=(10, 14),
        target_group="borgere med behov for hjælpemidler",
    )
    soc = a(
        "socialchef",
        ss,
        "Handicap og Psykiatri",
        "Socialchef",
        "chief",
        ssd,
        "Handicap og Psykiatri, ledelse",
        staff=(8, 10),
        strengths=("leading_leaders", "specialist", "inspections"),
    )
    a(
        "granly",
        ss,
        "Handicap og Psykiatri",
        "Forstander",
        "leader",
        soc,
        "Bostedet Granly",
        service_type="residential",
        specialist=True,
        round_the_clock=True,
        staff=(60, 75),
        sites=3,
        target_group="voksne med udviklingshæmning",
    )
    a(
        "åkanden",
        ss,
        "Handicap og Psykiatri",
        "Afdelingsleder",
        "leader",
        soc,
        "Bofællesskabet Åkanden",
        service_type="residential",
        round_the_clock=True,
        staff=(18, 24),
        target_group="voksne med fysisk handicap",
    )
    a(
        "fjordglimt",
        ss,
        "Handicap og Psykiatri",
        "Forstander",
        "leader",
        soc,
        "Botilbuddet Fjordglimt",
        service_type="residential",
        specialist=True,
        round_the_clock=True,
        staff=(40, 50),
        target_group="voksne med sindslidelse",
    )
    a(
        "ekstra_bo",
        ss,
        "Handicap og Psykiatri",
        "Forstander",
        "leader",
        soc,
        "Bostedet Kløvervang",
        service_type="residential",
        specialist=True,
        round_the_clock=True,
        staff=(30, 38),
        target_group="unge voksne med autisme",
    )
    csp = a(
        "socialpsykiatri",
        ss,
        "Handicap og Psykiatri",
        "Centerleder",
        "leader",
        soc,
        "Center for Socialpsykiatri",
        service_type="residential",
        specialist=True,
        round_the_clock=True,
        staff=(90, 105),
        sites=3,
        target_group="voksne med psykiske vanskeligheder",
        strengths=("leading_leaders", "roster", "inspections"),
    )
    a(
        "csp_bo",
        ss,
        "Handicap og Psykiatri",
        "Afdelingsleder",
        "sub",
        csp,
        "Center for Socialpsykiatri, botilbud",
        service_type="residential",
        specialist=True,
        round_the_clock=True,
        staff=(40, 50),
    )
    a(
        "csp_stotte",
        ss,
        "Handicap og Psykiatri",
        "Afdelingsleder",
        "sub",
        csp,
        "Center for Socialpsykiatri, bostøtte og værested",
        service_type="other",
        staff=(30, 40),
        sites=2,
    )
    a(
        "bostotte",
        ss,
        "Handicap og Psykiatri",
        "Afdelingsleder",
        "leader",
        soc,
        "Bostøtten Vesterå",
        service_type="other",
        staff=(25, 32),
        target_group="voksne i eget hjem med behov for støtte",
    )
    a(
        "vaerkstedet",
        ss,
        "Handicap og Psykiatri",
        "Afdelingsleder",
        "leader",
        soc,
        "Aktivitets- og Samværstilbuddet Værkstedet",
        service_type="other",
        staff=(14, 18),
        target_group="voksne med handicap",
        strengths=("volunteers",),
    )
    a(
        "forsorgshjem",
        ss,
        "Handicap og Psykiatri",
        "Forstander",
        "leader",
        soc,
        "Forsorgshjemmet Vestergaard",
        service_type="shelter",
        specialist=True,
        round_the_clock=True,
        staff=(30, 36),
        target_group="hjemløse og socialt udsatte voksne",
        strengths=("crisis_press", "inspections", "roster"),
    )
    a(
        "rusmiddel",
        ss,
        "Handicap og Psykiatri",
        "Leder af rusmiddelbehandlingen",
        "leader",
        soc,
        "Rusmiddelcentret Vesterå",
        service_type="treatment",
        specialist=True,
        staff=(20, 25),
        target_group="borgere med rusmiddelproblemer",
        strengths=("specialist", "cross_sector"),
    )
    a(
        "cafe",
        ss,
        "Handicap og Psykiatri",
        "Leder",
        "leader",
        soc,
        "Café Lyspunktet",
        service_type="social_cafe",
        specialist=True,
        staff=(5, 7),
        target_group="socialt udsatte og ensomme voksne",
        strengths=("volunteers", "cross_sector"),
    )
    a(
        "myndighed",
        ss,
        "Handicap og Psykiatri",
        "Afdelingsleder",
        "leader",
        soc,
        "Myndighed Voksne",
        service_type="other",
        staff=(25, 30),
        target_group="voksne med særlige behov",
        strengths=("inspections", "employment_law"),
    )

    # --- Arbejdsmarked -------------------------------------------------------------------------
    am = "Arbejdsmarked"
    amd = a(
        "am_dir",
        am,
        "Direktørområde Arbejdsmarked",
        "Direktør for Arbejdsmarked",
        "director",
        kd,
        "Direktørområde Arbejdsmarked",
        staff=(4, 4),
        strengths=("leading_leaders", "strategy", "cross_sector"),
    )
    jc = a(
        "jobcenterchef",
        am,
        "Jobcenter Vesterå",
        "Jobcenterchef",
        "chief",
        amd,
        "Jobcenter Vesterå, ledelse",
        service_type="job_centre",
        staff=(8, 10),
        strengths=("leading_leaders", "strategy", "cross_sector"),
    )
    for key, name, staff in (
        ("virksomhed", "Virksomhedsservice", (14, 18)),
        ("sygedagpenge", "Sygedagpenge og Fleksjob", (28, 34)),
        ("unge", "Ungeindsatsen", (20, 26)),
        ("integration", "Integration", (12, 16)),
        ("jobparate", "Jobparate og Forsikrede", (22, 28)),
        ("rehab", "Rehabilitering og Ressourceforløb", (18, 24)),
        ("ydelse", "Ydelseskontoret", (20, 25)),
    ):
        a(
            f"jc_{key}",
            am,
            "Jobcenter Vesterå",
            "Afdelingsleder",
            "leader",
            jc,
            f"Jobcenter Vesterå – {name}",
            service_type="job_centre",
            staff=staff,
            target_group="borgere og virksomheder",
        )
    a(
        "jc_ips",
        am,
        "Jobcenter Vesterå",
        "Teamleder",
        "leader",
        jc,
        "IPS-teamet (job for borgere med psykiske lidelser)",
        service_type="job_centre",
        specialist=True,
        staff=(6, 8),
        target_group="borgere med psykiske lidelser",
        strengths=("specialist", "cross_sector"),
    )
    a(
        "jc_fleksjob",
        am,
        "Jobcenter Vesterå",
        "Teamleder",
        "sub",
        "jc_sygedagpenge",
        "Jobcenter Vesterå – Fleksjobteamet",
        service_type="job_centre",
        staff=(9, 12),
    )
    a(
        "borgerservice",
        am,
        "Borgerservice og Uddannelse",
        "Afdelingsleder",
        "leader",
        amd,
        "Borgerservice",
        service_type="citizen_service",
        staff=(22, 28),
        target_group="alle borgere",
    )
    a(
        "sprogcenter",
        am,
        "Borgerservice og Uddannelse",
        "Forstander",
        "leader",
        amd,
        "Sprogcenter Vesterå",
        service_type="other",
        staff=(18, 22),
        target_group="voksne tosprogede",
        strengths=("cross_sector", "communication"),
    )
    a(
        "uu",
        am,
        "Borgerservice og Uddannelse",
        "Leder",
        "leader",
        amd,
        "Ungdommens Uddannelsesvejledning",
        service_type="other",
        staff=(10, 14),
        target_group="unge 13-25 år",
    )

    # --- Kultur og Teknik --------------------------------------------------------------------
    kt = "Kultur og Teknik"
    ktd = a(
        "kt_dir",
        kt,
        "Direktørområde Kultur og Teknik",
        "Direktør for Kultur og Teknik",
        "director",
        kd,
        "Direktørområde Kultur og Teknik",
        staff=(4, 4),
        strengths=("leading_leaders", "strategy", "budget"),
    )
    kf = a(
        "kulturchef",
        kt,
        "Kultur og Fritid",
        "Kultur- og fritidschef",
        "chief",
        ktd,
        "Kultur og Fritid, sekretariat",
        staff=(6, 8),
        strengths=("leading_leaders", "volunteers", "strategy"),
    )
    a(
        "bibliotek",
        kt,
        "Kultur og Fritid",
        "Bibliotekschef",
        "leader",
        kf,
        "Vesterå Bibliotekerne",
        service_type="culture",
        staff=(30, 38),
        sites=4,
        target_group="alle borgere",
    )
    a(
        "musikskole",
        kt,
        "Kultur og Fritid",
        "Musikskoleleder",
        "leader",
        kf,
        "Vesterå Musikskole",
        service_type="culture",
        staff=(25, 30),
        sites=3,
        target_group="børn og unge",
    )
    a(
        "kulturhus",
        kt,
        "Kultur og Fritid",
        "Leder",
        "leader",
        kf,
        "Kulturhuset Remisen",
        service_type="culture",
        staff=(6, 9),
        strengths=("volunteers", "communication"),
    )
    a(
        "idraet",
        kt,
        "Kultur og Fritid",
        "Centerleder",
        "leader",
        kf,
        "Vesterå Idrætscenter",
        service_type="culture",
        staff=(14, 20),
        target_group="foreninger og borgere",
    )
    a(
        "museum",
        kt,
        "Kultur og Fritid",
        "Museumsleder",
        "leader",
        kf,
        "Vesterå Museum",
        service_type="culture",
        staff=(8, 12),
        strengths=("volunteers", "communication"),
    )
    tm = a(
        "teknikchef",
        kt,
        "Teknik og Miljø",
        "Teknik- og miljøchef",
        "chief",
        ktd,
        "Teknik og Miljø, sekretariat",
        service_type="technical",
        staff=(8, 10),
        strengths=("leading_leaders", "budget", "crisis_press"),
    )
    a(
        "vejpark",
        kt,
        "Teknik og Miljø",
        "Driftsleder",
        "leader",
        tm,
        "Vej og Park",
        service_type="technical",
        staff=(65, 80),
        sites=3,
        strengths=("multi_site", "roster"),
    )
    a(
        "byggeri",
        kt,
        "Teknik og Miljø",
        "Afdelingsleder",
        "leader",
        tm,
        "Byggeri og Plan",
        service_type="technical",
        staff=(18, 24),
    )
    a(
        "natur",
        kt,
        "Teknik og Miljø",
        "Afdelingsleder",
        "leader",
        tm,
        "Natur og Miljø",
        service_type="technical",
        staff=(14, 18),
    )
    a(
        "affald",
        kt,
        "Teknik og Miljø",
        "Driftsleder",
        "leader",
        tm,
        "Affald og Genbrug",
        service_type="technical",
        staff=(30, 36),
        sites=5,
    )
    a(
        "beredskab",
        kt,
        "Teknik og Miljø",
        "Beredskabschef",
        "leader",
        tm,
        "Beredskab Vesterå",
        service_type="technical",
        specialist=True,
        round_the_clock=True,
        staff=(40, 50),
        sites=2,
        target_group="alle borgere",
        strengths=("crisis_press", "roster"),
    )
    a(
        "trafik",
        kt,
        "Teknik og Miljø",
        "Teamleder",
        "sub",
        "vejpark",
        "Vej og Park, trafik",
        service_type="technical",
        staff=(8, 10),
    )
    return tuple(b.posts)


POSTS: Final[tuple[Post, ...]] = _build()
POSTS_BY_KEY: Final[dict[str, Post]] = {p.key: p for p in POSTS}

#: The named demo logins (their passwords are the one demo password).
PERSONAS: Final[tuple[Persona, ...]] = (
    Persona(
        username="amalie",
        post="dag_mælkebøtten",
        first_name="Amalie",
        last_name="Krogh",
        years_as_leader=0.1,
        education="none",
        started_days_ago=21,
        first_leader_job=True,
        bio="Ny dagtilbudsleder i Børnehuset Mælkebøtten. Uddannet pædagog og var indtil "
        "sommer pædagog i huset. Glæder mig til at lære ledelse fra bunden.",
        strengths={"communication": 2},
        needs=(
            ("budget", 3, "Jeg har aldrig lagt et budget før og er usikker på budgetopfølgningen."),
            (
                "former_colleagues",
                3,
                "Jeg var kollega med medarbejderne indtil for nylig; "
                "nogle har svært ved rolleskiftet.",
            ),
            ("sick_leave", 2, "Jeg skal holde min første sygefraværssamtale i næste uge."),
            ("employment_law", 2, ""),
        ),
    ),
    Persona(
        username="henrik",
        post="dagtilbudschef",
        first_name="Henrik",
        last_name="Østergaard",
        years_as_leader=14,
        education="master",
        started_days_ago=6 * 365,
        bio="Dagtilbudschef med ansvar for kommunens dagtilbud og dagplejen. Pædagog og "
        "master i offentlig ledelse.",
        strengths={"leading_leaders": 3, "budget": 3, "change": 2, "recruitment": 2},
    ),
    Persona(
        username="birgitte",
        post="pleje_solgården",
        first_name="Birgitte",
        last_name="Skov",
        years_as_leader=16,
        education="diploma",
        started_days_ago=9 * 365,
        languages=("da", "en", "de"),
        bio="Centerleder på Plejecenter Solgården med to afdelinger og 110 medarbejdere. "
        "Sygeplejerske og diplom i ledelse. Har været mentor for tre nye ledere og "
        "brænder for gode vagtplaner og et lavt sygefravær.",
        strengths={
            "budget": 3,
            "roster": 3,
            "sick_leave": 3,
            "employment_law": 2,
            "multi_site": 3,
            "inspections": 2,
            "med": 2,
        },
    ),
    Persona(
        username="lone",
        post="kost",
        first_name="Lone",
        last_name="Damgaard",
        years_as_leader=9,
        education="diploma",
        started_days_ago=7 * 365,
        bio="Funktionsleder for Madservice og Kostenheden. Klinisk diætist. Vil gerne dele "
        "specialviden om ernæring med ældreplejen og savner sparring med ledere af andre "
        "specialtilbud.",
        strengths={"specialist": 3, "inspections": 3, "budget": 2},
        needs=(
            (
                "cross_sector",
                2,
                "Savner at drøfte ledelsesudfordringer med en kollega, der har "
                "en lignende kerneopgave.",
            ),
            ("strategy", 1, ""),
        ),
    ),
    Persona(
        username="torben",
        post="skole_nørre",
        first_name="Torben",
        last_name="Vestergaard",
        years_as_leader=11,
        education="diploma",
        started_days_ago=8 * 365,
        bio="Skoleleder på Nørre Skole. Uddannet lærer, diplom i ledelse. Mødes fire gange om "
        "året til frokost med områdets dagtilbudsledere.",
        strengths={"budget": 2, "communication": 3, "med": 2, "recruitment": 2},
    ),
)
