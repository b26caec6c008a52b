"""The demo register: structured facts with their citations, loaded from ``demo/register.json``.

Every record is looked up by its natural key before it is written, so loading twice changes nothing.
When the seed letters are present (``IMS_SHARED_DIR/seeds``) their full text is stored with the
documents, so that each citation's offsets point into real text; without them the documents carry
their metadata only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ims.core.classification import Classification
from ims.core.services import RegisterError, record_link
from ims.text.dates import date_and_precision

from .models import (
    Agreement,
    Commitment,
    Contribution,
    DefenceSpending,
    Initiative,
    Procurement,
    RingAssignment,
    SourceDocument,
)
from .services import (
    GoalInput,
    agreement_create,
    citation_get_or_create,
    commitment_create,
    contribution_create,
    document_register,
    initiative_create,
    milestone_create,
    partner_for,
    partner_upsert,
    procurement_create,
    ring_assign,
    spending_record,
)

DEMO_FILE = Path(__file__).parent / "demo" / "register.json"


def _date(value: str | None) -> dt.date | None:
    return date_and_precision(value)[0]


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


class _Loader:
    def __init__(self, data: dict, seeds_dir: Path | None, actor) -> None:
        self.data, self.seeds_dir, self.actor = data, seeds_dir, actor
        self.documents: dict[str, SourceDocument] = {}
        self.initiatives: dict[str, Initiative] = {}
        self.created: Counter[str] = Counter()

    def cite(self, cite: dict | None) -> list:
        if not cite:
            return []
        document = self.documents[cite["doc"]]
        if not document.text:
            return []
        return [citation_get_or_create(document=document, start=cite["start"], end=cite["end"], page=cite.get("page"))]

    def documents_(self) -> None:
        for d in self.data["documents"]:
            seed = self.seeds_dir / d["file"] if self.seeds_dir else None
            text = seed.read_text(encoding="utf-8") if seed and seed.is_file() else ""
            date, precision = date_and_precision(d.get("date"))
            content = text.encode("utf-8") if text else f"ims-demo:{d['key']}:{d['title']}".encode()
            before = SourceDocument.objects.unrestricted().count()
            self.documents[d["key"]] = document_register(
                title=d["title"], text=text, content=content, date=date, date_precision=precision,
                reference=d.get("reference") or "", kamerstuk=d.get("kamerstuk") or "", filename=d["file"],
                actor=self.actor,
            )
            if SourceDocument.objects.unrestricted().count() > before:
                self.created["documents"] += 1

    def frameworks(self) -> None:
        for f in self.data.get("frameworks", []):
            partner_upsert(code=f["code"], kind=f["kind"], name_nl=f["name_nl"], name_en=f["name_en"],
                           members=f.get("members", []), actor=self.actor)
        for code, members in self.data.get("memberships", {}).items():
            partner_upsert(code=code, kind=partner_for(code).kind, name_nl=partner_for(code).name_nl,
                           name_en=partner_for(code).name_en, members=members, actor=self.actor)

    def rings(self) -> None:
        for r in sorted(self.data["rings"], key=lambda r: (r["partner"], r["valid_from"])):
            partner = partner_for(r["partner"])
            start = _date(r["valid_from"])
            if RingAssignment.objects.unrestricted().filter(partner=partner, valid_from=start).exists():
                continue
            ring_assign(partner=partner, ring=r["ring"], valid_from=start, valid_to=_date(r.get("valid_to")),
                        reason=r.get("reason", ""), citations=self.cite(r.get("cite")), actor=self.actor)
            self.created["rings"] += 1

    def initiatives_(self) -> None:
        for i in self.data["initiatives"]:
            existing = Initiative.objects.unrestricted().filter(title=i["title"]).first()
            if existing:
                self.initiatives[i["key"]] = existing
                continue
            initiative = initiative_create(
                title=i["title"], summary=i.get("summary", ""), kind=i["kind"], form=i.get("form") or "",
                origin=i.get("origin") or "", status=i["status"],
                participants=[(p["partner"], p["role"]) for p in i.get("participants", [])],
                frameworks=i.get("frameworks", []),
                planned_start=_date(i.get("planned_start")), planned_end=_date(i.get("planned_end")),
                actual_start=_date(i.get("actual_start")), actual_end=_date(i.get("actual_end")),
                staff_fte=_dec(i.get("staff_fte")), units_committed=i.get("units_committed"),
                sovereign_capability=bool(i.get("sovereign_capability")), shortfall=i.get("shortfall") or "",
                classification=Classification.from_code(i.get("classification", "unclassified")),
                goals=[self._goal(g) for g in i.get("goals", [])],
                budgets={b["year"]: _dec(b["amount_eur"]) for b in i.get("budget", [])},
                citations=self.cite(i.get("cite")), actor=self.actor,
            )
            for m in i.get("milestones", []):
                milestone_create(initiative=initiative, title=m["title"], due_on=_date(m["due"]),
                                 done_on=_date(m.get("done")), status=m["status"], actor=self.actor)
            self.initiatives[i["key"]] = initiative
            self.created["initiatives"] += 1
        for i in self.data["initiatives"]:
            related = [self.initiatives[k] for k in i.get("related", []) if k in self.initiatives]
            if related:
                record_link(self.initiatives[i["key"]], add={"related": related}, actor=self.actor)

    @staticmethod
    def _goal(g: dict) -> GoalInput:
        indicator = g.get("indicator") or {}
        return GoalInput(
            category=g["category"], statement=g["statement"], expected_result=g.get("expected_result") or "",
            indicator=indicator.get("name", ""), unit=indicator.get("unit", ""),
            baseline=_dec(indicator.get("baseline")), target=_dec(indicator.get("target")),
            values={v["period"]: _dec(v["value"]) for v in indicator.get("values", [])},
        )

    def agreements(self) -> None:
        for a in self.data["agreements"]:
            if Agreement.objects.unrestricted().filter(kind=a["kind"], title=a["title"]).exists():
                continue
            signed_on, precision = date_and_precision(a.get("signed"))
            agreement_create(
                kind=a["kind"], title=a["title"], subject=a.get("subject", ""), parties=a["parties"],
                legally_binding=bool(a.get("legally_binding")), signed_on=signed_on, signed_precision=precision,
                entry_into_force=_date(a.get("entry_into_force")), ends_on=_date(a.get("ends")),
                initiative=self.initiatives.get(a.get("initiative") or ""),
                citations=self.cite(a.get("cite")), actor=self.actor,
            )
            self.created["agreements"] += 1

    def spending(self) -> None:
        for s in self.data["spending"]:
            if DefenceSpending.objects.unrestricted().filter(partner__code=s["partner"], year=s.get("year"),
                                              status=s["status"]).exists():
                continue
            spending_record(
                partner=s["partner"], year=s.get("year"), status=s["status"], amount=_dec(s.get("amount")),
                currency=s.get("currency") or "", pct_gdp=_dec(s.get("pct_gdp")),
                citations=self.cite(s.get("cite")), actor=self.actor,
            )
            self.created["spending"] += 1

    def contributions(self) -> None:
        for c in self.data["contributions"]:
            if Contribution.objects.unrestricted().filter(operation=c["operation"], year=c["year"]).exists():
                continue
            contribution_create(
                operation=c["operation"], year=c["year"], location=c.get("location"), personnel=c.get("personnel"),
                partners=c.get("partners", []), role=c.get("role") or "", citations=self.cite(c.get("cite")),
                actor=self.actor,
            )
            self.created["contributions"] += 1

    def procurements(self) -> None:
        for p in self.data.get("procurements", []):
            if Procurement.objects.unrestricted().filter(partner__code=p["partner"], system=p["system"],
                                                         year=p.get("year"), quantity=p.get("quantity")).exists():
                continue
            procurement_create(partner=p["partner"], system=p["system"], quantity=p.get("quantity"),
                               year=p.get("year"), citations=self.cite(p.get("cite")), actor=self.actor)
            self.created["procurements"] += 1

    def commitments(self) -> None:
        for c in self.data["commitments"]:
            made_on, precision = date_and_precision(c["made_on"])
            if Commitment.objects.unrestricted().filter(member=c.get("member") or "", subject=c["subject"]).exists():
                continue
            commitment_create(
                member=c.get("member") or "", subject=c["subject"], made_on=made_on, made_on_precision=precision,
                where_promised=c.get("where") or "", due_on=_date(c.get("due")),
                answered_in=self.documents.get(c.get("answered_in") or ""),
                citations=self.cite(c.get("cite")), actor=self.actor,
            )
            self.created["commitments"] += 1


@transaction.atomic
def demo_load(*, path: Path = DEMO_FILE, seeds_dir: Path | None = None, actor=None) -> dict[str, int]:
    """Load the demo register; returns how many records of each kind were new."""
    data = json.loads(path.read_text(encoding="utf-8"))
    loader = _Loader(data, seeds_dir if seeds_dir and seeds_dir.is_dir() else None, actor)
    steps = [loader.documents_, loader.frameworks, loader.rings, loader.initiatives_, loader.agreements,
             loader.spending, loader.contributions, loader.procurements, loader.commitments]
    for step in steps:
        try:
            step()
        except (RegisterError, ValidationError, KeyError, ValueError) as exc:
            # Name the section, so that whoever edits the demo file knows where to look.
            raise RegisterError(f"Demoregister, onderdeel {step.__name__.strip('_')}: {exc}") from exc
    return dict(loader.created)
