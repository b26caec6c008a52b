"""The user guide in the repository is a page of IMS, linked from the header of every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_guide_is_rendered_from_the_markdown_in_docs(viewer, login):
    source = Path(settings.IMS_USER_GUIDE)
    assert source.name == "gebruikershandleiding.md" and source.is_file()
    page = BeautifulSoup(login(viewer).get(reverse("guide")).content, "lxml")
    guide = page.select_one("article.guide")
    first_heading = next(line for line in source.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    assert guide.select_one("h1").get_text() == first_heading[2:]
    assert guide.select("table th")[0].get_text() == "rol"  # the roles table, as a table
    assert guide.select_one("h2")["id"]  # headings can be linked to


def test_every_page_links_to_the_guide_from_its_header(viewer, login):
    page = BeautifulSoup(login(viewer).get(reverse("register:initiative-list")).content, "lxml")
    assert page.select_one(f"header.masthead a[href='{reverse('guide')}']").get_text() == "Handleiding"


def test_the_guide_asks_for_a_login_like_every_page(client):
    response = client.get(reverse("guide"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_without_the_guide_file_the_page_says_so(viewer, login, settings, tmp_path):
    settings.IMS_USER_GUIDE = tmp_path / "ontbreekt.md"
    response = login(viewer).get(reverse("guide"))
    assert response.status_code == 404 and "niet meegeleverd" in response.content.decode()
