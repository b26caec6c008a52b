"""Annex 1: the Dutch contributions to operations and operational frameworks in the year, with the partners
in the same operation, and the operations the Netherlands had contributed to before but no longer did."""

from __future__ import annotations

from ims.register.models import Contribution

from ..text import number, sort_key
from .prose import Writer


def annex_contributions(w: Writer) -> dict:
    """The annex as a table: its title, columns, rows, and what it says when a table is empty."""
    y, reg = w.year, w.reg

    def place(c: Contribution) -> str:
        where = reg.partners.get(c.location_id)
        return where.name_nl if where else "–"

    rows = []
    for c in sorted(reg.contributions, key=lambda c: sort_key(c.operation)):
        if c.personnel == 0:
            continue
        rows.append({
            "operation": c.operation, "location": place(c),
            "personnel": number(c.personnel, 0) if c.personnel else "–",
            "partners": ", ".join(sorted((x.name_nl for x in c.partners_), key=sort_key)) or "–",
            "role": c.role or "–", "refs": w.sources.refs(c.cites_),
        })
    current = {sort_key(c.operation) for c in reg.contributions if c.personnel != 0}
    last: dict[str, Contribution] = {}
    for c in reg.contributions_to_date:
        k = sort_key(c.operation)
        if k not in current and (k not in last or c.year > last[k].year):
            last[k] = c
    not_rows = [{"operation": c.operation, "last_year": "–" if c.year == y else str(c.year),
                 "location": place(c), "refs": w.sources.refs(c.cites_)}
                for _, c in sorted(last.items())]
    return {
        "title": f"Bijlage 1: bijdragen aan operaties en operationele verbanden in {y}",
        "intro": f"Nederlandse bijdragen in {y}, met de partners die in dezelfde operatie actief waren.",
        "columns": ["Operatie of verband", "Locatie", "Militairen", "Samen met", "Rol", "Bron"],
        "rows": rows,
        "empty": f"Het register vermeldt voor {y} geen Nederlandse bijdragen aan operaties of operationele "
                 "verbanden.",
        "not_title": f"Operaties en verbanden waaraan Nederland in {y} niet bijdroeg",
        "not_columns": ["Operatie of verband", "Laatste bijdrage", "Locatie", "Bron"],
        "not_rows": not_rows,
        "not_empty": f"Het register kent geen eerdere operaties waaraan Nederland in {y} niet meer bijdroeg.",
    }
