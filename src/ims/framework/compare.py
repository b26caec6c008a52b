"""Comparison of 2 to 5 options under a scenario, always including "niet samenwerken", with flip points.

Every decision is a choice between alternatives, not cooperating included, so :func:`compare` adds
the baseline (:func:`ims.framework.model.baseline`, no goals and no extra costs) when the caller gave
none, ranks the options by total, and for every pair says at which weights their order flips.

Why the flip points are exact: an option's total is ``T(w) = sum(w_c * N_c)`` with ``w`` the
normalised weights (``w >= 0``, ``sum(w) = 1``, the weight triangle or simplex) and per-category values
``N_c`` that do not depend on the weights (:mod:`ims.framework.assess`). Two options A and B are equal
where ``D(w) = sum(w_c * d_c) = 0`` with ``d = N_A - N_B``: a straight line across the triangle.

* If all ``d_c`` have the same sign the order never flips (one option serves every category at least
  as well, net of feasibility and costs).
* Otherwise the pair gets **edge points**, where that line crosses the triangle's edges (weights with
  one category at 0; the flip line is the segment between them), and **direction points**: for each
  category, along the line through the scenario where that category's weight runs from 0 to 1 and
  the other two keep their ratio, the weight at which the order flips.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from ._fmt import num, pct
from .assess import Assessment, assess
from .errors import ComparisonError, Problem
from .model import Proposal, baseline
from .scenarios import Scenario
from .vocab import GoalCategory

__all__ = ["MAX_OPTIONS", "MIN_OPTIONS", "Comparison", "FlipPoint", "PairFlip", "baseline", "compare"]

# Side by side, the baseline counted: the caller gives 1 to 4 options, or up to 5 with its own baseline.
MIN_OPTIONS = 2
MAX_OPTIONS = 5
_CATEGORIES = tuple(GoalCategory)
# Totals run on a 0..100 scale; differences smaller than this are floating-point noise.
_NOISE = 1e-9


@dataclass(frozen=True)
class FlipPoint:
    """Weights (summing to 1) at which two options have the same ``total``; ``along`` says where found."""

    weights: dict[GoalCategory, float]
    total: float
    along: str


@dataclass(frozen=True)
class PairFlip:
    """When the order of options ``a`` and ``b`` (titles) flips; ``leader`` now, None on a tie."""

    a: str
    b: str
    leader: str | None
    never_flips: bool
    edge_points: tuple[FlipPoint, ...]
    direction_points: tuple[FlipPoint, ...]
    text_nl: str


@dataclass(frozen=True)
class Comparison:
    """Options assessed under one scenario: in input order (baseline last if added) and ranked."""

    scenario: Scenario
    assessments: tuple[Assessment, ...]
    ranking: tuple[Assessment, ...]
    baseline_added: bool
    flips: tuple[PairFlip, ...]

    @property
    def baseline(self) -> Assessment:
        return next(item for item in self.assessments if item.proposal.is_baseline)

    def rank_of(self, title: str) -> int:
        """1-based rank of the option with this title."""
        return next(rank for rank, item in enumerate(self.ranking, 1) if item.proposal.title == title)

    def flip_chart_data(self) -> dict[str, Any]:
        """Plain data (JSON-serialisable) for a chart; the caller renders it.

        ``sweeps``: per category, each option's total as a straight line over that category's weight
        from 0 to 1 (the other two in the scenario's ratio), given by its two end points, with the
        flip points on it. ``pairs``: per pair, the flip line across the weight triangle as a segment.
        """
        weights = self.scenario.normalised
        sweeps = []
        for category in _CATEGORIES:
            lines = []
            for item in self.assessments:
                ends = [_total_at(item, _sweep_weights(weights, category, x)) for x in (0.0, 1.0)]
                lines.append({"title": item.proposal.title, "from": [0.0, ends[0]], "to": [1.0, ends[1]]})
            sweeps.append(
                {
                    "category": category.value,
                    "label_nl": category.label_nl,
                    "scenario_weight": weights[category],
                    "lines": lines,
                    "flips": [
                        {"a": pair.a, "b": pair.b, "weight": point.weights[category], "total": point.total}
                        for pair in self.flips
                        for point in pair.direction_points
                        if point.along == f"axis:{category.value}"
                    ],
                }
            )
        return {
            "scenario": {
                "name": self.scenario.name,
                "label_nl": self.scenario.label_nl,
                "date": self.scenario.date.isoformat(),
                "weights": _plain(weights),
            },
            "categories": [
                {"code": category.value, "label_nl": category.label_nl, "label_en": category.label_en}
                for category in _CATEGORIES
            ],
            "options": [
                {
                    "title": item.proposal.title,
                    "is_baseline": item.proposal.is_baseline,
                    "rank": self.rank_of(item.proposal.title),
                    "total": item.total.value,
                    "category_values": _plain(item.category_values),
                }
                for item in self.assessments
            ],
            "sweeps": sweeps,
            "pairs": [
                {
                    "a": pair.a,
                    "b": pair.b,
                    "leader": pair.leader,
                    "never_flips": pair.never_flips,
                    "segment": [_plain(point.weights) for point in pair.edge_points],
                }
                for pair in self.flips
            ],
        }


def compare(options: Sequence[Proposal], scenario: Scenario) -> Comparison:
    """Assess and rank the options, adding "niet samenwerken" if absent; flip points for every pair."""
    _check(options)
    added = not any(option.is_baseline for option in options)
    proposals = [*options, baseline()] if added else list(options)
    assessments = tuple(assess(proposal, scenario) for proposal in proposals)
    # Stable sort: equal totals keep the caller's order.
    ranking = tuple(sorted(assessments, key=lambda item: -item.total.value))
    flips = tuple(_pair_flip(a, b, scenario) for a, b in combinations(assessments, 2))
    return Comparison(scenario, assessments, ranking, added, flips)


def _check(options: Any) -> None:
    if not isinstance(options, list | tuple) or not all(isinstance(item, Proposal) for item in options):
        raise ComparisonError([Problem("options", "moet een lijst van voorstellen zijn")])
    problems = []
    count = len(options) + (0 if any(option.is_baseline for option in options) else 1)
    if not MIN_OPTIONS <= count <= MAX_OPTIONS:
        problems.append(
            Problem(
                "options",
                f"{MIN_OPTIONS} tot {MAX_OPTIONS} opties naast elkaar, ‘niet samenwerken’ meegeteld; "
                f"dit zouden er {count} zijn",
            )
        )
    seen: dict[str, int] = {}
    for i, option in enumerate(options):
        if option.title in seen:
            problems.append(
                Problem(
                    f"options[{i}].title",
                    f"titel {option.title!r} komt al voor bij options[{seen[option.title]}]",
                )
            )
        seen.setdefault(option.title, i)
    if not any(option.is_baseline for option in options) and baseline().title in seen:
        index = seen[baseline().title]
        problems.append(Problem(f"options[{index}].title", "die titel is voor het toegevoegde basisalternatief"))
    baselines = [i for i, option in enumerate(options) if option.is_baseline]
    if len(baselines) > 1:
        problems.append(Problem(f"options[{baselines[1]}]", "meer dan één ‘niet samenwerken’"))
    if problems:
        raise ComparisonError(problems)


def _plain(weights: dict[GoalCategory, float]) -> dict[str, float]:
    return {category.value: value for category, value in weights.items()}


def _total_at(item: Assessment, weights: dict[GoalCategory, float]) -> float:
    return sum(weights[category] * item.category_values[category] for category in _CATEGORIES)


def _sweep_weights(weights: dict[GoalCategory, float], category: GoalCategory, x: float) -> dict[GoalCategory, float]:
    """Weights with ``category`` at ``x`` and the others sharing ``1 - x`` in the scenario's ratio."""
    others = [other for other in _CATEGORIES if other != category]
    rest = sum(weights[other] for other in others)
    swept = {category: x}
    for other in others:
        # A scenario that puts all weight on this category gives no ratio: split the rest equally.
        swept[other] = (1.0 - x) * (weights[other] / rest if rest > 0 else 1.0 / len(others))
    return {each: swept[each] for each in _CATEGORIES}


def _difference(first: Assessment, second: Assessment, category: GoalCategory) -> float:
    """``N_A - N_B`` in one category; below ``_NOISE`` it is rounding, not a difference, and counts as 0."""
    difference = first.category_values[category] - second.category_values[category]
    return 0.0 if abs(difference) < _NOISE else difference


def _same_sign(x: float, y: float) -> bool:
    # Compared by sign, not by x * y > 0, which underflows to 0 for tiny values.
    return (x > 0 and y > 0) or (x < 0 and y < 0)


def _pair_flip(first: Assessment, second: Assessment, scenario: Scenario) -> PairFlip:
    a, b = first.proposal.title, second.proposal.title
    d = {category: _difference(first, second, category) for category in _CATEGORIES}
    weights = scenario.normalised
    now = first.total.value - second.total.value
    leader = a if now > 0 else b if now < 0 else None
    if not (min(d.values()) < 0 < max(d.values())):
        if all(value == 0 for value in d.values()):
            text = f"{a} en {b} zijn onder elke weging gelijk."
        else:
            better, worse = (a, b) if max(d.values()) > 0 else (b, a)
            text = f"{better} gaat onder elke weging voor op {worse}: de volgorde keert nooit om."
        return PairFlip(a, b, leader, True, (), (), text)

    edges = _edge_points(first, d)
    directions = _direction_points(first, d, weights)
    if leader is None:
        text = f"{a} en {b} zijn onder dit scenario gelijk ({num(first.total.value)})."
    else:
        other = b if leader == a else a
        text = (
            f"{leader} gaat nu voor op {other} ({num(max(first.total.value, second.total.value))} tegen "
            f"{num(min(first.total.value, second.total.value))})."
        )
    if directions:
        where = " of ".join(
            f"{category.label_nl} {pct(point.weights[category])} (nu {pct(weights[category])})"
            for point in directions
            for category in _CATEGORIES
            if point.along == f"axis:{category.value}"
        )
        text += (
            f" De volgorde keert om als het gewicht wordt: {where}, "
            "met de andere twee categorieën in de huidige verhouding."
        )
    return PairFlip(a, b, leader, False, edges, directions, text)


def _edge_points(first: Assessment, d: dict[GoalCategory, float]) -> tuple[FlipPoint, ...]:
    points: dict[tuple[float, ...], FlipPoint] = {}
    for i, j in combinations(_CATEGORIES, 2):
        if _same_sign(d[i], d[j]) or d[i] == d[j] == 0:
            continue
        share_i = d[j] / (d[j] - d[i])  # t*d_i + (1-t)*d_j = 0
        weights = {category: 0.0 for category in _CATEGORIES}
        weights[i], weights[j] = share_i, 1.0 - share_i
        key = tuple(round(weights[category], 12) for category in _CATEGORIES)
        points.setdefault(key, FlipPoint(weights, _total_at(first, weights), f"edge:{i.value}/{j.value}"))
    return tuple(points.values())


def _direction_points(
    first: Assessment, d: dict[GoalCategory, float], weights: dict[GoalCategory, float]
) -> tuple[FlipPoint, ...]:
    points = []
    for category in _CATEGORIES:
        # Along the sweep D(x) = x*d_c + (1-x)*R, R the difference where this category weighs nothing.
        rest = sum(_sweep_weights(weights, category, 0.0)[other] * d[other] for other in _CATEGORIES)
        if _same_sign(rest, d[category]) or rest == d[category]:
            continue
        x = rest / (rest - d[category])
        at = _sweep_weights(weights, category, x)
        points.append(FlipPoint(at, _total_at(first, at), f"axis:{category.value}"))
    return tuple(points)
