"""OpenAPI enum names for the people app's choice sets (drf-spectacular ENUM_NAME_OVERRIDES).

Several models share field names (``role``, ``kind``, ``status``, ``language``) with different
choices; without explicit names the generator invents hashed ones and warns. Merge this into
``SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]``. Values are import paths, so importing this
module from settings loads no models.
"""

from backend.people.visibility import Sees  # plain data, no Django

ENUM_NAME_OVERRIDES: dict[str, str | list[str] | list[tuple[str, str]]] = {
    "UserRoleEnum": "backend.people.models.User.Role",
    "StaffFunctionKindEnum": "backend.people.models.StaffFunctionKind",
    "ServiceTypeEnum": "backend.people.models.ServiceType",
    # Without the blank "not known" (the generator lists that one as BlankEnum).
    "LeaderEntryRouteEnum": "backend.people.models.ENTRY_ROUTES_KNOWN",
    "SupportNeedStatusEnum": "backend.people.models.SupportNeed.Status",
    "SupportNeedSourceEnum": "backend.people.models.SupportNeed.Source",
    "LanguageEnum": [("da", "Dansk"), ("en", "English")],
    # The served privacy rules' "how much" (backend.people.visibility.Sees), shared by the rule's
    # ``sees`` and the directory card's ``others``; the serializers list the bare values.
    "SeesEnum": [sees.value for sees in Sees],
}
