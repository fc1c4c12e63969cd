import json
from pathlib import Path

from django.db import migrations

SEED = Path(__file__).resolve().parent.parent / "seed" / "reference_items.json"


def load(apps, schema_editor):
    ReferenceItem = apps.get_model("modeleditor", "ReferenceItem")
    ConfigVersion = apps.get_model("modeleditor", "ConfigVersion")
    existing = set(ReferenceItem.objects.values_list("id", flat=True))
    items = json.loads(SEED.read_text(encoding="utf-8"))
    ReferenceItem.objects.bulk_create(
        ReferenceItem(id=i["id"], list=i["list"], name=i["name"]) for i in items if i["id"] not in existing
    )
    ConfigVersion.objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("modeleditor", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
