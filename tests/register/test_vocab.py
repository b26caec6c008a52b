"""The register's choices are the framework's vocabularies, with labels in the language of the request."""

from __future__ import annotations

from django.utils import translation

from ims.framework import vocab
from ims.framework.ladder import Form as LadderForm
from ims.register import vocab as choices
from ims.text.dates import PRECISIONS


def test_every_register_choice_list_of_a_vocabulary_has_its_codes_in_order():
    pairs = [(choices.Ring, vocab.Ring), (choices.Form, LadderForm), (choices.Status, vocab.Status),
             (choices.Kind, vocab.Kind), (choices.Origin, vocab.Origin), (choices.GoalCategory, vocab.GoalCategory),
             (choices.AgreementKind, vocab.AgreementKind), (choices.SpendingStatus, vocab.SpendingStatus)]
    for django_choices, framework in pairs:
        assert tuple(django_choices.values) == framework.codes()


def test_the_date_precisions_are_those_the_date_parser_gives():
    assert set(choices.DatePrecision.values) == set(PRECISIONS)


def test_a_code_is_shown_by_its_label_in_the_language_of_the_request():
    with translation.override("nl"):
        assert choices.code_label(vocab.SpendingStatus, "planned") == "begroot"
        assert dict(choices.AgreementKind.choices)["TREATY"] == "verdrag"
    with translation.override("en"):
        assert choices.code_label(vocab.SpendingStatus, "planned") == "budgeted"
        assert dict(choices.AgreementKind.choices)["TREATY"] == "treaty"
    assert choices.code_label(vocab.Ring, "no_such_ring") == "no_such_ring"
