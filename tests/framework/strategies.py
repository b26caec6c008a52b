"""Hypothesis strategies and settings shared by the framework tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from ims.framework import (
    Costs,
    Form,
    Goal,
    GoalCategory,
    Kind,
    Origin,
    PartnerProfile,
    Proposal,
    Ring,
    Timeline,
)
from ims.framework.model import baseline

# Few examples each and no example database: the suite stays fast and writes nothing into the repo.
FAST = settings(
    max_examples=60,
    deadline=None,
    database=None,
    print_blob=True,  # without a database, a failure is reproduced from the printed blob
    suppress_health_check=[HealthCheck.too_slow],
)

PARTNER_CODES = ("BE", "LU", "DE", "FR", "NO", "DK", "GB", "US", "PL", "AU")

unit = st.floats(0.0, 1.0, allow_nan=False)
words = st.text(alphabet="abcdefghij klmnop", min_size=1, max_size=30).filter(lambda text: text.strip())
categories = st.sampled_from(list(GoalCategory))
forms = st.sampled_from(list(Form))


@st.composite
def goals(draw: st.DrawFn, category: st.SearchStrategy[GoalCategory] = categories) -> Goal:
    return Goal(
        category=draw(category),
        statement=draw(words).strip(),
        strength=draw(unit),
        concrete=draw(st.booleans()),
        expected_result=draw(st.none() | words.map(str.strip)),
    )


@st.composite
def partners(draw: st.DrawFn, min_size: int = 1, max_size: int = 3) -> tuple[PartnerProfile, ...]:
    codes = draw(st.lists(st.sampled_from(PARTNER_CODES), min_size=min_size, max_size=max_size, unique=True))
    return tuple(
        PartnerProfile(
            code=code,
            name=f"Partner {code}",
            ring=draw(st.none() | st.sampled_from(list(Ring))),
            political_distance=draw(unit),
            culture_similarity=draw(unit),
            operational_synergy=draw(unit),
            bottom_up_goals=draw(st.integers(0, 8)),
        )
        for code in codes
    )


amounts = st.floats(0.0, 1e9, allow_nan=False)
costs = st.builds(
    Costs,
    staff_fte=st.floats(0.0, 200.0),
    units_committed=st.integers(0, 10).map(float),
    budget_eur_per_year=amounts,
    startup_eur=amounts,
)


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    start = draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)))
    end = draw(st.none() | st.dates(start or dt.date(2000, 1, 1), dt.date(2045, 1, 1)))
    return Timeline(start, end, draw(st.integers(0, 8)))


@st.composite
def proposals(draw: st.DrawFn, form: st.SearchStrategy[Form] = forms, title: str | None = None) -> Proposal:
    """A valid cooperation proposal (form not None)."""
    return Proposal(
        title=title or draw(words).strip(),
        goals=tuple(draw(st.lists(goals(), min_size=1, max_size=6))),
        form=draw(form),
        origin=draw(st.sampled_from(list(Origin))),
        partners=draw(partners()),
        costs=draw(costs),
        timeline=draw(timelines()),
        kind=draw(st.sampled_from(list(Kind))),
        capabilities_touched=tuple(draw(st.lists(words.map(str.strip), max_size=2))),
        touches_sovereign_capability=draw(st.booleans()),
    )


@st.composite
def baselines(draw: st.DrawFn) -> Proposal:
    return baseline(goals=draw(st.lists(goals(), max_size=3)), costs=draw(costs))


weights = st.fixed_dictionaries({category: st.floats(0.0, 10.0) for category in GoalCategory}).filter(
    lambda found: sum(found.values()) > 1e-3
)


def close_partner(**changes: object) -> PartnerProfile:
    """A close, like-minded strategic partner (Belgium-like), with ``changes`` applied."""
    close = PartnerProfile("BE", "België", Ring.strategic, 0.05, 0.9, 0.85, 8)
    return dataclasses.replace(close, **changes)


def simple_proposal(form: Form = Form.pooling, partner: PartnerProfile | None = None, **changes: object) -> Proposal:
    """A small, concrete bottom-up proposal with one partner, with ``changes`` applied."""
    simple = Proposal(
        title="Gezamenlijke opleiding",
        goals=(Goal(GoalCategory.military, "Betere opleiding", 0.5, True, "Gecertificeerde instructeurs"),),
        form=form,
        origin=Origin.bottom_up,
        partners=(partner or close_partner(),),
        costs=Costs(2, 0, 100_000, 0),
    )
    return dataclasses.replace(simple, **changes)
