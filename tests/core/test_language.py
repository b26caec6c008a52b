"""The interface is Dutch by default, whatever the browser asks; English when the user chooses it."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dutch_even_for_an_english_browser(analyst, login):
    response = login(analyst).get(reverse("register:partner-list"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Content-Language"] == "nl"
    assert "<h1>Partners</h1>" in response.content.decode()
    assert "Schil" in response.content.decode()


def test_english_after_choosing_it(analyst, login):
    client = login(analyst)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/initiatieven/"})
    assert response.status_code == 302
    page = client.get(reverse("register:initiative-list")).content.decode()
    assert "<h1>Initiatives</h1>" in page
    assert "Form of cooperation" in page


def test_an_unknown_language_cookie_falls_back_to_dutch(analyst, login, settings):
    client = login(analyst)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert client.get(reverse("register:initiative-list"))["Content-Language"] == "nl"
