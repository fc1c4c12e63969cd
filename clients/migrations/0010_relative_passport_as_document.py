"""A relative's passport is kept under IdentityDocument's field names instead of the lead contract's."""

import django.core.serializers.json
from django.db import migrations, models

# Frozen here: the field map may change after this migration has run.
CONTRACT_TO_DOCUMENT = {
    "seria": "series",
    "no": "number",
    "issueDate": "issue_date",
    "closeDate": "close_date",
    "manager": "issued_by",
    "subdivisionCode": "subdivision_code",
    "extraNumber": "extra_number",
    "complementaryDocTypeId": "document_type_id",
}
DOCUMENT_TO_CONTRACT = {document: contract for contract, document in CONTRACT_TO_DOCUMENT.items()}


def _document_value(key: str, value):
    # The contract's passport was stored as text; a document type is an id.
    if key == "document_type_id" and str(value).isdigit():
        return int(value)
    return value


def _rekey(apps, keys: dict[str, str], value_of) -> None:
    relative_model = apps.get_model("clients", "Relative")
    changed = []
    for relative in relative_model.objects.exclude(passport=None).only("pk", "passport").iterator(chunk_size=2000):
        if not isinstance(relative.passport, dict):
            continue
        relative.passport = {
            keys.get(key, key): value_of(keys.get(key, key), value) for key, value in relative.passport.items()
        }
        changed.append(relative)
        if len(changed) == 2000:
            relative_model.objects.bulk_update(changed, ["passport"])
            changed = []
    relative_model.objects.bulk_update(changed, ["passport"])


def forwards(apps, schema_editor):
    _rekey(apps, CONTRACT_TO_DOCUMENT, _document_value)


def backwards(apps, schema_editor):
    _rekey(apps, DOCUMENT_TO_CONTRACT, lambda key, value: str(value))


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0009_translatable_names"),
    ]

    operations = [
        migrations.AlterField(
            model_name="relative",
            name="passport",
            field=models.JSONField(
                blank=True,
                encoder=django.core.serializers.json.DjangoJSONEncoder,
                null=True,
                verbose_name="passport",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
