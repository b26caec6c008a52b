"""The pages people looked for: commitments to Parliament, contributions, defence spending, procurement and
source documents, with the register's list conventions (filters, facets that filter, CSV and JSON twins),
citations that link to the quoted passage, and clearance on every row, count and facet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from ims.register import services
from tests.db import in_db

pytestmark = pytest.mark.django_db

TEXT = ("De minister zegt toe de Kamer voor de zomer te informeren. Nederland levert 120 militairen aan de missie. "
        "Duitsland besteedt 1,57 procent van het bbp aan defensie. Slotzin.")


def cite(document, phrase: str):
    start = document.text.index(phrase)
    return [services.citation_get_or_create(document=document, start=start, end=start + len(phrase))]


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "lxml")


def body_of(response) -> str:
    assert response.status_code == 200
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


def rows_of(response) -> list[dict]:
    """A CSV export read back, whichever separator it uses (a comma, or Dutch Excel's semicolon)."""
    body = body_of(response).removeprefix("\ufeff")
    delimiter = ";" if ";" in body.splitlines()[0] else ","
    return list(csv.DictReader(io.StringIO(body), delimiter=delimiter))


@pytest.fixture
def data():
    for code in ("DE", "NL", "LT"):
        services.partner_upsert(code=code, kind="country")
    letter = services.document_register(title="Kamerbrief samenwerking", text=TEXT, date=dt.date(2020, 5, 1),
                                        kamerstuk="33279-40")
    secret_doc = services.document_register(title="Geheime brief GEHEIMWOORD", text="Geheim. " + TEXT,
                                            date=dt.date(2019, 3, 1))
    secret_doc.classification = 2
    secret_doc.save()
    promise = "De minister zegt toe de Kamer voor de zomer te informeren."
    services.commitment_create(subject="Later open", made_on=dt.date(2020, 1, 1), due_on=dt.date(2021, 6, 1))
    early = services.commitment_create(subject="Vroeg open", made_on=dt.date(2019, 1, 1), due_on=dt.date(2020, 9, 1),
                                       citations=cite(letter, promise))
    services.commitment_create(subject="Al beantwoord", made_on=dt.date(2020, 2, 1), answered_in=letter)
    services.commitment_create(subject="Geheime toezegging GEHEIMWOORD", made_on=dt.date(2018, 1, 1),
                               classification=2, citations=cite(letter, "Slotzin."))
    services.contribution_create(operation="Missie Noord", year=2020, location="LT", personnel=120,
                                 partners=["NL", "DE"], citations=cite(letter, "Nederland levert 120 militairen"))
    services.contribution_create(operation="Missie GEHEIMWOORD", year=2017, partners=["DE"], classification=2)
    for year, pct in ((2018, "1.20"), (2019, "1.38"), (2020, "1.57")):
        services.spending_record(partner="DE", year=year, status="actual", pct_gdp=Decimal(pct),
                                 citations=cite(letter, "Duitsland besteedt") if year == 2020 else ())
    services.spending_record(partner="NL", year=2016, status="actual", pct_gdp=Decimal("9.99"), classification=2)
    services.procurement_create(partner="DE", system="Pantserhouwitser", quantity=12, year=2020)
    services.procurement_create(partner="NL", system="Systeem GEHEIMWOORD", year=2015, classification=2)
    return {"letter": letter, "secret_doc": secret_doc, "early": early, "promise": promise}


@pytest.fixture
def as_analyst(analyst) -> Client:
    client = Client()
    client.force_login(analyst)
    return client


@pytest.fixture
def as_viewer(viewer) -> Client:
    client = Client()
    client.force_login(viewer)
    return client


LISTS = ["register:commitment-list", "register:contribution-list", "register:spending-list",
         "register:procurement-list", "register:document-list"]


@pytest.mark.parametrize("name", LISTS)
def test_every_list_has_facets_that_filter_and_twins_that_parse(as_analyst, data, name):
    page = soup(as_analyst.get(reverse(name)))
    facet_link = page.select_one(".facets a[data-filter-name]")
    assert facet_link is not None
    filtered = soup(as_analyst.get(reverse(name) + facet_link["href"]))
    assert filtered.select_one(".facets li.selected a[aria-current]") is not None
    rows = rows_of(as_analyst.get(reverse(name), {"format": "csv"}))
    assert rows and "Nummer" in rows[0]  # the page's labels head the columns, not field names
    as_json = json.loads(body_of(as_analyst.get(reverse(name), {"format": "json"})))
    assert as_json["count"] == len(rows)


def test_commitments_open_first_earliest_deadline_on_top(as_analyst, data):
    subjects = [row["Onderwerp"] for row in rows_of(as_analyst.get(reverse("register:commitment-list"),
                                                                   {"format": "csv"}))]
    assert subjects[:3] == ["Vroeg open", "Later open", "Geheime toezegging GEHEIMWOORD"]
    assert subjects[-1] == "Al beantwoord"
    answered = rows_of(as_analyst.get(reverse("register:commitment-list"), {"status": "answered", "format": "csv"}))
    assert [(r["Onderwerp"], r["Beantwoord in"]) for r in answered] == [("Al beantwoord", "Kamerstuk 33279-40")]
    page = soup(as_analyst.get(reverse("register:commitment-list")))
    assert "open" in page.select_one("tbody tr").get_text() and "1 september 2020" in page.get_text()


def test_a_citation_links_to_its_passage_and_the_document_marks_it(as_analyst, data):
    letter, promise = data["letter"], data["promise"]
    start = letter.text.index(promise)
    fragment = f"passage-{start}-{start + len(promise)}"
    page = soup(as_analyst.get(reverse("register:commitment-list")))
    link = page.select_one("a.cite")
    assert link["href"] == reverse("register:document-detail", args=[letter.pk]) + "#" + fragment
    document = soup(as_analyst.get(link["href"].split("#")[0]))
    marked = document.select_one(f"#{fragment}")
    assert marked.name == "mark" and marked.get_text() == promise
    # The promise, the contribution, the spending figure and the secret commitment's closing sentence.
    assert len(document.select("mark.passage")) == 4
    found = document.select_one(".card ul").get_text()
    assert "Vroeg open" in found


def test_the_document_page_lists_what_the_register_took_from_it(as_analyst, data):
    text = soup(as_analyst.get(reverse("register:document-detail", args=[data["letter"].pk]))).get_text()
    for expected in ("Vroeg open", "Missie Noord", "Kamerstuk", "33279-40", "Toezeggingen", "Bijdragen aan operaties"):
        assert expected in text


def test_spending_is_a_table_per_partner_and_year_with_a_chart(as_analyst, data):
    page = soup(as_analyst.get(reverse("register:spending-list")))
    table = page.select_one(".spending-table table")
    headings = [th.get_text() for th in table.select("thead th")]
    assert headings[2:5] == ["2016", "2018", "2019"]
    germany = next(tr for tr in table.select("tbody tr") if "Duitsland" in tr.get_text())
    assert "1,57 %" in germany.get_text() and "1,20 %" in germany.get_text()
    chart = germany.select_one("svg.spark")
    assert len(chart.select("circle")) == 3 and chart.select_one("polyline") is not None
    assert chart.select_one("line.guideline") is not None


def test_filters_narrow_the_lists(as_analyst, data):
    rows = rows_of(as_analyst.get(reverse("register:contribution-list"), {"partner": "LT", "format": "csv"}))
    assert [r["Operatie of missie"] for r in rows] == ["Missie Noord"]
    rows = rows_of(as_analyst.get(reverse("register:procurement-list"), {"year": "2020", "format": "csv"}))
    assert [r["Systeem"] for r in rows] == ["Pantserhouwitser"]
    rows = rows_of(as_analyst.get(reverse("register:document-list"), {"q": "samenwerking", "format": "csv"}))
    assert [r["Titel"] for r in rows] == ["Kamerbrief samenwerking"]
    rows = rows_of(as_analyst.get(reverse("register:spending-list"), {"year": "abc", "format": "csv"}))
    assert len(rows) == 4  # a year that is no year drops that filter, not the page


@pytest.mark.parametrize("name", LISTS)
def test_a_low_clearance_viewer_sees_no_hidden_row_count_or_facet(as_analyst, as_viewer, data, name):
    high = as_analyst.get(reverse(name))
    assert b"GEHEIMWOORD" in high.content or name == "register:spending-list"
    low = soup(as_viewer.get(reverse(name)))
    assert "GEHEIMWOORD" not in low.get_text()
    everything = rows_of(as_analyst.get(reverse(name), {"format": "csv"}))
    visible = rows_of(as_viewer.get(reverse(name), {"format": "csv"}))
    assert len(visible) == len(everything) - 1
    assert "GEHEIMWOORD" not in json.dumps(visible)
    counted = sum(int(n.get_text()) for n in low.select(".facets h3 + ul")[0].select(".count"))
    assert counted == len(visible)
    hidden_years = {"register:commitment-list": "2018", "register:contribution-list": "2017",
                    "register:spending-list": "2016", "register:procurement-list": "2015",
                    "register:document-list": "2019"}
    assert hidden_years[name] not in [a.get_text(" ").split()[0] for a in low.select(".facets li a")]


def test_hidden_records_answer_as_missing(as_viewer, data):
    from ims.register.models import Commitment, Contribution, DefenceSpending, Procurement

    hidden = {
        "register:commitment-detail": in_db(Commitment).get(classification=2).pk,
        "register:contribution-detail": in_db(Contribution).get(classification=2).pk,
        "register:spending-detail": in_db(DefenceSpending).get(classification=2).pk,
        "register:procurement-detail": in_db(Procurement).get(classification=2).pk,
        "register:document-detail": data["secret_doc"].pk,
    }
    for name, pk in hidden.items():
        assert as_viewer.get(reverse(name, args=[pk])).status_code == 404
        assert as_viewer.get(reverse(name, args=[987654])).status_code == 404
        history = name.replace("-detail", "-history")
        assert as_viewer.get(reverse(history, args=[pk])).status_code == 404


def test_every_record_page_and_its_history_renders(as_analyst, data):
    from ims.register.models import Agreement, Commitment, Contribution, DefenceSpending, Procurement

    services.agreement_create(kind="MoU", title="Afspraak", parties=["DE", "NL"])
    for name, model in (("commitment", Commitment), ("contribution", Contribution), ("spending", DefenceSpending),
                        ("procurement", Procurement), ("agreement", Agreement)):
        pk = in_db(model).order_by("pk").first().pk
        detail = soup(as_analyst.get(reverse(f"register:{name}-detail", args=[pk])))
        assert detail.select_one(".tabs a[aria-current=page]").get_text() == "Gegevens"
        history = soup(as_analyst.get(reverse(f"register:{name}-history", args=[pk])))
        assert history.select_one(".tabs a[aria-current=page]").get_text() == "Geschiedenis"
        assert "aangemaakt" in history.select_one(".history-entry").get_text()


def test_a_passage_cited_only_by_a_hidden_record_is_not_marked_for_the_viewer(as_analyst, as_viewer, data):
    letter = data["letter"]
    start = letter.text.index("Slotzin.")
    fragment = f"#passage-{start}-{start + len('Slotzin.')}"
    url = reverse("register:document-detail", args=[letter.pk])
    assert soup(as_analyst.get(url)).select_one(fragment) is not None
    seen = soup(as_viewer.get(url))
    assert seen.select_one(fragment) is None and len(seen.select("mark.passage")) == 3
    assert "GEHEIMWOORD" not in seen.get_text()
