"""Classification levels (rubricering), ordered so that 'may see' is a plain integer comparison."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Classification(models.IntegerChoices):
    UNCLASSIFIED = 0, _("Ongerubriceerd")
    DEPARTMENTAL_CONFIDENTIAL = 1, _("Departementaal Vertrouwelijk")
    CONFIDENTIAL = 2, _("Stg. Confidentieel")
    SECRET = 3, _("Stg. Geheim")

    @classmethod
    def from_code(cls, code: str) -> "Classification":
        """Map the glossary code name (``departmental_confidential``) to its level."""
        try:
            return cls[code.upper()]
        except KeyError:
            valid = ", ".join(member.name.lower() for member in cls)
            raise ValueError(f"Onbekende rubricering '{code}'; kies uit: {valid}.") from None

    @property
    def code(self) -> str:
        return self.name.lower()
