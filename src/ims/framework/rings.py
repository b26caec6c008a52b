"""Partner-ring suggestion (schil) from the four partner criteria of the policy framework.

The criteria are a guide, not a dogma, so the result is a *suggestion* with its reasons; the ring a
partner is actually in is decided and recorded (with history) by the register. Inputs are 0..1
scores, except the number of concrete goals that can be reached bottom-up with the partner, which the
caller counts from running initiatives.

Thresholds, taken from the characteristics the 2012 policy note gives for each ring:

* **strategic** (strategische partner) - every one of: small (geo)political distance
  (``political_distance <= 0.3``); comparable political culture (``culture_similarity >= 0.6``), since
  strategic partnerships are the deep, long-lasting ones and deep forms need it; a direct link to the
  effectiveness of the Dutch armed forces (``operational_synergy >= 0.5``); several coherent goals
  taken up by the partners themselves (``bottom_up_goals >= 3``).
* **affiliated** (gelieerde partner) - not strategic, but the partners meet within a larger framework
  (``shared_framework``, e.g. both in NATO or the EU), the distance matters less yet is not large
  (``political_distance < 0.6``), and there is at least an indirect link: a few goals
  (``bottom_up_goals >= 1``) or some synergy (``operational_synergy >= 0.3``).
* **opportunity** (gelegenheidspartner) - everyone else.

The same "large distance" and "different political culture" thresholds (``>= 0.6`` and ``<= 0.4``)
drive the assessment's warning for deep forms of cooperation.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._fmt import num
from .model import PartnerProfile
from .vocab import Ring

SMALL_DISTANCE = 0.3
LARGE_DISTANCE = 0.6
COMPARABLE_CULTURE = 0.6
DIFFERENT_CULTURE = 0.4
DIRECT_SYNERGY = 0.5
SOME_SYNERGY = 0.3
SEVERAL_GOALS = 3
A_FEW_GOALS = 1


@dataclass(frozen=True)
class Check:
    """One criterion tested for a ring: met or not, with the Dutch phrase saying so."""

    criterion: str
    met: bool
    text_nl: str


@dataclass(frozen=True)
class RingSuggestion:
    """The suggested ring, the checks that decided it, and one Dutch explanation."""

    ring: Ring
    checks: tuple[Check, ...]
    text_nl: str


def _goals_phrase(goals: int) -> str:
    return "is 1 concreet bottom-up doel" if goals == 1 else f"zijn {goals} concrete bottom-up doelen"


def _strategic_checks(distance: float, culture: float, synergy: float, goals: int) -> tuple[Check, ...]:
    return (
        Check(
            "political_distance",
            distance <= SMALL_DISTANCE,
            f"de politiek-strategische afstand is {'' if distance <= SMALL_DISTANCE else 'niet '}gering "
            f"({num(distance, 2)}; grens {num(SMALL_DISTANCE, 2)})",
        ),
        Check(
            "culture_similarity",
            culture >= COMPARABLE_CULTURE,
            f"de politieke cultuur is {'' if culture >= COMPARABLE_CULTURE else 'niet '}vergelijkbaar "
            f"({num(culture, 2)}; grens {num(COMPARABLE_CULTURE, 2)})",
        ),
        Check(
            "operational_synergy",
            synergy >= DIRECT_SYNERGY,
            f"de operationele synergie is {'' if synergy >= DIRECT_SYNERGY else 'niet '}direct "
            f"({num(synergy, 2)}; grens {num(DIRECT_SYNERGY, 2)})",
        ),
        Check(
            "bottom_up_goals",
            goals >= SEVERAL_GOALS,
            f"er {_goals_phrase(goals)} (voor meerdere samenhangende doelen minstens {SEVERAL_GOALS})",
        ),
    )


def _affiliated_checks(distance: float, synergy: float, goals: int, shared_framework: bool) -> tuple[Check, ...]:
    linked = goals >= A_FEW_GOALS or synergy >= SOME_SYNERGY
    return (
        Check(
            "shared_framework",
            shared_framework,
            "de partners treffen elkaar "
            + ("binnen een groter verband" if shared_framework else "niet binnen een groter verband"),
        ),
        Check(
            "political_distance",
            distance < LARGE_DISTANCE,
            f"de afstand is {'niet ' if distance < LARGE_DISTANCE else ''}groot "
            f"({num(distance, 2)}; grens {num(LARGE_DISTANCE, 2)})",
        ),
        Check(
            "indirect_link",
            linked,
            f"er is {'een' if linked else 'geen'} (indirecte) band: {goals} bottom-up doel(en), "
            f"synergie {num(synergy, 2)} (minstens {A_FEW_GOALS} doel of synergie {num(SOME_SYNERGY, 2)})",
        ),
    )


def _phrase(checks: tuple[Check, ...], *, met: bool) -> str:
    parts = [check.text_nl for check in checks if check.met == met]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def suggest_ring(
    political_distance: float,
    culture_similarity: float,
    operational_synergy: float,
    bottom_up_goals: int,
    *,
    shared_framework: bool = True,
) -> RingSuggestion:
    """Suggest a ring from the criteria (each 0..1, goals a count), with a Dutch explanation."""
    strategic = _strategic_checks(political_distance, culture_similarity, operational_synergy, bottom_up_goals)
    if all(check.met for check in strategic):
        text = f"Voorgestelde schil: {Ring.strategic.label_nl}, want {_phrase(strategic, met=True)}."
        return RingSuggestion(Ring.strategic, strategic, text)
    not_strategic = f"niet strategisch, want {_phrase(strategic, met=False)}"
    affiliated = _affiliated_checks(political_distance, operational_synergy, bottom_up_goals, shared_framework)
    if all(check.met for check in affiliated):
        text = (
            f"Voorgestelde schil: {Ring.affiliated.label_nl}: {not_strategic}; "
            f"wel gelieerd, want {_phrase(affiliated, met=True)}."
        )
        return RingSuggestion(Ring.affiliated, strategic + affiliated, text)
    text = (
        f"Voorgestelde schil: {Ring.opportunity.label_nl}: {not_strategic}; "
        f"niet gelieerd, want {_phrase(affiliated, met=False)}."
    )
    return RingSuggestion(Ring.opportunity, strategic + affiliated, text)


def suggest_ring_for(partner: PartnerProfile, *, shared_framework: bool = True) -> RingSuggestion:
    """:func:`suggest_ring` on a partner profile's criteria."""
    return suggest_ring(
        partner.political_distance,
        partner.culture_similarity,
        partner.operational_synergy,
        partner.bottom_up_goals,
        shared_framework=shared_framework,
    )


def deep_form_misfit(partner: PartnerProfile) -> tuple[str, ...]:
    """Criteria (field names) making a partner unfit for a deep form: large distance, other culture."""
    misfit = []
    if partner.political_distance >= LARGE_DISTANCE:
        misfit.append("political_distance")
    if partner.culture_similarity <= DIFFERENT_CULTURE:
        misfit.append("culture_similarity")
    return tuple(misfit)
