"""Scenario names as people read them: the Dutch name, in English when chosen.

A scenario has a slug (``balanced``) that the command line and the stored rows use, and a name
(``label_nl``). The pages show only the name; the slug appears where a command is written out. The three
shipped scenarios are named here too, through the translation catalogue, so that they have an English name;
the Dutch text is the framework's own (a test holds the two the same).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

SHIPPED_LABELS = {
    "balanced": _("Evenwichtig: alle doelcategorieën even zwaar"),
    "economic-headwinds": _("Economische tegenwind: doelmatigheid weegt zwaarder"),
    "international-instability": _(
        "Internationale instabiliteit: politiek-strategische en militaire doelen wegen zwaarder"),
}


def scenario_label(name: str, label_nl: str) -> str:
    """The name of a scenario (by its slug and stored Dutch name) in the language of the page."""
    shipped = SHIPPED_LABELS.get(name)
    return str(shipped) if shipped is not None else label_nl
