"""Fuzzing text cleaning: whatever the text, every cleaned character maps back to its own original one.

Budget and profiles: see ``tests/fuzz_profiles.py``.
"""

from __future__ import annotations

from hypothesis import given

from ims.text.clean import clean_text
from tests.fuzz_inputs import check_clean
from tests.fuzz_profiles import fuzz
from tests.fuzz_strategies import texts


@fuzz(share=3.5, ms_per_example=7.7)
@given(texts())
def test_cleaning_maps_back_inside_the_original_character_for_character(text: str) -> None:
    check_clean(text)


@fuzz(share=0.5, ms_per_example=3.5)
@given(texts(max_len=600))
def test_cleaning_twice_keeps_the_map_faithful(text: str) -> None:
    # The pipeline cleans text with a lead-in glued on; cleaned text going round again must hold up too.
    once = clean_text(text).text
    check_clean(once)
