"""The facts a report covers (rings at the year's end, initiatives in scope, agreements known), and the
baseline a report compares itself with: the report about the year before."""

from __future__ import annotations

from ims.register.vocab import AgreementKind, Ring, Status

from ..text import sort_key
from .labels import label
from .loading import RegisterAtLevel, last_final
from .scope import HOME, ReportYear


def snapshot(reg: ReportYear) -> dict:
    """The year's facts as plain data, keyed so that ``diff`` can compare two years."""
    rings = {}
    for pid, r in reg.ring_at_end.items():
        partner = reg.partners[pid]
        rings[partner.code] = {"name": partner.name_nl, "ring": r.ring, "ring_label": label(Ring, r.ring),
                               "refs": []}
    initiatives = {
        str(i.obj.pk): {"title": i.obj.title, "status": i.status, "status_label": label(Status, i.status),
                        "form": i.obj.form,
                        "partners": sorted((x.name_nl for x, _ in i.partners if x.code != HOME), key=sort_key)}
        for i in reg.scope
    }
    agreements = {
        str(a.pk): {"title": a.title, "kind": a.kind, "kind_label": label(AgreementKind, a.kind),
                    "date": known.isoformat(),
                    "partners": sorted((x.name_nl for x in parties if x.code != HOME), key=sort_key)}
        for a, known, parties in reg.agreements
    }
    return {"initiatives": initiatives, "rings": rings, "agreements": agreements}


def snapshot_for(*, year: int, level: int, loaded: RegisterAtLevel | None = None) -> dict:
    """The facts a report for ``year`` covers, without rendering its text (for baselines and diffs)."""
    return snapshot(ReportYear(loaded or RegisterAtLevel(level), year))


def report_snapshot(*, year: int, level: int, prefer_final: bool = True,
                    loaded: RegisterAtLevel | None = None) -> tuple[dict, dict]:
    """The facts of the report about ``year``: its last finalised version at this level where there is one
    (that is what Parliament received), else that year as the register now describes it."""
    version = last_final(year=year, level=level) if prefer_final else None
    if version is not None:
        return version.data.get("snapshot", {}), {
            "kind": "final", "year": year, "version": version.number,
            "finalised_at": version.finalised_at.isoformat(),
        }
    return snapshot_for(year=year, level=level, loaded=loaded), {"kind": "register", "year": year}


def baseline_for(*, year: int, level: int, prefer_final: bool = True,
                 loaded: RegisterAtLevel | None = None) -> tuple[dict, dict]:
    """What the report for ``year`` compares itself with: the report about the year before."""
    return report_snapshot(year=year - 1, level=level, prefer_final=prefer_final, loaded=loaded)
