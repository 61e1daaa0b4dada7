"""GDPR contribution of the people app: the profile, login, competencies, needs (and memberships).

The networks app adds the leader's memberships to this section through
``hooks.leader_export_parts`` and erases them itself.

Called by ``backend.privacy`` (see ``backend/privacy/registry.py``); erasure runs last, after
every other app has removed its rows, because it anonymises the leader and removes the login.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction

from backend.people import hooks
from backend.people.models import Competency, Leader, SupportNeed, User

ERASED_FIRST_NAME = "Slettet"
ERASED_LAST_NAME = "leder"


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


def export_leader(leader: Leader, *, notes: bool = True) -> dict[str, Any]:
    """Return the leader's profile, login (never the password hash), strengths, needs, networks.

    ``notes=False`` (HR's export): a support need's note is left out; ``has_note`` says if
    there is one.
    """
    user = User.objects.filter(leader=leader).first()
    boss = leader.boss
    unit = leader.unit
    return {
        "profile": {
            "id": leader.id,
            "employee_number": leader.employee_number,
            "first_name": leader.first_name,
            "last_name": leader.last_name,
            "email": leader.email,
            "phone": leader.phone,
            "role_title": leader.role_title,
            "unit": unit.name if unit else None,
            "boss": boss.full_name if boss else None,
            "role_start_date": _iso(leader.role_start_date),
            "first_leader_job": leader.first_leader_job,
            "entry_route": leader.entry_route,
            "previous_role_title": leader.previous_role_title,
            "years_as_leader": str(leader.years_as_leader),
            "leadership_education": leader.leadership_education,
            "languages": leader.languages,
            "bio": leader.bio,
            "active": leader.active,
            "left_on": _iso(leader.left_on),
            "discoverable": leader.discoverable,
            "directory_discoverable": leader.directory_discoverable,
            "created_at": _iso(leader.created_at),
            "updated_at": _iso(leader.updated_at),
        },
        "user_account": None
        if user is None
        else {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "role": user.role,
            "language": user.language,
            "is_active": user.is_active,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "competencies": [
            {"topic": c.topic.slug, "topic_label": c.topic.label_da, "level": c.level}
            for c in Competency.objects.filter(leader=leader).select_related("topic")
        ],
        "support_needs": [
            {
                "topic": n.topic.slug,
                "topic_label": n.topic.label_da,
                "weight": n.weight,
                **({"note": n.note} if notes else {"has_note": bool(n.note)}),
                "status": n.status,
                "source": n.source,
                "shared_with_mentor": n.shared_with_mentor,
                "created_at": _iso(n.created_at),
                "updated_at": _iso(n.updated_at),
            }
            for n in SupportNeed.objects.filter(leader=leader).select_related("topic")
        ],
        # Parts other apps hold about the leader (the networks app: "memberships").
        **hooks.leader_export_parts(leader, own=notes),
    }


@transaction.atomic
def erase_leader(leader: Leader) -> None:
    """Anonymise the leader row and delete their login, strengths and needs.

    Memberships are erased before, by the networks app (``backend.networks.privacy``).

    The row itself stays (as "Slettet leder", inactive, with a random employee number) so that
    counts in programme statistics still add up; nothing in it identifies the person.
    """
    SupportNeed.objects.filter(leader=leader).delete()
    Competency.objects.filter(leader=leader).delete()
    # Deleting the login cascades to its API token and notifications; rows that merely point
    # at it (created_by, decided_by ...) are SET_NULL.
    User.objects.filter(leader=leader).delete()
    already = leader.first_name == ERASED_FIRST_NAME and leader.employee_number.startswith("x-")
    Leader.objects.filter(id=leader.id).update(
        employee_number=leader.employee_number if already else f"x-{secrets.token_hex(8)}",
        first_name=ERASED_FIRST_NAME,
        last_name=ERASED_LAST_NAME,
        email="",
        phone="",
        role_title="",
        previous_role_title="",
        bio="",
        languages=[],
        unit=None,
        boss=None,
        active=False,
        discoverable=False,
        directory_discoverable=False,
    )
    leader.refresh_from_db()
