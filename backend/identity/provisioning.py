"""The nightly drop folder's change report to HR, and its leavers' logins closed."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from backend.notifications import links
from backend.notifications.services import notify, recipient_language
from backend.people.imports.dropfolder import DropFolderRun, LeaderRef
from backend.people.models import Organisation, User

#: Errors listed in the refusal (the import screen shows them all on a dry run of the file).
ERRORS_LISTED = 20


def organisation_wide_hr(organisation: Organisation) -> QuerySet[User]:
    """HR and administrators of the whole organisation (scoped HR see only their part)."""
    return User.objects.filter(
        organisation=organisation,
        is_active=True,
        role__in=[User.Role.HR, User.Role.ADMIN],
        hr_administrations=None,
    ).order_by("id")


def _names(refs: list[LeaderRef]) -> str:
    return ", ".join(f"{r.name} ({r.employee_number})" for r in refs)


def report_text(run: DropFolderRun) -> tuple[str, str]:
    """Subject and body of the report, in the active language."""
    if not run.ok:
        lines = [
            _(
                "The nightly file %(file)s was not imported: it has %(count)s error(s). Nothing "
                "was changed and the file is still in the drop folder. Fix the export and "
                "preview it on the import screen."
            )
            % {"file": run.filename, "count": len(run.errors)}
        ]
        for error in run.errors[:ERRORS_LISTED]:
            where = _("row %(row)s") % {"row": error.row} if error.row else _("the file")
            column = f", {error.column}" if error.column else ""
            lines.append(f"– {where}{column}: {error.message}")
        return _("Nightly import refused: %(file)s") % {"file": run.filename}, "\n".join(lines)
    parts = [_("The nightly file %(file)s was imported.") % {"file": run.filename}]
    for refs, label in (
        (run.joined, _("Joined")),
        (run.left, _("Left")),
        (run.moved, _("Changed unit or boss")),
    ):
        if refs:
            parts.append(f"{label}: {_names(refs)}")
    if not run.changed:
        parts.append(_("Nobody joined, left or changed unit or boss."))
    subject = ngettext(
        "Nightly import: %(count)s change", "Nightly import: %(count)s changes", _count(run)
    ) % {"count": _count(run)}
    return subject, "\n".join(parts)


def _count(run: DropFolderRun) -> int:
    return len(run.joined) + len(run.left) + len(run.moved)


def report_send(*, organisation: Organisation, run: DropFolderRun) -> int:
    """Send the report to the organisation-wide HR, each in their own language."""
    sent = 0
    for user in organisation_wide_hr(organisation):
        with translation.override(recipient_language(user)):
            subject, body = report_text(run)
        kind = "identity.drop_folder_report" if run.ok else "identity.drop_folder_refused"
        if notify(user=user, kind=kind, subject=subject, body=body, url=links.hr_import()):
            sent += 1
    return sent
