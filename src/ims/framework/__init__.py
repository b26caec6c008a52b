"""The policy framework for international military cooperation as data, and the assessment engine.

PURE: no Django, no I/O besides the command line; the apps import this package, never the reverse.

* :mod:`.vocab`, :mod:`.ladder` - the lists of names (goal categories, depth ladder, rings, ...)
* :mod:`.scenarios` - weighting scenarios for the goal categories
* :mod:`.model` - the input: a proposal, its validation and the baseline "niet samenwerken"
* :mod:`.rings` - partner-ring suggestion from the partner criteria
* :mod:`.assess` - one option under one scenario, every figure with its reasons
* :mod:`.compare` - options side by side, ranked, with the weights where their order flips
* :mod:`.text` - Dutch text and JSON renderings; :mod:`.cli` - the command line
"""

from .assess import Assessment, Figure, PartnerFit, Reason, Sovereignty, assess
from .compare import Comparison, FlipPoint, PairFlip, compare
from .errors import ComparisonError, FrameworkError, Problem, ProposalError, ScenarioError
from .ladder import Form
from .model import (
    Costs,
    Goal,
    PartnerProfile,
    Proposal,
    Timeline,
    baseline,
    proposal_to_dict,
    validate_proposal,
)
from .rings import RingSuggestion, suggest_ring, suggest_ring_for
from .scenarios import SCENARIOS, Scenario, get_scenario
from .text import comparison_to_dict, render_comparison_text, render_text, to_dict
from .vocab import GoalCategory, Kind, Origin, Ring, Status

__all__ = [
    "SCENARIOS",
    "Assessment",
    "Comparison",
    "ComparisonError",
    "Costs",
    "Figure",
    "FlipPoint",
    "Form",
    "FrameworkError",
    "Goal",
    "GoalCategory",
    "Kind",
    "Origin",
    "PairFlip",
    "PartnerFit",
    "PartnerProfile",
    "Problem",
    "Proposal",
    "ProposalError",
    "Reason",
    "Ring",
    "RingSuggestion",
    "Scenario",
    "ScenarioError",
    "Sovereignty",
    "Status",
    "Timeline",
    "assess",
    "baseline",
    "compare",
    "comparison_to_dict",
    "get_scenario",
    "proposal_to_dict",
    "render_comparison_text",
    "render_text",
    "suggest_ring",
    "suggest_ring_for",
    "to_dict",
    "validate_proposal",
]
