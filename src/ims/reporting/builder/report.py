"""The whole report: its input checked, the letterhead and metadata, the sections in the report's order, the
annexes, figures and sources, as one JSON-serialisable structure; and the digest a finalised version keeps."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict
from typing import Any

from django.utils import timezone, translation

import ims
from ims.core.classification import Classification

from ..models import VersionStatus
from ..text import long_date
from .annex_contributions import annex_contributions
from .annex_projects import annex_projects
from .changes import changes
from .chart_data import chart_data
from .commitments import commitments
from .introduction import introduction
from .loading import RegisterAtLevel
from .organisations import ORGANISATIONS, organisation_section
from .partners import partner_section
from .prose import Writer
from .scope import ReportYear
from .snapshot import baseline_for, snapshot

REPORT_SCHEMA = 1
MIN_YEAR = 1945
LETTERHEAD = {
    "ministry": "Ministerie van Defensie",
    "return_address": "Retouradres Postbus 20701, 2500 ES Den Haag",
    "sender": ["Plein 4", "MPC 58 B", "Postbus 20701", "2500 ES Den Haag", "www.defensie.nl"],
    "addressee": ["de Voorzitter van de Tweede Kamer", "Postbus 20018", "2500 EA Den Haag"],
    "signature": "DE MINISTER VAN DEFENSIE",
}


class ReportInputError(ValueError):
    """A year or level the report cannot be built for; the message is for the user, in Dutch."""


def check_input(year: int, level: int) -> None:
    """Refuse a year outside 1945 to next year, or a level that is not a classification."""
    latest = timezone.localdate().year + 1
    if not MIN_YEAR <= year <= latest:
        raise ReportInputError(f"Het jaar {year} valt buiten het bereik van de rapportage ({MIN_YEAR}–{latest}).")
    if level not in Classification.values:
        raise ReportInputError(f"Onbekende rubricering {level}.")


def build_report(
    *,
    year: int,
    level: int,
    reference: str = "",
    on: dt.date | None = None,
    status: str = VersionStatus.DRAFT,
    version: int | None = None,
    prefer_final_baseline: bool = True,
) -> dict[str, Any]:
    """The whole report for ``year`` at classification ``level``, as JSON-serialisable data."""
    check_input(year, level)
    on = on or timezone.localdate()
    loaded = RegisterAtLevel(level)
    baseline, info = baseline_for(year=year, level=level, prefer_final=prefer_final_baseline, loaded=loaded)
    label = Classification(level).label
    meta = {
        "schema": REPORT_SCHEMA,
        "year": year,
        "classification": level,
        "classification_code": Classification(level).code,
        "classification_label": str(label),
        "status": status,
        "version": version,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "app_version": ims.__version__,
        "title": f"Rapportage internationale militaire samenwerking {year}",
        "letterhead": {
            **LETTERHEAD,
            "reference": reference or ("concept" if status == VersionStatus.DRAFT else f"IMS-{year}-{version}"),
            "date": long_date(on),
            "subject": f"Rapportage internationale militaire samenwerking {year}",
        },
        "baseline": info,
    }
    # The report is Dutch whatever language the requesting user reads the interface in.
    with translation.override("nl"):
        data = {**meta, **_contents(ReportYear(loaded, year), baseline, info)}
    # A round trip through JSON proves the structure is plain data and makes it identical to what a
    # finalised version stores.
    return json.loads(json.dumps(data, ensure_ascii=False))


def _contents(reg: ReportYear, baseline: dict, baseline_info: dict) -> dict[str, Any]:
    """Everything but the metadata. The sections are written in the report's order, because a source is
    numbered where the report first cites it."""
    w = Writer(reg)
    facts = snapshot(reg)
    charts = chart_data(reg)
    sections = [introduction(w, charts)]
    sections += [partner_section(w, partner) for partner in reg.strategic]
    sections += [organisation_section(w, *org) for org in ORGANISATIONS]
    sections.append(commitments(w))
    changed, differences = changes(w, facts, baseline=baseline, baseline_info=baseline_info, charts=charts)
    sections.append(changed)
    annex1, annex2 = annex_contributions(w), annex_projects(w, baseline)
    return {
        "sections": [asdict(s) for s in sections],
        "annex1": annex1,
        "annex2": annex2,
        "charts": charts,
        "sources": w.sources.as_list(),
        "snapshot": facts,
        "changes": differences,
        "counts": {"initiatives": len(reg.scope), "projects": len(annex2["rows"]),
                   "contributions": len(annex1["rows"]), "agreements_signed": len(reg.signed),
                   "strategic_partners": len(reg.strategic), "sources": len(w.sources.by_citation)},
    }


def data_sha256(data: dict) -> str:
    """A digest over the canonical JSON of the data: key order and whitespace do not matter."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
