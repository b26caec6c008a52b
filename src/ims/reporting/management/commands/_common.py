"""What the report commands share: reading the level, and errors as one Dutch line."""

from __future__ import annotations

from django.core.management.base import CommandError

from ims.core.classification import Classification


class Fout(CommandError):
    """A refusal printed as one Dutch line ("Fout: …"), with a non-zero exit status."""

    def __init__(self, message: str) -> None:
        super().__init__(message, returncode=2)


def parse_level(value: str | None) -> int:
    """A level as the code name (``confidential``), the Dutch label (``Stg. Confidentieel``) or its number."""
    if value is None or value == "":
        return int(Classification.UNCLASSIFIED)
    text = value.strip()
    if text.isdigit() and int(text) in Classification.values:
        return int(text)
    for level in Classification:
        if text.casefold() in (level.code, str(level.label).casefold()):
            return int(level)
    codes = ", ".join(level.code for level in Classification)
    raise Fout(f"Onbekende rubricering '{value}'; kies uit {codes}.")


def parse_year(value: str | None, name: str = "--year") -> int:
    if value is None or value == "":
        raise Fout(f"Geef het jaar van de rapportage op met {name}, bijvoorbeeld {name} 2019.")
    try:
        return int(value)
    except ValueError:
        raise Fout(f"'{value}' is geen jaar; geef een jaartal zoals 2019.") from None
