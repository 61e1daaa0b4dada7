"""Plans from templates: who gets which items, owners resolved per person, snapshots."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.people import models as m
from onboarding.models import OwnerRole, Plan, PlanItem, PlanItemEvent, TemplateItem
from onboarding.services.plans import plan_create_for_leader, plan_ensure_for_new_leaders
from onboarding.services.templates import template_item_update
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db


def _keys(plan: Plan) -> set[str]:
    return set(plan.items.values_list("template_item__key", flat=True))


def _templates(plan: Plan) -> set[str]:
    return set(plan.templates.values_list("slug", flat=True))


def test_first_time_24h_multi_site_leader_gets_roster_multi_site_and_first_job_items(
    templates, residential_leader, staff_directory
):
    plan = plan_create_for_leader(leader=residential_leader)

    assert _templates(plan) == {
        "alle-nye-ledere",
        "foerste-lederjob",
        "doegn-vagtplan",
        "flere-matrikler",
    }
    keys = _keys(plan)
    assert {"vagtplan-undervisning", "nat-beredskab"} <= keys  # roster, 24-hour only
    assert {"besoeg-matrikler", "bemanding-matrikler"} <= keys  # multi-site
    assert {"kollega-til-leder", "oekonomi-saerundervisning"} <= keys  # first leader job
    assert "foraeldresamarbejde" not in keys  # school and day-care only


def test_consultants_of_the_unit_are_named_on_their_items(
    templates, residential_leader, staff_directory
):
    plan = plan_create_for_leader(leader=residential_leader)
    meet_finance = plan.items.get(template_item__key="oekonomi-konsulent")
    meet_payroll = plan.items.get(template_item__key="loen-personale")

    # The unit's own consultant wins over the one serving the whole administration.
    assert meet_finance.owner_staff_contact == staff_directory["finance"]
    assert meet_payroll.owner_staff_contact == staff_directory["payroll_hr_law"]  # admin level
    assert not meet_finance.owner_fallback
    from onboarding.selectors import item_title

    assert item_title(meet_finance, language="da") == "Mød din økonomikonsulent Hanne Sørensen"
    assert item_title(meet_finance, language="en") == "Meet your finance consultant Hanne Sørensen"


def test_unknown_consultant_falls_back_to_hr_visibly(
    templates, residential_leader, staff_directory
):
    plan = plan_create_for_leader(leader=residential_leader)
    legal = plan.items.get(template_item__key="jura")  # no legal consultant in the directory

    assert legal.owner_fallback is True
    assert legal.owner_staff_contact is None
    from onboarding.selectors import item_owner_label, item_title

    assert "HR" in item_owner_label(legal)
    assert item_title(legal, language="da") == "Juridisk rådgivning: mød"


def test_boss_items_are_owned_by_the_boss_and_leader_items_by_the_leader(
    templates, residential_leader
):
    plan = plan_create_for_leader(leader=residential_leader)
    boss_items = plan.items.filter(owner_role=OwnerRole.BOSS)
    assert boss_items.exists()
    assert {i.owner_leader_id for i in boss_items} == {residential_leader.boss_id}
    assert {i.owner_leader_id for i in plan.items.filter(owner_role=OwnerRole.NEW_LEADER)} == {
        residential_leader.id
    }
    # No mentor yet: the mentor's items fall back to HR, visibly.
    mentor_items = plan.items.filter(owner_role=OwnerRole.MENTOR)
    assert mentor_items.exists() and all(i.owner_fallback for i in mentor_items)


def test_school_leader_gets_no_roster_items(templates, world: World):
    school_leader = world.outsider.leader
    plan = plan_create_for_leader(leader=school_leader)

    assert "doegn-vagtplan" not in _templates(plan)
    assert not plan.items.filter(topic__slug="roster").exists()
    assert "foraeldresamarbejde" in _keys(plan)


def test_home_care_is_shift_work_and_gets_the_roster_but_not_the_night_items(
    templates, world: World
):
    leader = f.LeaderFactory(
        unit=f.UnitFactory(
            department=f.DepartmentFactory(administration=world.social),
            service_type="home_care",
            round_the_clock=False,
        ),
        role_start_date=dt.date.today(),
    )
    keys = _keys(plan_create_for_leader(leader=leader))
    assert "vagtplan-undervisning" in keys
    assert "nat-beredskab" not in keys  # item rule: 24-hour services only


def test_negative_offsets_fall_due_before_the_start(templates, residential_leader):
    plan = plan_create_for_leader(leader=residential_leader)
    it_access = plan.items.get(template_item__key="it-adgang")
    assert it_access.due_date == residential_leader.role_start_date - dt.timedelta(days=5)
    assert it_access.due_date < plan.role_start_date


def test_editing_a_template_leaves_running_plans_unchanged(templates, residential_leader):
    plan = plan_create_for_leader(leader=residential_leader)
    snapshot = plan.items.get(template_item__key="overfoersel")
    before = (snapshot.title_da, snapshot.guidance_da, snapshot.due_date, snapshot.owner_role)

    template_item = TemplateItem.objects.get(template__slug="alle-nye-ledere", key="overfoersel")
    template_item_update(
        item=template_item,
        title_da="Ny titel",
        guidance_da="Ny vejledning",
        due_offset_days=200,
        owner_role=OwnerRole.HR,
    )
    template_item.template.items.filter(key="tr-amir").delete()

    snapshot.refresh_from_db()
    assert (
        snapshot.title_da,
        snapshot.guidance_da,
        snapshot.due_date,
        snapshot.owner_role,
    ) == before
    assert plan.items.filter(title_da="Mød din TR og AMIR").exists()


def test_plan_creation_is_idempotent_per_role_start(templates, residential_leader):
    first = plan_create_for_leader(leader=residential_leader)
    again = plan_create_for_leader(leader=residential_leader)
    assert again.id == first.id
    assert Plan.objects.filter(leader=residential_leader).count() == 1
    assert PlanItemEvent.objects.filter(item__plan=first, kind="created").count() == (
        first.items.count()
    )


def test_a_new_role_start_archives_the_old_plan(templates, residential_leader):
    old = plan_create_for_leader(leader=residential_leader)
    residential_leader.role_start_date = dt.date.today() + dt.timedelta(days=30)
    residential_leader.save()
    new = plan_create_for_leader(leader=residential_leader)
    old.refresh_from_db()
    assert new.id != old.id and old.status == Plan.Status.ARCHIVED
    assert new.status == Plan.Status.ACTIVE


def test_ensure_creates_plans_for_new_leaders_only_once(
    templates, world: World, residential_leader
):
    since = dt.date.today() - dt.timedelta(days=30)
    created = plan_ensure_for_new_leaders(organisation=world.org, since=since)
    leaders = {p.leader_id for p in created}
    assert {residential_leader.id, world.new_leader.leader_id} <= leaders
    assert world.outsider.leader_id not in leaders  # started in 2019
    assert plan_ensure_for_new_leaders(organisation=world.org, since=since) == []


def test_dependencies_point_inside_the_plan(templates, residential_leader):
    plan = plan_create_for_leader(leader=residential_leader)
    budget = plan.items.get(template_item__key="oekonomisystem")
    assert budget.depends_on == plan.items.get(template_item__key="oekonomi-konsulent")
    assert (
        PlanItem.objects.filter(plan=plan, depends_on__isnull=False)
        .exclude(depends_on__plan=plan)
        .count()
        == 0
    )


def test_the_content_has_enough_items_and_templates(templates):
    assert len(templates) >= 4
    assert TemplateItem.objects.filter(template__in=templates).count() >= 40
    # Items the matcher can learn from carry a topic of the taxonomy.
    assert m.Topic.objects.filter(slug="roster", organisation=templates[0].organisation).exists()
