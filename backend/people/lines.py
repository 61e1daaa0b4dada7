"""The line of command: reads of who is above whom, below every other people module.

``access`` (who may see what), ``selectors`` and ``services`` (the boss-cycle check) all walk
the line; it lives here, importing only the models, so none of them imports another to do it.
"""

from __future__ import annotations

from collections.abc import Mapping

from backend.people.models import Leader


def leader_line_ids(
    *, leader_id: int, boss_of: Mapping[int, int | None] | None = None
) -> list[int]:
    """Return the ids of the leader's managers, nearest first (the line of command).

    ``boss_of`` maps leader id → boss id; when omitted it is read from the database one step at
    a time. Stops at a cycle rather than looping (cycles are rejected on write, but a line read
    from an unvalidated import must not hang).
    """
    line: list[int] = []
    seen = {leader_id}
    current: int | None = leader_id
    while current is not None:
        if boss_of is not None:
            boss_id = boss_of.get(current)
        else:
            boss_id = Leader.objects.filter(id=current).values_list("boss_id", flat=True).first()
        if boss_id is None or boss_id in seen:
            break
        line.append(boss_id)
        seen.add(boss_id)
        current = boss_id
    return line
