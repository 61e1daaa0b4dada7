"""Write the form rules the OpenAPI schema states for request bodies, as react-hook-form options.

For every ``*Request`` schema (what the API accepts), each field's ``required`` and its
``maxLength`` / ``minLength`` / ``minimum`` / ``maximum`` become ``required`` / ``maxLength`` /
``minLength`` / ``min`` / ``max``. Patterns are left out (Python's regex dialect is not the
browser's); the API stays the last word and its 400 answer is mapped onto the form.

Usage: ``python scripts/form_rules.py openapi.yaml src/api/formRules.ts`` (``npm run gen:rules``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

RULES = {"maxLength": "maxLength", "minLength": "minLength", "minimum": "min", "maximum": "max"}
# Django's integer fields carry the database's bounds; they say nothing to a person.
UNBOUNDED = 2**31


def field_rules(spec: dict[str, object], required: bool) -> dict[str, object]:
    rules: dict[str, object] = {"required": True} if required else {}
    for key, name in RULES.items():
        value = spec.get(key)
        if isinstance(value, int) and abs(value) < UNBOUNDED:
            rules[name] = value
    return rules


def form_rules(schema: dict[str, object]) -> dict[str, dict[str, dict[str, object]]]:
    out: dict[str, dict[str, dict[str, object]]] = {}
    components = schema["components"]["schemas"]  # type: ignore[index]
    for name in sorted(components):
        if not name.endswith("Request"):
            continue
        body = components[name]
        required = set(body.get("required", []))
        fields = {}
        for field, spec in body.get("properties", {}).items():
            rules = field_rules(spec, field in required)
            if rules:
                fields[field] = rules
        if fields:
            out[name] = fields
    return out


def render(rules: dict[str, dict[str, dict[str, object]]]) -> str:
    lines = [
        "// Generated from openapi.yaml by scripts/form_rules.py (npm run gen:rules); do not edit.",
        "// Per request body: each field's required / maxLength / minLength / min / max.",
        "export const formRules = {",
    ]
    for name, fields in rules.items():
        lines.append(f"  {name}: {{")
        for field, spec in fields.items():
            body = ", ".join(f"{key}: {json.dumps(value)}" for key, value in spec.items())
            lines.append(f"    {field}: {{ {body} }},")
        lines.append("  },")
    lines.append("} as const;")
    return "\n".join(lines) + "\n"


def main(source: str, target: str) -> None:
    schema = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
    Path(target).write_text(render(form_rules(schema)), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
