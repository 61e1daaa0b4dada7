"""Send notifications: one in-app row and, after commit, an e-mail.

Callers pass text they compose from non-private fields (names, titles, dates, links). Support
needs are private: never pass their notes or topics into a message; link to the app instead.

A message goes out in the *recipient's* language (their own choice, else their organisation's),
not the sender's: callers pass lazy text (``gettext_lazy``, or ``lazy_message`` for text with
names in it), and ``notify`` renders it under ``translation.override`` for each recipient.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.functional import lazy

from backend.notifications.email import notification_email_send
from backend.notifications.models import EmailPreference, Notification
from backend.people.models import User

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    Text = str | StrPromise
else:
    Text = Any


def _interpolate(template: Any, params: Mapping[str, Any]) -> str:
    return str(template) % params


_lazy_interpolate = lazy(_interpolate, str)


def lazy_message(template: Text, **params: Any) -> Text:
    """``template % params``, translated when rendered (``str()``), not when written.

    ``gettext_lazy("...") % {...}`` would translate at once, in the sender's language.
    """
    return _lazy_interpolate(template, params)


def recipient_language(user: User) -> str:
    """The language a user reads their notifications in."""
    if user.language:
        return user.language
    organisation = user.organisation if user.organisation_id is not None else None
    return organisation.default_language if organisation is not None else settings.LANGUAGE_CODE


def notify(
    *,
    user: User,
    kind: str,
    subject: Text,
    body: Text = "",
    url: str = "",
    dedupe_key: str = "",
    email: bool = True,
) -> Notification | None:
    """Create an in-app notification for ``user`` and e-mail it after the transaction commits.

    ``subject`` and ``body`` are rendered in the recipient's language (lazy text is translated
    here, plain text is taken as it is).

    With a ``dedupe_key`` the call is idempotent: a second call with the same key for the same
    user sends nothing and returns ``None`` (periodic jobs rely on this).
    """
    if dedupe_key and Notification.objects.filter(user=user, dedupe_key=dedupe_key).exists():
        return None
    with translation.override(recipient_language(user)):
        subject_text, body_text = str(subject), str(body)
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user,
                kind=kind,
                subject=subject_text[:200],
                body=body_text,
                url=url,
                dedupe_key=dedupe_key,
            )
    except IntegrityError:  # a concurrent run created the same dedupe key first
        return None
    if email and user.email and wants_email(user=user, kind=kind):
        transaction.on_commit(lambda: _email(notification.id))
    return notification


def wants_email(*, user: User, kind: str) -> bool:
    """Whether the user takes this kind by e-mail too (they may mute a group; in-app stays)."""
    muted = EmailPreference.objects.filter(user=user).values_list("muted", flat=True).first() or []
    return EmailPreference.group_of(kind) not in muted


def _email(notification_id: int) -> None:
    # HTML and plain text in the recipient's language (or held for HR's daily digest).
    notification_email_send(notification_id=notification_id)


def notification_mark_read(*, actor: User, notification_id: int) -> Notification:
    """Mark one of the actor's notifications as read (another user's is not found)."""
    notification = Notification.objects.get(id=notification_id, user=actor)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, actor: User) -> int:
    """Mark every unread notification of the actor as read; return how many were unread."""
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def email_preference_set(*, actor: User, email: Mapping[str, bool]) -> dict[str, bool]:
    """Set which groups of notifications the actor also gets by e-mail.

    Groups the body leaves out keep their setting; unknown groups are refused by the API.
    """
    with transaction.atomic():
        preference, _created = EmailPreference.objects.select_for_update().get_or_create(user=actor)
        muted = set(preference.muted)
        for group, wanted in email.items():
            if wanted:
                muted.discard(group)
            else:
                muted.add(group)
        preference.muted = sorted(muted)
        preference.save(update_fields=["muted"])
    return {group: group not in muted for group in EmailPreference.Group.values}
