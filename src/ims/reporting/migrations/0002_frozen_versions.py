"""The database itself refuses to change a finalised report version or a stored report file.

UPDATE is refused on SQLite and PostgreSQL. DELETE is refused on PostgreSQL only: test runs on SQLite
empty tables with DELETE between tests, while PostgreSQL empties them with TRUNCATE, which row triggers
do not see.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    """CREATE OR REPLACE FUNCTION reporting_refuse_final() RETURNS trigger AS $$
       BEGIN
         IF TG_TABLE_NAME = 'reporting_reportversion' AND OLD.status <> 'final' THEN
           IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
           RETURN NEW;
         END IF;
         RAISE EXCEPTION 'a finalised report is frozen: %% on %% refused', TG_OP, TG_TABLE_NAME;
       END
       $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER reporting_version_frozen BEFORE UPDATE OR DELETE ON reporting_reportversion
       FOR EACH ROW EXECUTE FUNCTION reporting_refuse_final()""",
    """CREATE TRIGGER reporting_file_frozen BEFORE UPDATE OR DELETE ON reporting_reportfile
       FOR EACH ROW EXECUTE FUNCTION reporting_refuse_final()""",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS reporting_file_frozen ON reporting_reportfile",
    "DROP TRIGGER IF EXISTS reporting_version_frozen ON reporting_reportversion",
    "DROP FUNCTION IF EXISTS reporting_refuse_final()",
]
SQLITE_FORWARD = [
    """CREATE TRIGGER reporting_version_frozen BEFORE UPDATE ON reporting_reportversion
       FOR EACH ROW WHEN OLD.status = 'final'
       BEGIN SELECT RAISE(ABORT, 'a finalised report is frozen: UPDATE refused'); END""",
    """CREATE TRIGGER reporting_file_frozen BEFORE UPDATE ON reporting_reportfile
       FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'a stored report file is frozen: UPDATE refused'); END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS reporting_file_frozen",
    "DROP TRIGGER IF EXISTS reporting_version_frozen",
]


def _run(postgres, sqlite):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in postgres if vendor == "postgresql" else sqlite if vendor == "sqlite" else []:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]
    operations = [migrations.RunPython(_run(POSTGRES_FORWARD, SQLITE_FORWARD),
                                       _run(POSTGRES_BACKWARD, SQLITE_BACKWARD))]
