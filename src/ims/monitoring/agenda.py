"""The BIA meeting's agenda as PDF and DOCX, by the yearly report's machinery: WeasyPrint with the report's
stylesheet for the PDF, docxtpl with a Word template (``templates_docx/agenda.docx``, built by
``build_agenda_template.py``) for the DOCX.

What is on it, each read as the requesting user (or a reader at a level, for the command): late milestones;
partners whose latest ring suggestion differs from the decided ring; proposals awaiting assessment (initiatives
still an idea or under study: IMS keeps no assessments, it computes them, so a proposal waits for the BIA while
it is not yet being prepared); open commitments to Parliament; milestones due before the next meeting.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.formats import date_format

from ims.accounts.models import Role, User
from ims.assessment.selectors import ring_divergences
from ims.core.classification import Classification
from ims.register import selectors as register
from ims.register.models import Milestone
from ims.register.presentation import display, labels, partner_name
from ims.register.vocab import OPEN_MILESTONE_STATUSES, CommitmentStatus, Ring, Status

from .selectors import MilestoneFilters, milestone_rows
from .vocab import MilestoneState

TEMPLATE = Path(__file__).resolve().parent / "templates_docx" / "agenda.docx"
AGENDA_FORMATS = ("pdf", "docx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
PROPOSALS = (Status.IDEA, Status.STUDY)
DEFAULT_INTERVAL = dt.timedelta(weeks=4)


@dataclass
class AgendaSection:
    title: str
    lines: list[str] = field(default_factory=list)


def reader_at(level: int) -> User:
    """A reader at a classification level, for the command (it has no logged-in user); never saved."""
    return User(username="agenda", role=Role.BIA_MEMBER, clearance=level, is_active=True)


def _milestone(m: Milestone) -> str:
    belongs = " · ".join(x.title for x in (m.initiative, m.plan) if x is not None)
    owner = f", eigenaar {m.owner.get_full_name() or m.owner.username}" if m.owner_id else ""
    return f"{date_format(m.due_on)}: {m.title} ({belongs}{owner}; {display(m, 'status')})"


def agenda_data(*, user, meeting: dt.date, next_meeting: dt.date | None = None) -> dict:
    next_meeting = next_meeting or meeting + DEFAULT_INTERVAL
    late = milestone_rows(user=user, filters=MilestoneFilters(state=MilestoneState.LATE), on=meeting)
    upcoming = milestone_rows(user=user).filter(status__in=OPEN_MILESTONE_STATUSES, due_on__gte=meeting,
                                                due_on__lt=next_meeting)
    proposals = register.initiative_list(user=user).prefetch_related(None).filter(status__in=PROPOSALS)
    commitments = register.commitment_list(user=user, status=CommitmentStatus.OPEN).order_by("due_on", "made_on")
    sections = [
        AgendaSection("Mijlpalen die te laat zijn", [_milestone(m) for m in late]),
        AgendaSection("Schilvoorstellen die afwijken van de vastgestelde schil", [
            f"{partner_name(row.partner)}: voorgesteld {display(row.suggestion, 'ring')}, vastgesteld "
            f"{display_ring(row.partner.current_ring)}" for row in ring_divergences(user=user)]),
        AgendaSection("Voorstellen die op beoordeling wachten", [
            f"{i.title} ({display(i, 'status')})" for i in proposals.only("pk", "title", "status")]),
        AgendaSection("Open toezeggingen aan de Kamer", [
            f"{c.subject}" + (f" (uiterlijk {date_format(c.due_on)}"
                              + (", over de termijn)" if c.due_on < meeting else ")") if c.due_on else "")
            for c in commitments]),
        AgendaSection(f"Mijlpalen vóór de volgende vergadering ({date_format(next_meeting)})",
                      [_milestone(m) for m in upcoming]),
    ]
    return {
        "title": f"Agenda BIA {date_format(meeting)}",
        "meeting": meeting,
        "next_meeting": next_meeting,
        "classification_label": f"Ten hoogste {Classification(int(user.clearance)).label}",
        "sections": [{"title": s.title, "lines": s.lines} for s in sections],
    }


def display_ring(code: str) -> str:
    return labels(Ring, lambda: Ring.choices).get(code, code)


def render_agenda(data: dict, fmt: str) -> bytes:
    if fmt == "pdf":
        return _pdf(data)
    if fmt == "docx":
        return _docx(data)
    raise ValueError(f"Onbekend formaat '{fmt}'; kies uit {', '.join(AGENDA_FORMATS)}.")


def _pdf(data: dict) -> bytes:
    from weasyprint import CSS, HTML

    from ims.reporting.render.html import CSS_PATH

    html = render_to_string("monitoring/agenda_print.html", data)
    return HTML(string=html, base_url=str(CSS_PATH.parent)).write_pdf(stylesheets=[CSS(filename=str(CSS_PATH))])


def _docx(data: dict) -> bytes:
    from docxtpl import DocxTemplate
    from jinja2 import Environment

    template = DocxTemplate(str(TEMPLATE))
    # Autoescape, as the report does: register text such as "R&D" must not break the document's XML.
    template.render(data, jinja_env=Environment(autoescape=True), autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def agenda_filename(data: dict, fmt: str) -> str:
    return f"agenda-bia-{data['meeting'].isoformat()}.{fmt}"
