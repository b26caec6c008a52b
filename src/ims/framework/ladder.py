"""The depth ladder (samenwerkingsvorm): six forms of cooperation, least to most integrated.

Each step limits sovereign freedom of action (vrijheid van handelen) more and gives more capacity to
act (handelingsvermogen) in return. Both figures below are an ordinal policy scale from 0 to 100,
strictly increasing with depth; they are a judgement, kept here so that there is one place to change
it. Freedom given up rises faster than capacity gained at the deep end, because role and task
specialisation means depending on a partner for a whole task.
"""

from __future__ import annotations

from .vocab import LabelledEnum


class Form(LabelledEnum):
    """The depth ladder, in order from least to most integrated."""

    joint_hiring = ("joint_hiring", "gezamenlijke inhuur", "joint hiring")
    pooling = ("pooling", "pooling", "pooling")
    joint_procurement_sharing = (
        "joint_procurement_sharing",
        "gezamenlijke aankoop en/of sharing",
        "joint procurement and/or sharing",
    )
    operational = (
        "operational",
        "operationele samenwerking en gereedstelling",
        "operational cooperation and readiness",
    )
    integrated_operational = (
        "integrated_operational",
        "geïntegreerde operationele samenwerking",
        "integrated operational cooperation",
    )
    role_task_specialisation = (
        "role_task_specialisation",
        "rol- en taakspecialisatie",
        "role and task specialisation",
    )

    @property
    def depth(self) -> int:
        """Step on the ladder, 1 (joint hiring) to 6 (role and task specialisation)."""
        return _ORDER.index(self) + 1

    @property
    def is_deep(self) -> bool:
        """Operational cooperation and deeper: the forms that need a close, like-minded partner."""
        return self.depth >= Form.operational.depth


_ORDER: tuple[Form, ...] = tuple(Form)
LADDER_LENGTH = len(_ORDER)

# Points of freedom of action given up and capacity to act gained, per step (0..100, monotone).
FREEDOM_GIVEN_UP: dict[Form, float] = {
    Form.joint_hiring: 10.0,
    Form.pooling: 20.0,
    Form.joint_procurement_sharing: 35.0,
    Form.operational: 50.0,
    Form.integrated_operational: 70.0,
    Form.role_task_specialisation: 90.0,
}
CAPACITY_GAINED: dict[Form, float] = {
    Form.joint_hiring: 15.0,
    Form.pooling: 30.0,
    Form.joint_procurement_sharing: 45.0,
    Form.operational: 60.0,
    Form.integrated_operational: 75.0,
    Form.role_task_specialisation: 85.0,
}
