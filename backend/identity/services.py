"""Writes of the identity app: a login from the IdP's claims, leavers and returners, SCIM tokens.

``sso_user_for_claims`` decides who an OpenID Connect login is: the leader with the employee
number (or, failing that, the one e-mail) in the claims, HR by the group claim. It refuses a
login that is neither a leader nor HR, and a login or leader that was deactivated, with a code the
login screen words (``SsoRefused.code``).

``user_deactivate`` is the leaver: the login is closed at once (its sessions and API tokens stop
working on the next request) and the leader's retention clock starts (``Leader.left_on``, read by
``backend.privacy`` retention). ``user_reactivate`` undoes it for someone who came back.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from typing import Any

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

from backend.identity.models import ExternalAccount, IdentityProvider
from backend.identity.provisioning import report_send
from backend.people.imports.dropfolder import DropFolderRun, drop_folder_import
from backend.people.models import Leader, Organisation, User


class SsoRefused(Exception):
    """A login through the IdP that Sparring refuses; ``code`` names the reason."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _claim(claims: Mapping[str, Any], name: str) -> str:
    value = claims.get(name) if name else None
    return str(value).strip() if value not in (None, "") else ""


def _groups(claims: Mapping[str, Any], name: str) -> set[str]:
    value = claims.get(name) if name else None
    if isinstance(value, str):
        return {value}
    if isinstance(value, list | tuple):
        return {str(v) for v in value}
    return set()


def leader_for_identity(
    *, organisation: Organisation, employee_number: str, email: str
) -> Leader | None:
    """The organisation's leader with this employee number, else the one with this e-mail."""
    if employee_number:
        leader = Leader.objects.filter(
            organisation=organisation, employee_number=employee_number
        ).first()
        if leader is not None:
            return leader
    if email:
        matches = list(Leader.objects.filter(organisation=organisation, email__iexact=email)[:2])
        if len(matches) == 1:  # two leaders sharing an address identify nobody
            return matches[0]
    return None


def _username(organisation: Organisation, employee_number: str, email: str, subject: str) -> str:
    base = f"{organisation.slug}:{employee_number or email or subject}"[:140]
    username, n = base, 1
    while User.objects.filter(username=username).exists():
        n += 1
        username = f"{base}-{n}"
    return username


@transaction.atomic
def sso_user_for_claims(*, provider: IdentityProvider, claims: Mapping[str, Any]) -> User:
    """Return the login for these (verified) ID-token claims, created or updated; or refuse.

    Raises ``SsoRefused("disabled")`` for a deactivated login or leader and
    ``SsoRefused("not_leader")`` for someone who is neither a leader nor in the HR group.
    """
    organisation = provider.organisation
    subject = _claim(claims, "sub")
    employee_number = _claim(claims, provider.claim_employee_number)
    email = _claim(claims, provider.claim_email)
    is_hr = bool(provider.hr_group) and provider.hr_group in _groups(claims, provider.claim_groups)
    leader = leader_for_identity(
        organisation=organisation, employee_number=employee_number, email=email
    )
    # A login provisioned (SCIM) before HR imported its leader has no leader yet: found by
    # its e-mail, it is linked below rather than doubled.
    user = _existing_user(organisation, subject=subject, leader=leader) or user_for_email(
        organisation=organisation, email=email
    )
    if (user is not None and not user.is_active) or (leader is not None and not leader.active):
        raise SsoRefused("disabled")
    if leader is None and not is_hr and not (user is not None and user.role == User.Role.ADMIN):
        raise SsoRefused("not_leader")
    if user is None:
        user = User(
            username=_username(organisation, employee_number, email, subject),
            organisation=organisation,
            email=email,
            first_name=_claim(claims, "given_name")[:150],
            last_name=_claim(claims, "family_name")[:150],
        )
        user.set_unusable_password()
    if user.role != User.Role.ADMIN:  # the group claim decides; an administrator stays one
        user.role = User.Role.HR if is_hr else User.Role.LEADER
    if leader is not None and user.leader_id is None and not hasattr(leader, "user"):
        user.leader = leader
    if email and not user.email:
        user.email = email
    user.save()
    account, _created = ExternalAccount.objects.get_or_create(
        user=user, defaults={"organisation": organisation}
    )
    if subject and account.subject != subject:
        account.subject = subject
        account.save(update_fields=["subject"])
    return user


def _existing_user(
    organisation: Organisation, *, subject: str, leader: Leader | None
) -> User | None:
    if subject:
        account = (
            ExternalAccount.objects.select_related("user")
            .filter(organisation=organisation, subject=subject)
            .first()
        )
        if account is not None:
            return account.user
    if leader is not None:
        return User.objects.filter(leader=leader).first()
    return None


def user_for_email(*, organisation: Organisation, email: str) -> User | None:
    """The organisation's one login without a leader that has this e-mail (HR staff, say)."""
    if not email:
        return None
    matches = list(
        User.objects.filter(organisation=organisation, leader=None, email__iexact=email)[:2]
    )
    return matches[0] if len(matches) == 1 else None


def _end_sessions(user: User) -> None:
    """Delete the user's sessions (one scan of live sessions; leavers are rare)."""
    user_id = str(user.pk)
    stale = [
        s.session_key
        for s in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if s.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(session_key__in=stale).delete()


@transaction.atomic
def user_deactivate(*, user: User) -> User:
    """Close a login at once and start its leader's retention clock (the leaver).

    Sessions end (deleted, and the session hash changes with the password, so a session held
    elsewhere is refused too), API tokens are deleted (their cache entries go with them), the
    leader is marked as left today unless a date is already set.
    """
    user.is_active = False
    user.set_unusable_password()
    user.save()
    Token.objects.filter(user=user).delete()
    _end_sessions(user)
    if user.leader_id is not None:
        Leader.objects.filter(id=user.leader_id, left_on__isnull=True).update(
            left_on=timezone.localdate()
        )
        Leader.objects.filter(id=user.leader_id).update(active=False)
    return user


@transaction.atomic
def user_reactivate(*, user: User) -> User:
    """Open a closed login again (someone came back): the leader is active, the clock stops."""
    user.is_active = True
    user.save()
    if user.leader_id is not None:
        Leader.objects.filter(id=user.leader_id).update(active=True, left_on=None)
    return user


def drop_folder_import_and_report(*, organisation: Organisation) -> DropFolderRun | None:
    """Import the organisation's newest nightly export, close the leavers' logins, tell HR."""
    run = drop_folder_import(organisation=organisation)
    if run is None:
        return None
    if run.ok and run.left:
        for user in User.objects.filter(leader_id__in=[r.id for r in run.left], is_active=True):
            user_deactivate(user=user)
    report_send(organisation=organisation, run=run)
    return run


def scim_token_hash(token: str) -> str:
    """The stored form of a SCIM bearer token (only its hash is kept)."""
    return hashlib.sha256(token.encode()).hexdigest()


def scim_token_issue(*, provider: IdentityProvider) -> str:
    """Make a new SCIM bearer token for the provider's organisation; the old one stops working.

    Returns the token: it is shown once, to be pasted into the IdP's provisioning set-up.
    """
    token = secrets.token_urlsafe(32)
    provider.scim_token_hash = scim_token_hash(token)
    provider.scim_token_created_at = timezone.now()
    provider.save(update_fields=["scim_token_hash", "scim_token_created_at", "updated_at"])
    return token
