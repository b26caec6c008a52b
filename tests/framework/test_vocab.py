"""The vocabularies: codes and labels as in the glossary, the ladder's order and sovereignty figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ims.framework import Form, GoalCategory, Kind, Origin, Ring, Status
from ims.framework.ladder import CAPACITY_GAINED, FREEDOM_GIVEN_UP, LADDER_LENGTH

GLOSSARY = Path(__file__).resolve().parents[3] / "shared" / "spec" / "glossary.md"
# Section heading in the glossary table -> the enum that must match it.
SECTIONS = {
    "rings": Ring,
    "goal categories": GoalCategory,
    "depth ladder": Form,
    "kind": Kind,
    "origin": Origin,
    "status": Status,
}


def _glossary_rows() -> dict[type, dict[str, tuple[str, str]]]:
    """Parse the glossary table into {enum: {code: (Dutch, English)}}, per section."""
    found: dict[type, dict[str, tuple[str, str]]] = {}
    section = None
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3:
            continue
        heading = re.match(r"\*\*(.+?)\*\*", cells[0])
        if heading:
            section = SECTIONS.get(heading.group(1))
            continue
        if section is None or not cells[0].startswith("`"):
            continue
        codes = re.findall(r"`([a-z_]+)`", cells[0])
        # Rows list several codes at once: "`a`, `b`" with "x, y" labels, or "`a` / `b`" with "x / y".
        separator = " / " if " / " in cells[1] else ", "
        dutch, english = cells[1].split(separator), cells[2].split(separator)
        if len(codes) > 1 and len(dutch) == len(codes) and len(english) == len(codes):
            pairs = zip(codes, dutch, english, strict=True)
        else:
            pairs = [(codes[0], cells[1], cells[2])]
        for code, nl, en in pairs:
            found.setdefault(section, {})[code] = (nl.strip(), en.strip())
    return found


@pytest.mark.skipif(not GLOSSARY.exists(), reason="shared/spec/glossary.md not beside the repository")
@pytest.mark.parametrize("enum", list(SECTIONS.values()), ids=lambda enum: enum.__name__)
def test_codes_and_labels_follow_the_glossary(enum: type) -> None:
    expected = _glossary_rows()[enum]
    assert {member.value: (member.label_nl, member.label_en) for member in enum} == expected


def test_ladder_runs_from_joint_hiring_to_role_and_task_specialisation() -> None:
    assert [form.depth for form in Form] == list(range(1, LADDER_LENGTH + 1))
    assert Form.joint_hiring.depth == 1
    assert Form.role_task_specialisation.depth == 6
    assert [form for form in Form if form.is_deep] == [
        Form.operational,
        Form.integrated_operational,
        Form.role_task_specialisation,
    ]


def test_each_step_gives_up_more_freedom_and_gains_more_capacity() -> None:
    freedom = [FREEDOM_GIVEN_UP[form] for form in Form]
    capacity = [CAPACITY_GAINED[form] for form in Form]
    assert freedom == sorted(set(freedom))
    assert capacity == sorted(set(capacity))


def test_members_are_their_codes_for_storage_and_json() -> None:
    assert GoalCategory.military == "military"
    assert Ring("strategic") is Ring.strategic
    assert Form.choices()[1] == ("pooling", "pooling")
    assert Status.codes() == ("idea", "study", "preparation", "running", "completed", "stopped")
