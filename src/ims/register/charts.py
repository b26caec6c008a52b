"""Defence spending as a table per partner and year, with a small line of % of GDP per partner (inline SVG,
drawn on the server, so the page needs no script). No queries: arithmetic on the rows a selector returned."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

from .vocab import SpendingStatus

# The NATO guideline the chart draws as a dashed line: 2 % of GDP.
GUIDELINE = Decimal(2)
WIDTH, HEIGHT, PAD = 160, 40, 3
# Where a year has figures of more than one kind, the one shown: what was spent before what was planned.
PREFERENCE = (SpendingStatus.ACTUAL, SpendingStatus.PLANNED, SpendingStatus.TARGET)


def percent(value: Decimal | None) -> str:
    """A share of GDP in Dutch notation, two decimals: "1,20 %"."""
    return "–" if value is None else f"{number_format(value, 2, use_l10n=True)} %"


@dataclass
class Cell:
    figure: object | None = None  # the DefenceSpending shown

    @property
    def text(self) -> str:
        return percent(self.figure.pct_gdp) if self.figure is not None else ""


@dataclass
class PartnerRow:
    partner: object
    cells: list[Cell] = field(default_factory=list)
    target: object | None = None  # a spending target without a year
    points: str = ""  # the SVG polyline's points
    dots: list[tuple[str, str, str]] = field(default_factory=list)  # (x, y, label) per year with a figure


@dataclass
class SpendingTable:
    years: list[int]
    rows: list[PartnerRow]
    guideline_y: str
    width: int = WIDTH
    height: int = HEIGHT


def _y(value: Decimal, top: Decimal) -> str:
    return str(round(HEIGHT - PAD - float(value / top) * (HEIGHT - 2 * PAD), 1))


def spending_table(figures: Iterable) -> SpendingTable:
    """Figures (DefenceSpending with their partner) as one row per partner and one column per year."""
    figures = list(figures)
    years = sorted({f.year for f in figures if f.year is not None})
    rank = {status: n for n, status in enumerate(PREFERENCE)}
    by_partner: dict[int, dict] = {}
    for f in figures:
        entry = by_partner.setdefault(f.partner_id, {"partner": f.partner, "years": {}, "target": None})
        if f.year is None:
            entry["target"] = f
            continue
        shown = entry["years"].get(f.year)
        if shown is None or rank.get(f.status, 9) < rank.get(shown.status, 9):
            entry["years"][f.year] = f
    shares = [f.pct_gdp for f in figures if f.pct_gdp is not None]
    top = max([GUIDELINE * Decimal("1.25"), *shares])
    step = (WIDTH - 2 * PAD) / max(len(years) - 1, 1)
    rows = []
    for entry in sorted(by_partner.values(), key=lambda e: e["partner"].name_nl):
        row = PartnerRow(partner=entry["partner"], target=entry["target"])
        points = []
        for n, year in enumerate(years):
            figure = entry["years"].get(year)
            row.cells.append(Cell(figure))
            if figure is not None and figure.pct_gdp is not None:
                x, y = str(round(PAD + n * step, 1)), _y(figure.pct_gdp, top)
                points.append(f"{x},{y}")
                row.dots.append((x, y, f"{year}: {percent(figure.pct_gdp)}"))
        row.points = " ".join(points)
        rows.append(row)
    return SpendingTable(years=years, rows=rows, guideline_y=_y(GUIDELINE, top))
