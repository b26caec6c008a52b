"""Dutch numbers, money and percentages."""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ims.text.numbers import (
    _AMOUNT,
    _INTEGER,
    _NUMBER_ENDINGS,
    _NUMBER_WORD,
    _PERCENT,
    NumberError,
    _amounts,
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


def test_percentages_in_words_and_with_an_english_decimal_point():
    text = "eerst twee procent, dan anderhalf procent, toen tweeënhalf procent, een half procent en 1.75%"
    assert [p.value for p in find_percentages(text)] == [
        Decimal("2"), Decimal("1.5"), Decimal("2.5"), Decimal("0.5"), Decimal("1.75")
    ]
    # "een" alone is the article, and a point before three digits is a Dutch thousands point.
    assert find_percentages("een procent hoger") == []
    assert [p.value for p in find_percentages("1.250 procent")] == [Decimal("1250")]
    found = find_percentages("met een drie procent")
    assert "met een drie procent"[found[0].start : found[0].end] == "drie procent"


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


# The regexes as first written, for reading; ims.text.numbers reshapes them to be searched faster, and the
# reshaped ones must find just the same.
_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_PLAIN_INTEGER = re.compile(r"(?<![\w,.-])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d,]|\.\d)")
_PLAIN_NUMBER_WORD = re.compile(rf"\b[a-zëé]*(?:{'|'.join(_NUMBER_ENDINGS)})\b", re.IGNORECASE)
_PLAIN_PERCENT = re.compile(rf"(?<![\d.,])(?P<n>{_DIGITS})\s?(?:%|procent\b|pct\b)", re.IGNORECASE)
_NUMBERISH = st.lists(
    st.sampled_from(
        [
            "€", "£", "$", "US$", "uſ$", "EUR", "Euro", "euro's", "pond", "dollars", " ", "\t", "  ", "1", "12",
            "1.250", "4,9", "1.2345", ",", ".", "-", "miljard", "mln.", "%", "procent", "pct", "٣", "een",
            "Één", "vijfentwintig", "TWAALF", "ſ", "K", "ö", "_", "a",
        ]
    ),
    max_size=12,
).map("".join)


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@given(_NUMBERISH | st.text(max_size=60))
def test_the_reshaped_regexes_find_what_the_plain_ones_find(text):
    assert _spans(_INTEGER.finditer(text)) == _spans(_PLAIN_INTEGER.finditer(text))
    assert _spans(_NUMBER_WORD.finditer(text)) == _spans(_PLAIN_NUMBER_WORD.finditer(text))
    assert _spans(_PERCENT.finditer(text)) == _spans(_PLAIN_PERCENT.finditer(text))
    assert _spans(_amounts(text)) == _spans(_AMOUNT.finditer(text))


def test_amounts_are_found_from_their_digits_back_to_the_currency():
    text = "kost US$ 5 miljard, 1.250 euro en 12345 stuks"
    assert [(a.value, a.currency, text[a.start : a.end]) for a in find_amounts(text)] == [
        (5 * 10**9, "USD", "US$ 5 miljard"),
        (1250, "EUR", "1.250 euro"),
    ]


def test_the_currency_named_with_its_country():
    found = find_amounts("700 miljard Amerikaanse dollar en 45 miljard Britse pond")
    assert [(a.value, a.currency) for a in found] == [(700_000_000_000, "USD"), (45_000_000_000, "GBP")]
    # A dollar of another country is no US dollar.
    assert find_amounts("20 miljard Canadese dollar") == []
