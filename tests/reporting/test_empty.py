"""A year with no data, or a partner with nothing to report, gets a sentence saying so, never an empty heading."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from ims.register import services as reg
from ims.register.vocab import PartnerKind
from ims.reporting.builder import build_report
from ims.reporting.render import render

from .test_docx import body_order, open_docx

pytestmark = pytest.mark.django_db


def assert_no_empty_heading(order: list[tuple[str, str]]) -> None:
    """Every heading is followed by text or a table before the next heading of the same or a higher level."""
    for n, (kind, text) in enumerate(order):
        if kind in ("h1", "h2"):
            assert text
            following = order[n + 1] if n + 1 < len(order) else ("end", "")
            assert following[0] in ("p", "table") and (following[1] or following[0] == "table"), \
                f"heading {text!r} is followed by {following}"


def sentences(section: dict) -> str:
    return " ".join(s["text"] for b in section["blocks"] if b["kind"] == "p" for s in b["sentences"])


def test_a_year_without_data_says_so_in_every_part(small_register):
    data = build_report(year=1999, level=0)
    keys = [s["key"] for s in data["sections"]]
    assert keys == ["intro", "eu", "nato", "un", "commitments", "changes"]  # no partner had a ring in 1999
    by_key = {s["key"]: s for s in data["sections"]}
    assert "Over 1999 bevat het register geen gegevens" in sentences(by_key["intro"])
    for key, name in (("eu", "EU"), ("nato", "NAVO"), ("un", "VN")):
        assert f"in {name}-verband bevat het register voor 1999 geen nieuwe gegevens" in sentences(by_key[key])
    assert "geen toezegging" in sentences(by_key["commitments"])
    assert "geen initiatieven bijgekomen" in sentences(by_key["changes"])
    assert data["annex1"]["rows"] == [] and data["annex2"]["rows"] == []
    assert data["charts"] == {}

    order = body_order(open_docx(render(data, "docx")))
    assert_no_empty_heading(order)
    texts = [text for _, text in order]
    assert data["annex1"]["empty"] in texts and data["annex2"]["empty"] in texts

    soup = BeautifulSoup(render(data, "html"), "lxml")
    assert not soup.find_all("img")
    for heading in soup.select(".rapportage h2, .rapportage h3"):
        follower = heading.find_next_sibling()
        assert follower is not None and follower.name in ("p", "ul", "table", "section")
        assert follower.get_text(strip=True)


def test_a_partner_with_nothing_to_report_gets_a_sentence(small_register):
    reg.partner_upsert(code="LU", kind=PartnerKind.COUNTRY)
    reg.ring_assign(partner=reg.partner_for("LU"), ring="strategic", valid_from=dt.date(2019, 1, 1))
    data = build_report(year=2019, level=0)
    luxembourg = next(s for s in data["sections"] if s["key"] == "partner-LU")
    assert luxembourg["subsections"] == []
    assert "Over Luxemburg bevat het register voor 2019 geen nieuwe gegevens" in sentences(luxembourg)
    assert_no_empty_heading(body_order(open_docx(render(data, "docx"))))
