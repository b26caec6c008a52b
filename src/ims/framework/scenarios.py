"""Weighting scenarios: how much each goal category counts in a given context, as of a date.

The relative weight of the three goal categories is not fixed (policy note, 2012): in economic
headwinds the financial-economic category weighs more, in times of international instability the
political-strategic and military categories do. A :class:`Scenario` names such a context. Weights are
non-negative numbers for all three categories, not all zero; only their proportions matter, because
the assessment works with the normalised weights (summing to 1).

Three scenarios ship, keyed on the command line by their name; users may build their own with the
same constructor, which validates and names every problem (including unknown categories).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._parse import Reader
from .errors import Problem, ScenarioError
from .vocab import GoalCategory

__all__ = ["SCENARIOS", "Scenario", "ScenarioError", "get_scenario"]


@dataclass(frozen=True)
class Scenario:
    """A named weighting of the goal categories, valid from ``date``.

    ``weights`` may be given with category codes (``"military"``) or :class:`GoalCategory` members; it
    is stored with members. Construction raises :class:`ScenarioError` listing every problem.
    """

    name: str
    date: dt.date
    weights: dict[GoalCategory, float]
    label_nl: str

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        if not isinstance(self.name, str) or not self.name.strip():
            problems.append(Problem("name", "moet een niet-lege tekst zijn"))
        if not isinstance(self.label_nl, str) or not self.label_nl.strip():
            problems.append(Problem("label_nl", "moet een niet-lege tekst zijn"))
        # datetime is a subclass of date but carries a time the scenario has no use for.
        if not isinstance(self.date, dt.date) or isinstance(self.date, dt.datetime):
            problems.append(Problem("date", f"moet een datum zijn, niet {self.date!r}"))
        weights = _parse_weights(self.weights, problems)
        if problems:
            raise ScenarioError(problems)
        # Frozen: normalising the keys to members is the only mutation, done once here.
        object.__setattr__(self, "weights", weights)

    @property
    def normalised(self) -> dict[GoalCategory, float]:
        """The weights scaled to sum to 1, in category order."""
        total = sum(self.weights.values())
        return {category: self.weights[category] / total for category in GoalCategory}


def _parse_weights(raw: Any, problems: list[Problem]) -> dict[GoalCategory, float]:
    reader = Reader()
    # Keys may be GoalCategory members or their codes; both read as the code.
    by_code = {str(key): value for key, value in raw.items()} if isinstance(raw, Mapping) else raw
    data = reader.obj(by_code, "weights", GoalCategory.codes(), "een gewicht per doelcategorie")
    weights: dict[GoalCategory, float] = {}
    if data is not None:
        for category in GoalCategory:
            value = reader.number(data, category.value, "weights")
            if value is not None:
                weights[category] = value
        if len(weights) == len(GoalCategory) and sum(weights.values()) <= 0:
            reader.fail("weights", "de gewichten mogen niet allemaal nul zijn")
    problems.extend(reader.problems)
    return weights


_NOTE_2012 = dt.date(2012, 5, 11)  # the policy note that names the three contexts

SCENARIOS: dict[str, Scenario] = {
    scenario.name: scenario
    for scenario in (
        Scenario(
            "balanced",
            _NOTE_2012,
            {
                GoalCategory.political_strategic: 1.0,
                GoalCategory.military: 1.0,
                GoalCategory.financial_economic: 1.0,
            },
            "Evenwichtig: alle doelcategorieën even zwaar",
        ),
        Scenario(
            "economic-headwinds",
            _NOTE_2012,
            {
                GoalCategory.political_strategic: 1.0,
                GoalCategory.military: 1.0,
                GoalCategory.financial_economic: 2.0,
            },
            "Economische tegenwind: doelmatigheid weegt zwaarder",
        ),
        Scenario(
            "international-instability",
            _NOTE_2012,
            {
                GoalCategory.political_strategic: 2.0,
                GoalCategory.military: 2.0,
                GoalCategory.financial_economic: 1.0,
            },
            "Internationale instabiliteit: politiek-strategische en militaire doelen wegen zwaarder",
        ),
    )
}


def get_scenario(name: str) -> Scenario:
    """The shipped scenario with this name; :class:`ScenarioError` naming it and the choices if unknown."""
    try:
        return SCENARIOS[name]
    except (KeyError, TypeError):
        raise ScenarioError(
            [Problem("scenario", f"onbekend scenario {name!r}; kies uit {', '.join(SCENARIOS)}")]
        ) from None
