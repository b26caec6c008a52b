"""The demo gets a living dashboard: plans, late and due-soon milestones, two attachés with activities."""

from __future__ import annotations

from ims.monitoring import selectors
from ims.monitoring.demo import monitoring_demo_load
from ims.monitoring.models import CooperationPlan, Official
from ims.register.demo import demo_load
from ims.register.reference import reference_load
from tests.db import in_db


def test_the_demo_monitoring_is_alive_and_loads_once(db, make_user, tmp_path):
    reference_load()
    demo_load(seeds_dir=tmp_path)  # no seed letters: the register's facts without their texts
    bia = make_user("bia_member", 2, username="bia")
    first = monitoring_demo_load()
    assert first == {"samenwerkingsplannen": 2, "mijlpalen": 8, "functionarissen": 2, "activiteiten": 7}
    assert set(monitoring_demo_load().values()) == {0}
    board = selectors.dashboard(user=bia)
    mine = {state: selectors.milestone_list(user=bia, filters=selectors.MilestoneFilters(state=state, owner="bia"))
            .count() for state in ("late", "due_soon")}
    assert mine == {"late": 3, "due_soon": 3}
    assert board.late >= 3 and board.due_soon >= 3
    assert in_db(CooperationPlan).count() == 2
    for official in in_db(Official).all():
        page = selectors.official_page(user=bia, pk=official.pk)
        assert 0 < page.serving < page.total
