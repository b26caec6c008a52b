"""The flip chart is well-formed SVG that draws what the comparison says, with no inline style."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from ims import framework as fw
from ims.assessment.charts import flip_chart_svg
from ims.framework.cli import load_proposal
from ims.framework.examples import example_paths

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def comparison() -> fw.Comparison:
    options = [load_proposal(path) for path in example_paths().values()]
    return fw.compare(options, fw.SCENARIOS["balanced"])


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def test_every_option_is_a_line_in_every_sweep_and_every_flip_a_circle(comparison):
    root = parse(flip_chart_svg(comparison))
    sweeps = root.findall(f"{SVG}g[@class='sweep']")
    assert len(sweeps) == 3
    for sweep in sweeps:
        titles = [line.find(f"{SVG}title").text for line in sweep.findall(f"{SVG}line[@class='option']")]
        assert titles == [item.proposal.title for item in comparison.assessments]
    flips = root.findall(f".//{SVG}circle[@class='flip']")
    assert len(flips) == sum(len(pair.direction_points) for pair in comparison.flips)
    flip_lines = root.findall(f".//{SVG}line[@class='flipline']")
    assert len(flip_lines) == sum(1 for pair in comparison.flips if not pair.never_flips and len(pair.edge_points) > 1)


def test_the_baseline_is_always_drawn_and_in_the_legend(comparison):
    svg = flip_chart_svg(comparison)
    assert "Niet samenwerken" in svg
    assert 'stroke-dasharray="6 4"' in svg


def test_no_style_elements_or_attributes(comparison):
    root = parse(flip_chart_svg(comparison, standalone=True).split("\n", 1)[1])
    assert root.findall(f".//{SVG}style") == []
    assert not any("style" in element.attrib for element in root.iter())


def test_coordinates_do_not_follow_the_locale(comparison):
    with translation.override("nl"):
        root = parse(flip_chart_svg(comparison))
    for element in root.iter(f"{SVG}line"):
        for name in ("x1", "y1", "x2", "y2"):
            float(element.attrib[name])  # a decimal comma would not parse


def test_standalone_has_the_xml_declaration(comparison):
    assert flip_chart_svg(comparison, standalone=True).startswith('<?xml version="1.0" encoding="UTF-8"?>')
