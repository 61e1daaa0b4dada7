"""Network and Membership move from ``people`` to ``networks`` (issue 12): state only.

The tables keep their names (``people_network``, ``people_membership``) and their rows, so the
database is not touched except for the content types, which follow the models (admin history
and permissions keep pointing at them). ``people.0004`` removes the models from people's state
after this migration has moved every foreign key over.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

MOVED = ("network", "membership")


def content_types_follow(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Relabel the moved models' content types (none on a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        if not ContentType.objects.using(db).filter(app_label="networks", model=model).exists():
            ContentType.objects.using(db).filter(app_label="people", model=model).update(
                app_label="networks"
            )


def content_types_back(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Undo ``content_types_follow``."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        if not ContentType.objects.using(db).filter(app_label="people", model=model).exists():
            ContentType.objects.using(db).filter(app_label="networks", model=model).update(
                app_label="people"
            )


def _to_network(**kwargs: object) -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="networks.network", **kwargs)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("networks", "0001_initial"),
        ("people", "0003_unit_org_name_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Network",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        ("kind", models.CharField(choices=[("leader_group", "Leader group"), ("learning_network", "Learning network"), ("leadership_team", "Leadership team"), ("informal", "Informal network"), ("external", "External network")], max_length=20, verbose_name="kind")),
                        ("visibility", models.CharField(choices=[("open", "Open"), ("members_only", "Members only")], default="open", max_length=20, verbose_name="visibility")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        ("theme", models.CharField(blank=True, max_length=200, verbose_name="theme")),
                        ("welcomes_newcomers", models.BooleanField(default=False, verbose_name="welcomes new leaders")),
                        ("active", models.BooleanField(default=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="networks", to="people.organisation")),
                    ],
                    options={"db_table": "people_network", "ordering": ["name"]},
                ),
                migrations.CreateModel(
                    name="Membership",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("role", models.CharField(choices=[("member", "Member"), ("convener", "Convener")], default="member", max_length=12)),
                        ("since", models.DateField(blank=True, null=True, verbose_name="member since")),
                        ("leader", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="memberships", to="people.leader")),
                        ("network", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="memberships", to="networks.network")),
                    ],
                    options={
                        "db_table": "people_membership",
                        "ordering": ["network__name", "leader__last_name"],
                        "constraints": [models.UniqueConstraint(fields=("network", "leader"), name="membership_unique_leader")],
                    },
                ),
                migrations.AlterField(
                    model_name="cohortcircle",
                    name="network",
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="cohort", to="networks.network"),
                ),
                migrations.AlterField(
                    model_name="roulettesetting",
                    name="network",
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="roulette", to="networks.network"),
                ),
                migrations.AlterField(
                    model_name="rouletteround",
                    name="network",
                    field=_to_network(related_name="roulette_rounds"),
                ),
                migrations.AlterField(
                    model_name="rouletteoptout",
                    name="network",
                    field=_to_network(related_name="+"),
                ),
                migrations.AlterField(
                    model_name="joinrequest",
                    name="network",
                    field=_to_network(related_name="join_requests"),
                ),
                migrations.AlterField(
                    model_name="groupdraft",
                    name="networks",
                    field=models.ManyToManyField(blank=True, related_name="+", to="networks.network"),
                ),
            ],
            database_operations=[
                migrations.RunPython(content_types_follow, content_types_back, elidable=True),
            ],
        ),
    ]
