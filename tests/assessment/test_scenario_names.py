"""Scenarios are shown by their Dutch names (English once chosen); the slug is only for the command line."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from ims import framework as fw
from ims.assessment.labels import SHIPPED_LABELS, scenario_label
from ims.assessment.models import WeightingScenario
from tests.db import in_db

pytestmark = pytest.mark.django_db


def test_the_shipped_scenarios_dutch_names_are_the_frameworks():
    assert set(SHIPPED_LABELS) == set(fw.SCENARIOS)
    with translation.override("nl"):
        for name, scenario in fw.SCENARIOS.items():
            assert scenario_label(name, "") == scenario.label_nl
    with translation.override("en"):
        assert scenario_label("balanced", "") == "Balanced: all goal categories weigh the same"


def test_pages_name_scenarios_in_dutch_and_show_the_slug_only_as_a_command(analyst, login):
    client = login(analyst)
    table = BeautifulSoup(client.get(reverse("assessment:scenarios")).content, "lxml").select_one("table.list")
    first = table.select("tbody tr")[0].select("td")
    assert first[0].get_text(" ", strip=True).startswith("Evenwichtig: alle doelcategorieën even zwaar")
    assert first[-1].get_text(strip=True) == "--scenario balanced"
    text = table.get_text(" ")
    assert text.count("balanced") == 1 and text.count("economic-headwinds") == 1
    proposal = BeautifulSoup(client.get(reverse("assessment:proposal")).content, "lxml")
    options = [o.get_text() for o in proposal.select("#id_scenario option")]
    assert options[:3] == [scenario.label_nl for scenario in fw.SCENARIOS.values()]
    assert "balanced" not in " ".join(options)


def test_an_own_scenario_needs_only_a_name_the_slug_follows_from_it(analyst, login):
    data = {"label_nl": "Crisis 2024: militair zwaarder", "date": "2024-01-01", "weight_political_strategic": "1",
            "weight_military": "2", "weight_financial_economic": "1", "classification": "0"}
    response = login(analyst).post(reverse("assessment:scenarios"), data)
    assert response.status_code == 302
    assert in_db(WeightingScenario).get(label_nl=data["label_nl"]).name == "crisis-2024-militair-zwaarder"
