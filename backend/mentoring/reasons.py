"""Match reasons: stored as codes with parameters, said in the reader's language at API time.

The matcher returns :class:`matching.model.Reason` values (a code and parameters such as topic
keys, no words). Rows keep them as JSON, ``{"code": ..., "params": {...}}``
(:func:`reasons_json`): ``Proposal.reasons``, ``Suggestion.reasons``,
``Enrolment.manual_reason_code`` and each ``MatchRun.result["unmatched"][i]["reason"]``.

The API renders them when it answers (:class:`ReasonsField`, :class:`ReasonTextField`,
:func:`run_result`) in the reader's language (:func:`django.utils.translation.get_language`)
with the organisation's own topic labels (``Topic.label_da`` / ``label_en``, so topics HR
created read as HR wrote them) and the service types' translated labels; the sentences come
from :mod:`matching.wording`. Two codes are the web service's own: :data:`LEGACY` (text written
before reasons were codes, kept word for word in both languages) and
:data:`NO_FREE_SUGGESTION` (the cascade found no suggested mentor with a free place).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy
from rest_framework import serializers

from backend.people.models import ServiceType, Topic
from matching.model import Reason
from matching.serialize import reason_from_dict, reason_to_dict
from matching.wording import Labels, render

LEGACY = "text"
NO_FREE_SUGGESTION = "no_free_suggestion"
# A run with nothing to match (``services/runs.py``): said as it is, not as a broken rule.
NO_MENTORS = "no_mentors"
NO_MENTEES = "no_mentees"

ReasonJson = dict[str, Any]


def reason_json(reason: Reason | str) -> ReasonJson:
    """A reason as stored: the matcher's reason, or one of the web service's own codes."""
    if isinstance(reason, str):
        return {"code": reason, "params": {}}
    return reason_to_dict(reason)


def reasons_json(reasons: Iterable[Reason]) -> list[ReasonJson]:
    """Reasons as stored on a proposal or a suggestion."""
    return [reason_to_dict(r) for r in reasons]


class ReasonsJson:
    """:func:`reasons_json` for a run's many pairs: the matcher shares reason objects between
    pairs (``matching.reasons.PairReasons``), so each object is converted once. The objects are
    kept referenced while the converter lives, so an ``id`` is never reused meanwhile."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[Reason, ReasonJson]] = {}

    def __call__(self, reasons: Iterable[Reason]) -> list[ReasonJson]:
        out = []
        for reason in reasons:
            hit = self._seen.get(id(reason))
            if hit is None:
                hit = self._seen[id(reason)] = (reason, reason_to_dict(reason))
            out.append(hit[1])
        return out


def reader_language() -> str:
    """``"da"`` or ``"en"``: the language of the response being built (Danish by default)."""
    return "en" if (translation.get_language() or "da").startswith("en") else "da"


def topic_labels(topics: Iterable[tuple[str, str, str]]) -> Labels:
    """Labels from ``(slug, label_en, label_da)`` rows; unknown keys with spaces for ``_``."""
    by_slug = {slug: (en, da) for slug, en, da in topics}

    def topic(key: str, lang: str) -> str:
        en, da = by_slug.get(key, (key.replace("_", " "),) * 2)
        return da if lang == "da" else en

    return Labels(topic=topic, service_type=service_type_label)


def labels_where(*, context: dict[str, Any] | None = None, **lookup: int) -> Labels:
    """The topic labels of the organisation a row belongs to, e.g. ``organisation_id=7``.

    One query; with a serializer ``context``, once per response and organisation lookup.
    """
    key = tuple(sorted(lookup.items()))
    cache = context.setdefault("_reason_labels", {}) if context is not None else {}
    if key not in cache:
        rows = Topic.objects.filter(**lookup).values_list("slug", "label_en", "label_da")
        cache[key] = topic_labels(rows)
    labels: Labels = cache[key]
    return labels


def service_type_label(key: str, lang: str) -> str:
    """A service type's translated label, lower case unless it is an acronym ("PPR")."""
    if key not in ServiceType.values:
        return key.replace("_", " ")
    with translation.override(lang):
        label = str(ServiceType(key).label)
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def render_json(data: Mapping[str, Any], *, lang: str, labels: Labels) -> str:
    """One stored reason as a sentence in ``lang``."""
    code, params = data.get("code"), data.get("params") or {}
    if code == LEGACY:
        return str(params.get(lang) or params.get("en") or "")
    if code == NO_FREE_SUGGESTION:
        with translation.override(lang):
            return gettext("No suggested mentor with a free place is left.")
    if code == NO_MENTORS:
        with translation.override(lang):
            return gettext(
                "The programme has no mentors yet: no leader has accepted an invitation or "
                "offered to mentor. Invite mentors, then run the matching again."
            )
    if code == NO_MENTEES:
        with translation.override(lang):
            return gettext(
                "The programme has no mentees waiting for a match: enrol leaders, then run "
                "the matching again."
            )
    try:
        return render(reason_from_dict(data), lang=lang, labels=labels)
    except (KeyError, TypeError, ValueError):  # a code this version does not know
        return str(code)


def render_list(data: Any, *, lang: str, labels: Labels) -> list[str]:
    """Stored reasons (a list) as sentences in ``lang``."""
    return [render_json(r, lang=lang, labels=labels) for r in data or []]


class _Rendered(serializers.Field):
    """Shared by the fields below: the row's topic labels, once per response.

    ``scope`` is ``(attribute, lookup)``: the row's attribute that names its programme (or
    run) and the ``Topic`` lookup that reaches the organisation from it, e.g.
    ``("programme_id", "organisation__mentoring_programmes")``; no query per row.
    """

    def __init__(self, *, scope: tuple[str, str], lang: str | None = None, **kwargs: Any) -> None:
        self.scope = scope
        self.lang = lang
        super().__init__(**kwargs)

    def get_attribute(self, instance: Any) -> Any:
        return instance, super().get_attribute(instance)

    def labels(self, instance: Any) -> Labels:
        attribute, lookup = self.scope
        context = self.context if isinstance(self.context, dict) else None
        return labels_where(context=context, **{lookup: getattr(instance, attribute)})

    def language(self) -> str:
        return self.lang or reader_language()


class ReasonsField(_Rendered, serializers.JSONField):
    """Stored reason codes, rendered as a list of sentences (the reader's language or ``lang``)."""

    def to_representation(self, value: Any) -> list[str]:
        instance, data = value
        if not data:
            return []
        return render_list(data, lang=self.language(), labels=self.labels(instance))


class ReasonTextField(_Rendered, serializers.CharField):
    """One stored reason code (or none), rendered as a sentence ("" when none)."""

    def to_representation(self, value: Any) -> str:
        instance, data = value
        if not data:
            return ""
        return render_json(data, lang=self.language(), labels=self.labels(instance))


def run_result(
    result: Mapping[str, Any], *, programme_id: int, context: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A run's stored result with each unmatched mentee's reason rendered (``reason`` in the
    reader's language, ``reason_da`` in Danish), as the API has always shown it."""
    unmatched = result.get("unmatched")
    labels = labels_where(context=context, organisation__mentoring_programmes=programme_id)
    empty = result.get("empty")
    said = {}
    if empty in (NO_MENTORS, NO_MENTEES):
        said = {
            "message": render_json({"code": empty}, lang=reader_language(), labels=labels),
            "message_da": render_json({"code": empty}, lang="da", labels=labels),
        }
    if not isinstance(unmatched, list) or not unmatched:
        return {**result, **said}
    rows = []
    for u in unmatched:
        code = u.get("reason")
        if isinstance(code, Mapping):
            u = {
                **u,
                "reason": render_json(code, lang=reader_language(), labels=labels),
                "reason_da": render_json(code, lang="da", labels=labels),
            }
        rows.append(u)
    return {**result, **said, "unmatched": rows}


class RunResultField(serializers.JSONField):
    """A run's result with the unmatched mentees' reasons rendered (see :func:`run_result`)."""

    def get_attribute(self, instance: Any) -> Any:
        return instance.programme_id, super().get_attribute(instance)

    def to_representation(self, value: Any) -> Any:
        programme_id, result = value
        context = self.context if isinstance(self.context, dict) else None
        return run_result(result or {}, programme_id=programme_id, context=context)


# The API's fields, as the serializers declare them (same schema as the model fields had).
_BY_PROGRAMME = ("programme_id", "organisation__mentoring_programmes")
_BY_RUN = ("run_id", "organisation__mentoring_programmes__runs")


def proposal_reasons_field(*, lang: str | None = None) -> ReasonsField:
    """``Proposal.reasons`` rendered (``lang=None``: the reader's language)."""
    source = {"source": "reasons"} if lang else {}  # the ``reasons_da`` field
    return ReasonsField(scope=_BY_PROGRAMME, lang=lang, required=False, **source)


def suggestion_reasons_field(*, lang: str | None = None) -> ReasonsField:
    """``Suggestion.reasons`` rendered (``lang=None``: the reader's language)."""
    source = {"source": "reasons"} if lang else {}  # the ``reasons_da`` field
    return ReasonsField(scope=_BY_RUN, lang=lang, required=False, **source)


def manual_reason_field() -> ReasonTextField:
    """``Enrolment.manual_reason_code`` rendered in the reader's language (text, as before)."""
    return ReasonTextField(
        scope=_BY_PROGRAMME,
        source="manual_reason_code",
        label=capfirst(gettext_lazy("why HR must match by hand")),
        max_length=400,
        required=False,
        allow_blank=True,
    )


def run_result_field() -> RunResultField:
    """``MatchRun.result`` with its unmatched mentees' reasons rendered."""
    return RunResultField(required=False, help_text="Totals, optimality and unmatched mentees.")
