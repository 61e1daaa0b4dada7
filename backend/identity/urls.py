"""URLs of the identity app (mounted under /api/): single sign-on and SCIM 2.0."""

from django.urls import path

from backend.identity import apis, oidc, scim

urlpatterns = [
    path("auth/sso/providers/", apis.SsoProviderListApi.as_view(), name="sso-providers"),
    path("auth/sso/<slug:slug>/start/", oidc.SsoStartView.as_view(), name="sso-start"),
    path("auth/sso/callback/", oidc.SsoCallbackView.as_view(), name="sso-callback"),
    path("scim/v2/ServiceProviderConfig", scim.service_provider_config, name="scim-config"),
    path("scim/v2/ResourceTypes", scim.resource_types, name="scim-resource-types"),
    path("scim/v2/Schemas", scim.schemas, name="scim-schemas"),
    path("scim/v2/Users", scim.users, name="scim-users"),
    path("scim/v2/Users/<str:scim_id>", scim.user_detail, name="scim-user"),
    path("scim/v2/Groups", scim.groups, name="scim-groups"),
]
