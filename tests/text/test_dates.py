"""Dutch dates at the precision the text gives, relative dates resolved against the letter's date."""

from __future__ import annotations

import contextlib
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ims.text.dates import (
    _ANCHOR_STEMS,
    _ANCHOR_WORD,
    _DATE,
    _DATE_AT_DIGIT,
    _DATE_AT_LETTER,
    ANCHOR_WORDS_BESIDES_MONTHS,
    MONTHS,
    PRECISIONS,
    DateError,
    PartialDate,
    date_and_precision,
    find_dates,
    last_weekday,
    parse_date,
)

LETTER = PartialDate(2024, 3, 8)


def iso(text: str, reference: PartialDate | None = LETTER) -> list[str]:
    return [d.value.iso() for d in find_dates(text, reference=reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21 mei 2019", "2019-05-21"),
        ("1e januari 2030", "2030-01-01"),
        ("juni 2017", "2017-06"),
        ("2010", "2010"),
        ("2019-05-21", "2019-05-21"),
        ("3-4-2022", "2022-04-03"),
        ("sept. 2021", "2021-09"),
    ],
)
def test_absolute_dates(text, expected):
    assert parse_date(text).iso() == expected


def test_dates_in_running_text_keep_their_precision_and_position():
    text = "Het verdrag van juni 2017 volgde op de verklaring die op 4 februari 2016 werd getekend, in 2015."
    found = find_dates(text)
    assert [d.value.iso() for d in found] == ["2017-06", "2016-02-04", "2015"]
    assert text[found[1].start : found[1].end] == "4 februari 2016"


def test_year_ranges_give_their_first_year():
    assert iso("de begroting voor 2023-2024 en 2025–2026") == ["2023", "2025"]


def test_jongstleden_is_the_most_recent_such_day():
    assert iso("op 12 februari jl. besproken") == ["2024-02-12"]
    assert iso("op 12 oktober jl. besproken") == ["2023-10-12"]  # October is after March: last year
    assert iso("in december jl.") == ["2023-12"]


def test_month_without_a_year_is_in_the_letters_year():
    assert iso("de in november aangetreden minister") == ["2024-11"]
    assert iso("sinds september toegetreden") == ["2024-09"]


def test_relative_years():
    assert iso("vorig jaar") == ["2023"]
    assert iso("dit jaar") == ["2024"]
    assert iso("volgend jaar") == ["2025"]
    assert iso("het afgelopen jaar") == ["2023"]  # written early in the year: the year before
    assert iso("het afgelopen jaar", PartialDate(2024, 11, 2)) == ["2024"]


def test_last_month_is_the_month_before_the_letters():
    assert iso("tekenden vorige maand een akkoord") == ["2024-02"]
    assert iso("verleden maand", PartialDate(2024, 1, 5)) == ["2023-12"]
    assert iso("vorige maand", PartialDate(2024)) == []  # a letter dated to the year only: unknown


def test_this_month_is_the_letters_month():
    assert iso("tekenden eerder deze maand een akkoord") == ["2024-03"]
    assert iso("begin deze maand", PartialDate(2024, 1, 5)) == ["2024-01"]
    assert iso("deze maand", PartialDate(2024)) == []  # a letter dated to the year only: unknown


def test_relative_dates_need_the_documents_date():
    assert iso("op 12 februari jl. en vorig jaar", reference=None) == []
    with pytest.raises(DateError, match="document's date"):
        parse_date("vorig jaar")


def test_not_dates():
    assert iso("artikel 100 en 35 militairen, nr. 12 en 2,5%") == []
    with pytest.raises(DateError):
        parse_date("31 februari 2019")
    with pytest.raises(DateError):
        parse_date("geen datum")


def test_partial_date_iso_round_trip():
    for text in ("2019", "2019-06", "2019-06-30"):
        assert PartialDate.from_iso(text).iso() == text
    with pytest.raises(DateError):
        PartialDate(2019, 13)


@given(st.text(max_size=120), st.none() | st.builds(PartialDate, st.integers(1990, 2040), st.integers(1, 12)))
def test_finding_dates_never_fails(text, reference):
    for found in find_dates(text, reference=reference):
        assert 0 <= found.start < found.end <= len(text)


@given(st.text(max_size=60))
def test_parse_date_raises_only_date_error(text):
    with contextlib.suppress(DateError):
        parse_date(text, reference=LETTER)


_DATEISH = st.lists(
    st.sampled_from(
        [
            "3", "12", "270", "2019", "1899", "2150", "12345", "٣", "mei", "MEI", "jl.", "j.l.", "-", "–", "/",
            " ", "\n", "in", "oktober", "sinds", "vorig", "jaar", "dit", "kalenderjaar", "het", "afgelopen",
            "begin", "e", "ste", "okt.", "2019-05-03", "03-05-2019", "31", "februari", ".", ",", "x", "ſept",
        ]
    ),
    max_size=10,
).map("".join)


@given(_DATEISH | st.text(max_size=40))
def test_a_position_starts_dates_of_one_kind_only(text):
    # find_dates tries the digit-led forms at a digit and the letter-led forms elsewhere: the whole pattern
    # must find nothing else at any position.
    for start in range(len(text)):
        whole = _DATE.match(text, start)
        half = (_DATE_AT_DIGIT if text[start].isdecimal() else _DATE_AT_LETTER).match(text, start)
        assert (whole and (whole.span(), whole.lastgroup)) == (half and (half.span(), half.lastgroup))


@given(_DATEISH | st.text(max_size=40))
def test_the_month_trie_finds_what_the_list_of_months_finds(text):
    months = "|".join(sorted(MONTHS, key=len, reverse=True))
    plain = re.compile("|".join([months, *ANCHOR_WORDS_BESIDES_MONTHS]))
    assert [m.span() for m in _ANCHOR_WORD.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_every_anchor_word_holds_a_stem_that_screens_for_it():
    assert all(any(stem in word for stem in _ANCHOR_STEMS) for word in [*MONTHS, *ANCHOR_WORDS_BESIDES_MONTHS])
    assert iso("sinds vorig jaar, in oktober en op 3 mei", LETTER) == ["2023", "2024-10", "2024-05-03"]


def test_numbers_of_other_lengths_than_days_months_and_years_start_no_date():
    assert iso("270 dagen, 12345 stuks en 3000 man in 2019") == ["2019"]


def test_a_day_without_a_year_far_ahead_of_the_letter_is_last_years():
    # An article of January telling what was signed "op 28 november": last November, not next.
    assert iso("Op 28 november tekenden zij", PartialDate(2031, 1)) == ["2030-11-28"]
    # Soon after the letter's date it is still this year's: an announcement.
    assert iso("de top van 9 april", PartialDate(2031, 2, 20)) == ["2031-04-09"]
    assert iso("op 14 maart vergaderen zij", PartialDate(2031, 3)) == ["2031-03-14"]


def test_aanstaande_is_the_next_such_day():
    assert iso("het overleg van 2 februari a.s.", PartialDate(2030, 12, 10)) == ["2031-02-02"]
    assert iso("op 20 december aanstaande", PartialDate(2030, 12, 10)) == ["2030-12-20"]


def test_a_named_weekday_picks_the_year_it_falls_in():
    # 16 March 2028 is a Thursday; 16 March 2027 a Tuesday: "dinsdag" can only be last year's.
    assert iso("op dinsdag 16 maart ondertekend", PartialDate(2028, 3, 20)) == ["2027-03-16"]
    assert iso("op donderdag 16 maart ondertekend", PartialDate(2028, 3, 20)) == ["2028-03-16"]


def test_a_day_with_a_point_after_its_number():
    assert iso("dinsdag, 7. maart 2028 - 10:15") == ["2028-03-07"]


def test_yesterday_and_today_against_the_letters_day():
    assert iso("gisteren getekend", PartialDate(2030, 3, 1)) == ["2030-02-28"]
    assert iso("eergisteren en vandaag", PartialDate(2030, 3, 10)) == ["2030-03-08", "2030-03-10"]
    # Known only to the month, "vandaag" is that month.
    assert iso("vandaag getekend", PartialDate(2030, 3)) == ["2030-03"]
    assert iso("gisteren getekend", None) == []


def test_numeric_dates_with_slashes_or_points():
    assert iso("Datum: 16/02/2031 en 3.4.2031; 16/02-2031 mengt twee tekens") == ["2031-02-16", "2031-04-03"]


# The register's partial dates: the first day and the precision, read by the demo loader, ingestion and forms.


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2019", (date(2019, 1, 1), "year")), ("2014-11", (date(2014, 11, 1), "month")),
     ("2019-10-02", (date(2019, 10, 2), "day")), (None, (None, "day")), ("", (None, "day"))],
)
def test_date_and_precision_reads_the_exchange_formats_partial_dates(text, expected):
    assert date_and_precision(text) == expected


def test_date_and_precision_takes_a_partial_date_and_refuses_what_is_no_date():
    assert date_and_precision(PartialDate(2019, 6)) == (date(2019, 6, 1), "month")
    for text in ("2019-13", "2019-02-30", "2019-1", "21 mei 2019", "2019-10-02T10:00"):
        with pytest.raises(DateError):
            date_and_precision(text)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)), st.sampled_from(PRECISIONS))
def test_a_stored_date_goes_back_to_the_same_partial_date(day, precision):
    partial = PartialDate.from_date(day, precision)
    assert partial.precision == precision
    assert date_and_precision(partial.iso()) == (partial.first_day(), precision)
    assert partial.first_day() <= day


def test_from_date_refuses_an_unknown_precision():
    with pytest.raises(DateError):
        PartialDate.from_date(date(2019, 1, 1), "week")


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [("2019", "2019-10-02", True), ("2019-10", "2019-10-02", True), ("2019-10-02", "2019-10-02", True),
     ("2019-10-03", "2019-10-02", False), ("2019-11", "2019-10-02", False), ("2018", "2019-10", False)],
)
def test_two_dates_agree_as_far_as_the_less_precise_knows(a, b, agree):
    assert PartialDate.from_iso(a).agrees_with(PartialDate.from_iso(b)) is agree
    assert PartialDate.from_iso(b).agrees_with(PartialDate.from_iso(a)) is agree


def test_nothing_else_parses_the_registers_partial_dates():
    """The demo loaders, ingestion and the forms read partial dates through ims.text.dates only."""
    src = Path(__file__).resolve().parents[2] / "src" / "ims"
    offenders = [
        str(path.relative_to(src)) for path in src.rglob("*.py")
        if re.search(r"def \w*partial_date\w*\(|import \w*partial_date|strptime\(", path.read_text(encoding="utf-8"))
        and path.name != "dates.py"
    ]
    assert offenders == []


def test_a_month_whose_year_a_relative_year_word_gives_right_after_it():
    ref = PartialDate(2031, 6, 20)
    cases = {
        "in februari van vorig jaar": "2030-02",
        "in november vorig jaar": "2030-11",
        "op 4 april van vorig jaar": "2030-04-04",
        "in september van dit jaar": "2031-09",
        "in maart volgend jaar": "2032-03",
    }
    for text, iso in cases.items():
        found = find_dates(text, reference=ref)
        assert [d.value.iso() for d in found] == [iso], text
        assert text[found[0].start : found[0].end].endswith("jaar")
    # A month with its own year keeps it, and the year word after "en" is another date.
    assert [d.value.iso() for d in find_dates("in maart 2029 en vorig jaar", reference=ref)] == ["2029-03", "2030"]


def test_the_last_day_of_a_weekday_up_to_the_reference():
    friday = PartialDate(2031, 6, 13)
    assert last_weekday(friday, "dinsdag") == PartialDate(2031, 6, 10)
    assert last_weekday(friday, "vrijdag") == friday
    assert last_weekday(friday, "zaterdag") == PartialDate(2031, 6, 7)
    assert last_weekday(PartialDate(2031, 6), "dinsdag") is None
