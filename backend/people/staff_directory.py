"""HR edits the staff directory: staff functions and their consultants (the "help troops").

A consultant serves units directly and/or whole administrations, and helps with topics of the
organisation's taxonomy. The directory is the organisation's, not an administration's, so only
HR for the whole organisation edits it; every id given must be of HR's own organisation (else
a field error, never a silent drop). Readers see it through ``selectors.unit_staff_directory``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from backend.api.exceptions import Conflict, ServiceError
from backend.people import access, selectors
from backend.people.models import (
    Administration,
    Organisation,
    StaffContact,
    StaffFunction,
    Topic,
    Unit,
    User,
)

CONTACT_FIELDS = ("name", "title", "email", "phone")
LINKS: dict[str, type[Model]] = {"units": Unit, "administrations": Administration, "topics": Topic}


def _organisation(actor: User) -> Organisation:
    return access.organisations_visible_to(actor).get()


def _function_or_404(actor: User, function_id: int) -> StaffFunction:
    return selectors.staff_function_list(actor=actor).get(id=function_id)


def staff_function_create_as(
    *, actor: User, kind: str, name: str, description: str = ""
) -> StaffFunction:
    """HR adds a staff function (one of each kind per organisation)."""
    organisation = _organisation(actor)
    if StaffFunction.objects.filter(organisation=organisation, kind=kind).exists():
        raise ServiceError(
            _("The organisation already has a staff function of this kind."), field="kind"
        )
    try:
        with transaction.atomic():
            return StaffFunction.objects.create(
                organisation=organisation, kind=kind, name=name, description=description
            )
    except IntegrityError as error:  # a concurrent create of the same kind
        raise ServiceError(
            _("The organisation already has a staff function of this kind."), field="kind"
        ) from error


def staff_function_update_as(*, actor: User, function_id: int, **fields: Any) -> StaffFunction:
    """HR renames a staff function or changes what it helps with (its kind stays)."""
    function = _function_or_404(actor, function_id)
    for name in ("name", "description"):
        if name in fields:
            setattr(function, name, fields[name])
    function.save()
    return function


def staff_function_delete_as(*, actor: User, function_id: int) -> None:
    """HR removes a staff function that has no consultants left (409 while it has some)."""
    function = _function_or_404(actor, function_id)
    if function.contacts.exists():
        raise Conflict(_("Remove or move the function's consultants first."))
    function.delete()


def _linked(organisation: Organisation, field: str, ids: Sequence[int]) -> list[Any]:
    """Return the rows of ``ids`` in the organisation, or a field error naming the field."""
    model = LINKS[field]
    rows = list(model._default_manager.filter(id__in=set(ids)))
    in_org = [r for r in rows if _organisation_id(r) == organisation.id]
    if len(in_org) != len(set(ids)):
        # Named as the request names it: units -> unit_ids, topics -> topic_ids.
        raise ServiceError(
            _("Choose among your own organisation's rows."), field=f"{field[:-1]}_ids"
        )
    return in_org


def _organisation_id(row: Any) -> int:
    if isinstance(row, Unit | Topic | Administration):
        return row.organisation_id
    raise TypeError(row)


def _contact_write(
    contact: StaffContact, organisation: Organisation, fields: dict[str, Any]
) -> StaffContact:
    if "staff_function_id" in fields:
        function = StaffFunction.objects.filter(
            organisation=organisation, id=fields["staff_function_id"]
        ).first()
        if function is None:
            raise ServiceError(
                _("Choose one of your organisation's staff functions."), field="staff_function_id"
            )
        contact.staff_function = function
    for name in CONTACT_FIELDS:
        if name in fields:
            setattr(contact, name, fields[name])
    links = {f: _linked(organisation, f, fields[f]) for f in LINKS if f in fields}
    with transaction.atomic():
        contact.save()
        for field, rows in links.items():
            getattr(contact, field).set(rows)
    return selectors.staff_contact_detail_for_edit(contact_id=contact.id)


def staff_contact_create_as(*, actor: User, **fields: Any) -> StaffContact:
    """HR adds a consultant to a staff function, with the units, administrations and topics."""
    organisation = _organisation(actor)
    if "staff_function_id" not in fields:
        raise ServiceError(_("Choose a staff function."), field="staff_function_id")
    contact = StaffContact(organisation=organisation)
    return _contact_write(contact, organisation, fields)


def staff_contact_update_as(*, actor: User, contact_id: int, **fields: Any) -> StaffContact:
    """HR edits a consultant: details, function, what they serve and help with."""
    contact = selectors.staff_contact_detail(actor=actor, contact_id=contact_id)
    return _contact_write(contact, _organisation(actor), fields)


def staff_contact_delete_as(*, actor: User, contact_id: int) -> None:
    """HR removes a consultant from the directory."""
    selectors.staff_contact_detail(actor=actor, contact_id=contact_id).delete()
