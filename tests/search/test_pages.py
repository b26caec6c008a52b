"""The search page, the header's search box and the API's search."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db


def test_every_page_has_the_search_box(analyst, login):
    page = BeautifulSoup(login(analyst).get("/initiatieven/").content, "html.parser")
    box = page.select_one("header form[role=search]")
    assert box["action"] == "/zoeken/" and box.select_one("input[name=q]") is not None


def test_the_result_page_shows_hits_snippets_and_facets_that_filter(corpus, analyst, login):
    client = login(analyst)
    page = BeautifulSoup(client.get("/zoeken/", {"q": "Noorse mariniers"}).content, "html.parser")
    titles = [a.get_text() for a in page.select(".hit-title a")]
    assert "Brief over de mariniers" in titles
    assert [m.get_text() for m in page.select(".snippet mark")][:2] == ["Noorse", "mariniers"]
    years = {a.get_text(strip=True): a["href"] for a in page.select(".facets li a") if a.get_text().isdigit()}
    assert set(years) == {"2019", "2020", "2021"}
    filtered = BeautifulSoup(client.get("/zoeken/" + years["2019"]).content, "html.parser")
    assert [a.get_text() for a in filtered.select(".hit-title a")] == ["Brief over de mariniers"]
    kinds = [a.get_text(strip=True) for a in page.select(".facets li a") if not a.get_text().isdigit()]
    assert kinds == ["Brondocument"]  # the label, not the code


def test_a_document_hit_links_to_its_place(corpus, analyst, login):
    page = BeautifulSoup(login(analyst).get("/zoeken/", {"q": '"Noorse mariniers"'}).content, "html.parser")
    link = next(a["href"] for a in page.select(".hit-title a") if a.get_text() == "Brief over de mariniers")
    try:
        detail = reverse("register:document-detail", args=[corpus["phrase"].pk])
    except NoReverseMatch:  # until documents have a page of their own: the review screen
        assert link == reverse("ingest:review", args=[corpus["phrase"].pk])
        return
    path, _, fragment = link.partition("#")
    assert path == f"{detail}?passage={fragment.removeprefix('passage-')}"
    start, end = (int(n) for n in fragment.removeprefix("passage-").split("-"))
    assert "Noorse mariniers" in corpus["phrase"].text[start:end]
    page = BeautifulSoup(login(analyst).get(link.partition("#")[0]).content, "html.parser")
    assert "Noorse mariniers" in page.select_one(f"[id='{fragment}']").get_text()


def test_bad_filters_are_ignored_not_errors(corpus, analyst, login):
    response = login(analyst).get("/zoeken/", {"q": "Noorse", "kind": "x", "year": "abc", "page": "-3"})
    assert response.status_code == 200
    assert b"Brief over de mariniers" in response.content


def test_a_viewer_sees_nothing_of_a_classified_letter(corpus, viewer, login):
    content = login(viewer).get("/zoeken/", {"q": "kroonjuweel Noorse"}).content.decode()
    assert "Gerubriceerde brief" not in content and "kroonjuweel staat" not in content


def test_the_api_searches_with_clearance(corpus, analyst, viewer, login):
    client = login(analyst)
    body = client.get("/api/v1/search/", {"q": "kroonjuweel"}).json()
    assert body["count"] == 3
    assert {f["value"]: f["count"] for f in body["facets"]["kind"]} == {"initiative": 1, "milestone": 1,
                                                                     "document": 1}
    document = next(r for r in body["results"] if r["kind"] == "document")
    text = corpus["hidden"].text
    assert "".join(p["text"] for p in document["snippet"]) == text[document["start"]:document["end"]]
    assert client.get("/api/v1/search/").status_code == 400
    assert client.get("/api/v1/search/", {"q": "x", "page": "0"}).status_code == 400
    hidden = login(viewer).get("/api/v1/search/", {"q": "kroonjuweel"}).json()
    assert hidden == {"count": 0, "page": 1, "results": [], "facets": {"kind": [], "year": []}}

