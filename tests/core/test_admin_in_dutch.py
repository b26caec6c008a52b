"""The admin carries IMS's name and speaks Dutch, third-party screens included; no select shows "---------"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from ims.accounts.services import user_create
from ims.core.apps import AxesConfig, CoreConfig
from ims.register import services as register
from ims.register.forms import InitiativeEditForm
from ims.reporting.models import ReportVersion
from ims.reporting.services import report_finalise
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return user_create(username="beheerder", password="beheerder-wachtwoord-1", role="administrator", clearance=3)


def test_the_admin_is_ims_beheer_with_dutch_names_for_every_app(administrator, login):
    client = login(administrator)
    page = BeautifulSoup(client.get(reverse("admin:index")).content, "lxml")
    assert page.select_one("#site-name").get_text(strip=True) == "IMS-beheer"
    assert "IMS-beheer" in page.title.get_text() and "Django" not in page.get_text()
    text = page.get_text(" ")
    assert "Aanmeldbeveiliging" in text and "Aanmeldpogingen" in text and "Mislukte aanmeldingen" in text
    for english in ("Axes", "Access attempts", "Access failures", "Access logs"):
        assert english not in text
    # The column headers of each app's table, which only a screen reader reads out (Django has no Dutch for them).
    headers = [th.get_text(strip=True) for th in page.select("table thead th")]
    assert headers and set(headers) == {"Soort gegevens", "Toevoegen", "Wijzigen of bekijken"}
    # The admin's own stylesheet: IMS's colours.
    assert page.select_one("link[href$='ims/admin.css']") is not None


def test_a_third_party_screen_in_the_admin_is_dutch(administrator, login):
    page = BeautifulSoup(login(administrator).get(reverse("admin:axes_accessattempt_changelist")).content, "lxml")
    text = page.get_text(" ")
    assert "Aanmeldpoging" in text and "Access attempt" not in text


def test_empty_selects_say_so_in_dutch_in_forms_and_the_admin(administrator, login):
    initiative = InitiativeFactory(form="", origin="")
    with translation.override("nl"):
        rendered = str(InitiativeEditForm(instance=initiative, user=administrator)["form"])
    assert "(geen keuze)" in rendered and "---------" not in rendered
    for url in (reverse("admin:register_initiative_add"), reverse("admin:register_initiative_changelist")):
        body = login(administrator).get(url).content.decode()
        assert "---------" not in body and "(geen keuze)" in body


def test_ims_core_keeps_its_own_app_config_beside_the_dutch_named_axes():
    """Two AppConfigs in one module leave Django unsure which is ims.core's, and then the audit receivers that
    CoreConfig.ready connects would not be: each app must have its own config."""
    assert type(apps.get_app_config("core")) is CoreConfig
    assert type(apps.get_app_config("axes")) is AxesConfig
    assert str(apps.get_app_config("axes").verbose_name) == "Aanmeldbeveiliging"


@pytest.mark.parametrize("url", ["admin:auth_group_add", "admin:accounts_user_change"])
def test_permissions_are_named_in_dutch_not_as_django_stores_them(administrator, login, url):
    # Django stores "Can change gebruiker" in the database; the admin's permission pickers say it in Dutch.
    args = [administrator.pk] if url.endswith("_change") else []
    page = BeautifulSoup(login(administrator).get(reverse(url, args=args)).content, "lxml")
    options = [o.get_text() for o in page.select("select[name$=permissions] option")]
    assert "Gebruikers | gebruiker | wijzigen" in options
    assert not [o for o in options if o.split(" | ")[-1].startswith("Can ")]


def test_a_report_version_in_the_admin_links_to_its_page_instead_of_its_coded_data(administrator, login):
    version = report_finalise(year=2019, classification=0, reference="BS-1", actor=administrator)
    page = BeautifulSoup(login(administrator).get(reverse("admin:reporting_reportversion_change",
                                                          args=[version.pk])).content, "lxml")
    assert page.select_one(f"a[href='{reverse('reporting:version', args=[version.pk])}']") is not None
    assert '"schema"' not in page.get_text() and ReportVersion.objects.for_user(administrator).count() == 1



def test_records_are_named_with_dutch_dates_and_amounts_where_the_admin_shows_their_names(db):
    partner = register.partner_upsert(code="DK", kind="country", name_nl="Denemarken", name_en="Denmark")
    with translation.override("nl"):
        period = register.ring_assign(partner=partner, ring="strategic", valid_from=dt.date(2015, 1, 1))
        assert str(period) == "Denemarken: strategische partner (1 januari 2015–)"
        made = register.initiative_create(title="Brigade", participants=[("DK", "lead")],
                                          budgets={2019: Decimal("100000")})
        assert str(made.budgets.get()) == "2019: € 100.000,00"


def test_an_earlier_version_in_the_admin_is_named_after_its_record_and_no_field_label_is_english(administrator, login):
    client = login(administrator)
    initiative = InitiativeFactory()
    earlier = initiative.history.first()
    pages = (reverse("admin:register_initiative_simple_history", args=[initiative.pk, earlier.history_id]),
             reverse("admin:register_initiative_change", args=[initiative.pk]))
    for url in pages:
        text = BeautifulSoup(client.get(url).content, "lxml").get_text(" ")
        assert "Historical" not in text and "Base version" not in text, url
    crumbs = BeautifulSoup(client.get(pages[0]).content, "lxml").select_one(".breadcrumbs").get_text(" ", strip=True)
    assert "Initiatieven" in crumbs
    assert crumbs.split()[-2:] in (["initiatief", "bekijken"], ["initiatief", "terugzetten"])


def history_models() -> list:
    """Every history model simple-history made for a model of IMS."""
    return sorted((m for m in apps.get_models() if m.__module__.startswith("ims.") and hasattr(m, "instance_type")),
                  key=lambda m: m._meta.label)


def test_every_history_model_has_a_dutch_name_derived_from_its_records():
    found = history_models()
    assert len(found) >= 20 and {m.instance_type._meta.label for m in found} >= {
        "register.Initiative", "register.Milestone", "monitoring.Activity", "monitoring.PlanGoal"}
    for model in found:
        record = model.instance_type._meta
        with translation.override("nl"):
            assert (str(model._meta.verbose_name), str(model._meta.verbose_name_plural)) == (
                f"eerdere versie van {record.verbose_name}", f"eerdere versies van {record.verbose_name}"), model
        with translation.override("en"):
            assert str(model._meta.verbose_name) == f"earlier version of {record.verbose_name}", model
