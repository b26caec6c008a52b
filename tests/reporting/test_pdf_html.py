"""PDF: every page carries "Pagina N van M" and the classification. HTML: every image the report references
resolves to an image, and every footnote link points at an existing anchor or page."""

from __future__ import annotations

import base64
import io
import re

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from PIL import Image

from ims.reporting.builder import build_report
from ims.reporting.render import render

from .conftest import pdf_pages

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("level,label", [(0, "Ongerubriceerd"), (2, "Stg. Confidentieel")])
def test_every_pdf_page_has_its_number_and_the_classification(small_register, level, label):
    pages = pdf_pages(render(build_report(year=2019, level=level), "pdf"))
    assert len(pages) >= 2
    for n, text in enumerate(pages, start=1):
        assert f"Pagina {n} van {len(pages)}" in text
        assert label in text
    assert "Kamerstuk 35 000 X, nr. 12" in " ".join(pages)  # the sources are footnotes on the page


def check_image(src: str, client) -> None:
    """A data: URI must decode to an image; any other address must answer 200 with an image type."""
    if src.startswith("data:"):
        header, payload = src.split(",", 1)
        content = base64.b64decode(payload)
        if header.startswith("data:image/svg+xml"):
            assert etree.fromstring(content).tag == "{http://www.w3.org/2000/svg}svg"
        else:
            assert header.startswith("data:image/png")
            Image.open(io.BytesIO(content)).verify()
    else:
        response = client.get(src)
        assert response.status_code == 200 and response["Content-Type"].startswith("image/")


def check_links(soup: BeautifulSoup, client) -> int:
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    checked = 0
    for link in soup.select(".rapportage a[href]"):
        href = link["href"]
        if href.startswith("#"):
            assert href[1:] in ids, f"no anchor {href}"
        else:
            path, _, fragment = href.partition("#")
            response = client.get(path)
            assert response.status_code == 200, href
            assert not fragment or f'id="{fragment}"' in response.content.decode()
        checked += 1
    return checked


def test_html_file_images_and_footnote_links_resolve(small_register, analyst, login):
    client = login(analyst)
    soup = BeautifulSoup(render(build_report(year=2019, level=0), "html"), "lxml")
    images = soup.find_all("img")
    assert {img.find_parent("figure")["class"][1] for img in images} == {"figuur-spending", "figuur-forms",
                                                                         "figuur-rings"}
    for img in images:
        check_image(img["src"], client)
    refs = soup.select("sup.fn-ref a")
    assert refs and all(re.fullmatch(r"#bron-\d+", a["href"]) for a in refs)
    assert check_links(soup, client) > len(refs)  # the references and the source list's links
    source = soup.select_one("#bronnen li a")
    assert source.text.startswith("Kamerstuk 35 000 X, nr. 12")


def test_preview_page_follows_the_content_security_policy(small_register, analyst, login):
    client = login(analyst)
    response = client.get("/rapportage/?year=2019&classification=0")
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    soup = BeautifulSoup(response.content, "lxml")
    assert not soup.find_all("style"), "no <style> blocks under the policy"
    assert not soup.find_all(style=True), "no style attributes under the policy"
    assert all(script.get("src") for script in soup.find_all("script")), "no inline scripts"
    assert any(link.get("href", "").endswith("report.css") for link in soup.find_all("link"))
    for img in soup.select(".rapportage img"):
        check_image(img["src"], client)
    check_links(soup, client)
    assert soup.select_one(".rapportage h2").text == "Inleiding"
