"""The form field for a date known to the year, the month or the day."""

from __future__ import annotations

import pytest
from django import forms

from ims.core.forms import PartialDateField


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [("2019", "2019"), ("2019-10", "2019-10"), (" 2019-10-02 ", "2019-10-02"), ("2 oktober 2019", "2019-10-02"),
     ("oktober 2019", "2019-10"), ("", None)],
)
def test_a_partial_date_cleans_to_its_iso_form_at_the_precision_typed(typed, cleaned):
    assert PartialDateField(required=False).clean(typed) == cleaned


@pytest.mark.parametrize("typed", ["2019-13", "31 februari 2019", "vorig jaar", "binnenkort"])
def test_what_is_no_date_is_refused_with_the_forms_it_takes(typed):
    with pytest.raises(forms.ValidationError, match="2019-10-02"):
        PartialDateField(required=False).clean(typed)
