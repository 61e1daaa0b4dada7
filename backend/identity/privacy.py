"""GDPR contribution of the identity app: the leader's login's account at the IdP.

Called by ``backend.privacy`` (see ``backend/privacy/registry.py``).
"""

from __future__ import annotations

from typing import Any

from backend.identity.models import ExternalAccount
from backend.people.models import Leader


def export_leader(leader: Leader, *, notes: bool = True) -> dict[str, Any]:
    """Return the IdP account linked to the leader's login (subject and SCIM external id)."""
    account = ExternalAccount.objects.filter(user__leader=leader).first()
    if account is None:
        return {"external_account": None}
    return {
        "external_account": {
            "subject": account.subject,
            "external_id": account.external_id,
            "linked_at": account.created_at.isoformat(),
        }
    }


def erase_leader(leader: Leader) -> None:
    """Forget the IdP account (the login itself goes with ``people``'s erasure)."""
    ExternalAccount.objects.filter(user__leader=leader).delete()
