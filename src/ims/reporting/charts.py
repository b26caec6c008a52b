"""The report's figures, drawn with matplotlib from the report data alone, as SVG or PNG bytes.

Rendering is deterministic for the same data (fixed hash salt, no dates in the metadata), so that a
finalised version's files can be reproduced and compared.
"""

from __future__ import annotations

import io
import json
from functools import lru_cache
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on a server; must precede pyplot

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ims.framework.ladder import Form
from ims.framework.vocab import Ring

# The house colours of the web interface (ims.css), so that screen and paper agree.
BLUE = "#154273"
RING_COLOURS = {Ring.strategic: "#154273", Ring.affiliated: "#3d7ab8", Ring.opportunity: "#9bbbd9"}
SERIES = ("#154273", "#e17000", "#39870c", "#a90061", "#8fcae7", "#673327", "#ffb612", "#76d2b6", "#42145f")
# The depth ladder from light (least integrated) to dark (most); an unknown form is grey.
FORM_COLOURS = {Form.joint_hiring: "#dce6f1", Form.pooling: "#b3c9e2", Form.joint_procurement_sharing: "#7fa5cf",
                Form.operational: "#4d7fb8", Form.integrated_operational: "#245891",
                Form.role_task_specialisation: "#0b2340", "": "#b0b0b0"}
CHART_KEYS = ("spending", "forms", "rings")

plt.rcParams.update({
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "svg.hashsalt": "ims-rapportage",
    "svg.fonttype": "path",
})


def _comma(value: float, _pos: Any = None) -> str:
    return f"{value:g}".replace(".", ",")


def spending_figure(spec: dict) -> Figure:
    fig, ax = plt.subplots(figsize=(7.0, 3.6))
    years = [p[0] for s in spec["series"] for p in s["points"]]
    for n, series in enumerate(spec["series"]):
        colour = SERIES[n % len(SERIES)]
        actual = [p for p in series["points"] if p[2] == "actual"]
        planned = [p for p in series["points"] if p[2] == "planned"]
        if planned:
            # Planned years continue from the last actual figure, dashed, so the line reads as one partner.
            joined = ([actual[-1]] if actual and actual[-1][0] < planned[0][0] else []) + planned
            ax.plot([p[0] for p in joined], [p[1] for p in joined], marker="o", markerfacecolor="white",
                    linestyle="--", color=colour, label=None if actual else series["partner"], zorder=2)
        if actual:
            ax.plot([p[0] for p in actual], [p[1] for p in actual], marker="o", color=colour, label=series["partner"],
                    zorder=3)
    ax.axhline(spec["guideline"], color="#a4400a", linewidth=1.2, linestyle=":", zorder=1)
    ax.annotate(f"NAVO-richtlijn {_comma(spec['guideline'])}%", xy=(max(years) + 0.5, spec["guideline"]),
                xytext=(-2, -4), textcoords="offset points", ha="right", va="top", color="#a4400a", fontsize=8)
    ax.set_xticks(sorted(set(years)))
    ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
    ax.set_ylim(0, max(spec["guideline"] * 1.25, max(p[1] for s in spec["series"] for p in s["points"]) * 1.15))
    ax.yaxis.set_major_formatter(_comma)
    ax.set_ylabel("% van het bbp")
    ax.set_title(spec["title"], loc="left")
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    fig.tight_layout()
    return fig


def forms_figure(spec: dict) -> Figure:
    partners = spec["partners"]
    fig, ax = plt.subplots(figsize=(7.0, 0.9 + 0.38 * len(partners)))
    left = [0] * len(partners)
    for n, (code, form) in enumerate(zip(spec["form_codes"], spec["forms"], strict=True)):
        values = [row[n] for row in spec["counts"]]
        ax.barh(partners, values, left=left, color=FORM_COLOURS.get(code, "#b0b0b0"), label=form,
                edgecolor="white", linewidth=0.5)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()  # the first partner at the top, as in the text
    ax.set_xlabel("aantal initiatieven")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(spec["title"], loc="left")
    ax.legend(frameon=False, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


def rings_figure(spec: dict) -> Figure:
    rows = spec["rows"]
    fig, ax = plt.subplots(figsize=(7.0, 0.9 + 0.3 * len(rows)))
    for y, row in enumerate(rows):
        for start, end, ring in row["periods"]:
            ax.barh(y, end - start, left=start, color=RING_COLOURS.get(ring, "#cccccc"), edgecolor="white",
                    linewidth=0.8, height=0.7)
    ax.set_yticks(range(len(rows)), [r["partner"] for r in rows])
    ax.invert_yaxis()
    ax.set_xlim(spec["start"], spec["end"])
    ax.set_xticks(range(spec["start"], spec["end"] + 1))
    ax.tick_params(axis="x", labelsize=7)
    ax.set_title(spec["title"], loc="left")
    handles = [Patch(color=colour, label=spec["labels"][ring]) for ring, colour in RING_COLOURS.items()]
    ax.legend(handles=handles, frameon=False, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


FIGURES = {"spending": spending_figure, "forms": forms_figure, "rings": rings_figure}


@lru_cache(maxsize=48)
def _render(key: str, spec_json: str, fmt: str) -> bytes:
    fig = FIGURES[key](json.loads(spec_json))
    out = io.BytesIO()
    if fmt == "svg":
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    else:
        fig.savefig(out, format="png", dpi=150, metadata={"Software": None})
    plt.close(fig)
    return out.getvalue()


def render_chart(key: str, spec: dict, fmt: str = "svg") -> bytes:
    """One figure as SVG or PNG bytes. Cached: the renderers of one report ask for the same figures."""
    if fmt not in ("svg", "png"):
        raise ValueError(f"unknown chart format {fmt!r}")
    return _render(key, json.dumps(spec, sort_keys=True), fmt)


def render_charts(data: dict, fmt: str = "svg") -> dict[str, bytes]:
    """Every figure the report has data for."""
    return {key: render_chart(key, spec, fmt) for key, spec in data.get("charts", {}).items() if spec}
