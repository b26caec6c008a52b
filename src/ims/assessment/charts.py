"""The flip chart: where the ranking of the options holds and where it turns, as plain SVG markup.

Drawn here rather than with matplotlib because the same markup goes inline into the page, into the PDF
and out as an ``image/svg+xml`` file, and the site's Content-Security-Policy forbids the ``<style>``
blocks and ``style`` attributes matplotlib writes. Colours and strokes are SVG presentation
attributes, which the policy allows. No queries, no request: a :class:`~ims.framework.Comparison` in,
a string out.

Three panels sweep one category's weight from 0 to 100% (the other two keep the scenario's ratio);
each option's total is a straight line there, and the circles are the flip points. A fourth panel is
the weight triangle, with each pair's flip line and the scenario as a dot.
"""

from __future__ import annotations

import math
from typing import Any

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from ims import framework as fw
from ims.register.vocab import vocab_label

from .labels import scenario_label

PALETTE = ("#154273", "#b35900", "#2e7d32", "#8e24aa", "#00838f")
BASELINE_COLOUR = "#5c6670"
ACCENT = "#a4400a"
GRID = "#e8eef5"
FRAME = "#ccd6e0"
TEXT = "#1a1a1a"
FONT = "DejaVu Sans, Verdana, sans-serif"

PLOT_LEFT = 56
PLOT_TOP = 40
PLOT_WIDTH = 200
PLOT_HEIGHT = 190
PANEL_GAP = 36
TRIANGLE_SIDE = 190
LEGEND_TOP = PLOT_TOP + PLOT_HEIGHT + 62
LEGEND_ROW = 18
TITLE_LIMIT = 70


def _f(value: float) -> str:
    # Coordinates always with a decimal point, whatever the active locale.
    return f"{value:.1f}"


def _num(value: float, digits: int = 0) -> str:
    return number_format(round(value, digits), decimal_pos=digits)


def _short(code: str) -> str:
    """'militair (effectiviteit)' -> 'militair' ('military', in English): the panels are narrow."""
    # The chart data carries the category code; the label is looked up here so it follows the page's language.
    return vocab_label(fw.GoalCategory(code)).split(" (")[0]


def _clip(text: str, limit: int = TITLE_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    span = high - low
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks, value = [], first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _y_range(data: dict[str, Any]) -> tuple[float, float]:
    values = [0.0]
    for sweep in data["sweeps"]:
        for line in sweep["lines"]:
            values += [line["from"][1], line["to"][1]]
    low, high = min(values), max(values)
    if high - low < 1.0:
        low, high = low - 1.0, high + 1.0
    pad = (high - low) * 0.06
    return low - pad, high + pad


def _text(x: float, y: float, body: str, *, size: int = 11, anchor: str = "start", weight: str = "normal",
          fill: str = TEXT) -> str:
    return (f'<text x="{_f(x)}" y="{_f(y)}" font-size="{size}" font-family="{FONT}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{fill}">{escape(body)}</text>')


def _colours(data: dict[str, Any]) -> dict[str, str]:
    colours, index = {}, 0
    for option in data["options"]:
        if option["is_baseline"]:
            colours[option["title"]] = BASELINE_COLOUR
        else:
            colours[option["title"]] = PALETTE[index % len(PALETTE)]
            index += 1
    return colours


def _sweep_panel(sweep: dict[str, Any], left: float, y_of, ticks: list[float], colours: dict[str, str],
                 dashed: set[str], *, first: bool) -> list[str]:
    def x_of(weight: float) -> float:
        return left + weight * PLOT_WIDTH

    bottom = PLOT_TOP + PLOT_HEIGHT
    short = _short(sweep["category"])
    parts = [
        '<g class="sweep">',
        _text(left + PLOT_WIDTH / 2, PLOT_TOP - 14, _("Gewicht %(category)s") % {"category": short},
              anchor="middle", weight="bold"),
        f'<rect x="{_f(left)}" y="{PLOT_TOP}" width="{PLOT_WIDTH}" height="{PLOT_HEIGHT}" fill="#ffffff" '
        f'stroke="{FRAME}"/>',
    ]
    for tick in ticks:
        y = y_of(tick)
        parts.append(f'<line x1="{_f(left)}" x2="{_f(left + PLOT_WIDTH)}" y1="{_f(y)}" y2="{_f(y)}" '
                     f'stroke="{GRID if tick else FRAME}" stroke-width="1"/>')
        if first:
            parts.append(_text(left - 6, y + 4, _num(tick), size=10, anchor="end"))
    for share in (0.0, 0.5, 1.0):
        parts.append(_text(x_of(share), bottom + 16, f"{_num(share * 100)}%", size=10, anchor="middle"))
    now = sweep["scenario_weight"]
    # Outside the f-string: makemessages does not see a gettext call inside one.
    current = _("Huidig gewicht %(category)s: %(share)s%%") % {"category": short, "share": _num(now * 100)}
    parts.append(
        f'<line x1="{_f(x_of(now))}" x2="{_f(x_of(now))}" y1="{PLOT_TOP}" y2="{bottom}" stroke="{ACCENT}" '
        f'stroke-width="1.5" stroke-dasharray="4 3"><title>{escape(current)}</title></line>'
    )
    for line in sweep["lines"]:
        colour = colours[line["title"]]
        dash = ' stroke-dasharray="6 4"' if line["title"] in dashed else ""
        parts.append(
            f'<line class="option" x1="{_f(x_of(line["from"][0]))}" y1="{_f(y_of(line["from"][1]))}" '
            f'x2="{_f(x_of(line["to"][0]))}" y2="{_f(y_of(line["to"][1]))}" stroke="{colour}" '
            f'stroke-width="2.5"{dash}><title>{escape(line["title"])}</title></line>'
        )
    for flip in sweep["flips"]:
        label = _("%(a)s en %(b)s wisselen van plaats bij gewicht %(category)s %(weight)s%%") % {
            "a": flip["a"], "b": flip["b"], "category": short, "weight": _num(flip["weight"] * 100),
        }
        parts.append(
            f'<circle class="flip" cx="{_f(x_of(flip["weight"]))}" cy="{_f(y_of(flip["total"]))}" r="4.5" '
            f'fill="#ffffff" stroke="{TEXT}" stroke-width="1.5"><title>{escape(label)}</title></circle>'
        )
    parts.append("</g>")
    return parts


def _triangle_panel(data: dict[str, Any], left: float) -> list[str]:
    height = TRIANGLE_SIDE * math.sqrt(3) / 2
    top = PLOT_TOP + (PLOT_HEIGHT - height) / 2
    codes = [category["code"] for category in data["categories"]]
    corners = {
        codes[0]: (left + TRIANGLE_SIDE / 2, top),
        codes[1]: (left, top + height),
        codes[2]: (left + TRIANGLE_SIDE, top + height),
    }

    def point(weights: dict[str, float]) -> tuple[float, float]:
        return (sum(weights[c] * corners[c][0] for c in codes), sum(weights[c] * corners[c][1] for c in codes))

    outline = " ".join(f"{_f(x)},{_f(y)}" for x, y in corners.values())
    parts = [
        '<g class="triangle">',
        _text(left + TRIANGLE_SIDE / 2, PLOT_TOP - 14, _("Gewichtendriehoek"), anchor="middle", weight="bold"),
        f'<polygon points="{outline}" fill="#ffffff" stroke="{FRAME}" stroke-width="1"/>',
    ]
    labels = {category["code"]: _short(category["code"]) for category in data["categories"]}
    (tx, ty), (lx, ly), (rx, ry) = corners.values()
    parts += [
        _text(tx, ty - 4, labels[codes[0]], size=10, anchor="middle"),
        _text(lx, ly + 16, labels[codes[1]], size=10, anchor="start"),
        _text(rx, ry + 30, labels[codes[2]], size=10, anchor="end"),
    ]
    for number, pair in enumerate(data["pairs"], 1):
        segment = pair["segment"]
        if pair["never_flips"] or len(segment) < 2:
            continue
        # Three edge points happen only when the line runs through a corner; any two span the segment.
        (x1, y1), (x2, y2) = point(segment[0]), point(segment[-1])
        label = _("Omslaglijn %(n)s: %(a)s en %(b)s gelijk") % {"n": number, "a": pair["a"], "b": pair["b"]}
        parts.append(
            f'<line class="flipline" x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}" stroke="{TEXT}" '
            f'stroke-width="1.5"><title>{escape(label)}</title></line>'
        )
        parts.append(_text((x1 + x2) / 2 + 4, (y1 + y2) / 2 - 4, str(number), size=10, weight="bold"))
    sx, sy = point(data["scenario"]["weights"])
    parts.append(
        f'<circle cx="{_f(sx)}" cy="{_f(sy)}" r="5" fill="{ACCENT}"><title>{escape(_("Scenario"))}: '
        f'{escape(scenario_label(data["scenario"]["name"], data["scenario"]["label_nl"]))}</title></circle>'
    )
    parts.append("</g>")
    return parts


def flip_chart_svg(comparison: fw.Comparison, *, standalone: bool = False) -> str:
    """The chart for a comparison; ``standalone`` adds the XML declaration for serving it as a file."""
    data = comparison.flip_chart_data()
    low, high = _y_range(data)
    ticks = _nice_ticks(low, high)

    def y_of(total: float) -> float:
        return PLOT_TOP + PLOT_HEIGHT * (high - total) / (high - low)

    colours = _colours(data)
    dashed = {option["title"] for option in data["options"] if option["is_baseline"]}
    parts: list[str] = []
    for index, sweep in enumerate(data["sweeps"]):
        left = PLOT_LEFT + index * (PLOT_WIDTH + PANEL_GAP)
        parts += _sweep_panel(sweep, left, y_of, ticks, colours, dashed, first=index == 0)
    triangle_left = PLOT_LEFT + len(data["sweeps"]) * (PLOT_WIDTH + PANEL_GAP) + 10
    parts += _triangle_panel(data, triangle_left)
    middle = PLOT_TOP + PLOT_HEIGHT / 2
    parts.append(f'<g transform="rotate(-90 14 {_f(middle)})">'
                 + _text(14, middle, _("totaal"), size=10, anchor="middle") + "</g>")

    legend_y = LEGEND_TOP
    ranked = sorted(data["options"], key=lambda option: option["rank"])
    for option in ranked:
        colour = colours[option["title"]]
        dash = ' stroke-dasharray="6 4"' if option["is_baseline"] else ""
        parts.append(f'<line x1="{PLOT_LEFT}" x2="{PLOT_LEFT + 28}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
                     f'stroke="{colour}" stroke-width="3"{dash}/>')
        caption = f"{option['rank']}. {_clip(option['title'])}: {_('totaal')} {_num(option['total'], 1)}"
        parts.append(_text(PLOT_LEFT + 36, legend_y, caption))
        legend_y += LEGEND_ROW
    width = triangle_left + TRIANGLE_SIDE + 24
    height = legend_y + 6
    title = _("Omslaggrafiek onder scenario %(scenario)s") % {"scenario": scenario_label(data["scenario"]["name"],
                                                                                  data["scenario"]["label_nl"])}
    description = _(
        # xgettext:no-python-format  (the "%" in "100%" is text, not a placeholder)
        "Per doelcategorie het totaal van elke optie als het gewicht van die categorie van 0 tot 100% loopt; "
        "cirkels markeren waar twee opties van plaats wisselen, de stippellijn het huidige gewicht."
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="flipchart" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-labelledby="flipchart-title flipchart-desc">'
        f'<title id="flipchart-title">{escape(title)}</title><desc id="flipchart-desc">{escape(description)}</desc>'
    )
    svg = head + "".join(parts) + "</svg>"
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n") if standalone else svg
