"""Errors raised on invalid input: each carries every problem found, not just the first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (a JSON path such as ``goals[2].category``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class FrameworkError(ValueError):
    """Invalid input to the framework. ``str()`` is one line naming every problem."""

    subject = "invoer"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        details = "; ".join(str(problem) for problem in self.problems)
        if len(self.problems) == 1:
            return f"ongeldig {self.subject}: {details}"
        return f"ongeldig {self.subject} ({len(self.problems)} problemen): {details}"

    def __str__(self) -> str:
        return self.message


class ProposalError(FrameworkError):
    """A proposal (voorstel) that cannot be assessed."""

    subject = "voorstel"


class ScenarioError(FrameworkError):
    """A weighting scenario that is invalid or unknown."""

    subject = "scenario"


class ComparisonError(FrameworkError):
    """A set of options that cannot be compared."""

    subject = "vergelijking"
