"""The matcher's reasons for a coach, said in the reader's language with the topics' labels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import translation
from django.utils.translation import gettext

from backend.coaching.problem import EXTERNAL_ADMINISTRATION
from backend.people.models import Administration, Topic
from matching.serialize import reason_from_dict
from matching.wording import Labels, render


def reader_language() -> str:
    """``"da"`` or ``"en"``: the language of the response being built (Danish by default)."""
    return "en" if (translation.get_language() or "da").startswith("en") else "da"


def labels_for(organisation_id: int) -> Labels:
    """The organisation's own topic labels (one query)."""
    rows = Topic.objects.filter(organisation_id=organisation_id).values_list(
        "slug", "label_en", "label_da"
    )
    by_slug = {slug: (en, da) for slug, en, da in rows}

    def topic(key: str, lang: str) -> str:
        en, da = by_slug.get(key, (key.replace("_", " "),) * 2)
        return da if lang == "da" else en

    return Labels(topic=topic)


def _own(code: str, lang: str) -> str | None:
    """The coaching app's own codes, said here."""
    texts = {
        "external": lambda: gettext("An external coach: outside the organisation's lines"),
        "no_coaches": lambda: gettext(
            "The coach pool has no active coach with a free place: add a coach or raise a capacity."
        ),
    }
    if code not in texts:
        return None
    with translation.override(lang):
        return str(texts[code]())


def render_reasons(
    data: Iterable[Mapping[str, Any]], *, organisation_id: int, lang: str | None = None
) -> list[str]:
    """Stored reasons as sentences; another administration is named by its name."""
    lang = lang or reader_language()
    labels = labels_for(organisation_id)
    out: list[str] = []
    for raw in data:
        code = str(raw.get("code"))
        params = dict(raw.get("params") or {})
        if code == "other_administration" and params.get("administration") is not None:
            if params["administration"] == EXTERNAL_ADMINISTRATION:
                code = "external"
            else:
                admin = Administration.objects.filter(id=int(params["administration"])).first()
                params["administration"] = admin.name if admin else ""
        own = _own(code, lang)
        if own is not None:
            out.append(own)
            continue
        try:
            out.append(
                render(reason_from_dict({"code": code, "params": params}), lang=lang, labels=labels)
            )
        except (KeyError, TypeError, ValueError):
            out.append(code)
    return out
