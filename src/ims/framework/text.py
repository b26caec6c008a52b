"""Renderings of assessments and comparisons: readable Dutch text, and JSON-serialisable dicts."""

from __future__ import annotations

from typing import Any

from ._fmt import date, num, pct, signed
from .assess import Assessment, Figure
from .compare import Comparison
from .ladder import LADDER_LENGTH
from .model import proposal_to_dict
from .scenarios import Scenario
from .vocab import BASELINE_LABEL_NL, GoalCategory, SovereigntyAspect

__all__ = ["comparison_to_dict", "render_comparison_text", "render_text", "to_dict"]


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "value": figure.value,
        "reasons": [
            {"factor": reason.factor, "effect": reason.effect, "text_nl": reason.text_nl} for reason in figure.reasons
        ],
    }


def _scenario(scenario: Scenario) -> dict[str, Any]:
    return {
        "name": scenario.name,
        "date": scenario.date.isoformat(),
        "label_nl": scenario.label_nl,
        "weights": {category.value: weight for category, weight in scenario.weights.items()},
        "normalised": {category.value: weight for category, weight in scenario.normalised.items()},
    }


def to_dict(assessment: Assessment) -> dict[str, Any]:
    """The whole assessment as plain JSON-serialisable data (codes, numbers, Dutch texts)."""
    sovereignty = assessment.sovereignty
    return {
        "proposal": proposal_to_dict(assessment.proposal),
        "scenario": _scenario(assessment.scenario),
        "is_baseline": assessment.proposal.is_baseline,
        "total": _figure(assessment.total),
        "goal_scores": {category.value: _figure(figure) for category, figure in assessment.goal_scores.items()},
        "category_values": {category.value: value for category, value in assessment.category_values.items()},
        "feasibility": _figure(assessment.feasibility),
        "feasibility_factor": assessment.feasibility_factor,
        "costs": _figure(assessment.costs),
        "partner_fits": [
            {
                "code": fit.partner.code,
                "name": fit.partner.name,
                "ring": fit.ring.value,
                "ring_label_nl": fit.ring.label_nl,
                "ring_suggested": fit.suggestion is not None,
                "ring_suggestion_nl": fit.suggestion.text_nl if fit.suggestion else None,
                "fit": _figure(fit.fit),
                "deep_form_misfit": list(fit.misfit),
            }
            for fit in assessment.partner_fits
        ],
        "sovereignty": {
            "freedom_of_action_given_up": _figure(sovereignty.freedom_of_action_given_up),
            "capacity_to_act_gained": _figure(sovereignty.capacity_to_act_gained),
            "balance": sovereignty.balance,
            "touches_sovereign_capability": sovereignty.touches_sovereign_capability,
        },
        "warnings": list(assessment.warnings),
    }


def _reasons(figure: Figure, indent: str) -> list[str]:
    return [f"{indent}- {reason.text_nl}" for reason in figure.reasons]


def _weights_line(scenario: Scenario) -> str:
    return ", ".join(f"{category.label_nl} {pct(weight)}" for category, weight in scenario.normalised.items())


def render_text(assessment: Assessment) -> str:
    """A readable Dutch rendering: every figure followed by the reasons that make it up."""
    proposal, scenario = assessment.proposal, assessment.scenario
    lines = [
        f"Beoordeling: {proposal.title}",
        f"Scenario: {scenario.label_nl} ({scenario.name}, {date(scenario.date)})",
        f"  gewichten: {_weights_line(scenario)}",
    ]
    if proposal.form is None:
        lines.append(f"Vorm: {BASELINE_LABEL_NL}")
    else:
        described = [f"Vorm: {proposal.form.label_nl} (stap {proposal.form.depth} van {LADDER_LENGTH})"]
        if proposal.kind is not None:
            described.append(f"soort: {proposal.kind.label_nl}")
        if proposal.origin is not None:
            described.append(f"totstandkoming: {proposal.origin.label_nl}")
        lines.append("; ".join(described))
        lines.append("Partners: " + ", ".join(f"{p.name} ({p.code})" for p in proposal.partners))

    lines += ["", f"Totaal: {num(assessment.total.value)}", *_reasons(assessment.total, "  ")]
    lines += ["", "Doelen (score per categorie, 0-100)"]
    for category, figure in assessment.goal_scores.items():
        lines += [f"  {category.label_nl.capitalize()}: {num(figure.value)}", *_reasons(figure, "    ")]
    lines += [
        "",
        f"Kansrijkheid: {num(assessment.feasibility.value)} van 100 "
        f"(de doelen tellen voor {pct(assessment.feasibility_factor)} mee)",
        *_reasons(assessment.feasibility, "  "),
        "",
        f"Kosten: {num(assessment.costs.value)} punten",
        *_reasons(assessment.costs, "  "),
    ]
    if assessment.partner_fits:
        lines += ["", "Partners"]
        for fit in assessment.partner_fits:
            partner = fit.partner
            lines.append(f"  {partner.name} ({partner.code}), {fit.ring.label_nl}: partnerfit {num(fit.fit.value)}")
            lines += _reasons(fit.fit, "    ")
            if fit.suggestion is not None:
                lines.append(f"    {fit.suggestion.text_nl}")
    freedom = assessment.sovereignty.freedom_of_action_given_up
    capacity = assessment.sovereignty.capacity_to_act_gained
    lines += [
        "",
        "Soevereiniteit",
        f"  {SovereigntyAspect.freedom_of_action.label_nl.capitalize()} ingeleverd: {num(freedom.value)}; "
        f"{SovereigntyAspect.capacity_to_act.label_nl} gewonnen: {num(capacity.value)}; "
        f"saldo {signed(assessment.sovereignty.balance)}",
        *_reasons(freedom, "    "),
        *_reasons(capacity, "    "),
    ]
    if assessment.warnings:
        lines += ["", "Waarschuwingen", *(f"  - {warning}" for warning in assessment.warnings)]
    return "\n".join(lines) + "\n"


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain data: every assessment, the ranking, the flip points and the chart data."""
    return {
        "scenario": _scenario(comparison.scenario),
        "baseline_added": comparison.baseline_added,
        "ranking": [item.proposal.title for item in comparison.ranking],
        "assessments": [to_dict(item) for item in comparison.assessments],
        "flips": [
            {
                "a": pair.a,
                "b": pair.b,
                "leader": pair.leader,
                "never_flips": pair.never_flips,
                "edge_points": [_point(point) for point in pair.edge_points],
                "direction_points": [_point(point) for point in pair.direction_points],
                "text_nl": pair.text_nl,
            }
            for pair in comparison.flips
        ],
        "chart": comparison.flip_chart_data(),
    }


def _point(point: Any) -> dict[str, Any]:
    return {
        "weights": {category.value: weight for category, weight in point.weights.items()},
        "total": point.total,
        "along": point.along,
    }


def render_comparison_text(comparison: Comparison) -> str:
    """A readable Dutch rendering of the ranking and of where each pair's order flips."""
    scenario = comparison.scenario
    lines = [
        f"Vergelijking onder scenario: {scenario.label_nl} ({scenario.name}, {date(scenario.date)})",
        f"  gewichten: {_weights_line(scenario)}",
    ]
    if comparison.baseline_added:
        lines.append(f"  ‘{BASELINE_LABEL_NL}’ is als basisalternatief toegevoegd.")
    lines += ["", "Rangorde"]
    for rank, item in enumerate(comparison.ranking, 1):
        scores = ", ".join(f"{category.label_nl} {num(item.goal_scores[category].value)}" for category in GoalCategory)
        lines.append(
            f"  {rank}. {item.proposal.title}: totaal {num(item.total.value)} "
            f"(doelen: {scores}; kansrijkheid {num(item.feasibility.value)}; kosten {num(item.costs.value)})"
        )
        lines += [f"     ! {warning}" for warning in item.warnings]
    lines += ["", "Omslagpunten", *(f"  - {pair.text_nl}" for pair in comparison.flips)]
    return "\n".join(lines) + "\n"
