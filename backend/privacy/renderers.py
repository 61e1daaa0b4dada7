"""The readable HTML version of a GDPR export (Danish or English, by the request's language)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from rest_framework.renderers import BaseRenderer

SECTION_TITLES = {
    "people": _("Profile, login, competencies, support needs and networks"),
    "mentoring": _("Mentoring"),
    "networks": _("Network requests, sign-ups and roulette"),
    "onboarding": _("Onboarding plans"),
    "notifications": _("Notifications"),
    "access_log": _("Who has read your private data"),
}


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _table(value: Any) -> dict[str, Any]:
    """Turn a dict (one record) or a list of dicts (rows) into a table the template prints."""
    if isinstance(value, Mapping):
        return {"kind": "record", "rows": [(k, _cell(v)) for k, v in value.items()]}
    if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        columns = list(dict.fromkeys(k for row in value for k in row))
        return {
            "kind": "rows",
            "columns": columns,
            "rows": [[_cell(row.get(c)) for c in columns] for row in value],
        }
    if isinstance(value, list):
        return {"kind": "rows", "columns": [""], "rows": [[_cell(v)] for v in value]}
    return {"kind": "record", "rows": [("", _cell(value))]}


def export_blocks(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Arrange an export (as ``leader_export`` returns it) into titled tables."""
    blocks = []
    for section, content in data.items():
        if section not in SECTION_TITLES:
            continue
        parts = content.items() if isinstance(content, Mapping) else [("", content)]
        blocks.append(
            {
                "title": SECTION_TITLES[section],
                "parts": [
                    {"name": name.replace("_", " "), "table": _table(value)}
                    for name, value in parts
                ],
            }
        )
    return blocks


class ExportHtmlRenderer(BaseRenderer):
    """Render an export as a standalone HTML page (``?format=html``); errors as plain text."""

    media_type = "text/html"
    format = "html"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        context = renderer_context or {}
        response = context.get("response")
        if response is not None and response.status_code >= 400:
            return render_to_string("privacy/error.html", {"error": data}).encode()
        return render_to_string(
            "privacy/export.html",
            {
                "blocks": export_blocks(data),
                "generated_at": data.get("generated_at"),
                "leader_id": data.get("leader_id"),
                "notes_left_out": data.get("notes_left_out"),
            },
            request=context.get("request"),
        ).encode()
