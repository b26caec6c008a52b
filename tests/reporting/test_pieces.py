"""The pure pieces: Dutch formatting, the comparison of two reports, and the charts."""

from __future__ import annotations

import datetime as dt
import io

from lxml import etree
from PIL import Image

from ims.reporting import charts
from ims.reporting.diff import change_lines, diff_reports, diff_snapshots
from ims.reporting.text import enumerate_nl, long_date, money, percent, points, sentence, sort_key, with_article


def test_dutch_formatting():
    assert long_date(dt.date(2019, 5, 21)) == "21 mei 2019"
    assert long_date(dt.date(2019, 6, 1), "month") == "juni 2019"
    assert long_date("2019-01-01", "year") == "2019"
    assert money(4_900_000_000, "EUR") == "€4,9 miljard" and money(39_500_000_000, "GBP") == "£39,5 miljard"
    assert money(250_000_000, "EUR") == "€250 miljoen" and money(1234, "NOK") == "NOK 1.234"
    assert percent(0.95) == "0,95%" and percent(2.0) == "2%"
    assert points(0.05) == "+0,05 procentpunt" and points(-0.1) == "−0,1 procentpunt"
    assert enumerate_nl(["België", "Duitsland", "Frankrijk"]) == "België, Duitsland en Frankrijk"
    assert sorted(["Bulgarije", "België", "Azerbeidzjan"], key=sort_key) == ["Azerbeidzjan", "België", "Bulgarije"]
    assert sentence("overeenkomsten in 2019:") == "Overeenkomsten in 2019:"
    assert sentence("nog niet beantwoord") == "Nog niet beantwoord."
    assert with_article("Verenigd Koninkrijk", capital=True) == "Het Verenigd Koninkrijk"
    assert with_article("Verenigde Staten") == "de Verenigde Staten" and with_article("Duitsland") == "Duitsland"
    assert with_article("NAVO", organisation=True) == "de NAVO"


def snapshot(initiatives=(), rings=None, agreements=()):
    return {
        "initiatives": {str(n): {"title": t, "status": s, "status_label": s, "form": "", "partners": []}
                        for n, t, s in initiatives},
        "rings": rings or {},
        "agreements": {str(n): {"title": t, "kind": "MoU", "kind_label": "MoU", "date": "2019-01-01", "partners": []}
                       for n, t in agreements},
    }


def test_diff_lists_each_change_once():
    old = snapshot([(1, "A", "running"), (2, "B", "study"), (3, "C", "running"), (4, "D", "idea")],
                   {"NO": {"name": "Noorwegen", "ring": "affiliated", "ring_label": "gelieerd"}}, [(1, "X")])
    new = snapshot([(1, "A", "running"), (2, "B", "running"), (3, "C", "completed"), (5, "E", "idea")],
                   {"NO": {"name": "Noorwegen", "ring": "strategic", "ring_label": "strategisch"},
                    "LU": {"name": "Luxemburg", "ring": "strategic", "ring_label": "strategisch"}},
                   [(1, "X"), (2, "Y")])
    facts = diff_snapshots(old, new)
    assert [r["title"] for r in facts["initiatives_new"]] == ["E"]
    assert [(r["title"], r["to"]) for r in facts["initiatives_ended"]] == [("C", "completed"), ("D", "")]
    assert [(r["title"], r["from"], r["to"]) for r in facts["status_changes"]] == [("B", "study", "running")]
    assert [(r["code"], r["from"], r["to"]) for r in facts["ring_changes"]] == [("LU", "", "strategic"),
                                                                               ("NO", "affiliated", "strategic")]
    assert [r["title"] for r in facts["agreements_new"]] == ["Y"]
    assert change_lines(diff_snapshots(new, new)) == []


def test_text_diff_names_the_sections_that_changed():
    section = {"key": "intro", "title": "Inleiding", "subsections": [],
               "blocks": [{"kind": "p", "sentences": [{"text": "Oud.", "refs": []}]}]}
    changed = {**section, "blocks": [{"kind": "p", "sentences": [{"text": "Nieuw.", "refs": [1]}]}]}
    result = diff_reports({"sections": [section]}, {"sections": [changed]})
    assert result["text"] == [{"key": "intro", "title": "Inleiding", "added": ["Nieuw."], "removed": ["Oud."]}]


def test_charts_render_as_svg_and_png():
    spec = {"title": "t", "caption": "c", "guideline": 2.0, "year": 2019,
            "series": [{"partner": "België", "points": [[2018, 0.93, "actual"], [2019, 0.95, "actual"],
                                                         [2020, 1.01, "planned"]]}]}
    svg = charts.render_chart("spending", spec, "svg")
    assert etree.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
    png = charts.render_chart("spending", spec, "png")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width > 500
    assert charts.render_chart("spending", spec, "svg") == svg  # deterministic: same data, same bytes
    rings = {"title": "t", "caption": "c", "start": 2012, "end": 2020,
             "labels": {"strategic": "strategisch", "affiliated": "gelieerd", "opportunity": "gelegenheid"},
             "rows": [{"partner": "Noorwegen", "periods": [[2012.4, 2019.0, "affiliated"], [2019.0, 2020.0,
                                                                                             "strategic"]]}]}
    assert Image.open(io.BytesIO(charts.render_chart("rings", rings, "png"))).format == "PNG"
