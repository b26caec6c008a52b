"""A ring is decided on the rings page only, which asks before a decision rewrites a year already reported on;
the admin shows ring periods but cannot add, move or remove one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ims.accounts.services import user_create
from ims.register import services as register

pytestmark = pytest.mark.django_db


def test_ring_periods_are_read_only_in_the_admin_so_no_decision_is_backdated_without_a_word(login):
    administrator = user_create(username="beheerder", password="beheerder-wachtwoord-1", role="administrator",
                                clearance=3)
    partner = register.partner_upsert(code="DK", kind="country")
    period = register.ring_assign(partner=partner, ring="strategic", valid_from=dt.date(2019, 1, 1))
    client = login(administrator)
    assert client.get(reverse("admin:register_ringassignment_add")).status_code == 403
    change = reverse("admin:register_ringassignment_change", args=[period.pk])
    assert client.get(change).status_code == 200
    client.post(change, {"partner": partner.pk, "ring": "strategic", "valid_from": "2015-01-01",
                         "classification": 0})
    assert client.post(reverse("admin:register_ringassignment_delete", args=[period.pk]),
                       {"post": "yes"}).status_code == 403
    stored = type(period).objects.unrestricted().get(pk=period.pk)
    assert stored.valid_from == dt.date(2019, 1, 1)
