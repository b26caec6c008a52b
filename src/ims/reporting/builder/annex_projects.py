"""Annex 2: the bi- and multinational projects of the year, with their partners, form, status, next
milestone and what changed since the report about the year before."""

from __future__ import annotations

from ims.register.vocab import Form, Status

from ..text import long_date, sort_key
from .labels import label
from .prose import Writer
from .scope import HOME, InitiativeInYear, ReportYear


def _projects(reg: ReportYear) -> list[InitiativeInYear]:
    """The annex's projects: in scope, beyond the idea stage, with at least one partner besides NL."""
    return [i for i in reg.scope if i.status != Status.IDEA and any(code != HOME for code in i.codes)]


def annex_projects(w: Writer, baseline: dict) -> dict:
    """The annex as a table; a project's change is read from the ``baseline`` snapshot's initiatives."""
    y = w.year
    before = baseline.get("initiatives", {})
    rows = []
    for i in sorted(_projects(w.reg), key=lambda i: sort_key(i.obj.title)):
        o = i.obj
        others = [(x, role) for x, role in i.partners if x.code != HOME]
        partners = ", ".join(x.name_nl + (" (lead)" if role == "lead" else "") for x, role in others)
        if not partners:
            partners = ", ".join(f.name_nl for f in i.frameworks)
        m = w.reg.next_milestone(i)
        old = before.get(str(o.pk))
        if old is None:
            change = "nieuw"
        elif old["status"] != i.status:
            change = f"status: {old['status_label']} → {label(Status, i.status)}"
        else:
            change = "ongewijzigd"
        rows.append({"id": o.pk, "project": o.title, "partners": partners or "–",
                     "form": label(Form, o.form) if o.form else "–", "status": label(Status, i.status),
                     "next_milestone": f"{m.title} ({long_date(m.due_on)})" if m else "–", "change": change,
                     "refs": w.sources.refs(i.citations)})
    return {
        "title": f"Bijlage 2: stand van zaken bi- en multinationale projecten ({y})",
        "intro": f"Projecten met ten minste één partner naast Nederland die in {y} liepen, in voorbereiding of "
                 "studie waren, of in dat jaar zijn afgerond of gestopt; ideeën staan er niet in.",
        "columns": ["Project", "Partners", "Vorm", "Status", "Volgende mijlpaal", f"Verandering sinds {y - 1}",
                    "Bron"],
        "rows": rows,
        "empty": f"Het register bevat voor {y} geen bi- of multinationale projecten.",
    }
