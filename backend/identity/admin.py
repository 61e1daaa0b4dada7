"""The IT set-up screen for single sign-on and SCIM (the Django admin)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from backend.identity.models import ExternalAccount, IdentityProvider
from backend.identity.services import scim_token_issue


class IdentityProviderForm(forms.ModelForm):
    """The client secret is never shown again; left blank, the stored one is kept."""

    issuer = forms.URLField(label=_("issuer"), max_length=300, assume_scheme="https")
    client_secret = forms.CharField(
        label=_("client secret"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave blank to keep the stored secret."),
    )

    class Meta:
        model = IdentityProvider
        fields = [
            "organisation",
            "sso_enabled",
            "display_name",
            "issuer",
            "client_id",
            "client_secret",
            "scopes",
            "claim_employee_number",
            "claim_email",
            "claim_groups",
            "hr_group",
            "local_passwords_enabled",
        ]

    def clean_client_secret(self) -> str:
        secret: str = self.cleaned_data.get("client_secret") or ""
        if not secret and self.instance.pk is not None:
            return self.instance.client_secret
        return secret


@admin.register(IdentityProvider)
class IdentityProviderAdmin(admin.ModelAdmin):
    form = IdentityProviderForm
    list_display = [
        "organisation",
        "display_name",
        "sso_enabled",
        "local_passwords_enabled",
        "scim_token_created_at",
    ]
    list_select_related = ["organisation"]
    readonly_fields = ["scim_token_created_at", "updated_at"]
    actions = ["issue_scim_token"]

    @admin.action(description=_("Issue a new SCIM token (the old one stops working)"))
    def issue_scim_token(self, request: HttpRequest, queryset: QuerySet[IdentityProvider]) -> None:
        for provider in queryset:
            token = scim_token_issue(provider=provider)
            self.message_user(
                request,
                _("SCIM token for %(org)s (shown once; paste it into the IdP): %(token)s")
                % {"org": provider.organisation, "token": token},
                messages.WARNING,
            )

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return {"scopes": "openid email profile"}


@admin.register(ExternalAccount)
class ExternalAccountAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "subject", "external_id", "created_at"]
    list_filter = ["organisation"]
    search_fields = ["user__username", "subject", "external_id"]
    list_select_related = ["user", "organisation"]
    readonly_fields = ["user", "organisation", "subject", "external_id", "created_at"]
