"""A record classified Stg. Confidentieel never reaches a lower report, in any format; at its own level it does."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from ims.core.classification import Classification
from ims.reporting.builder import build_report
from ims.reporting.render import render

from .conftest import SECRET_WORDS, docx_text, pdf_pages

pytestmark = pytest.mark.django_db


def texts(level: int) -> dict[str, str]:
    data = build_report(year=2019, level=level)
    return {
        "data": json.dumps(data, ensure_ascii=False),
        "docx": docx_text(render(data, "docx")),
        "pdf": " ".join(pdf_pages(render(data, "pdf"))),
        "html": BeautifulSoup(render(data, "html"), "lxml").get_text(" "),
        "md": render(data, "md").decode("utf-8"),
    }


def test_confidential_records_stay_out_of_an_unclassified_report(small_register):
    found = texts(int(Classification.UNCLASSIFIED))
    for fmt, text in found.items():
        for word in SECRET_WORDS:
            assert word not in text, f"{word!r} leaked into the {fmt} report"
        # Nor the classified document's reference, through a citation.
        assert "DGB-2019-777" not in text
        assert "Gezamenlijke marinestaf" in text  # and the open records are there


def test_they_are_in_a_report_at_their_own_level(small_register):
    found = texts(int(Classification.CONFIDENTIAL))
    for fmt, text in found.items():
        for word in SECRET_WORDS:
            assert word in text, f"{word!r} missing from the confidential {fmt} report"


def test_a_departmental_confidential_report_still_leaves_them_out(small_register):
    data = build_report(year=2019, level=int(Classification.DEPARTMENTAL_CONFIDENTIAL))
    text = json.dumps(data, ensure_ascii=False)
    assert not any(word in text for word in SECRET_WORDS)
    assert data["classification_label"] == "Departementaal Vertrouwelijk"
