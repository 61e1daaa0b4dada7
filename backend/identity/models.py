"""Each organisation's identity provider set-up, and the link from a login to its IdP account.

The set-up lives in the database, not in settings: a national deployment serves many
municipalities, each with its own Entra ID tenant (issuer, client, claim names, HR group), and
IT changes it on the set-up screen (the Django admin) without a deployment.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.people.models import Organisation


class IdentityProvider(models.Model):
    """An organisation's OpenID Connect provider (e.g. Entra ID) and its SCIM client."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="identity_provider"
    )
    sso_enabled = models.BooleanField(
        _("single sign-on on"),
        default=False,
        help_text=_("Show “Log in with …” on the login screen and accept logins from the IdP."),
    )
    display_name = models.CharField(
        _("name on the login button"),
        max_length=100,
        help_text=_("E.g. “Testrup Kommune (Microsoft Entra ID)”."),
    )
    issuer = models.URLField(
        _("issuer"),
        max_length=300,
        help_text=_(
            "The IdP's issuer URL; its /.well-known/openid-configuration is read from here. "
            "Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0"
        ),
    )
    client_id = models.CharField(_("client ID"), max_length=200)
    client_secret = models.CharField(_("client secret"), max_length=500, blank=True)
    scopes = models.CharField(_("scopes"), max_length=200, default="openid email profile")
    claim_employee_number = models.CharField(
        _("claim with the employee number"),
        max_length=100,
        default="employee_number",
        blank=True,
        help_text=_(
            "Leaders are matched by this claim first (Entra ID: an optional claim such as "
            "“employeeid”), then by the e-mail claim. Empty: e-mail only."
        ),
    )
    claim_email = models.CharField(_("claim with the e-mail"), max_length=100, default="email")
    claim_groups = models.CharField(_("claim with the groups"), max_length=100, default="groups")
    hr_group = models.CharField(
        _("HR group"),
        max_length=200,
        blank=True,
        help_text=_("Members of this group (its ID or name in the groups claim) log in as HR."),
    )
    local_passwords_enabled = models.BooleanField(
        _("local passwords allowed"),
        default=True,
        help_text=_(
            "Off: everyone logs in through the IdP; only administrators keep a password "
            "(the break-glass login)."
        ),
    )
    scim_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    scim_token_created_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("identity provider")
        verbose_name_plural = _("identity providers")

    def __str__(self) -> str:
        return self.display_name


class ExternalAccount(models.Model):
    """A login's account at its organisation's IdP: the OIDC subject and the SCIM external id."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_account"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="external_accounts"
    )
    subject = models.CharField(_("OIDC subject"), max_length=255, blank=True)
    external_id = models.CharField(_("SCIM external ID"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "subject"],
                condition=~models.Q(subject=""),
                name="external_account_unique_subject",
            ),
            models.UniqueConstraint(
                fields=["organisation", "external_id"],
                condition=~models.Q(external_id=""),
                name="external_account_unique_external_id",
            ),
        ]

    def __str__(self) -> str:
        return f"external account of user #{self.user_id}"
