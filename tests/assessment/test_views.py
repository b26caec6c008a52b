"""The assessment pages: figures with their Dutch reasons, the comparison and its chart, the PDF, the
proposal form and its live fragment, the rings pages; clearance and roles respected on each."""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from ims import framework as fw
from ims.assessment import selectors, services
from ims.core.audit import AuditEntry
from ims.register.models import RingAssignment
from tests.db import in_db

from .conftest import NAVY_TITLE, SECRET_TITLE

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def dutch(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def expected_total(user, pk: int, scenario: str = "balanced") -> float:
    return fw.assess(selectors.proposal_for_initiative(user=user, pk=pk), fw.SCENARIOS[scenario]).total.value


def assert_csp_clean(html: str) -> None:
    """The policy allows no inline style or script: nothing a page sends may depend on them."""
    assert not re.search(r"<style[\s>]", html)
    assert not re.search(r"\sstyle\s*=", html)
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html)


def test_the_assessment_page_shows_the_weighted_total_and_every_reason(world, analyst, login):
    pk = world["navy"].pk
    response = login(analyst).get(reverse("assessment:initiative", args=[pk]))
    html = response.content.decode()
    assert response.status_code == 200
    total = expected_total(analyst, pk)
    assert f'data-total="{total:.3f}"' in html
    assert f">{dutch(total)}</p>" in html
    assert "Gewogen totaal" in html
    for reason in ("vult 80% van de resterende 100,0 punten", "Kansrijkheid", "Politiek-strategische afstand 0,50",
                   "Schil strategische partner", "beperkt de vrijheid van handelen", "de helft bij 10 fte"):
        assert reason in html
    # What the register lacked is said, not hidden.
    assert "geen partnercriteria vastgelegd" in html
    assert_csp_clean(html)


def test_another_scenario_changes_the_total(world, analyst, login):
    pk = world["navy"].pk
    url = reverse("assessment:initiative", args=[pk]) + "?scenario=international-instability"
    html = login(analyst).get(url).content.decode()
    total = expected_total(analyst, pk, "international-instability")
    assert total != pytest.approx(expected_total(analyst, pk))
    assert f'data-total="{total:.3f}"' in html


def test_the_comparison_ranks_against_not_cooperating_and_says_where_it_flips(world, analyst, login):
    pk = world["navy"].pk
    url = reverse("assessment:initiative", args=[pk]) + f"?compare={world['air'].pk}"
    html = login(analyst).get(url).content.decode()
    ranking = html.split('class="list ranking"')[1].split("</table>")[0]
    assert "Niet samenwerken" in ranking and NAVY_TITLE in ranking and "Luchtruimbewaking" in ranking
    assert "Waar de rangorde omslaat" in html
    assert "de volgorde keert nooit om" in html or "De volgorde keert om als het gewicht wordt" in html
    assert "<svg" in html and 'class="flipchart"' in html


def test_the_flip_chart_is_svg_with_lines_and_no_inline_style(world, analyst, login):
    pk = world["navy"].pk
    response = login(analyst).get(reverse("assessment:initiative-chart", args=[pk]) + f"?compare={world['air'].pk}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SVG}svg"
    lines = root.findall(f".//{SVG}line[@class='option']")
    # Three options (the initiative, the other one, "niet samenwerken"), one line each in three sweeps.
    assert len(lines) == 9
    assert {line.find(f"{SVG}title").text for line in lines} == {NAVY_TITLE, world["air"].title, "Niet samenwerken"}
    assert root.findall(f".//{SVG}style") == []
    assert all("style" not in element.attrib for element in root.iter())


def test_the_pdf_is_a_real_pdf_with_title_and_total_and_is_audited(world, analyst, login):
    pk = world["navy"].pk
    response = login(analyst).get(reverse("assessment:initiative-pdf", args=[pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert NAVY_TITLE in text
    assert dutch(expected_total(analyst, pk)) in text
    assert "Niet samenwerken" in text
    entry = AuditEntry.objects.get(action="download")
    assert (entry.actor_name, entry.object_type, entry.object_id) == ("analist", "register.initiative", str(pk))
    assert entry.changes["format"] == "pdf"


@pytest.mark.parametrize("name", ["assessment:initiative", "assessment:initiative-pdf", "assessment:initiative-chart"])
def test_a_classified_initiative_above_the_clearance_is_404_everywhere(world, viewer, login, name):
    response = login(viewer).get(reverse(name, args=[world["secret"].pk]))
    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode(errors="replace")
    assert not AuditEntry.objects.filter(action="download").exists()


def test_a_classified_initiative_is_shown_to_those_cleared(world, analyst, login):
    response = login(analyst).get(reverse("assessment:initiative", args=[world["secret"].pk]))
    assert response.status_code == 200 and SECRET_TITLE in response.content.decode()


def test_an_initiative_without_a_form_says_what_is_missing(world, analyst, login):
    html = login(analyst).get(reverse("assessment:initiative", args=[world["no_form"].pk])).content.decode()
    assert "Nog niet te beoordelen" in html and "Samenwerkingsvorm: verplicht veld ontbreekt." in html
    assert "Gewogen totaal" not in html
    response = login(analyst).get(reverse("assessment:initiative-pdf", args=[world["no_form"].pk]))
    assert response.status_code == 302


def test_what_if_starts_a_proposal_from_the_initiative(world, analyst, login):
    client = login(analyst)
    html = client.get(reverse("assessment:initiative", args=[world["navy"].pk])).content.decode()
    link = re.search(r'href="(/beoordeling/voorstel/\?[^"]+)"', html).group(1).replace("&amp;", "&")
    proposal = client.get(link).content.decode()
    assert f'value="{NAVY_TITLE}"' in proposal and "Gewogen totaal" in proposal
    assert '<option value="integrated_operational" selected>' in proposal


def test_a_bad_choice_keeps_the_valid_ones(world, analyst, login):
    url = reverse("assessment:initiative", args=[world["navy"].pk]) + "?scenario=international-instability&compare=x"
    html = login(analyst).get(url).content.decode()
    assert "Internationale instabiliteit" in html and "Gewogen totaal" in html


def test_the_initiative_page_links_to_the_assessment(world, analyst, login):
    html = login(analyst).get(reverse("register:initiative-detail", args=[world["navy"].pk])).content.decode()
    assert reverse("assessment:initiative", args=[world["navy"].pk]) in html


# --- the proposal form ----------------------------------------------------------------------------------------

PROPOSAL = {
    "title": "Gezamenlijke helikopteropleiding", "kind": "general", "form": "pooling", "origin": "bottom_up",
    "partners": ["BE"], "strength_military": "0.6", "result_military": "Meer gekwalificeerde vliegers",
    "strength_financial_economic": "0.4", "staff_fte": "2", "budget_eur_per_year": "500000",
    "milestones": "2", "scenario": "balanced",
}


def test_the_proposal_page_starts_empty_and_explains_what_to_fill_in(world, analyst, login):
    response = login(analyst).get(reverse("assessment:proposal"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nog geen beoordeling" in html and 'data-live-filter="#assessment-result"' in html
    assert "ims/assessment.js" in html
    assert_csp_clean(html)


def total_of(html: str) -> str:
    return re.search(r'data-total="([-0-9.]+)"', html).group(1)


def test_a_filled_in_proposal_is_assessed_beside_not_cooperating(world, analyst, login):
    client = login(analyst)
    html = client.get(reverse("assessment:proposal"), PROPOSAL).content.decode()
    assert "Gewogen totaal" in html and "Niet samenwerken" in html
    assert "Pooling (stap 2 van 6) beperkt de vrijheid van handelen met 20,0 punten" in html
    deeper = client.get(reverse("assessment:proposal"), {**PROPOSAL, "form": "integrated_operational"}).content
    assert "(stap 5 van 6) beperkt de vrijheid van handelen met 70,0 punten" in deeper.decode()
    assert_csp_clean(html)


def test_a_deep_form_with_a_distant_partner_costs_feasibility(world, analyst, login):
    services.criteria_record(partner=world["partners"]["CN"], distance=0.9, culture=0.1, synergy=0.1,
                             reason="Ver weg.", actor=analyst)
    client = login(analyst)
    distant = {**PROPOSAL, "partners": ["CN"]}
    shallow = client.get(reverse("assessment:proposal"), distant).content.decode()
    deep = client.get(reverse("assessment:proposal"), {**distant, "form": "integrated_operational"}).content.decode()
    assert float(total_of(deep)) < float(total_of(shallow))
    assert "Waarschuwing: geïntegreerde operationele samenwerking met China (CN)" in deep


def test_the_fragment_is_the_result_panel_only(world, analyst, login):
    response = login(analyst).get(reverse("assessment:proposal"), PROPOSAL,
                                  HTTP_X_REQUESTED_WITH="ims-assessment")
    html = response.content.decode()
    assert "Gewogen totaal" in html and "<html" not in html and "<form" not in html


def field_errors(html: str) -> dict[str, list[str]]:
    """The problems shown beside each field of the proposal form, by field name (groups as "group-...")."""
    page = BeautifulSoup(html, "lxml")
    form = page.select_one("form.proposal-form")
    shown: dict[str, list[str]] = {}
    for error in form.select("[data-field-error]"):
        holder = error.find_parent(class_="group-errors")
        if holder is not None:
            shown.setdefault(holder["id"], []).append(error.get_text(strip=True))
            continue
        control = error.find_parent(class_="field").select_one("input, select, textarea")
        shown.setdefault(control["name"], []).append(error.get_text(strip=True))
    return shown


def test_own_weights_must_not_all_be_zero_nor_negative(world, analyst, login):
    own = {**PROPOSAL, "scenario": "eigen-weging"}
    zero = {**own, "weight_political_strategic": "0", "weight_military": "0", "weight_financial_economic": "0"}
    html = login(analyst).get(reverse("assessment:proposal"), zero).content.decode()
    assert field_errors(html) == {"group-weights": ["Geef ten minste één gewicht boven nul."]}
    assert "Gewogen totaal" not in html
    negative = {**own, "weight_political_strategic": "1", "weight_military": "-2", "weight_financial_economic": "1"}
    html = login(analyst).get(reverse("assessment:proposal"), negative).content.decode()
    assert field_errors(html) == {"weight_military": ["Mag niet negatief zijn (is -2)."]}
    fine = {**own, "weight_political_strategic": "0", "weight_military": "1", "weight_financial_economic": "0"}
    html = login(analyst).get(reverse("assessment:proposal"), fine).content.decode()
    assert "Eigen weging" in html and "Gewogen totaal" in html


def test_every_problem_of_a_proposal_shows_at_once_at_its_field_in_plain_dutch(world, analyst, login):
    """The form's own checks (a number that is no number) and the framework's (a strength above 1, an end before
    the start) come in one round, each beside its field, and once more listed above the result."""
    wrong = {**PROPOSAL, "strength_military": "3", "strength_financial_economic": "veel", "milestones": "-1",
             "planned_start": "2025-01-01", "planned_end": "2024-01-01"}
    html = login(analyst).get(reverse("assessment:proposal"), wrong).content.decode()
    shown = field_errors(html)
    assert shown.keys() == {"strength_military", "strength_financial_economic", "milestones", "planned_end"}
    assert shown["strength_military"] == ["Moet tussen 0 en 1 liggen (is 3)."]
    assert shown["planned_end"] == ["Ligt vóór de geplande start."]
    summary = BeautifulSoup(html, "lxml").select(".error-summary li")
    assert [li["data-for"] for li in summary] == ["id_strength_military", "id_strength_financial_economic",
                                                  "id_planned_end", "id_milestones"]
    assert summary[0].get_text(" ", strip=True).startswith("Militair (effectiviteit) – Sterkte (0–1)")
    # No JSON path or field code reaches what the page says.
    text = BeautifulSoup(html, "lxml").get_text(" ")
    for developer_words in ("goals[", "timeline.", "planned_start", "strength"):
        assert developer_words not in text
    assert "Gewogen totaal" not in html


def test_no_goal_at_all_is_said_above_the_goals(world, analyst, login):
    no_goal = {**PROPOSAL, "strength_military": "", "strength_financial_economic": "0"}
    html = login(analyst).get(reverse("assessment:proposal"), no_goal).content.decode()
    assert field_errors(html) == {"group-goals": [
        "Geef ten minste één doel een sterkte boven nul: samenwerking dient altijd een doel."]}
    # A strength that is no number is that field's problem; "no goal" would only repeat it.
    unreadable = {**no_goal, "strength_military": "veel"}
    html = login(analyst).get(reverse("assessment:proposal"), unreadable).content.decode()
    assert list(field_errors(html)) == ["strength_military"]


def test_an_unknown_or_invisible_partner_is_named(world, viewer, login):
    unknown = login(viewer).get(reverse("assessment:proposal"), {**PROPOSAL, "partners": ["ZZ"]}).content.decode()
    assert "ZZ" in unknown and "Gewogen totaal" not in unknown


def test_the_proposal_pdf_and_chart(world, analyst, login):
    client = login(analyst)
    pdf = client.get(reverse("assessment:proposal-pdf"), PROPOSAL)
    assert pdf["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Gezamenlijke helikopteropleiding" in text
    assert AuditEntry.objects.get(action="download").object_type == "assessment.proposal"
    chart = client.get(reverse("assessment:proposal-chart"), PROPOSAL)
    assert ET.fromstring(chart.content).findall(f".//{SVG}circle")
    assert client.get(reverse("assessment:proposal-chart"), {"title": "x"}).status_code == 400


# Where the glossary's labels show: a category heading, a comparison column, a partner's ring and a chart
# panel title. The framework's reasons quote the Dutch labels in every language, so the checks look at markup.
VOCABULARY_MARKUP = {
    "en": ("<h3>Political-strategic:", '<th class="num">military (effectiveness)</th>',
           '<span class="ring ring-strategic">strategic partner</span>', ">Weight: military</text>"),
    "nl": ("<h3>Politiek-strategisch:", '<th class="num">militair (effectiviteit)</th>',
           '<span class="ring ring-strategic">strategische partner</span>', ">Gewicht militair</text>"),
}
PROPOSAL_MARKUP = {
    "en": ("<h3>Military (effectiveness)</h3>", '<label for="id_weight_military">military (effectiveness):</label>'),
    "nl": ("<h3>Militair (effectiviteit)</h3>", '<label for="id_weight_military">militair (effectiviteit):</label>'),
}


@pytest.mark.parametrize(("language", "other"), [("en", "nl"), ("nl", "en")])
def test_vocabulary_labels_follow_the_chosen_language(world, analyst, login, language, other):
    client = login(analyst)
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    proposal = client.get(reverse("assessment:proposal"), PROPOSAL).content.decode()
    initiative = client.get(reverse("assessment:initiative", args=[world["navy"].pk]),
                            {"compare": world["air"].pk}).content.decode()
    for html, markup in ((proposal, VOCABULARY_MARKUP[language] + PROPOSAL_MARKUP[language]),
                         (initiative, VOCABULARY_MARKUP[language])):
        for shown in markup:
            assert shown in html
    for html, markup in ((proposal, VOCABULARY_MARKUP[other] + PROPOSAL_MARKUP[other]),
                         (initiative, VOCABULARY_MARKUP[other])):
        for hidden in markup:
            assert hidden not in html


def test_the_pages_need_a_login(world, client):
    for url in (reverse("assessment:proposal"), reverse("assessment:initiative", args=[world["navy"].pk]),
                reverse("assessment:rings")):
        assert client.get(url).status_code == 302


# --- rings ------------------------------------------------------------------------------------------------

def test_the_divergence_filter_lists_exactly_the_divergent_partners(world, analyst, viewer, login):
    partners = world["partners"]
    services.criteria_record(partner=partners["BE"], distance=0.1, culture=0.9, synergy=0.8, reason="Buurland.",
                             actor=analyst)
    services.criteria_record(partner=partners["FR"], distance=0.7, culture=0.3, synergy=0.2, reason="Verder weg.",
                             actor=analyst)
    services.criteria_record(partner=partners["DE"], distance=0.1, culture=0.9, synergy=0.9, reason="Verweven.",
                             actor=analyst)

    def listed(user, query=""):
        html = login(user).get(reverse("assessment:rings") + query).content.decode()
        return re.findall(r'data-partner="([A-Z]+)"', html), html

    assert listed(analyst, "?afwijkend=1")[0] == ["DE", "FR"]
    assert listed(viewer, "?afwijkend=1")[0] == ["FR"]
    everyone, html = listed(analyst)
    assert everyone == ["BE", "DE", "FR"]
    assert "Voorgestelde schil: strategische partner" in html
    assert_csp_clean(html)


def test_the_partner_page_shows_the_bottom_up_count_the_user_may_see(world, analyst, viewer, login):
    url = reverse("assessment:partner-rings", args=["DE"])
    assert re.search(r"Concrete bottom-up doelen</dt><dd>3 ", login(analyst).get(url).content.decode())
    assert re.search(r"Concrete bottom-up doelen</dt><dd>0 ", login(viewer).get(url).content.decode())


def test_an_analyst_records_criteria_on_the_partner_page(world, analyst, login):
    url = reverse("assessment:partner-rings", args=["BE"])
    response = login(analyst).post(url, {
        "action": "criteria", "political_distance": "0.1", "culture_similarity": "0.9",
        "operational_synergy": "0.8", "valid_from": "2024-05-01", "reason": "Buurland.", "classification": "0",
    }, follow=True)
    html = response.content.decode()
    assert "Criteria vastgelegd" in html and "strategische partner" in html
    assert world["partners"]["BE"].ring_suggestions.get().ring == "strategic"
    # The analyst sees no ring form and may not post one.
    assert 'value="ring"' not in html
    refused = login(analyst).post(url, {"action": "ring", "ring": "affiliated", "valid_from": "2025-01-01",
                                        "reason": "Poging."})
    assert refused.status_code == 403
    assert in_db(RingAssignment).filter(partner=world["partners"]["BE"]).count() == 1


def test_a_bia_member_sets_the_ring_on_the_partner_page(world, bia, login):
    url = reverse("assessment:partner-rings", args=["FR"])
    today = timezone.localdate().isoformat()
    response = login(bia).post(url, {"action": "ring", "ring": "strategic", "valid_from": today,
                                     "reason": "Besluit BIA."}, follow=True)
    assert "Schil vastgesteld" in response.content.decode()
    assert in_db(RingAssignment).filter(partner=world["partners"]["FR"], valid_to__isnull=True).get().ring == (
        "strategic")
    again = login(bia).post(url, {"action": "ring", "ring": "affiliated", "valid_from": today,
                                  "reason": "Nog een keer."}, follow=True)
    assert "begint al een schilindeling" in again.content.decode()


def test_a_backdated_ring_decision_says_what_it_changes_and_waits_for_confirmation(world, bia, login):
    url = reverse("assessment:partner-rings", args=["CN"])
    decision = {"action": "ring", "ring": "strategic", "valid_from": "2015-01-01", "reason": "Terug in de tijd."}
    client = login(bia)
    page = BeautifulSoup(client.post(url, decision).content, "lxml")
    confirm = page.select_one("section.confirm")
    text = confirm.get_text(" ", strip=True)
    assert "China wordt strategische partner vanaf 1 januari 2015" in text
    assert "was de partner niet in een schil ingedeeld" in text
    assert f"De jaarrapportages over 2015 tot en met {timezone.localdate().year} noemen de partner daardoor als " \
           "strategische partner" in text
    assert not in_db(RingAssignment).filter(partner=world["partners"]["CN"]).exists()
    # The confirmation sends the same decision once more, confirmed.
    form = confirm.select_one("form")
    sent = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert sent["confirmed"] == "on" and sent["valid_from"] == "2015-01-01"
    response = client.post(url, sent, follow=True)
    assert "Schil vastgesteld: strategische partner vanaf 1 januari 2015." in response.content.decode()
    assert in_db(RingAssignment).filter(partner=world["partners"]["CN"]).get().valid_from == dt.date(2015, 1, 1)


def test_the_rings_pages_say_who_may_do_what_as_the_permissions_matrix_does(world, viewer, analyst, login):
    sentence = "Criteria vastleggen mag een beleidsmedewerker, BIA-lid en beheerder; de schil vaststellen een " \
               "BIA-lid en beheerder."
    for user in (viewer, analyst):
        for url in (reverse("assessment:rings"), reverse("assessment:partner-rings", args=["FR"])):
            text = BeautifulSoup(login(user).get(url).content, "lxml").get_text(" ", strip=True)
            assert sentence in " ".join(text.split())


def test_a_viewer_may_not_post_criteria_and_an_invisible_partner_is_404(world, viewer, login):
    client = login(viewer)
    response = client.post(reverse("assessment:partner-rings", args=["BE"]), {"action": "criteria"})
    assert response.status_code == 403
    assert client.get(reverse("assessment:partner-rings", args=["XX"])).status_code == 404


# --- scenarios --------------------------------------------------------------------------------------------

def test_an_analyst_adds_a_scenario_and_bad_weights_are_refused(world, analyst, viewer, login):
    url = reverse("assessment:scenarios")
    data = {"name": "crisis", "label_nl": "Crisis", "date": "2024-01-01", "weight_political_strategic": "0",
            "weight_military": "0", "weight_financial_economic": "0", "classification": "0"}
    html = login(analyst).post(url, data).content.decode()
    assert "de gewichten mogen niet allemaal nul zijn" in html
    response = login(analyst).post(url, {**data, "weight_military": "2"}, follow=True)
    assert "Scenario ‘crisis’ toegevoegd" in response.content.decode()
    assert login(viewer).post(url, {**data, "name": "kijker", "weight_military": "2"}).status_code == 403
    assert "crisis" in login(viewer).get(reverse("assessment:proposal")).content.decode()
