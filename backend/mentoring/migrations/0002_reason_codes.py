"""Reasons as codes (issue 12, item 7): rows keep ``{"code", "params"}``, the API says them.

A pair's reason written before becomes its code when the matcher's words for that code give
back exactly the stored English and Danish (e.g. "Covers budget and roster" / "Dækker budget og
vagtplan" becomes ``covers`` with the topic keys, so the API shows HR's labels). Any other text
(and every unmatched mentee's reason) keeps its words: one reason with the code ``"text"`` and
both texts as parameters. Backwards, codes are rendered again with the matcher's own words.
"""

import re
from collections.abc import Iterator, Mapping
from typing import Any

from django.db import migrations, models

LEGACY = "text"
BATCH = 2000
_PLAIN = (
    "fixed",
    "covers_none",
    "same_department",
    "same_administration_other_department",
    "same_administration",
    "knows",
    "shared_contact",
    "widens_network",
)
_TASK_PARTS = {
    "service_type": r"same service type \(([^)]*)\)",
    "staff": r"comparable span of control \((\d+) and (\d+) staff\)",
    "sites": r"leads (\d+) sites",
    "round_the_clock": r"also a 24-hour service",
    "specialist": r"also a specialist service",
}


def _topic_lists(text: str, keys: Mapping[str, str]) -> Iterator[list[str]]:
    """Every way to read ``text`` as topic labels joined by ", " and a final " and "."""
    for label in sorted(keys, key=len, reverse=True):
        if text == label:
            yield [keys[label]]
        for sep in (", ", " and "):
            if text.startswith(label + sep):
                for rest in _topic_lists(text[len(label) + len(sep) :], keys):
                    yield [keys[label], *rest]


def _candidates(en: str, keys: Mapping[str, str]) -> Iterator[dict[str, Any]]:
    """Codes that may have said ``en`` (each is checked by rendering it again)."""
    for code in _PLAIN:
        yield {"code": code, "params": {}}
    for level in ("academy", "diploma", "master"):
        yield {"code": "education", "params": {"level": level}}
    if m := re.fullmatch(r"Covers (.+)", en):
        for topics in _topic_lists(m[1], keys):
            yield {"code": "covers", "params": {"topics": topics}}
    if m := re.fullmatch(r"Other administration \((.*)\)", en):
        yield {"code": "other_administration", "params": {"administration": m[1]}}
    if m := re.fullmatch(r"Score given: (\S+)", en):
        yield {"code": "score_given", "params": {"score": float(m[1])}}
    if m := re.fullmatch(r"(\S+) years as a leader", en):
        yield {"code": "experience", "params": {"years": float(m[1])}}
    if m := re.fullmatch(r"The mentor also has (\d+) other mentee\(s\)", en):
        yield {"code": "other_mentees", "params": {"count": int(m[1])}}
    if en.startswith("Comparable task: "):
        params: dict[str, Any] = {}
        for name, pattern in _TASK_PARTS.items():
            if m := re.search(pattern, en):
                if name == "service_type":
                    params[name] = m[1]
                elif name == "staff":
                    params["staff"], params["mentor_staff"] = int(m[1]), int(m[2])
                elif name == "sites":
                    params[name] = int(m[1])
                else:
                    params[name] = True
        yield {"code": "comparable_task", "params": params}


def _pair_code(en: str, da: str, keys: Mapping[str, str]) -> dict[str, Any]:
    """The code of a stored pair reason, or the words kept as they are."""
    from matching.serialize import reason_from_dict
    from matching.wording import render

    for code in _candidates(en, keys):
        try:
            reason = reason_from_dict(code)
            if render(reason, lang="en") == en and render(reason, lang="da") == da:
                return code
        except (KeyError, TypeError, ValueError, IndexError):
            continue
    return _legacy(en, da)


def _topic_keys(apps: Any) -> dict[str, str]:
    """English words the matcher used for topic keys (the brief's list, else the key's words)."""
    from matching.wording import brief_topic_label

    slugs = set(apps.get_model("people", "Topic").objects.values_list("slug", flat=True))
    keys = {slug.replace("_", " "): slug for slug in slugs}
    for slug in slugs:
        keys[brief_topic_label(slug, "en")] = slug
    return keys


def _legacy(en: Any, da: Any) -> dict[str, Any]:
    return {"code": LEGACY, "params": {"en": str(en or ""), "da": str(da or en or "")}}


def _to_codes(texts: Any, texts_da: Any, keys: Mapping[str, str]) -> list[dict[str, Any]]:
    texts = [t for t in texts or [] if not isinstance(t, dict)]
    texts_da = list(texts_da or [])
    return [
        _pair_code(str(en), str(texts_da[k] if k < len(texts_da) else en), keys)
        for k, en in enumerate(texts)
    ]


def _render(code: Any, lang: str) -> str:
    from matching.serialize import reason_from_dict
    from matching.wording import render

    if not isinstance(code, dict):
        return str(code or "")
    params = code.get("params") or {}
    if code.get("code") == LEGACY:
        return str(params.get(lang) or "")
    try:
        return render(reason_from_dict(code), lang=lang)
    except (KeyError, TypeError, ValueError):
        return str(code.get("code") or "")


def forwards(apps: Any, schema_editor: Any) -> None:
    keys = _topic_keys(apps)
    for name in ("Proposal", "Suggestion"):
        model = apps.get_model("mentoring", name)
        rows = []
        for row in model.objects.only("id", "reasons", "reasons_da").iterator(chunk_size=BATCH):
            row.reasons = _to_codes(row.reasons, row.reasons_da, keys)
            rows.append(row)
            if len(rows) >= BATCH:
                model.objects.bulk_update(rows, ["reasons"])
                rows = []
        model.objects.bulk_update(rows, ["reasons"])
    Enrolment = apps.get_model("mentoring", "Enrolment")
    for e in Enrolment.objects.exclude(manual_reason="").only("id", "manual_reason"):
        e.manual_reason_code = _legacy(e.manual_reason, e.manual_reason)
        e.save(update_fields=["manual_reason_code"])
    MatchRun = apps.get_model("mentoring", "MatchRun")
    for run in MatchRun.objects.only("id", "result").iterator():
        unmatched = (run.result or {}).get("unmatched")
        if not isinstance(unmatched, list) or not unmatched:
            continue
        for u in unmatched:
            if isinstance(u.get("reason"), str):
                u["reason"] = _legacy(u["reason"], u.pop("reason_da", u["reason"]))
        run.save(update_fields=["result"])


def backwards(apps: Any, schema_editor: Any) -> None:
    for name in ("Proposal", "Suggestion"):
        model = apps.get_model("mentoring", name)
        rows = []
        for row in model.objects.only("id", "reasons").iterator(chunk_size=BATCH):
            codes = row.reasons or []
            row.reasons = [_render(c, "en") for c in codes]
            row.reasons_da = [_render(c, "da") for c in codes]
            rows.append(row)
        model.objects.bulk_update(rows, ["reasons", "reasons_da"], batch_size=BATCH)
    Enrolment = apps.get_model("mentoring", "Enrolment")
    for e in Enrolment.objects.exclude(manual_reason_code=None):
        e.manual_reason = _render(e.manual_reason_code, "en")[:400]
        e.save(update_fields=["manual_reason"])
    MatchRun = apps.get_model("mentoring", "MatchRun")
    for run in MatchRun.objects.only("id", "result").iterator():
        unmatched = (run.result or {}).get("unmatched")
        if not isinstance(unmatched, list) or not unmatched:
            continue
        for u in unmatched:
            if isinstance(u.get("reason"), dict):
                code = u["reason"]
                u["reason"], u["reason_da"] = _render(code, "en"), _render(code, "da")
        run.save(update_fields=["result"])


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="enrolment",
            name="manual_reason_code",
            field=models.JSONField(
                blank=True, help_text='Why HR must match by hand: {"code", "params"}.', null=True
            ),
        ),
        migrations.AlterField(
            model_name="proposal",
            name="reasons",
            field=models.JSONField(blank=True, default=list, help_text='[{"code", "params"}]'),
        ),
        migrations.AlterField(
            model_name="suggestion",
            name="reasons",
            field=models.JSONField(default=list, help_text='[{"code", "params"}]'),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="enrolment", name="manual_reason"),
        migrations.RemoveField(model_name="proposal", name="reasons_da"),
        migrations.RemoveField(model_name="suggestion", name="reasons_da"),
    ]
