"""The persona municipality builds, so every permission test starts from the same ground."""

import pytest

from tests.conftest import World


@pytest.mark.django_db
def test_world_has_a_line_of_command(world: World) -> None:
    mette = world.new_leader.leader
    assert mette is not None and mette.boss == world.boss.leader
    assert mette.boss.boss == world.grand_boss.leader
    assert world.mentor.leader.unit.department.administration == world.social
