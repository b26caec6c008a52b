from django.db import migrations, models

# The full-text side of the index, in each database's own way (see ims.search.models).
POSTGRESQL = [
    "ALTER TABLE search_searchentry ADD COLUMN vector tsvector",
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (vector)",
]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS search_entry_vector", "ALTER TABLE search_searchentry DROP COLUMN vector"]
SQLITE = ["CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')"]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS search_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("partner", "Partner"), ("initiative", "Initiatief"), ("agreement", "Overeenkomst"), ("contribution", "Bijdrage aan operatie of missie"), ("commitment", "Toezegging"), ("milestone", "Mijlpaal"), ("document", "Brondocument")], max_length=20, verbose_name="soort")),
                ("object_id", models.PositiveIntegerField(verbose_name="gegeven")),
                ("classification", models.PositiveSmallIntegerField(choices=[(0, "Ongerubriceerd"), (1, "Departementaal Vertrouwelijk"), (2, "Stg. Confidentieel"), (3, "Stg. Geheim")], db_index=True, verbose_name="rubricering")),
                ("year", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="jaar")),
                ("title", models.CharField(max_length=300, verbose_name="titel")),
                ("body", models.TextField(blank=True, verbose_name="tekst")),
                ("anchor", models.CharField(blank=True, max_length=40, verbose_name="verwijzing")),
            ],
            options={"verbose_name": "zoekindex", "verbose_name_plural": "zoekindex"},
        ),
        migrations.AddConstraint(
            model_name="searchentry",
            constraint=models.UniqueConstraint(fields=("kind", "object_id"), name="search_entry_unique_record"),
        ),
        migrations.AddConstraint(
            model_name="searchentry",
            constraint=models.CheckConstraint(condition=models.Q(("kind__in", ["partner", "initiative", "agreement", "contribution", "commitment", "milestone", "document"])), name="search_entry_kind"),
        ),
        migrations.RunPython(_run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
                             _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE})),
    ]
