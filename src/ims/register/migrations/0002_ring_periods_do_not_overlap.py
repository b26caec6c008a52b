"""Ring periods of one partner may not overlap, enforced by the database itself.

PostgreSQL expresses this as an exclusion constraint over half-open date ranges; SQLite has no such
constraint, so two triggers refuse the same rows there. Model validation gives the Dutch message
first; this is the guarantee for every other path (raw SQL, bulk writes, races).
"""

from django.db import migrations

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """ALTER TABLE register_ringassignment ADD CONSTRAINT register_ringassignment_no_overlap
       EXCLUDE USING gist (partner_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&)""",
]
PG_BACKWARD = ["ALTER TABLE register_ringassignment DROP CONSTRAINT register_ringassignment_no_overlap"]

_SQLITE_CLASH = """
    SELECT 1 FROM register_ringassignment AS other
    WHERE other.partner_id = NEW.partner_id AND other.id IS NOT NEW.id
      AND other.valid_from < COALESCE(NEW.valid_to, '9999-12-31')
      AND NEW.valid_from < COALESCE(other.valid_to, '9999-12-31')
"""
SQLITE_FORWARD = [
    f"""CREATE TRIGGER register_ringassignment_no_overlap_insert
        BEFORE INSERT ON register_ringassignment
        WHEN EXISTS ({_SQLITE_CLASH})
        BEGIN SELECT RAISE(ABORT, 'register_ringassignment_no_overlap'); END""",
    f"""CREATE TRIGGER register_ringassignment_no_overlap_update
        BEFORE UPDATE ON register_ringassignment
        WHEN EXISTS ({_SQLITE_CLASH})
        BEGIN SELECT RAISE(ABORT, 'register_ringassignment_no_overlap'); END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS register_ringassignment_no_overlap_insert",
    "DROP TRIGGER IF EXISTS register_ringassignment_no_overlap_update",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("register", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
