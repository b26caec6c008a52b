"""Partner-ring suggestion: thresholds from the framework's text, explained in Dutch."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ims.framework import Ring, suggest_ring
from ims.framework.rings import LARGE_DISTANCE, SEVERAL_GOALS, SMALL_DISTANCE

from .strategies import FAST, unit

ORDER = [Ring.strategic, Ring.affiliated, Ring.opportunity]


def test_close_like_minded_partner_with_several_bottom_up_goals_is_strategic() -> None:
    suggestion = suggest_ring(0.15, 0.85, 0.9, 6)
    assert suggestion.ring is Ring.strategic
    assert suggestion.text_nl.startswith("Voorgestelde schil: strategische partner, want")
    assert all(check.met for check in suggestion.checks)


def test_ally_with_few_goals_at_moderate_distance_is_affiliated() -> None:
    suggestion = suggest_ring(0.4, 0.6, 0.35, 1)
    assert suggestion.ring is Ring.affiliated
    # Says why it is not strategic: the distance and the number of goals.
    assert "niet gering" in suggestion.text_nl
    assert "er is 1 concreet bottom-up doel" in suggestion.text_nl


def test_distant_partner_is_a_partner_of_opportunity() -> None:
    suggestion = suggest_ring(0.85, 0.2, 0.1, 1)
    assert suggestion.ring is Ring.opportunity
    assert "de afstand is groot" in suggestion.text_nl


def test_outside_a_shared_framework_a_partner_cannot_be_affiliated() -> None:
    assert suggest_ring(0.4, 0.6, 0.35, 1, shared_framework=False).ring is Ring.opportunity
    assert suggest_ring(0.1, 0.9, 0.9, 5, shared_framework=False).ring is Ring.strategic


@pytest.mark.parametrize(
    ("distance", "goals", "ring"),
    [
        (SMALL_DISTANCE, SEVERAL_GOALS, Ring.strategic),
        (SMALL_DISTANCE + 0.01, SEVERAL_GOALS, Ring.affiliated),
        (SMALL_DISTANCE, SEVERAL_GOALS - 1, Ring.affiliated),
        (LARGE_DISTANCE - 0.01, 1, Ring.affiliated),
        (LARGE_DISTANCE, 1, Ring.opportunity),
    ],
)
def test_thresholds(distance: float, goals: int, ring: Ring) -> None:
    assert suggest_ring(distance, 0.8, 0.8, goals).ring is ring


@FAST
@given(unit, unit, unit, st.integers(0, 10), unit, unit, unit, st.integers(0, 5))
def test_better_criteria_never_move_a_partner_to_a_further_ring(
    distance: float,
    culture: float,
    synergy: float,
    goals: int,
    less: float,
    more: float,
    more2: float,
    extra: int,
) -> None:
    before = suggest_ring(distance, culture, synergy, goals).ring
    after = suggest_ring(
        distance * less, culture + (1 - culture) * more, synergy + (1 - synergy) * more2, goals + extra
    ).ring
    assert ORDER.index(after) <= ORDER.index(before)
