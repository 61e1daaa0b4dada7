"""Notifications by e-mail: HTML and plain text, in the recipient's language, with working links.

Every mail carries the notification's own link into the app (made absolute with
``settings.SPARRING_BASE_URL``) and a link to the recipient's notification preferences
(``PREFERENCES_PATH``). Text comes only from the notification row, which by contract never
holds support-need content (``services.notify``), so neither does a mail.

HR's escalations (``DIGEST_KINDS``) are not mailed one by one: ``digest_send`` (celery beat,
each morning) sends each HR user one mail with everything that was escalated since the last.
Each notification is marked ``emailed`` once it has gone out, so a rerun sends nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from backend.notifications import links
from backend.notifications.models import Notification
from backend.people.models import User

#: Where a user chooses which e-mails they get.
PREFERENCES_PATH = links.email_preferences()
#: Escalations to HR, gathered into one mail a day.
DIGEST_KINDS = frozenset({"onboarding.escalated", "mentoring.manual_queue"})


def _language(user: User) -> str:
    if user.language:
        return user.language
    organisation = user.organisation if user.organisation_id is not None else None
    return organisation.default_language if organisation is not None else settings.LANGUAGE_CODE


def absolute_link(path: str) -> str:
    """The app's address for ``path`` (a path from the notification; empty stays empty)."""
    return f"{settings.SPARRING_BASE_URL.rstrip('/')}{path}" if path else ""


def in_digest(notification: Notification) -> bool:
    """Whether this notification waits for the daily digest instead of its own mail."""
    return notification.kind in DIGEST_KINDS and notification.user.role in (
        User.Role.HR,
        User.Role.ADMIN,
    )


def _item(notification: Notification) -> dict[str, str]:
    return {
        "subject": notification.subject,
        "body": notification.body,
        "link": absolute_link(notification.url),
    }


def _name(user: User) -> str:
    leader = user.leader if user.leader_id is not None else None
    return (leader.full_name if leader is not None else "") or user.get_full_name() or user.username


def _send(user: User, subject: str, template: str, context: dict[str, Any], language: str) -> None:
    context = {
        **context,
        "language": language,
        "name": _name(user),
        "preferences": absolute_link(PREFERENCES_PATH),
        "app": absolute_link("/"),
    }
    message = EmailMultiAlternatives(
        subject=f"Sparring: {subject}",
        body=render_to_string(f"notifications/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={"Content-Language": language},
    )
    message.attach_alternative(
        render_to_string(f"notifications/email/{template}.html", context), "text/html"
    )
    message.send(fail_silently=False)


def notification_email_send(*, notification_id: int) -> bool:
    """Mail one notification to its recipient (unless it waits for the digest or went already)."""
    notification = (
        Notification.objects.select_related("user__organisation", "user__leader")
        .filter(id=notification_id)
        .first()
    )
    if notification is None or notification.emailed or not notification.user.email:
        return False
    if in_digest(notification):
        return False
    language = _language(notification.user)
    with translation.override(language):
        _send(
            notification.user,
            notification.subject,
            "notification",
            {"item": _item(notification), "open": _("Open in Sparring")},
            language,
        )
    Notification.objects.filter(id=notification_id).update(emailed=True)
    return True


def _digest_to(user: User, items: Sequence[Notification]) -> None:
    language = _language(user)
    with translation.override(language):
        subject = ngettext(
            "%(count)s escalation today", "%(count)s escalations today", len(items)
        ) % {"count": len(items)}
        _send(
            user,
            subject,
            "digest",
            {"items": [_item(n) for n in items], "title": subject, "open": _("Open in Sparring")},
            language,
        )


def digest_send() -> int:
    """Send each HR user one mail with their escalations not mailed yet; return mails sent."""
    waiting = (
        Notification.objects.filter(
            kind__in=DIGEST_KINDS,
            emailed=False,
            user__is_active=True,
            user__role__in=[User.Role.HR, User.Role.ADMIN],
        )
        .exclude(user__email="")
        .select_related("user__organisation", "user__leader")
        .order_by("user_id", "created_at", "id")
    )
    by_user: dict[int, list[Notification]] = {}
    for notification in waiting:
        by_user.setdefault(notification.user_id, []).append(notification)
    for items in by_user.values():
        _digest_to(items[0].user, items)
        Notification.objects.filter(id__in=[n.id for n in items]).update(emailed=True)
    return len(by_user)
