"""GIN indexes for the address look-up, on PostgreSQL only (SQLite scans, which is fine for a demo).

One partial index per kind of object: the look-up asks streets, houses and flats in turn, and a
word common to a whole region ("москва") must not drag the flats' index into a street query.
The expression must stay identical to `clients.gar.selectors.SEARCH_VECTOR_SQL`.
"""

from django.db import migrations

KINDS = ("addr_obj", "house", "apartment")


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for kind in KINDS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS gar_search_{kind}_gin ON gar_garobject "
            f"USING gin (array_to_tsvector(string_to_array(search_text, ' '))) WHERE kind = '{kind}'"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for kind in KINDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS gar_search_{kind}_gin")


class Migration(migrations.Migration):
    dependencies = [("gar", "0001_gar_directory")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
