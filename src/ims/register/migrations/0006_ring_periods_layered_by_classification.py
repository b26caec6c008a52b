"""Ring periods are layered by classification (ims.register.ring_layers): periods of one partner may not
overlap, nor start on the same day, within one classification; across classifications they may.

The exclusion constraint (PostgreSQL) and the triggers (SQLite) of 0002 gain the classification. SQLite
rebuilds the table for the unique constraint, which drops triggers, so they are put back afterwards.
"""

from django.db import migrations, models

PG_FORWARD = [
    "ALTER TABLE register_ringassignment DROP CONSTRAINT register_ringassignment_no_overlap",
    """ALTER TABLE register_ringassignment ADD CONSTRAINT register_ringassignment_no_overlap
       EXCLUDE USING gist (partner_id WITH =, classification WITH =,
                           daterange(valid_from, valid_to, '[)') WITH &&)""",
]
PG_BACKWARD = [
    "ALTER TABLE register_ringassignment DROP CONSTRAINT register_ringassignment_no_overlap",
    """ALTER TABLE register_ringassignment ADD CONSTRAINT register_ringassignment_no_overlap
       EXCLUDE USING gist (partner_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&)""",
]


def _clash(same_level: bool) -> str:
    level = "AND other.classification = NEW.classification" if same_level else ""
    return f"""
    SELECT 1 FROM register_ringassignment AS other
    WHERE other.partner_id = NEW.partner_id AND other.id IS NOT NEW.id {level}
      AND other.valid_from < COALESCE(NEW.valid_to, '9999-12-31')
      AND NEW.valid_from < COALESCE(other.valid_to, '9999-12-31')
"""


def _sqlite_triggers(same_level: bool) -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS register_ringassignment_no_overlap_insert",
        "DROP TRIGGER IF EXISTS register_ringassignment_no_overlap_update",
        *(f"""CREATE TRIGGER register_ringassignment_no_overlap_{event.lower()}
              BEFORE {event} ON register_ringassignment
              WHEN EXISTS ({_clash(same_level)})
              BEGIN SELECT RAISE(ABORT, 'register_ringassignment_no_overlap'); END"""
          for event in ("INSERT", "UPDATE")),
    ]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("register", "0005_spending_one_figure_per_classification"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="ringassignment",
            name="register_ringassignment_unique_start",
        ),
        migrations.AddConstraint(
            model_name="ringassignment",
            constraint=models.UniqueConstraint(fields=("partner", "classification", "valid_from"),
                                               name="register_ringassignment_unique_start"),
        ),
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": _sqlite_triggers(True)}),
            _run({"postgresql": PG_BACKWARD, "sqlite": _sqlite_triggers(False)}),
        ),
    ]
