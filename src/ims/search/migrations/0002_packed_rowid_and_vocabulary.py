"""The SQLite index's rowids carry each entry's kind, level and year (see ims.search.engine.fts_rowid), and both
databases get the vocabulary of index terms that the compound splitting consults (ims.search.compounds).

The constants are copied here on purpose: a migration describes the index as it was at this point."""

from django.db import migrations

KINDS = ("partner", "initiative", "agreement", "contribution", "commitment", "milestone", "document")
_KIND = "CASE e.kind " + " ".join(f"WHEN '{k}' THEN {n}" for n, k in enumerate(KINDS)) + " END"
_ROWID = (f"(e.id << 19) | ({_KIND} << 15) | (min(e.classification, 7) << 12)"
          " | (CASE WHEN e.year BETWEEN 1 AND 4095 THEN e.year ELSE 0 END)")
TERMS = "CREATE TABLE search_term (term varchar(200) NOT NULL PRIMARY KEY)"

SQLITE = [
    TERMS,
    "CREATE VIRTUAL TABLE search_fts_packed USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO search_fts_packed (rowid, title, body) SELECT " + _ROWID + ", f.title, f.body"
    " FROM search_fts f JOIN search_searchentry e ON e.id = f.rowid",
    "DROP TABLE search_fts",
    "ALTER TABLE search_fts_packed RENAME TO search_fts",
    "CREATE VIRTUAL TABLE temp.search_fts_terms USING fts5vocab(main, search_fts, 'row')",
    "INSERT INTO search_term (term) SELECT term FROM temp.search_fts_terms WHERE term <> 'qq0'",
    "DROP TABLE temp.search_fts_terms",
]
SQLITE_REVERSE = [
    "DROP TABLE search_term",
    "CREATE VIRTUAL TABLE search_fts_plain USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO search_fts_plain (rowid, title, body) SELECT rowid >> 19, title, body FROM search_fts",
    "DROP TABLE search_fts",
    "ALTER TABLE search_fts_plain RENAME TO search_fts",
]
POSTGRESQL = [
    TERMS,
    "INSERT INTO search_term (term) SELECT word FROM ts_stat('SELECT vector FROM search_searchentry"
    " WHERE vector IS NOT NULL')",
]
POSTGRESQL_REVERSE = ["DROP TABLE search_term"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_index")]

    operations = [
        migrations.RunPython(_run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
                             _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE})),
    ]
