"""Example proposals (JSON, the format :func:`ims.framework.model.validate_proposal` reads).

A package so that the JSON files ship with ``ims`` (package data) and can be found wherever it is
installed.
"""

from __future__ import annotations

from pathlib import Path

EXAMPLES_DIR = Path(__file__).resolve().parent


def example_paths() -> dict[str, Path]:
    """The shipped examples by name (file name without ``.json``)."""
    return {path.stem: path for path in sorted(EXAMPLES_DIR.glob("*.json"))}
