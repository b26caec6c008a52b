"""The weekly digest (its text, clearance, the command) and the iCalendar feed (parsed back with icalendar,
revocable, clearance)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from icalendar import Calendar

from ims.monitoring import feed
from ims.register import services as register

D = dt.date
ON = dt.datetime(2020, 2, 1, 9, tzinfo=dt.UTC)


@pytest.fixture
def owned(plans, make_user):
    owner = plans.owner  # a BIA member at clearance 0
    owner.email, owner.first_name, owner.last_name = "eigenaar@example.org", "Anne", "de Boer"
    owner.save()
    register.milestone_create(plan=plans.plan, owner=owner, title="Oefening Cold Response", due_on=D(2020, 1, 10))
    register.milestone_create(plan=plans.plan, owner=owner, title="Staf geïntegreerd", due_on=D(2020, 3, 1))
    register.milestone_create(plan=plans.plan, owner=owner, title="Ver weg", due_on=D(2020, 12, 1))
    register.milestone_create(plan=plans.plan, owner=owner, title="Al gereed", due_on=D(2019, 12, 1), status="done",
                              done_on=D(2019, 12, 1))
    # Owned while the owner was cleared for it, then the owner's clearance was lowered: no longer in the owner's
    # digest or feed.
    cleared, owner.clearance = owner.clearance, 3
    owner.save()
    register.milestone_create(plan=plans.plan, owner=owner, title="Later gerubriceerd", due_on=D(2020, 1, 5),
                              classification=3)
    owner.clearance = cleared
    owner.save()
    other = make_user("analyst", 3, username="ander", email="ander@example.org")
    register.milestone_create(plan=plans.plan, owner=other, title="Van een ander", due_on=D(2020, 1, 20))
    return owner


def test_the_digest_text_lists_late_then_upcoming(owned):
    out = io.StringIO()
    with time_machine.travel(ON, tick=False):
        call_command("digest", "--dry-run", "--user", "eigenaar", stdout=out)
    text = out.getvalue()
    assert "== eigenaar: niet verstuurd (proefdraai)" in text
    assert "Onderwerp: IMS: 1 mijlpalen te laat, 1 binnenkort" in text
    assert "Beste Anne de Boer," in text
    late, soon = text.index("Te laat (oudste eerst):"), text.index("Binnenkort (de komende 90 dagen):")
    assert late < text.index("Oefening Cold Response") < soon < text.index("Staf geïntegreerd")
    for absent in ("Ver weg", "Al gereed", "Later gerubriceerd", "Van een ander"):
        assert absent not in text
    assert not mail.outbox


def test_the_digest_is_sent_by_the_email_backend(owned):
    with time_machine.travel(ON, tick=False):
        call_command("digest", stdout=io.StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == ["ander@example.org", "eigenaar@example.org"]
    mine = next(m for m in mail.outbox if m.to == ["eigenaar@example.org"])
    assert mine.subject == "IMS: 1 mijlpalen te laat, 1 binnenkort"
    assert "Later gerubriceerd" not in mine.body


def test_the_digest_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="Onbekende of inactieve gebruiker"):
        call_command("digest", "--user", "niemand")


def test_the_feed_parses_as_icalendar_and_can_be_revoked(owned, client):
    secret = feed.feed_issue(user=owned)
    url = reverse("monitoring:calendar-feed", args=[secret])
    response = client.get(url)  # no login: the secret is the key
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Mijlpaal: Oefening Cold Response", "Mijlpaal: Staf geïntegreerd", "Mijlpaal: Ver weg"}
    first = events["Mijlpaal: Oefening Cold Response"]
    assert first.decoded("dtstart") == D(2020, 1, 10)
    assert first.decoded("dtend") == D(2020, 1, 11)
    assert str(first["uid"]).startswith("ims-mijlpaal-")
    newer = feed.feed_issue(user=owned)
    assert client.get(url).status_code == 404  # the old address stopped working
    assert client.get(reverse("monitoring:calendar-feed", args=[newer])).status_code == 200
    feed.feed_revoke(user=owned)
    assert client.get(reverse("monitoring:calendar-feed", args=[newer])).status_code == 404


def test_the_feed_page_issues_and_revokes(owned, client):
    client.force_login(owned)
    page = client.post(reverse("monitoring:calendar"), {"feed": "issue"}).content.decode()
    address = page.split('readonly value="')[1].split('"')[0]
    assert client.get(address).status_code == 200
    client.post(reverse("monitoring:calendar"), {"feed": "revoke"})
    assert client.get(address).status_code == 404


def test_an_inactive_users_feed_is_gone(owned, client):
    secret = feed.feed_issue(user=owned)
    owned.is_active = False
    owned.save()
    assert client.get(reverse("monitoring:calendar-feed", args=[secret])).status_code == 404
