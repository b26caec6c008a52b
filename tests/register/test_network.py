"""The network of partners, frameworks and initiatives: filtered like the lists, and a partner or initiative
above the user's clearance is no node, no edge and no count."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from django.urls import reverse

from ims.core.classification import Classification
from ims.core.services import record_link
from ims.register import selectors, services
from ims.register.selectors import NetworkFilters
from tests.factories import FrameworkFactory, PartnerFactory

pytestmark = pytest.mark.django_db

SECRET = Classification.SECRET
CHECKOUT = Path(__file__).resolve().parents[2]


@pytest.fixture
def web():
    germany = PartnerFactory(code="DE", name_nl="Duitsland", name_en="Germany")
    belgium = PartnerFactory(code="BE", name_nl="België", name_en="Belgium")
    hidden = PartnerFactory(code="NO", name_nl="Noorwegen", name_en="Norway", classification=SECRET)
    nato = FrameworkFactory(code="NATO", name_nl="NAVO", name_en="NATO", kind="organisation")
    record_link(nato, add={"members": [germany, belgium, hidden]})
    services.ring_assign(partner=germany, ring="strategic", valid_from=dt.date(2012, 1, 1))
    services.initiative_create(title="Brigade", status="running", form="integrated_operational",
                               participants=[("DE", "lead"), ("NO", "participant")], frameworks=["NATO"],
                               planned_start=dt.date(2014, 1, 1), planned_end=dt.date(2019, 12, 31))
    services.initiative_create(title="Helikopters", status="study", form="pooling", participants=[("BE", "lead")],
                               actual_start=dt.date(2021, 3, 1))
    services.initiative_create(title="Walrus", status="running", form="pooling", classification=SECRET,
                               participants=[("DE", "lead"), ("BE", "participant")])
    return {"germany": germany, "belgium": belgium, "hidden": hidden, "nato": nato}


def titles(graph) -> list[str]:
    return sorted(i["title"] for i in graph.initiatives)


def test_the_network_links_initiatives_to_partners_and_frameworks(web, analyst):
    graph = selectors.network(user=analyst)
    assert titles(graph) == ["Brigade", "Helikopters", "Walrus"]
    codes = {p["pk"]: p["code"] for p in graph.partners}
    assert sorted(codes.values()) == ["BE", "DE", "NATO", "NO"]
    assert {p["code"]: p["current_ring"] for p in graph.partners}["DE"] == "strategic"
    assert len(graph.participations) == 5 and len(graph.framework_links) == 1
    assert sorted((codes[m], codes[o]) for m, o in graph.memberships) == [("BE", "NATO"), ("DE", "NATO"),
                                                                         ("NO", "NATO")]


@pytest.mark.parametrize("filters,expected", [
    (NetworkFilters(form="pooling"), ["Helikopters", "Walrus"]),
    (NetworkFilters(status="running"), ["Brigade", "Walrus"]),
    (NetworkFilters(year=2016), ["Brigade"]),  # running from 2014 to 2019
    (NetworkFilters(year=2023), ["Helikopters"]),  # started in 2021, no end
    (NetworkFilters(year=2010), []),
])
def test_the_network_filters_by_form_status_and_year(web, analyst, filters, expected):
    assert titles(selectors.network(user=analyst, filters=filters)) == expected


def test_nothing_above_clearance_is_a_node_an_edge_or_a_count(web, make_user, login):
    viewer = make_user("viewer", Classification.UNCLASSIFIED, username="laag")
    graph = selectors.network(user=viewer)
    assert titles(graph) == ["Brigade", "Helikopters"]
    assert web["hidden"].pk not in {p["pk"] for p in graph.partners}
    linked = {p for _, p in graph.participations} | {p for pair in graph.memberships for p in pair}
    assert web["hidden"].pk not in linked

    body = login(viewer).get(reverse("register:network-data")).json()
    assert body["counts"] == {"initiatives": 2, "partners": 2, "frameworks": 1}
    text = json.dumps(body)
    for secret in ("Walrus", "Noorwegen", "Norway", f'"p{web["hidden"].pk}"'):
        assert secret not in text
    assert {e["data"]["source"] for e in body["edges"]} | {e["data"]["target"] for e in body["edges"]} <= {
        n["data"]["id"] for n in body["nodes"]}


def test_the_data_names_pages_colours_and_labels(web, analyst, login):
    client = login(analyst)
    body = client.get(reverse("register:network-data"), {"form": "integrated_operational"}).json()
    nodes = {n["data"]["label"]: n["data"] for n in body["nodes"]}
    assert nodes["Brigade"]["url"] == reverse("register:initiative-detail", args=[nodes["Brigade"]["id"][1:]])
    assert nodes["Brigade"]["detail"] == "geïntegreerde operationele samenwerking · in uitvoering"
    assert (nodes["Duitsland"]["kind"], nodes["Duitsland"]["ring"]) == ("partner", "strategic")
    assert (nodes["NAVO"]["kind"], nodes["NAVO"]["url"]) == ("framework", reverse("register:partner-detail",
                                                                                  args=["NATO"]))
    participation = next(e["data"] for e in body["edges"] if e["data"]["kind"] == "participation")
    assert participation["form"] == "integrated_operational"
    assert client.get(reverse("register:network-data"), {"year": "twintig"}).status_code == 400


def test_the_page_is_in_the_main_menu_and_loads_only_its_own_files(web, analyst, login):
    page = login(analyst).get(reverse("register:initiative-list")).content.decode()
    assert f'href="{reverse("register:network")}"' in page
    network = login(analyst).get(reverse("register:network")).content.decode()
    scripts = re.findall(r'<script src="([^"]+)"', network)
    assert "/static/ims/vendor/cytoscape.min.js" in scripts and "/static/ims/network.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)
    assert "Legenda" in network and "strategische partner" in network


def test_the_served_drawing_library_is_the_one_the_lock_file_names():
    lock = json.loads((CHECKOUT / "package-lock.json").read_text())
    version = lock["packages"]["node_modules/cytoscape"]["version"]
    assert json.loads((CHECKOUT / "package.json").read_text())["dependencies"]["cytoscape"] == version
    served = (CHECKOUT / "src/ims/static/ims/vendor/cytoscape.min.js").read_text()
    assert f'"{version}"' in served
