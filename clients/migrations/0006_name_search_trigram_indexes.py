"""Trigram indexes for the back office's name search, on PostgreSQL only.

The admin searches names with `icontains`, which PostgreSQL runs as
`UPPER(col::text) LIKE UPPER('%word%')`; a GIN trigram index on that very expression keeps
the search fast on millions of clients. SQLite (the demo database) scans, which is fine there.
"""

from django.db import migrations

COLUMNS = ("last_name", "first_name", "patronymic", "title")


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS client_{column}_trgm ON clients_client "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS client_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("clients", "0005_address_plural")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
