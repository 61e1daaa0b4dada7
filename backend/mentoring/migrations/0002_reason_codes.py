"""Reasons as codes (issue 12, item 7): rows keep ``{"code", "params"}``, the API says them.

Rows written before keep their words: each English/Danish pair becomes one reason with the
code ``"text"`` and both texts as parameters (``backend/mentoring/reasons.py`` shows the one in
the reader's language). Backwards, codes are rendered again with the matcher's own words.
"""

from typing import Any

from django.db import migrations, models

LEGACY = "text"
BATCH = 2000


def _legacy(en: Any, da: Any) -> dict[str, Any]:
    return {"code": LEGACY, "params": {"en": str(en or ""), "da": str(da or en or "")}}


def _to_codes(texts: Any, texts_da: Any) -> list[dict[str, Any]]:
    texts = [t for t in texts or [] if not isinstance(t, dict)]
    texts_da = list(texts_da or [])
    return [_legacy(en, texts_da[k] if k < len(texts_da) else en) for k, en in enumerate(texts)]


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
    for name in ("Proposal", "Suggestion"):
        model = apps.get_model("mentoring", name)
        rows = []
        for row in model.objects.only("id", "reasons", "reasons_da").iterator(chunk_size=BATCH):
            row.reasons = _to_codes(row.reasons, row.reasons_da)
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
