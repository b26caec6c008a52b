"""Command line: ``assess`` (one proposal) and ``compare`` (several) under a named scenario.

    python -m ims.framework assess --proposal FILE.json --scenario balanced --format text
    python -m ims.framework compare --proposal A.json --proposal B.json --scenario economic-headwinds

Bad input gives one precise message on stderr and exit code 2. The Django side adds its own variant
(``--initiative ID``) by building a :class:`Proposal` and calling :func:`run` / :func:`run_compare`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .assess import assess
from .compare import compare
from .errors import FrameworkError, Problem, ProposalError
from .model import Proposal, validate_proposal
from .scenarios import SCENARIOS, get_scenario
from .text import comparison_to_dict, render_comparison_text, render_text, to_dict

FORMATS = ("json", "text")
EXIT_BAD_INPUT = 2


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"onbekend formaat {fmt!r}; kies uit {', '.join(FORMATS)}")


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def run(proposal: Proposal, scenario_name: str, fmt: str) -> str:
    """Assess one proposal under a shipped scenario and render it as ``json`` or ``text``.

    Raises :class:`ScenarioError` for an unknown scenario and ``ValueError`` for an unknown format.
    """
    _check_format(fmt)
    assessment = assess(proposal, get_scenario(scenario_name))
    return _dump(to_dict(assessment)) if fmt == "json" else render_text(assessment)


def run_compare(proposals: Sequence[Proposal], scenario_name: str, fmt: str) -> str:
    """Compare proposals (baseline added if absent) under a shipped scenario; ``json`` or ``text``."""
    _check_format(fmt)
    comparison = compare(list(proposals), get_scenario(scenario_name))
    return _dump(comparison_to_dict(comparison)) if fmt == "json" else render_comparison_text(comparison)


def load_proposal(path: str | Path) -> Proposal:
    """Read and validate a proposal file; every failure is a :class:`ProposalError` naming the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ProposalError([Problem(str(path), f"kan het bestand niet lezen ({error.strerror})")]) from None
    except UnicodeDecodeError:
        raise ProposalError([Problem(str(path), "is geen UTF-8-tekst")]) from None
    except json.JSONDecodeError as error:
        raise ProposalError(
            [Problem(str(path), f"geen geldige JSON: regel {error.lineno}, kolom {error.colno}: {error.msg}")]
        ) from None
    try:
        return validate_proposal(data)
    except ProposalError as error:
        # Prefix the file so that a message about goals[2] says which file it is in.
        raise ProposalError(
            Problem(f"{path}: {p.path}" if p.path else str(path), p.message) for p in error.problems
        ) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ims.framework", description="IMS-beoordelingskader")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, many in (("assess", False), ("compare", True)):
        command = commands.add_parser(name, help="beoordeel één voorstel" if not many else "vergelijk voorstellen")
        command.add_argument(
            "--proposal",
            required=True,
            action="append" if many else "store",
            metavar="FILE.json",
            help="voorstel als JSON" + (" (herhaal per optie)" if many else ""),
        )
        command.add_argument("--scenario", default="balanced", help=f"een van: {', '.join(SCENARIOS)}")
        command.add_argument("--format", choices=FORMATS, default="text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 2 bad input)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has printed its message already
        return int(exit_.code or 0)
    try:
        if args.command == "assess":
            output = run(load_proposal(args.proposal), args.scenario, args.format)
        else:
            output = run_compare([load_proposal(path) for path in args.proposal], args.scenario, args.format)
    except FrameworkError as error:
        print(f"{args.command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    sys.stdout.write(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
