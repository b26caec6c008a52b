"""defence_spending: budget figures per country, year and status."""


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
