"""Fuzzing the date, number and metadata parsers.

The contracts under test, from the modules' docstrings: ``parse_*`` (and ``word_to_int``,
``PartialDate.from_iso``) return a value or raise their module's error (:class:`DateError`,
:class:`NumberError`); ``find_*`` and ``read_meta`` never raise. Values written the Dutch way read back
as themselves. Budget and profiles: see ``tests/fuzz_profiles.py``.
"""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ims.text.dates import DateError, PartialDate, find_dates, parse_date
from ims.text.meta import read_meta
from ims.text.numbers import (
    SCALES,
    NumberError,
    as_json_number,
    find_amounts,
    find_cardinals,
    find_percentages,
    parse_amount,
    parse_decimal,
    parse_number,
    word_to_int,
)
from tests.fuzz_inputs import check_meta
from tests.fuzz_profiles import fuzz
from tests.fuzz_strategies import (
    MONTH_FORMS,
    day_dates,
    dutch_dates,
    dutch_decimals,
    dutch_numeral,
    dutch_words,
    seed_excerpt,
    short_texts,
    texts,
)

references = st.one_of(
    st.none(),
    st.builds(PartialDate, st.integers(1000, 2999)),
    st.builds(lambda y, m: PartialDate(y, m), st.integers(1000, 2999), st.integers(1, 12)),
    day_dates(years=(1000, 2999)),
)


def _spans_in_order(found, text: str) -> None:
    last = 0
    for item in found:
        assert last <= item.start < item.end <= len(text), (item, last, len(text))
        last = item.start


# ---------------------------------------------------------------- dates


@fuzz(share=1.2, ms_per_example=2.6)
@given(short_texts(), references)
def test_parse_date_gives_a_date_or_a_date_error(text: str, reference: PartialDate | None) -> None:
    try:
        value = parse_date(text, reference=reference)
    except DateError:
        return
    assert isinstance(value, PartialDate)
    assert PartialDate.from_iso(value.iso()) == value


@fuzz(share=1.5, ms_per_example=2.4)
@given(st.one_of(short_texts(), texts(max_len=1500)), references)
def test_find_dates_never_raises_and_each_mention_reads_back(text: str, reference: PartialDate | None) -> None:
    found = find_dates(text, reference=reference)
    last_end = 0
    for mention in found:
        assert last_end <= mention.start < mention.end <= len(text)
        last_end = mention.end
        # The text of a mention, read on its own, is the same date.
        assert parse_date(text[mention.start : mention.end], reference=reference) == mention.value


@fuzz(share=0.3, ms_per_example=0.9)
@given(st.text(max_size=12))
def test_from_iso_gives_a_date_or_a_date_error(text: str) -> None:
    try:
        value = PartialDate.from_iso(text)
    except DateError:
        return
    assert PartialDate.from_iso(value.iso()) == value


@fuzz(share=0.8, ms_per_example=1.9)
@given(
    dutch_dates(),
    st.sampled_from(("Op ", "Sinds de ", "(", "", "In de brief van ")),
    st.sampled_from((".", ",", ")", " is")),
)
def test_a_date_written_in_dutch_reads_back_as_itself(
    written: tuple[PartialDate, str], before: str, after: str
) -> None:
    date, text = written
    assert parse_date(text) == date
    sentence = before + text + after
    found = find_dates(sentence)
    assert any(m.value == date and sentence[m.start : m.end] == text for m in found), (sentence, found)


@fuzz(share=0.4, ms_per_example=1.2)
@given(day_dates(years=(1801, 2198)), day_dates(years=(1801, 2198)))
def test_a_day_jongstleden_is_the_latest_such_day_not_after_the_letter(day: PartialDate, letter: PartialDate) -> None:
    text = f"{day.day} {MONTH_FORMS[day.month][0]} jl."
    try:
        value = parse_date(text, reference=letter)
    except DateError:
        # Only 29 February can be missing from the year before the letter.
        assert (day.month, day.day) == (2, 29)
        return
    assert (value.month, value.day) == (day.month, day.day)
    assert value <= letter
    assert value.year in (letter.year, letter.year - 1)
    if (day.month, day.day) <= (letter.month, letter.day):
        assert value.year == letter.year


# ---------------------------------------------------------------- numbers


def _total(parse, text: str):
    try:
        return parse(text)
    except NumberError:
        return None


@fuzz(share=1.0, ms_per_example=1.8)
@given(short_texts())
def test_number_parsers_give_a_value_or_a_number_error(text: str) -> None:
    for parse in (parse_decimal, parse_number, word_to_int):
        value = _total(parse, text)
        assert value is None or isinstance(value, int | Decimal)
        if value is not None:
            json.dumps(as_json_number(Decimal(value)))
    amount = _total(parse_amount, text)
    if amount is not None:
        assert amount.currency in ("EUR", "GBP", "USD") and amount.value >= 0
        assert text[: amount.start].strip() == "" == text[amount.end :].strip()


@fuzz(share=1.5, ms_per_example=2.3)
@given(st.one_of(short_texts(), texts(max_len=1500)))
def test_number_finders_never_raise_and_stay_inside_the_text(text: str) -> None:
    for found in (find_amounts(text), find_percentages(text), find_cardinals(text)):
        _spans_in_order(found, text)
        for item in found:
            json.dumps(as_json_number(Decimal(item.value)))


@fuzz(share=0.7, ms_per_example=1.1)
@given(dutch_decimals(), st.sampled_from(sorted(SCALES)), st.sampled_from(("€", "€ ", "EUR ", "US$", "£")))
def test_a_number_written_in_dutch_reads_back_as_itself(written, scale: str, sign: str) -> None:
    value, text = written
    assert parse_decimal(text) == value
    assert parse_number(f"{text} {scale}") == value * SCALES[scale]
    amount = parse_amount(f"{sign}{text} {scale}")
    assert amount.value == value * SCALES[scale]
    assert amount.currency == {"€": "EUR", "E": "EUR", "U": "USD", "£": "GBP"}[sign[0]]
    assert parse_amount(f"{text} {scale} euro").value == value * SCALES[scale]
    assert [p.value for p in find_percentages(f"een groei van {text}% dit jaar")] == [value]


@fuzz(share=0.6, ms_per_example=0.9)
@given(st.integers(0, 999_999), st.booleans())
def test_a_whole_number_in_words_or_digits_reads_back(n: int, grouped: bool) -> None:
    word = dutch_words(n)
    assert word_to_int(word) == n
    assert word_to_int(word.capitalize()) == n
    assert parse_number(word) == n
    digits = dutch_numeral(n, "", grouped)
    for written in (digits,) if n == 1 else (digits, word):
        sentence = f"Daarvoor zijn ongeveer {written} militairen nodig."
        found = [c for c in find_cardinals(sentence) if sentence[c.start : c.end] == written]
        assert [(c.value, c.approximate) for c in found] == [(n, True)], (sentence, found)


# ---------------------------------------------------------------- metadata


@fuzz(share=1.3, ms_per_example=2.3)
@given(texts())
def test_read_meta_never_raises(text: str) -> None:
    check_meta(read_meta(text))


_INITIALS = st.lists(st.sampled_from("ABCDEFGHJKLMNPRSTW"), min_size=1, max_size=3).map(lambda cs: ".".join(cs) + ".")
_SURNAMES = st.sampled_from(("Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Dijkstra"))
_INFIXES = st.sampled_from(("", "de ", "van ", "van der ", "ter "))


@fuzz(share=1.2, ms_per_example=5.2)
@given(
    dutch_dates().filter(lambda written: written[0].day is not None),
    st.from_regex(r"[A-Z]{1,6}\d{5,12}", fullmatch=True),
    st.lists(
        st.sampled_from(("Samenwerking", "met", "Duitsland", "over", "de", "luchtverdediging", "2030")),
        min_size=1,
        max_size=8,
    ).map(" ".join),
    st.tuples(_INITIALS, _INFIXES, _SURNAMES).map("".join),
    seed_excerpt(2000),
)
def test_a_letterhead_reads_back(written, reference: str, subject: str, signer: str, body: str) -> None:
    date, date_text = written
    date_text = " ".join(date_text.split())  # the Datum line holds the date on one line
    # A signature inside the excerpt would rightly win over the one this test puts at the end.
    body = "\n".join(line for line in body.split("\n") if "inister" not in line and "ecretaris" not in line)
    text = (
        f"Onze referentie\n{reference}\nDatum {date_text}\n\nBetreft {subject}\n\n"
        f"Geachte voorzitter,\n\n{body}\n\nDe minister van Defensie,\n\n{signer}\n"
    )
    meta = read_meta(text)
    check_meta(meta)
    assert (meta.date, meta.reference, meta.subject, meta.signer) == (date, reference, subject, signer)


# ---------------------------------------------------------------- what the fuzzers found, kept as examples


@pytest.mark.parametrize(
    ("find", "text"),
    [
        # re.IGNORECASE lets "ſ" match "s" and "ı" match "i"; the lookup of the matched word raised KeyError.
        (find_amounts, "5 dollarſ"),
        (find_amounts, "Uſd 5"),
        (find_amounts, "€ 5 mıljoen"),
        # int() refuses digit strings over 4,300 digits: ValueError.
        (find_cardinals, "9" * 5000),
        (read_meta, "Pagina 1 van " + "9" * 5000),
    ],
)
def test_odd_input_the_fuzzers_found_is_read_without_error(find, text: str) -> None:
    find(text)


def test_folded_letters_read_as_the_plain_ones() -> None:
    assert [(a.value, a.currency) for a in find_amounts("5 dollarſ en € 2 mıljoen")] == [(5, "USD"), (2_000_000, "EUR")]
    assert parse_date("1 auguſtus 2019") == PartialDate(2019, 8, 1)


def test_the_longest_number_word_below_a_million_is_a_number() -> None:
    assert word_to_int("zevenhonderdzevenenzeventigduizendzevenhonderdzevenenzeventig") == 777_777


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Op 1800, het jaar", [("1800", "1800")]),  # a year before a comma was not read
        # After a bracket or a line break a date lost its first word: the mention began at the month.
        ("(begin mei 1800.", [("1800-05", "begin mei 1800")]),
        ("na de pauze\nhet afgelopen jaar", [("2029", "het afgelopen jaar")]),
        ("İ en Mei 2019", [("2019-05", "Mei 2019")]),  # a character whose lower case is longer hid "Mei"
        ("een groei van 2019,5 procent", []),  # a decimal is still no year
    ],
)
def test_dates_the_fuzzers_found_missing(text: str, found: list[tuple[str, str]]) -> None:
    mentions = find_dates(text, reference=PartialDate(2030, 3, 1))
    assert [(m.value.iso(), text[m.start : m.end]) for m in mentions] == found


@pytest.mark.parametrize("text", ["1" * 20_000, "١٢" * 10_000, "1.111" * 4_000])
def test_a_long_run_of_digits_is_read_in_linear_time(text: str) -> None:
    # Every start inside the run used to read the rest of the run and fail: minutes for 20,000 digits.
    started = time.perf_counter()
    assert find_amounts(text + " euro") == [] and find_percentages(text + "%") == []
    assert time.perf_counter() - started < 2.0
