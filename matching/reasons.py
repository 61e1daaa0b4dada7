"""Reasons in words HR and the mentee can read, in English and Danish.

Each function returns ``(english, danish)``. Numbers come from the scorer; these functions only
pick the facts worth saying.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from matching.model import Mentee, Mentor

__all__ = ["pair_reasons", "top_needs", "topic_label", "unmatched_reason"]

Texts = tuple[tuple[str, ...], tuple[str, ...]]
_Say = Callable[[str, str], None]  # records one reason in English and Danish

# Topics from the brief; unknown topics are shown with underscores as spaces.
_TOPICS: Mapping[str, tuple[str, str]] = {
    "budget": ("budget", "budget"),
    "finance_system": ("the finance system", "økonomisystemet"),
    "roster": ("roster", "vagtplan"),
    "working_time": ("working-time rules", "arbejdstidsregler"),
    "employment_law": ("employment law", "ansættelsesret"),
    "sick_leave": ("sick-leave conversations", "sygefraværssamtaler"),
    "return_to_work": ("return-to-work plans", "tilbagevendingsplaner"),
    "union_representatives": ("union representatives", "tillidsrepræsentanter"),
    "recruitment": ("recruitment", "rekruttering"),
    "med": ("the MED system", "MED-systemet"),
    "crisis_press": ("crisis and press", "krise og presse"),
    "inspections": ("inspections", "tilsyn"),
    "volunteers": ("volunteers", "frivillige"),
    "multi_site": ("multi-site leadership", "ledelse på flere matrikler"),
    "former_colleagues": ("leading former colleagues", "ledelse af tidligere kolleger"),
    "change_management": ("change management", "forandringsledelse"),
    "staff_functions": ("the staff functions", "stabene"),
}
_EDUCATION = {
    "academy": ("academy degree in leadership", "akademiuddannelse i ledelse"),
    "diploma": ("diploma in leadership", "diplom i ledelse"),
    "master": ("master's degree in leadership", "master i ledelse"),
}


def topic_label(topic: str, *, lang: str = "en") -> str:
    """Readable name of a topic key.

    Examples
    --------
    >>> topic_label("roster"), topic_label("roster", lang="da"), topic_label("social_media")
    ('roster', 'vagtplan', 'social media')
    """
    en, da = _TOPICS.get(topic, (topic.replace("_", " "),) * 2)
    return da if lang == "da" else en


def _join(items: Sequence[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _topics(topics: Sequence[str]) -> tuple[str, str]:
    return (
        _join([topic_label(t) for t in topics], "and"),
        _join([topic_label(t, lang="da") for t in topics], "og"),
    )


def top_needs(mentee: Mentee, count: int = 2) -> list[str]:
    """The mentee's strongest needs, heaviest first (ties by name)."""
    ranked = sorted(
        (t for t, w in mentee.needs.items() if w > 0), key=lambda t: (-mentee.needs[t], t)
    )
    return ranked[:count]


def pair_reasons(
    mentee: Mentee,
    mentor: Mentor,
    components: Mapping[str, float],
    *,
    tie_distance: int,
    ties_given: bool,
    earlier_mentees: int,
    fixed: bool,
) -> Texts:
    """Short sentences explaining a pair, strongest reasons first."""
    en: list[str] = []
    da: list[str] = []

    def say(english: str, danish: str) -> None:
        en.append(english)
        da.append(danish)

    if fixed:
        say(
            "Kept as an existing or fixed mentorship",
            "Bevaret som eksisterende eller fastlagt forløb",
        )
    if "given" in components:
        say(f"Score given: {components['given']:g}", f"Angivet score: {components['given']:g}")
    covered = sorted(
        (t for t in mentee.needs if mentee.needs[t] * mentor.strengths.get(t, 0.0) > 0),
        key=lambda t: (-mentee.needs[t] * mentor.strengths[t], t),
    )[:3]
    if covered:
        e, d = _topics(covered)
        say(f"Covers {e}", f"Dækker {d}")
    elif mentee.needs and "needs" in components:
        say("Covers none of the stated needs", "Dækker ingen af de nævnte behov")
    _organisation(mentee, mentor, say)
    _context(mentee, mentor, say)
    if mentor.experience_years is not None and mentor.experience_years > 0:
        say(
            f"{mentor.experience_years:g} years as a leader",
            f"{mentor.experience_years:g} år som leder",
        )
    if mentor.education in _EDUCATION:
        e, d = _EDUCATION[mentor.education]
        say(e[0].upper() + e[1:], d[0].upper() + d[1:])
    if ties_given:
        if tie_distance == 1:
            say(
                "Already know each other in the leader network",
                "Kender allerede hinanden i ledernetværket",
            )
        elif tie_distance == 2:
            say("Share a contact in the leader network", "Har en fælles kontakt i ledernetværket")
        else:
            say(
                "Widens the network: no tie or shared contact",
                "Udvider netværket: ingen relation eller fælles kontakt",
            )
    if earlier_mentees:
        say(
            f"The mentor also has {earlier_mentees} other mentee(s)",
            f"Mentoren har også {earlier_mentees} anden/andre mentee(s)",
        )
    return tuple(en), tuple(da)


def _organisation(mentee: Mentee, mentor: Mentor, say: _Say) -> None:
    if mentee.administration is None or mentor.administration is None:
        return
    if mentee.administration != mentor.administration:
        say(
            f"Other administration ({mentor.administration})",
            f"Anden forvaltning ({mentor.administration})",
        )
    elif mentee.department is not None and mentee.department == mentor.department:
        say("Same department", "Samme center")
    elif mentee.department is not None and mentor.department is not None:
        say("Same administration, other department", "Samme forvaltning, andet center")
    else:
        say("Same administration", "Samme forvaltning")


def _context(mentee: Mentee, mentor: Mentor, say: _Say) -> None:
    a, b = mentee.context, mentor.context
    en: list[str] = []
    da: list[str] = []
    if a.service_type is not None and a.service_type == b.service_type:
        en.append(f"same service type ({a.service_type})")
        da.append(f"samme type tilbud ({a.service_type})")
    if (
        a.staff is not None
        and b.staff is not None
        and max(a.staff, b.staff) <= 4 * max(min(a.staff, b.staff), 1)
    ):
        en.append(f"comparable span of control ({a.staff} and {b.staff} staff)")
        da.append(f"sammenligneligt ledelsesspænd ({a.staff} og {b.staff} medarbejdere)")
    if a.sites is not None and b.sites is not None and a.sites > 1 and b.sites >= a.sites:
        en.append(f"leads {b.sites} sites")
        da.append(f"leder {b.sites} matrikler")
    if a.round_the_clock and b.round_the_clock:
        en.append("also a 24-hour service")
        da.append("også døgndækkende")
    if a.specialist and b.specialist:
        en.append("also a specialist service")
        da.append("også et specialtilbud")
    if en:
        say("Comparable task: " + _join(en, "and"), "Sammenlignelig opgave: " + _join(da, "og"))


def unmatched_reason(
    mentee: Mentee,
    *,
    blocked: Mapping[str, int],
    allowed: int,
    full: Sequence[str],
    best_free: tuple[str, float] | None,
    score_objective: bool,
    require_other_administration: bool,
) -> tuple[str, str]:
    """Why a mentee has no mentor and what would help, as one sentence each.

    ``allowed`` counts mentors passing the hard rules; ``full`` lists the allowed ones without
    free capacity (best first); ``best_free`` is the best allowed mentor with free capacity and
    its (non-positive) score, which only exists under the score objective.
    """
    where_en = "outside the line and unit"
    where_da = "uden for ledelseslinjen og enheden"
    if require_other_administration:
        where_en += ", in another administration"
        where_da += ", i en anden forvaltning"
    needs = top_needs(mentee)
    if needs:
        e, d = _topics(needs)
        where_en += f", with strength in {e}"
        where_da += f", med styrke i {d}"
    if allowed == 0:
        counts_en = ", ".join(f"{v} by {k.replace('_', ' ')}" for k, v in blocked.items() if v)
        counts_da = ", ".join(f"{v} pga. {_RULES_DA[k]}" for k, v in blocked.items() if v)
        relax_en = relax_da = ""
        if require_other_administration and blocked.get("same_administration"):
            relax_en = " or allow mentors from the same administration"
            relax_da = " eller tillad mentorer fra samme forvaltning"
        return (
            f"No mentor passes the hard rules (excluded: {counts_en or 'all'}); "
            f"add a mentor {where_en}{relax_en}",
            f"Ingen mentor opfylder de faste regler (udelukket: {counts_da or 'alle'}); "
            f"tilføj en mentor {where_da}{relax_da}",
        )
    if score_objective and best_free is not None:
        name, score = best_free
        return (
            f"No free mentor with a positive score (best: {name} at {score:.2f}); "
            f"add a mentor {where_en}",
            f"Ingen ledig mentor med positiv score (bedst: {name} med {score:.2f}); "
            f"tilføj en mentor {where_da}",
        )
    names = ", ".join(full[:3])
    return (
        f"No free mentor {where_en}; {len(full)} candidate(s) are full ({names}): "
        "raise one's capacity or add such a mentor",
        f"Ingen ledig mentor {where_da}; {len(full)} kandidat(er) er fuldt booket ({names}): "
        "hæv kapaciteten hos en af dem eller tilføj en sådan mentor",
    )


_RULES_DA = {
    "line": "ledelseslinjen",
    "same_unit": "samme enhed",
    "forbidden": "udelukkede par",
    "same_administration": "samme forvaltning",
    "not_scored": "ingen angivet score",
}
