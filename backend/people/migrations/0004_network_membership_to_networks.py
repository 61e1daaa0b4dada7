"""Network and Membership leave ``people`` for ``networks`` (issue 12): state only.

The tables stay (``networks.Network`` and ``networks.Membership`` use them under their old
names), so nothing in the database changes; ``networks.0002`` has already pointed every foreign
key at the models' new home.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_unit_org_name_index"),
        ("networks", "0002_network_membership_from_people"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Membership"),
                migrations.DeleteModel(name="Network"),
            ],
        ),
    ]
