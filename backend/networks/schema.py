"""OpenAPI enum names for the networks app's choice sets (drf-spectacular ENUM_NAME_OVERRIDES).

Introductions and join requests share ``RequestStatus``; sign-ups and group drafts have their
own ``status``. Without explicit names the generator invents hashed ones (``Status83bEnum``)
and warns. Merge this into ``SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]``. Values are import
paths, resolved when the schema is generated, so importing this module from settings loads no
models.
"""

ENUM_NAME_OVERRIDES: dict[str, str | list[tuple[str, str]]] = {
    "MembershipRoleEnum": "backend.networks.models.Membership.Role",
    "NetworkKindEnum": "backend.networks.models.NetworkKind",
    "NetworkVisibilityEnum": "backend.networks.models.Network.Visibility",
    "RequestStatusEnum": "backend.networks.models.RequestStatus",
    "SignUpStatusEnum": "backend.networks.models.SignUp.Status",
    "GroupDraftStatusEnum": "backend.networks.models.GroupDraft.Status",
}
