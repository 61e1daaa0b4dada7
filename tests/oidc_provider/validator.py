"""The test provider's claims: each user's from the test's configuration."""

from typing import Any

from django.conf import settings
from oauth2_provider.oauth2_validators import OAuth2Validator


class ClaimsValidator(OAuth2Validator):
    """Put the configured claims in the ID token (``aud`` too, for the wrong-audience case)."""

    oidc_claim_scope = None  # every configured claim, whatever the scopes

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        claims: dict[str, Any] = settings.CONFIG["users"].get(request.user.username, {})
        return dict(claims)
