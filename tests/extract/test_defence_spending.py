"""defence_spending: budget figures per country, year and status."""

import pytest


def keyset(found: list[dict]) -> set[tuple]:
    return {(f["partner"], f["year"], f["amount"], f["currency"], f["pct_gdp"], f["status"]) for f in found}


def test_actual_budget_with_share_of_gdp(facts):
    text = "De Poolse defensie-uitgaven bedragen in 2030 €31,2 miljard (2,4% van het bbp)."
    assert keyset(facts(text, "defence_spending", "2030-12-01")) == {
        ("PL", 2030, 31_200_000_000, "EUR", 2.4, "actual")
    }
    # The same sentence in a letter of an earlier year states a plan.
    assert keyset(facts(text, "defence_spending", "2028-12-01")) == {
        ("PL", 2030, 31_200_000_000, "EUR", 2.4, "planned")
    }


def test_currency_written_first_counts_and_conversions_are_ignored(facts):
    text = (
        "De Canadese defensiebegroting bedraagt in 2028-2029 $30 miljard (ongeveer €27 miljard, 1,4% van het "
        "BBP) en stijgt in 2030 naar $33 miljard (ongeveer €30 miljard, 1,5% van het BBP)."
    )
    assert keyset(facts(text, "defence_spending", "2028-11-20")) == {
        ("CA", 2028, 30_000_000_000, "USD", 1.4, "actual"),
        ("CA", 2030, 33_000_000_000, "USD", 1.5, "planned"),
    }


def test_target_and_superseded_figures(facts):
    text = (
        "Volgens het Deense plan moeten de defensie-uitgaven tegen 2033 tot 2% van het BBP stijgen. "
        "Het voorstel verhoogt de defensie-uitgaven naar 1,6% (in plaats van 1,3% van het BBP) in 2031."
    )
    assert keyset(facts(text, "defence_spending")) == {
        ("DK", 2033, None, None, 2.0, "target"),
        ("DK", 2031, None, None, 1.6, "planned"),
    }


def test_norm_without_year(facts):
    text = "Het Verenigd Koninkrijk zal ten minste 2% van het BBP aan defensie blijven besteden."
    assert keyset(facts(text, "defence_spending")) == {("GB", None, None, None, 2.0, "target")}


def test_increments_and_investment_plans_are_not_budgets(facts):
    text = (
        "De Franse defensiebegroting groeit met €3 miljard. Frankrijk zal in de komende tien jaar "
        "€100 miljard aan defensie investeren in materieel."
    )
    assert facts(text, "defence_spending") == []


def test_a_growth_rate_is_no_share_and_a_rise_gives_the_year_before(facts):
    text = (
        "Volgens de cijfers verhoogt Portugal dit jaar zijn defensiebudget met 31,2 procent, goed voor een "
        "stijging van 1,4 naar 1,9 procent van het bbp."
    )
    assert keyset(facts(text, "defence_spending", "2026-06-10")) == {
        ("PT", 2026, None, None, 1.9, "actual"),
        ("PT", 2025, None, None, 1.4, "actual"),
    }


def test_a_figure_of_a_group_is_no_country_s_own(facts):
    text = "In totaal gaven de Europese NAVO-landen en Canada vorig jaar 2 procent van hun bbp uit aan defensie."
    assert facts(text, "defence_spending") == []


def test_a_bracket_after_a_country_is_its_figure_in_a_ranking_sentence(facts):
    text = (
        "De defensie-uitgaven als deel van het bbp lopen sterk uiteen. "
        "Bovenaan staan Estland (3,4 procent), Finland (2,4 procent) en Noorwegen (2,2 procent)."
    )
    assert keyset(facts(text, "defence_spending", "2024-07-01")) == {
        ("EE", 2024, None, None, 3.4, "actual"),
        ("FI", 2024, None, None, 2.4, "actual"),
        ("NO", 2024, None, None, 2.2, "actual"),
    }


def test_the_year_written_in_the_sentence_counts(facts):
    text = "Denemarken besteedde in 2021 1,3 procent van het bbp aan defensie."
    assert keyset(facts(text, "defence_spending", "2024-07-01")) == {("DK", 2021, None, None, 1.3, "actual")}


def test_annual_report_figures_are_of_the_year_before(facts):
    text = "Volgens het jaarverslag van de NAVO besteedde Italië 1,5 procent van het bbp aan defensie."
    assert keyset(facts(text, "defence_spending", "2024-03-14")) == {("IT", 2023, None, None, 1.5, "actual")}


def test_a_country_that_will_reach_the_norm_plans_it(facts):
    text = (
        "De bondgenoten spraken af ten minste 2 procent van hun bbp aan defensie te besteden. "
        "Pas in 2027 haalt Spanje de NAVO-norm."
    )
    # The alliance-wide norm ties no country to it; Spain's plan gets the norm's value.
    assert keyset(facts(text, "defence_spending", "2024-07-01")) == {("ES", 2027, None, None, 2.0, "planned")}


def test_a_norm_takes_its_year_from_the_sentence_that_takes_it_up(facts):
    text = (
        "Tsjechië blijft ver af van de nieuwe norm van 3,5 procent van het bbp. "
        "Die doelstelling moet tegen 2035 zijn gehaald."
    )
    assert keyset(facts(text, "defence_spending", "2025-09-01")) == {("CZ", 2035, None, None, 3.5, "target")}


def test_ons_land_follows_the_voice_of_the_text(facts):
    belgian = (
        "België investeert meer in defensie dan vroeger. Volgend jaar besteedt ons land 2,5 procent van het "
        "bbp aan defensie, zegt de Belgische minister."
    )
    assert keyset(facts(belgian, "defence_spending", "2026-01-05")) == {("BE", 2027, None, None, 2.5, "planned")}


def test_every_fact_names_its_rule(facts):
    text = "De Poolse defensie-uitgaven bedragen in 2030 €31,2 miljard (2,4% van het bbp)."
    assert [f["rule"] for f in facts(text, "defence_spending")] == ["spending.amount"]


def test_a_norm_that_says_its_value_and_a_group_named_after_the_figure(facts):
    text = "Frankrijk belooft in 2027 de tweeprocentsnorm te halen."
    assert keyset(facts(text, "defence_spending", "2024-07-01")) == {("FR", 2027, None, None, 2.0, "planned")}
    text = "Volgens de raming ging 2 procent van het bbp van de Europese NAVO-landen en Canada naar defensie."
    assert facts(text, "defence_spending") == []


def test_a_demand_on_the_allies_is_nobody_s_figure_and_a_sentence_may_take_a_figure_up(facts):
    text = "De Amerikaanse president eist dat alle bondgenoten 2 procent van hun bbp aan defensie uitgeven."
    assert facts(text, "defence_spending") == []
    text = (
        "Volgens de NAVO-cijfers gaf Slowakije in 2022 1,8 procent van het bbp uit aan defensie. "
        "Dit jaar is dat 2,0 procent."
    )
    assert keyset(facts(text, "defence_spending", "2023-07-01")) == {
        ("SK", 2022, None, None, 1.8, "actual"),
        ("SK", 2023, None, None, 2.0, "actual"),
    }


def test_a_time_that_opens_the_sentence_is_the_figure_s_year(facts):
    text = "Volgend jaar bedragen de Nederlandse defensie-uitgaven naar verwachting 2,2 procent van het bbp."
    assert keyset(facts(text, "defence_spending", "2025-06-13")) == {("NL", 2026, None, None, 2.2, "planned")}


def test_a_share_in_apposition_to_an_amount_is_the_same_figure(facts):
    text = "De Deense defensie-uitgaven bedragen in 2029 zo'n 6,1 miljard euro, ofwel 1,9 procent van het bbp."
    assert keyset(facts(text, "defence_spending", "2030-02-01")) == {
        ("DK", 2029, 6_100_000_000, "EUR", 1.9, "actual")
    }


def test_a_norm_held_against_a_figure_makes_it_no_target(facts):
    text = "Met een defensiebudget van 3,5 miljard euro zit Portugal nog ruim onder de NAVO-norm."
    assert keyset(facts(text, "defence_spending", "2030-02-01")) == {
        ("PT", 2030, 3_500_000_000, "EUR", None, "actual")
    }


def test_a_figure_the_allies_are_its_subject_of_is_nobodys_own(facts):
    text = (
        "De afspraak is dat bondgenoten ten minste 2 procent van hun bbp aan defensie uitgeven; Spanje blijft "
        "met 1,3 procent daar ver onder."
    )
    assert keyset(facts(text, "defence_spending", "2030-02-01")) == {("ES", 2030, None, None, 1.3, "actual")}


def test_a_plan_names_its_year_after_the_share_of_gdp(facts):
    text = "Italië wil zijn defensie-uitgaven stap voor stap verhogen naar 1,6 procent van het bbp in 2031."
    assert keyset(facts(text, "defence_spending", "2029-03-01")) == {("IT", 2031, None, None, 1.6, "planned")}


def test_money_set_aside_for_defence_is_a_budget(facts):
    text = "Canada trekt volgend jaar 41 miljard dollar uit voor defensie."
    assert keyset(facts(text, "defence_spending", "2029-03-01")) == {
        ("CA", 2030, 41_000_000_000, "USD", None, "planned")
    }


def test_a_plan_takes_the_year_its_clause_ends_with(facts):
    text = "De Noorse regering wil 2,1 procent van het bbp aan defensie besteden vanaf 2031."
    assert keyset(facts(text, "defence_spending", "2029-03-01")) == {("NO", 2031, None, None, 2.1, "planned")}


def test_a_rise_from_todays_share_gives_todays_figure_too(facts):
    text = "Het Spaanse defensiebudget groeit van 1,2 procent van het bbp nu naar 1,8 procent in 2032."
    assert keyset(facts(text, "defence_spending", "2029-03-01")) == {
        ("ES", 2029, None, None, 1.2, "actual"),
        ("ES", 2032, None, None, 1.8, "planned"),
    }


# The same figure written in other ways: the rule is the language's, not one text's.


@pytest.mark.parametrize(
    ("text", "pct"),
    [
        ("Finland besteedt twee procent van het bbp aan defensie.", 2.0),
        ("Finland besteedt anderhalf procent van het bbp aan defensie.", 1.5),
        ("Finland besteedt drieënhalf procent van het bbp aan defensie.", 3.5),
        ("Finland spends 2.4% of its GDP on defence.", 2.4),
    ],
)
def test_a_share_written_in_words_or_with_a_decimal_point(facts, text, pct):
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {("FI", 2031, None, None, pct, "actual")}


def test_a_share_held_against_the_nato_norm_is_a_share_of_gdp(facts):
    text = "Finland zit met 2,4 procent ruim boven de NAVO-norm."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {("FI", 2031, None, None, 2.4, "actual")}


def test_a_share_in_brackets_after_what_is_spent(facts):
    text = "De Finse defensie-uitgaven (2,4 procent van het bbp) liggen ruim boven het gemiddelde."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {("FI", 2031, None, None, 2.4, "actual")}


def test_over_a_year_dates_the_figure(facts):
    text = "Over 2030 kwamen de Finse defensie-uitgaven uit op 2,3 procent van het bbp."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {("FI", 2030, None, None, 2.3, "actual")}


def test_a_level_of_defence_spending_without_the_word_bbp(facts):
    text = "De Finse defensie-uitgaven stijgen van 2,3 procent in 2030 naar 2,6 procent in 2033."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {
        ("FI", 2030, None, None, 2.3, "actual"),
        ("FI", 2033, None, None, 2.6, "planned"),
    }
    text = "Volgens de president doet Finland, dat 2,3 procent uitgeeft aan defensie, genoeg."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {("FI", 2031, None, None, 2.3, "actual")}
    # A rate of change and a part of the budget are no shares of GDP.
    assert facts("De Finse defensie-uitgaven stijgen dit jaar 4 procent.", "defence_spending") == []
    assert facts("Ruim 20 procent van de Finse defensiebegroting gaat naar materieel.", "defence_spending") == []


def test_a_country_written_without_its_diaeresis(facts):
    text = "Belgie besteedde in 2030 1,3 procent van zijn bbp aan defensie."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {("BE", 2030, None, None, 1.3, "actual")}


@pytest.mark.parametrize(
    "text",
    [
        "Finland gaat voortaan jaarlijks 3 procent van zijn bbp aan defensie besteden.",
        "Finland zal zijn defensiebudget verhogen tot 3 procent van het bbp.",
        "De premier zei dat Finland structureel 3 procent van het bbp aan defensie wil uitgeven.",
    ],
)
def test_a_countrys_own_goal_without_a_year_is_a_target(facts, text):
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {("FI", None, None, None, 3.0, "target")}


def test_someone_elses_wish_for_a_country_is_no_goal_of_its_own(facts):
    assert facts("De president wil dat Finland 3 procent van het bbp aan defensie uitgeeft.", "defence_spending") == []
    assert facts("Finland steunt de verhoging naar 3 procent van het bbp.", "defence_spending") == []


def test_a_figure_taken_up_in_the_next_sentence_belongs_to_the_netherlands_too(facts):
    text = "In 2030 besteedde Nederland 1,4 procent van het bbp aan defensie. Dit jaar wordt dat 1,6 procent."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {
        ("NL", 2030, None, None, 1.4, "actual"),
        ("NL", 2031, None, None, 1.6, "actual"),
    }


def test_countries_own_brackets_held_against_the_norm_are_their_figures(facts):
    text = "Alleen Finland (2,4 procent) en Estland (2,9 procent) voldoen aan de NAVO-norm van 2 procent van het bbp."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {
        ("FI", 2031, None, None, 2.4, "actual"),
        ("EE", 2031, None, None, 2.9, "actual"),
    }


def test_the_year_of_a_heading_scopes_over_the_list_after_it(facts):
    text = "Defensie-uitgaven in procenten van het bbp in 2030:\n1. Finland 2,4%\n2. Estland 2,9%\n"
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {
        ("FI", 2030, None, None, 2.4, "actual"),
        ("EE", 2030, None, None, 2.9, "actual"),
    }


def test_gaan_is_the_future_only_with_a_verb_of_spending(facts):
    text = "Finland gaat 3 procent van het bbp aan defensie besteden."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {("FI", None, None, None, 3.0, "target")}
    text = "Finland gaat in 2033 3 procent van het bbp aan defensie besteden."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {("FI", 2033, None, None, 3.0, "planned")}
    # "gaat naar defensie" says where the money goes now.
    text = "In Finland gaat 2,4 procent van het bbp naar defensie."
    assert keyset(facts(text, "defence_spending", "2031-03-01")) == {("FI", 2031, None, None, 2.4, "actual")}


def test_the_year_before_an_enumeration_of_figures_holds_for_each(facts):
    text = (
        "Volgens de NAVO-cijfers besteedden in 2030 België 1,3%, Luxemburg 0,7% en Nederland 2,0% van hun bbp aan "
        "defensie."
    )
    assert keyset(facts(text, "defence_spending", "2031-06-10")) == {
        ("BE", 2030, None, None, 1.3, "actual"),
        ("LU", 2030, None, None, 0.7, "actual"),
        ("NL", 2030, None, None, 2.0, "actual"),
    }


def test_the_parts_of_a_goal_for_a_later_year_are_no_enumeration_of_figures(facts):
    text = (
        "Nederland steunt de afspraak om tegen 2035 vijf procent van het bbp te besteden, waarvan 3,5 procent aan "
        "militaire uitgaven en 1,5 procent aan infrastructuur."
    )
    assert all(f["pct_gdp"] != 1.5 for f in facts(text, "defence_spending", "2031-06-10"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Estland streeft ernaar in 2033 3 procent van het bbp aan defensie te besteden.",
            ("EE", 2033, None, None, 3.0, "planned"),
        ),
        (
            "De Deense regering heeft als doel de uitgaven in 2033 op 2,5 procent van het bbp te brengen.",
            ("DK", 2033, None, None, 2.5, "planned"),
        ),
    ],
)
def test_a_countrys_own_aim_for_a_later_year_is_its_plan(facts, text, expected):
    assert keyset(facts(text, "defence_spending", "2031-06-10")) == {expected}


def test_a_growth_path_a_country_aims_for_is_planned_beside_what_it_spends_now(facts):
    text = (
        "België besteedt nu 1,1 procent van het bbp aan defensie en streeft naar een groeipad tot 1,4 procent in "
        "2030."
    )
    assert keyset(facts(text, "defence_spending", "2027-06-10")) == {
        ("BE", 2027, None, None, 1.1, "actual"),
        ("BE", 2030, None, None, 1.4, "planned"),
    }


def test_an_aim_held_in_common_stays_a_target(facts):
    text = "Estland streeft, zoals alle bondgenoten, naar de norm van 3 procent van het bbp in 2033."
    assert {f["status"] for f in facts(text, "defence_spending", "2031-06-10")} <= {"target"}
