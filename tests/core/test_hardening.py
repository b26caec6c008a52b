"""Passwords are hashed with Argon2, logins are throttled, and every page carries a strict CSP."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.hashers import make_password
from django.test import override_settings
from django.urls import reverse

from ims.accounts.services import user_create
from ims.core.audit import AuditEntry

pytestmark = pytest.mark.django_db


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_passwords_are_hashed_with_argon2():
    user = user_create(username="a", password="lang-en-sterk-wachtwoord", role="viewer", clearance="unclassified")
    assert user.password.startswith("argon2$")
    assert make_password("x").startswith("argon2$")


def test_login_is_refused_after_five_failures_even_with_the_right_password(client, make_user):
    make_user(username="doelwit", password="het-juiste-wachtwoord")
    for _ in range(5):
        client.post(reverse("login"), {"username": "doelwit", "password": "fout"}, REMOTE_ADDR="10.0.0.7")
    response = client.post(reverse("login"), {"username": "doelwit", "password": "het-juiste-wachtwoord"},
                           REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 429
    assert "Te veel mislukte aanmeldpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="login_failed").count() >= 5


def test_every_page_has_a_csp_without_unsafe_inline(analyst, login, client):
    for url in (reverse("login"), reverse("register:initiative-list"), reverse("register:partner-list")):
        response = (client if url == reverse("login") else login(analyst)).get(url)
        policy = response["Content-Security-Policy"]
        assert "unsafe-inline" not in policy and "script-src 'self'" in policy and "style-src 'self'" in policy


def test_pages_have_no_inline_script_or_style(analyst, login):
    import datetime as dt

    from ims.register.services import ring_assign
    from tests.factories import PartnerFactory

    ring_assign(partner=PartnerFactory(code="DE"), ring="strategic", valid_from=dt.date(2019, 1, 1))
    client = login(analyst)
    for url in (reverse("register:initiative-list"), reverse("register:partner-detail", args=["DE"])):
        body = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body), url
        assert " style=" not in body and "<style" not in body, url


def test_an_idle_session_lapses_and_an_active_one_is_renewed(settings, analyst, login):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    client = login(analyst)
    url = reverse("register:initiative-list")
    assert client.get(url).status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    renewed_until = session.expire_date
    assert abs((renewed_until - timezone.now()).total_seconds() - settings.SESSION_COOKIE_AGE) < 60

    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_reading_pages_renews_the_session_at_most_once_a_minute(settings, analyst, login):
    """Each page renewing the idle timeout would write the session row on every read; within the renewal interval
    the row is left alone, and the first request after it moves the expiry on."""
    import datetime as dt

    import time_machine
    from django.contrib.sessions.models import Session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("register:initiative-list")
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        client = login(analyst)
        assert client.get(url).status_code == 200
    key = client.session.session_key
    renewed = Session.objects.get(session_key=key).expire_date
    assert renewed == start + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)

    within = start + dt.timedelta(seconds=settings.IMS_SESSION_RENEW_SECONDS - 1)
    with time_machine.travel(within, tick=False), CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [q for q in queries.captured_queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]
    assert Session.objects.get(session_key=key).expire_date == renewed

    after = start + dt.timedelta(seconds=settings.IMS_SESSION_RENEW_SECONDS)
    with time_machine.travel(after, tick=False):
        assert client.get(url).status_code == 200
    assert Session.objects.get(session_key=key).expire_date == after + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
