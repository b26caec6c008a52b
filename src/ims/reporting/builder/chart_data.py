"""The data the report's three figures are drawn from: spending of the strategic partners against the NATO
guideline, their initiatives by form of cooperation, and the partners' rings through the years."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from ims.register.vocab import Form, Ring, SpendingStatus

from ..text import sort_key
from .labels import label
from .partners import NATO_GUIDELINE
from .scope import RING_ORDER, ReportYear

# The ring chart stays legible; the rest of the partners are counted under it.
RING_CHART_ROWS = 25
FORMS_CHART_ROWS = 20


def chart_data(reg: ReportYear) -> dict[str, dict[str, Any]]:
    """Each figure's title, caption and series by chart key; a figure without data is left out."""
    figures = {"spending": _spending(reg), "forms": _forms(reg), "rings": _rings(reg)}
    return {key: figure for key, figure in figures.items() if figure is not None}


def _spending(reg: ReportYear) -> dict[str, Any] | None:
    series = []
    for partner in reg.strategic:
        points_ = sorted((r.year, float(r.pct_gdp), r.status) for r in reg.spending
                         if r.partner_id == partner.pk and r.year and r.pct_gdp is not None
                         and r.status in (SpendingStatus.ACTUAL, SpendingStatus.PLANNED))
        if points_:
            series.append({"partner": partner.name_nl, "points": [list(x) for x in points_]})
    if not series:
        return None
    return {
        "title": "Defensie-uitgaven van de strategische partners (% van het bbp)",
        "caption": "Figuur 1. Defensie-uitgaven als percentage van het bbp per strategische partner, "
                   "tegen de NAVO-richtlijn van 2%; begrote jaren gestippeld.",
        "guideline": NATO_GUIDELINE, "year": reg.year, "series": series,
    }


def _forms(reg: ReportYear) -> dict[str, Any] | None:
    y = reg.year
    forms = [f.value for f in Form] + [""]
    rows_by_partner = {p.pk: dict.fromkeys(forms, 0) for p in reg.strategic}
    for i in reg.scope:
        for x, _ in i.partners:
            if x.pk in rows_by_partner:
                rows_by_partner[x.pk][i.obj.form or ""] += 1
    # A legible figure: the partners with the most initiatives, shown in the order of the text.
    busiest = sorted(reg.strategic, key=lambda p: -sum(rows_by_partner[p.pk].values()))[:FORMS_CHART_ROWS]
    shown = [p for p in reg.strategic if p in busiest and sum(rows_by_partner[p.pk].values())]
    counts = [rows_by_partner[p.pk] for p in shown]
    if not shown:
        return None
    used = [f for f in forms if any(r[f] for r in counts)]
    left_out = len(reg.strategic) - len(shown)
    return {
        "title": f"Initiatieven per strategische partner en samenwerkingsvorm ({y})",
        "caption": f"Figuur 2. Aantal initiatieven in {y} per strategische partner, naar samenwerkingsvorm"
                   + (f"; {left_out} partners met minder initiatieven zijn niet getoond." if left_out else "."),
        "partners": [p.name_nl for p in shown],
        "forms": [label(Form, f) if f else "vorm onbekend" for f in used],
        "form_codes": used,
        "counts": [[r[f] for f in used] for r in counts],
    }


def _rings(reg: ReportYear) -> dict[str, Any] | None:
    y = reg.year
    periods = defaultdict(list)
    for r in reg.rings_all:
        periods[r.partner_id].append(r)
    moved = {pid for pid, rs in periods.items() if len({r.ring for r in rs}) > 1}

    def ring_rank(pid: int) -> int:
        return RING_ORDER.get(reg.ring_at_end[pid].ring, 3) if pid in reg.ring_at_end else 3

    # Which partners fit: the inner rings first, then those that moved; shown in ring and name order.
    chosen = sorted(periods, key=lambda pid: (ring_rank(pid), pid not in moved, sort_key(reg.name(pid))))
    rows = []
    for pid in sorted(chosen[:RING_CHART_ROWS], key=lambda pid: (ring_rank(pid), sort_key(reg.name(pid)))):
        spans: list[list] = []
        for r in periods[pid]:
            start = _year_float(r.valid_from)
            end = _year_float(min(r.valid_to or dt.date(y + 1, 1, 1), dt.date(y + 1, 1, 1)))
            if spans and spans[-1][2] == r.ring and abs(spans[-1][1] - start) < 1e-9:
                spans[-1][1] = end  # one bar for an unbroken stay in the same ring
            else:
                spans.append([start, end, r.ring])
        rows.append({"partner": reg.name(pid), "periods": spans})
    if not rows:
        return None
    first = min(span[0] for row in rows for span in row["periods"])
    return {
        "title": f"Schilindeling door de jaren (tot en met {y})",
        "caption": f"Figuur 3. Schilindeling van partners door de jaren, tot en met {y}"
                   + (f"; {len(chosen) - RING_CHART_ROWS} andere partners zijn niet getoond."
                      if len(chosen) > RING_CHART_ROWS else "."),
        "start": int(first), "end": y + 1, "rows": rows,
        "labels": {r.value: str(r.label) for r in Ring},
    }


def _year_float(date: dt.date) -> float:
    return date.year + (date.timetuple().tm_yday - 1) / 365.25
