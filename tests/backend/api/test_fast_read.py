"""``FastReadMixin`` gives the same rows as DRF's own field-by-field walk, for every serializer
that uses it, on every row of the test organisation (with and without units, bosses, dates)."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import pytest
from rest_framework import serializers

import backend.urls  # noqa: F401  (imports every API module, so every serializer is known)
from backend.api.serializers import FastReadMixin
from backend.notifications.services import notify
from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db


def _fast_serializers() -> list[type[Any]]:
    found: list[type[Any]] = []
    todo = list(FastReadMixin.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda cls: cls.__qualname__)


def test_the_hot_list_serializers_use_the_fast_path() -> None:
    names = {cls.__name__ for cls in _fast_serializers()}
    assert {
        "LeaderSerializer",
        "LeaderDetailSerializer",
        "UnitSerializer",
        "TopicSerializer",
        "NotificationOutputSerializer",
        "MeSerializer",
    } <= names


@pytest.mark.parametrize("serializer_class", _fast_serializers(), ids=lambda c: c.__name__)
def test_fast_rows_equal_drf_rows(
    serializer_class: type[Any], world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rows that exercise every branch: no unit and no boss, a decimal, dates, a notification.
    lone = f.LeaderFactory(
        organisation=world.org, unit=None, boss=None, role_start_date=None, email=""
    )
    lone.years_as_leader = decimal.Decimal("2.5")
    lone.role_start_date = dt.date(2026, 3, 1)
    lone.save()
    notify(user=world.new_leader, kind="test", subject="Hej", email=False, dedupe_key="fast")
    network = f.NetworkFactory(organisation=world.org, name="Sparringsgruppe")
    f.MembershipFactory(network=network, leader=lone)
    finance = m.StaffFunction.objects.create(
        organisation=world.org, kind=m.StaffFunctionKind.choices[0][0], name="Økonomi"
    )
    contact = m.StaffContact.objects.create(
        organisation=world.org, staff_function=finance, name="Hanne Sørensen", email="h@x.dk"
    )
    contact.units.add(m.Unit.objects.filter(organisation=world.org).first())
    contact.administrations.add(world.children)
    model = serializer_class.Meta.model
    rows = list(model.objects.all().order_by("pk"))
    assert rows, f"no {model.__name__} rows to compare"

    fast = [serializer_class(row).data for row in rows]
    monkeypatch.setattr(
        FastReadMixin, "to_representation", serializers.Serializer.to_representation
    )
    drf = [serializer_class(row).data for row in rows]

    assert fast == drf
