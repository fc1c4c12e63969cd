"""The lead's reference items' columns not indexed, as the client's (`clients` 0011): no query reads
leads by their denial reason or device type, and no item is deleted. Only the indexes are dropped:
an AlterField of a foreign key would drop the key and add it again, checking every row."""

import django.db.models.deletion
from django.db import migrations, models

# (column, the index Django created for `db_index`)
DROPPED = (
    ("denial_reason_id", "leads_lead_denial_reason_id_51e7d8ef"),
    ("device_type_id", "leads_lead_device_type_id_7f37a19d"),
)


def drop(apps, schema_editor):
    for _column, name in DROPPED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


def restore(apps, schema_editor):
    quote = schema_editor.quote_name
    for column, name in DROPPED:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {quote(name)} ON leads_lead ({quote(column)})")


def _not_indexed(name: str, verbose_name: str) -> migrations.AlterField:
    return migrations.AlterField(
        model_name="lead",
        name=name,
        field=models.ForeignKey(
            blank=True,
            db_index=False,
            null=True,
            on_delete=django.db.models.deletion.PROTECT,
            related_name="+",
            to="modeleditor.referenceitem",
            verbose_name=verbose_name,
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("leads", "0008_lead_payload_lz4"),
        ("modeleditor", "0001_squashed_0006_system_required_from_field_map"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(drop, restore)],
            state_operations=[
                _not_indexed("denial_reason", "denial reason"),
                _not_indexed("device_type", "device type"),
            ],
        ),
    ]
