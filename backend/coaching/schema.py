"""OpenAPI enum names for the coaching app's choice sets (drf-spectacular ENUM_NAME_OVERRIDES).

Import paths, resolved when the schema is generated (importing this from settings loads no
models). Merged into ``SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]``.
"""

ENUM_NAME_OVERRIDES: dict[str, str | list[tuple[str, str]]] = {
    "CoachKindEnum": "backend.coaching.models.Coach.Kind",
    "CoachStatusEnum": "backend.coaching.models.Coach.Status",
    "CoachRequestStatusEnum": "backend.coaching.models.CoachRequest.Status",
    "CoachPreferenceEnum": "backend.coaching.models.CoachRequest.Preference",
}
