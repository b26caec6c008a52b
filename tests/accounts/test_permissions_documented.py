"""What the README says each role may do is what the permissions matrix allows: one truth, told twice."""

from __future__ import annotations

import re
from pathlib import Path

from ims.accounts.models import Role
from ims.accounts.permissions import MATRIX, Action, roles_that_may

README = Path(__file__).resolve().parents[2] / "README.md"
# The README's rows, by their bold name, and the action of the matrix each describes.
ROWS = {
    "inzien": Action.VIEW,
    "bewerken": Action.EDIT,
    "feiten beoordelen": Action.EDIT,
    "schil vaststellen": Action.SET_RING,
    "rapport definitief maken": Action.EDIT,
    "beheer": Action.ADMINISTER,
}


def readme_table() -> dict[str, list[bool]]:
    """The README's roles table: per row, ja/– for each role in the order of its columns."""
    section = README.read_text(encoding="utf-8").split("## Rollen en rechten", 1)[1].split("\n## ", 1)[0]
    table = {}
    for line in section.splitlines():
        match = re.match(r"\| \*\*(.+?)\*\*.*?\|(.+)\|$", line)
        if match:
            cells = [cell.strip() for cell in match.group(2).split("|")]
            table[match.group(1)] = [cell == "ja" for cell in cells]
    return table


def test_the_readme_columns_are_the_roles_in_order():
    section = README.read_text(encoding="utf-8").split("## Rollen en rechten", 1)[1]
    header = next(line for line in section.splitlines() if line.startswith("| |"))
    assert re.findall(r"`(\w+)`", header) == list(Role.values)


def test_every_row_of_the_readme_matches_the_matrix():
    table = readme_table()
    assert set(table) == set(ROWS)
    for row, action in ROWS.items():
        assert table[row] == [action in MATRIX[Role(role)] for role in Role.values], row


def test_criteria_are_recorded_by_every_editor_and_the_ring_set_by_bia_and_administrators():
    # The README's "bewerken" row names partner criteria; the rings page says the same from the matrix.
    section = README.read_text(encoding="utf-8").split("## Rollen en rechten", 1)[1]
    assert "partnercriteria" in next(line for line in section.splitlines() if line.startswith("| **bewerken**"))
    assert roles_that_may(Action.EDIT) == [Role.ANALYST, Role.BIA_MEMBER, Role.ADMINISTRATOR]
    assert roles_that_may(Action.SET_RING) == [Role.BIA_MEMBER, Role.ADMINISTRATOR]
