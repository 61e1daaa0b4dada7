"""Reminders and escalation for plan items (run hourly by celery beat as
``onboarding.reminders_send``).

For every open item of an active plan, against the organisation's ``OnboardingSettings``
(defaults: 3 days before, again once overdue, HR after 7 days overdue):

1. ``due_soon``: the owner, ``remind_days_before`` days before the due date (or later, until due);
2. ``overdue``: the owner again once the due date has passed;
3. ``escalated``: HR in scope, ``escalate_after_days`` after the due date.

Each step is sent once per item and due date: ``notify``'s ``dedupe_key`` carries both, so a
rerun sends nothing and a rescheduled item is reminded afresh. Who gets the owner's reminder:
the owner's login (new leader, boss, mentor); for a staff consultant (no login) and for HR or
fallback items the messages go where someone can act: the leader for a consultant meeting, HR
users in scope for HR items. Messages carry the item's title, the leader's name and a link:
never a help flag or anything of a support need.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from backend.notifications import links
from backend.notifications.services import notify
from backend.people.models import Organisation, User
from onboarding.models import OnboardingSettings, OwnerRole, Plan, PlanItem
from onboarding.selectors import item_title
from onboarding.services.plans import plan_ensure_for_new_leaders, plan_owners_refresh

#: Leaders whose role started this many days ago or later get a plan in the hourly sweep.
SWEEP_DAYS = 30


@dataclass
class ReminderReport:
    """What one run sent."""

    due_soon: int = 0
    overdue: int = 0
    escalated: int = 0
    plans_created: int = 0
    owners_changed: int = 0
    skipped: list[int] = field(default_factory=list)


def _hr_users(organisation_id: int) -> list[tuple[User, set[int]]]:
    users = (
        User.objects.filter(
            organisation_id=organisation_id,
            is_active=True,
            role__in=[User.Role.HR, User.Role.ADMIN],
        )
        .prefetch_related("hr_administrations")
        .order_by("id")
    )
    return [(u, {a.id for a in u.hr_administrations.all()}) for u in users]


def _hr_for(hr: list[tuple[User, set[int]]], administration_id: int | None) -> list[User]:
    return [u for u, scope in hr if not scope or administration_id in scope]


def reminders_send(*, today: dt.date | None = None) -> ReminderReport:
    """Send every reminder and escalation due today. Idempotent (see the module docstring)."""
    today = today or timezone.localdate()
    report = ReminderReport()
    for organisation in Organisation.objects.order_by("id"):
        report.plans_created += len(
            plan_ensure_for_new_leaders(
                organisation=organisation, since=today - dt.timedelta(days=SWEEP_DAYS)
            )
        )
    settings_by_org = {s.organisation_id: s for s in OnboardingSettings.objects.all()}
    # Mentors get matched after plans exist: pick them up before reminding anyone.
    for plan in Plan.objects.filter(
        status=Plan.Status.ACTIVE,
        items__owner_fallback=True,
        items__owner_role__in=[OwnerRole.MENTOR, OwnerRole.BOSS, OwnerRole.STAFF_CONSULTANT],
    ).distinct():
        report.owners_changed += plan_owners_refresh(plan=plan)

    horizon = max([s.remind_days_before for s in settings_by_org.values()] + [3])
    items = (
        PlanItem.objects.filter(
            plan__status=Plan.Status.ACTIVE,
            dropped_at__isnull=True,
            status__in=PlanItem.OPEN_STATUSES,
            due_date__isnull=False,
            due_date__lte=today + dt.timedelta(days=horizon),
        )
        .select_related(
            "plan__leader__user",
            "plan__leader__unit__department",
            "owner_leader__user",
            "owner_staff_contact",
        )
        .order_by("plan__organisation_id", "due_date", "id")
    )
    hr_by_org: dict[int, list[tuple[User, set[int]]]] = defaultdict(list)
    for item in items:
        org_id = item.plan.organisation_id
        config = settings_by_org.get(org_id) or OnboardingSettings(organisation_id=org_id)
        if not config.reminders_enabled:
            continue
        if org_id not in hr_by_org:
            hr_by_org[org_id] = _hr_users(org_id)
        _remind(item, config=config, today=today, hr=hr_by_org[org_id], report=report)
    return report


def _owner_users(item: PlanItem, hr: list[User]) -> list[User]:
    """Who acts on the owner's reminder."""
    leader_user = getattr(item.plan.leader, "user", None)
    if item.owner_leader is not None:
        user = getattr(item.owner_leader, "user", None)
        return [user] if user is not None else hr
    if item.owner_staff_contact is not None:
        # Consultants have no login: the leader books the meeting with the named consultant.
        return [leader_user] if leader_user is not None else hr
    return hr


def _remind(
    item: PlanItem,
    *,
    config: OnboardingSettings,
    today: dt.date,
    hr: list[tuple[User, set[int]]],
    report: ReminderReport,
) -> None:
    due = item.due_date
    assert due is not None
    leader = item.plan.leader
    unit = leader.unit
    hr_users = _hr_for(hr, unit.department.administration_id if unit else None)
    url = links.plan_item(item.plan_id, item.id)
    days_late = (today - due).days
    steps: list[tuple[str, list[User]]] = []
    if 0 <= (due - today).days <= config.remind_days_before:
        steps.append(("due_soon", _owner_users(item, hr_users)))
    if days_late > 0 and config.overdue_reminder:
        steps.append(("overdue", _owner_users(item, hr_users)))
    if days_late >= config.escalate_after_days and days_late > 0:
        steps.append(("escalated", hr_users))
    for step, users in steps:
        for user in users:
            language = user.language or "da"
            with override(language):
                subject, body = _message(
                    step, item=item, leader_name=leader.full_name, due=due, language=language
                )
            sent = notify(
                user=user,
                kind=f"onboarding.{step}",
                subject=subject,
                body=body,
                url=url,
                dedupe_key=f"onboarding:item:{item.id}:{step}:{due.isoformat()}",
            )
            if sent is not None:
                setattr(report, step, getattr(report, step) + 1)


def _message(
    step: str, *, item: PlanItem, leader_name: str, due: dt.date, language: str
) -> tuple[str, str]:
    title = item_title(item, language=language)
    when = date_format(due, "DATE_FORMAT")  # in the reader's language: "5. december 2026"
    if step == "due_soon":
        return (
            _("Coming up: %(title)s") % {"title": title},
            _("“%(title)s” in %(leader)s's onboarding plan is due on %(date)s.")
            % {"title": title, "leader": leader_name, "date": when},
        )
    if step == "overdue":
        return (
            _("Overdue: %(title)s") % {"title": title},
            _("“%(title)s” in %(leader)s's onboarding plan was due on %(date)s.")
            % {"title": title, "leader": leader_name, "date": when},
        )
    return (
        _("Onboarding item overdue for %(leader)s") % {"leader": leader_name},
        _("“%(title)s” in %(leader)s's onboarding plan was due on %(date)s and is still open.")
        % {"title": title, "leader": leader_name, "date": when},
    )
