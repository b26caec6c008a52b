"""Dutch numbers, money and percentages."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ims.text.numbers import (
    NumberError,
    as_json_number,
    find_amounts,
    find_cardinals,
    find_percentages,
    parse_amount,
    parse_number,
    word_to_int,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("270", 270),
        ("4,9", Decimal("4.9")),
        ("1.250", 1250),
        ("1.250,5", Decimal("1250.5")),
        ("3,2 miljard", 3_200_000_000),
        ("12 mln", 12_000_000),
        ("negen", 9),
        ("duizend", 1000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("een", 1),
        ("twaalf", 12),
        ("vijfentwintig", 25),
        ("tweeëntwintig", 22),
        ("honderd", 100),
        ("driehonderdveertig", 340),
        ("tweeduizend", 2000),
        ("zeventig", 70),
    ],
)
def test_number_words(word, value):
    assert word_to_int(word) == value


def test_amounts_in_units_with_the_currency_written_first():
    text = "De begroting bedraagt £12,5 miljard (ongeveer €14,6 miljard) en daarnaast 300 miljoen euro."
    amounts = find_amounts(text)
    assert [(as_json_number(a.value), a.currency, a.approximate) for a in amounts] == [
        (12_500_000_000, "GBP", False),
        (14_600_000_000, "EUR", True),
        (300_000_000, "EUR", False),
    ]
    assert text[amounts[0].start : amounts[0].end] == "£12,5 miljard"
    assert parse_amount("$ 7 miljard").currency == "USD"


def test_percentages():
    found = find_percentages("van 1,4% naar 2 procent van het bbp")
    assert [p.value for p in found] == [Decimal("1.4"), Decimal("2")]


def test_cardinals_in_digits_and_words_but_not_in_designators():
    text = "ongeveer 450 militairen, twaalf extra NH-90's en vijfentwintig voertuigen"
    found = find_cardinals(text)
    assert [c.value for c in found] == [450, 12, 25]
    assert found[0].approximate and not found[1].approximate


def test_as_json_number_gives_plain_numbers():
    assert as_json_number(Decimal("4.9") * 10**9) == 4_900_000_000
    assert isinstance(as_json_number(Decimal("4.9") * 10**9), int)
    assert as_json_number(Decimal("0.95")) == 0.95
    assert as_json_number(None) is None


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "honderdhonderd", "x miljard", "4 appels"])
def test_not_numbers(text):
    with pytest.raises(NumberError):
        parse_number(text)


@given(st.text(max_size=60))
def test_parsing_raises_only_number_error(text):
    for parse in (parse_number, parse_amount, word_to_int):
        with contextlib.suppress(NumberError):
            parse(text)


@given(st.text(max_size=200))
def test_finding_numbers_never_fails(text):
    for found in (*find_amounts(text), *find_percentages(text), *find_cardinals(text)):
        assert 0 <= found.start < found.end <= len(text)
