"""Reasons in words: render a :class:`~matching.model.Reason` in English or Danish.

The matcher's core says *what* explains a pair (codes and keys, :mod:`matching.reasons`); this
module says it in words, at the edge. The caller gives its :class:`Labels` for topic and
service-type keys: the web service passes HR's own topic labels, the command line uses
:data:`CLI_LABELS` (the topics of the brief; other keys are shown with underscores as spaces,
service types as their keys), which keeps the command line's output as the contract shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from matching.model import Reason, ReasonParam

__all__ = ["CLI_LABELS", "Labels", "brief_topic_label", "render", "render_all"]

#: ``label(key, lang)``: the word for a key in ``"en"`` or ``"da"``.
Label = Callable[[str, str], str]

# The topics of the brief, the command line's vocabulary (the web service uses HR's own).
_BRIEF_TOPICS: Mapping[str, tuple[str, str]] = {
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
    "academy": ("Academy degree in leadership", "Akademiuddannelse i ledelse"),
    "diploma": ("Diploma in leadership", "Diplom i ledelse"),
    "master": ("Master's degree in leadership", "Master i ledelse"),
}
_RULES_DA = {
    "line": "ledelseslinjen",
    "same_unit": "samme enhed",
    "forbidden": "udelukkede par",
    "same_administration": "samme forvaltning",
    "not_scored": "ingen angivet score",
}
# Reasons without parameters: (English, Danish).
_FIXED_TEXT = {
    "fixed": (
        "Kept as an existing or fixed mentorship",
        "Bevaret som eksisterende eller fastlagt forløb",
    ),
    "covers_none": ("Covers none of the stated needs", "Dækker ingen af de nævnte behov"),
    "same_department": ("Same department", "Samme center"),
    "same_administration_other_department": (
        "Same administration, other department",
        "Samme forvaltning, andet center",
    ),
    "same_administration": ("Same administration", "Samme forvaltning"),
    "knows": (
        "Already know each other in the leader network",
        "Kender allerede hinanden i ledernetværket",
    ),
    "shared_contact": (
        "Share a contact in the leader network",
        "Har en fælles kontakt i ledernetværket",
    ),
    "widens_network": (
        "Widens the network: no tie or shared contact",
        "Udvider netværket: ingen relation eller fælles kontakt",
    ),
}


def brief_topic_label(topic: str, lang: str) -> str:
    """The command line's word for a topic key: the brief's topics, else underscores as spaces.

    Examples
    --------
    >>> brief_topic_label("roster", "en"), brief_topic_label("roster", "da")
    ('roster', 'vagtplan')
    >>> brief_topic_label("social_media", "da")
    'social media'
    """
    en, da = _BRIEF_TOPICS.get(topic, (topic.replace("_", " "),) * 2)
    return da if lang == "da" else en


def _key_as_is(key: str, lang: str) -> str:
    return key


@dataclass(frozen=True, slots=True)
class Labels:
    """How to say the keys a reason carries: ``topic(key, lang)``, ``service_type(key, lang)``."""

    topic: Label = brief_topic_label
    service_type: Label = _key_as_is


#: The command line's labels (the output of ``python -m matching``).
CLI_LABELS = Labels()


def render(reason: Reason, *, lang: str = "en", labels: Labels = CLI_LABELS) -> str:
    """Return one reason as a sentence in ``lang`` (``"da"`` for Danish, else English).

    Raises
    ------
    KeyError
        An unknown code.

    Examples
    --------
    >>> render(Reason("covers", {"topics": ("budget", "roster")}))
    'Covers budget and roster'
    >>> render(Reason("covers", {"topics": ("budget", "roster")}), lang="da")
    'Dækker budget og vagtplan'
    >>> own = Labels(topic=lambda key, lang: {"en": "Budgets", "da": "Budgetter"}[lang])
    >>> render(Reason("covers", {"topics": ("budget",)}), lang="da", labels=own)
    'Dækker Budgetter'
    >>> render(Reason("comparable_task", {"service_type": "daycare", "sites": 3}), lang="da")
    'Sammenlignelig opgave: samme type tilbud (daycare) og leder 3 matrikler'
    """
    da = lang == "da"
    code, p = reason.code, reason.params
    if code in _FIXED_TEXT:
        return _FIXED_TEXT[code][da]
    if code in _UNMATCHED:
        return _UNMATCHED[code](p, da, labels)
    return _PAIR[code](p, da, labels)


def render_all(
    reasons: Iterable[Reason], *, lang: str = "en", labels: Labels = CLI_LABELS
) -> list[str]:
    """Render several reasons (see :func:`render`)."""
    return [render(r, lang=lang, labels=labels) for r in reasons]


# --------------------------------------------------------------------------- helpers

_Params = Mapping[str, ReasonParam]


def _join(items: Sequence[str], da: bool) -> str:
    conjunction = "og" if da else "and"
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _topics(p: _Params, key: str, da: bool, labels: Labels) -> str:
    keys = cast(Sequence[str], p[key])
    return _join([labels.topic(t, "da" if da else "en") for t in keys], da)


def _num(p: _Params, key: str) -> float:
    return cast(float, p[key])


def _decimal(value: float, da: bool, spec: str = "g") -> str:
    """A number as the reader writes it: "10,5" in Danish, "10.5" in English."""
    text = format(value, spec)
    return text.replace(".", ",") if da else text


# --------------------------------------------------------------------------- pairs


def _score_given(p: _Params, da: bool, labels: Labels) -> str:
    return f"{'Angivet score' if da else 'Score given'}: {_decimal(_num(p, 'score'), da)}"


def _covers(p: _Params, da: bool, labels: Labels) -> str:
    return f"{'Dækker' if da else 'Covers'} {_topics(p, 'topics', da, labels)}"


def _other_administration(p: _Params, da: bool, labels: Labels) -> str:
    return f"{'Anden forvaltning' if da else 'Other administration'} ({p['administration']})"


def _comparable_task(p: _Params, da: bool, labels: Labels) -> str:
    parts: list[str] = []
    if "service_type" in p:
        word = labels.service_type(cast(str, p["service_type"]), "da" if da else "en")
        parts.append(f"samme type tilbud ({word})" if da else f"same service type ({word})")
    if "staff" in p:
        a, b = p["staff"], p["mentor_staff"]
        parts.append(
            f"sammenligneligt ledelsesspænd ({a} og {b} medarbejdere)"
            if da
            else f"comparable span of control ({a} and {b} staff)"
        )
    if "sites" in p:
        parts.append(f"leder {p['sites']} matrikler" if da else f"leads {p['sites']} sites")
    if p.get("round_the_clock"):
        parts.append("også døgndækkende" if da else "also a 24-hour service")
    if p.get("specialist"):
        parts.append("også et specialtilbud" if da else "also a specialist service")
    return ("Sammenlignelig opgave: " if da else "Comparable task: ") + _join(parts, da)


def _experience(p: _Params, da: bool, labels: Labels) -> str:
    years = _num(p, "years")
    return (
        f"{_decimal(years, da)} år som leder" if da else f"{_decimal(years, da)} years as a leader"
    )


def _education(p: _Params, da: bool, labels: Labels) -> str:
    return _EDUCATION[cast(str, p["level"])][da]


def _other_mentees(p: _Params, da: bool, labels: Labels) -> str:
    n = p["count"]
    return (
        f"Mentoren har også {n} anden/andre mentee(s)"
        if da
        else f"The mentor also has {n} other mentee(s)"
    )


_PAIR: Mapping[str, Callable[[_Params, bool, Labels], str]] = {
    "score_given": _score_given,
    "covers": _covers,
    "other_administration": _other_administration,
    "comparable_task": _comparable_task,
    "experience": _experience,
    "education": _education,
    "other_mentees": _other_mentees,
}


# --------------------------------------------------------------------------- unmatched


def _where(p: _Params, da: bool, labels: Labels) -> str:
    """Where a helpful mentor would be: outside the line and unit, ..., with strength in ..."""
    where = "uden for ledelseslinjen og enheden" if da else "outside the line and unit"
    if p["other_administration"]:
        where += ", i en anden forvaltning" if da else ", in another administration"
    if p["needs"]:
        topics = _topics(p, "needs", da, labels)
        where += f", med styrke i {topics}" if da else f", with strength in {topics}"
    return where


def _no_mentor_allowed(p: _Params, da: bool, labels: Labels) -> str:
    blocked = cast(Mapping[str, int], p["blocked"])
    where = _where(p, da, labels)
    if da:
        counts = ", ".join(f"{v} pga. {_RULES_DA[k]}" for k, v in blocked.items() if v)
        relax = " eller tillad mentorer fra samme forvaltning" if p["relax_administration"] else ""
        return (
            f"Ingen mentor opfylder de faste regler (udelukket: {counts or 'alle'}); "
            f"tilføj en mentor {where}{relax}"
        )
    counts = ", ".join(f"{v} by {k.replace('_', ' ')}" for k, v in blocked.items() if v)
    relax = " or allow mentors from the same administration" if p["relax_administration"] else ""
    return (
        f"No mentor passes the hard rules (excluded: {counts or 'all'}); "
        f"add a mentor {where}{relax}"
    )


def _no_positive_score(p: _Params, da: bool, labels: Labels) -> str:
    best, score, where = p["best"], _num(p, "score"), _where(p, da, labels)
    if da:
        return (
            f"Ingen ledig mentor med positiv score (bedst: {best} med {_decimal(score, da, '.2f')}"
            "); "
            f"tilføj en mentor {where}"
        )
    return (
        f"No free mentor with a positive score (best: {best} at {score:.2f}); add a mentor {where}"
    )


def _candidates_full(p: _Params, da: bool, labels: Labels) -> str:
    names = ", ".join(cast(Sequence[str], p["full"]))
    count, where = p["count"], _where(p, da, labels)
    if da:
        return (
            f"Ingen ledig mentor {where}; {count} kandidat(er) er fuldt booket ({names}): "
            "hæv kapaciteten hos en af dem eller tilføj en sådan mentor"
        )
    return (
        f"No free mentor {where}; {count} candidate(s) are full ({names}): "
        "raise one's capacity or add such a mentor"
    )


_UNMATCHED: Mapping[str, Callable[[_Params, bool, Labels], str]] = {
    "no_mentor_allowed": _no_mentor_allowed,
    "no_positive_score": _no_positive_score,
    "candidates_full": _candidates_full,
}
