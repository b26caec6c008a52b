"""validate_proposal: precise messages (JSON path + problem), all at once, nothing but ProposalError."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ims.framework import Form, Proposal, ProposalError, baseline, proposal_to_dict, validate_proposal
from ims.framework.examples import example_paths

from .strategies import FAST, baselines, proposals


def _example(name: str = "nh90_maintenance_be") -> dict[str, Any]:
    return json.loads(example_paths()[name].read_text(encoding="utf-8"))


def _problems(data: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ProposalError) as caught:
        validate_proposal(data, **kwargs)
    return {problem.path: problem.message for problem in caught.value.problems}


@pytest.mark.parametrize("name", sorted(example_paths()))
def test_shipped_examples_are_valid(name: str) -> None:
    proposal = validate_proposal(_example(name))
    assert proposal.form is not None and proposal.partners and proposal.goals


def test_unknown_goal_category_names_path_value_and_choices() -> None:
    data = _example()
    data["goals"][2]["category"] = "militery"
    with pytest.raises(ProposalError) as caught:
        validate_proposal(data)
    message = str(caught.value)
    assert "goals[2].category" in message
    assert "'militery'" in message
    assert "political_strategic, military, financial_economic" in message


def test_out_of_range_and_wrongly_typed_numbers() -> None:
    data = _example()
    data["goals"][0]["strength"] = 1.5
    data["partners"][0]["political_distance"] = "klein"
    data["costs"]["staff_fte"] = -2
    data["partners"][0]["bottom_up_goals"] = 2.5
    problems = _problems(data)
    assert "tussen 0 en 1" in problems["goals[0].strength"] and "1.5" in problems["goals[0].strength"]
    assert "getal" in problems["partners[0].political_distance"]
    assert "'klein'" in problems["partners[0].political_distance"]
    assert "mag niet negatief zijn (is -2)" in problems["costs.staff_fte"]
    assert "geheel getal" in problems["partners[0].bottom_up_goals"]


def test_every_problem_is_listed_in_one_error() -> None:
    data = _example()
    del data["title"]
    data["form"] = "deep"
    data["goals"][1]["concrete"] = "ja"
    data["colour"] = "blue"
    problems = _problems(data)
    assert set(problems) == {"title", "form", "goals[1].concrete", "colour"}
    assert problems["title"] == "verplicht veld ontbreekt"
    assert problems["colour"].startswith("onbekend veld")


def test_numbers_beyond_range_are_reported_not_raised() -> None:
    data = _example()
    data["costs"]["budget_eur_per_year"] = 10**400
    data["goals"][0]["strength"] = 10**5000  # too long even to print
    data["costs"]["startup_eur"] = float("inf")
    problems = _problems(data)
    assert problems["costs.budget_eur_per_year"] == "is te groot"
    assert problems["goals[0].strength"] == "is te groot"
    assert "eindig" in problems["costs.startup_eur"]


def test_booleans_are_not_numbers() -> None:
    data = _example()
    data["costs"]["units_committed"] = True
    assert "ja/nee" in _problems(data)["costs.units_committed"]


def test_unknown_partner_codes_are_named() -> None:
    data = _example("air_policing_benelux")
    data["partners"][1]["code"] = "XX"
    problems = _problems(data, known_partners={"BE", "LU", "DE"})
    assert "'XX'" in problems["partners[1].code"] and "onbekende partnercode" in problems["partners[1].code"]


def test_partner_codes_duplicate_or_home_or_malformed() -> None:
    data = _example("air_policing_benelux")
    data["partners"].append(copy.deepcopy(data["partners"][0]))
    data["partners"][1]["code"] = "NL"
    data["partners"].append({**data["partners"][0], "code": "belgium"})
    problems = _problems(data)
    assert "dubbel" in problems["partners[2].code"] and "partners[0]" in problems["partners[2].code"]
    assert "Nederland" in problems["partners[1].code"]
    assert "'belgium'" in problems["partners[3].code"]


def test_timeline_dates_checked() -> None:
    data = _example()
    data["timeline"] = {"planned_start": "2016-01-01", "planned_end": "2015-12-31", "milestones": 2}
    assert "vóór planned_start" in _problems(data)["timeline.planned_end"]
    data["timeline"] = {"planned_start": "2016-13-01", "planned_end": "1 januari 2017"}
    problems = _problems(data)
    assert "JJJJ-MM-DD" in problems["timeline.planned_start"]
    assert "'1 januari 2017'" in problems["timeline.planned_end"]


def test_cooperation_needs_partners_goals_costs_origin_and_kind() -> None:
    data = _example()
    data["partners"] = []
    data["goals"] = []
    for key in ("costs", "origin", "kind"):
        del data[key]
    problems = _problems(data)
    assert "ten minste één partner" in problems["partners"]
    assert "ten minste één doel" in problems["goals"]
    assert {"costs", "origin", "kind"} <= set(problems)


def test_baseline_is_form_null_without_partners() -> None:
    data = {
        "title": "Niet samenwerken",
        "form": None,
        "goals": [],
        "costs": {"staff_fte": 0, "units_committed": 0, "budget_eur_per_year": 2_000_000, "startup_eur": 0},
    }
    proposal = validate_proposal(data)
    assert proposal.is_baseline and proposal.costs.budget_eur_per_year == 2_000_000
    data["partners"] = _example()["partners"]
    assert "geen partners" in _problems(data)["partners"]


def test_form_must_be_given_even_for_the_baseline() -> None:
    assert _problems({"title": "x"})["form"] == "verplicht veld ontbreekt"


@pytest.mark.parametrize("data", [None, [], "voorstel", 3, {"goals": "x"}])
def test_not_an_object_or_wrong_shapes(data: Any) -> None:
    with pytest.raises(ProposalError):
        validate_proposal(data)


def test_error_message_is_one_line_naming_everything() -> None:
    with pytest.raises(ProposalError) as caught:
        validate_proposal({"title": "", "form": "pooling"})
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("ongeldig voorstel (")
    assert "title: mag niet leeg zijn" in message


@FAST
@given(st.one_of(proposals(), baselines()))
def test_round_trip_through_json(proposal: Proposal) -> None:
    data = json.loads(json.dumps(proposal_to_dict(proposal)))
    assert validate_proposal(data) == proposal


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@FAST
@given(json_values)
def test_arbitrary_json_gives_a_proposal_or_proposal_error(data: Any) -> None:
    try:
        validate_proposal(data)
    except ProposalError as error:
        assert error.problems


def _paths(data: Any, path: tuple = ()) -> list[tuple]:
    """Every location in a JSON document, as a tuple of keys/indices."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


@FAST
@given(st.sampled_from(sorted(example_paths())), st.data(), json_values)
def test_a_valid_proposal_with_any_part_replaced_gives_a_proposal_or_proposal_error(
    name: str, data: st.DataObject, replacement: Any
) -> None:
    document = _example(name)
    where = data.draw(st.sampled_from(_paths(document)[1:]))
    target = document
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = replacement
    try:
        validate_proposal(document, known_partners={"BE", "LU", "DE"})
    except ProposalError as error:
        assert all(isinstance(problem.path, str) and problem.message for problem in error.problems)


def test_baseline_constructor_round_trips() -> None:
    assert validate_proposal(proposal_to_dict(baseline())) == baseline()
    assert baseline().form is None and not baseline().partners
    assert Form.pooling.is_deep is False
