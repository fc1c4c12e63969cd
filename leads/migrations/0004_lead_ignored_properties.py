"""Ignored properties named on the lead; card data already stored is scrubbed as new leads are.

Leads stored before kept unknown properties as received (a `cvv`, a `card.number`) and extra
fields with card numbers and CVCs in full: they are scrubbed by the same rules as new ones.
"""

import leadcore.api.json
from django.db import migrations, models

from leads.intake.card_data import scrub
from leads.intake.stored import stored_body

BATCH = 500


def _scrub_rows(model, fields: list[str], change) -> None:
    changed = []
    for row in model.objects.only("pk", *fields).iterator(chunk_size=BATCH):
        if change(row):
            changed.append(row)
        if len(changed) == BATCH:
            model.objects.bulk_update(changed, fields)
            changed = []
    model.objects.bulk_update(changed, fields)


def _scrub_lead(lead) -> bool:
    body = stored_body(lead.payload if isinstance(lead.payload, dict) else {})
    extra = scrub(lead.extra_fields)
    if (body.payload, body.ignored, extra) == (lead.payload, [], lead.extra_fields):
        return False
    lead.payload, lead.ignored_properties, lead.extra_fields = body.payload, body.ignored, extra
    return True


def _scrub_extra_fields(row) -> bool:
    extra = scrub(row.extra_fields)
    if extra == row.extra_fields:
        return False
    row.extra_fields = extra
    return True


def scrub_stored_card_data(apps, schema_editor) -> None:
    _scrub_rows(apps.get_model("leads", "Lead"), ["payload", "ignored_properties", "extra_fields"], _scrub_lead)
    for name in ("Client", "LoanApplication", "Contract"):
        _scrub_rows(apps.get_model("clients", name), ["extra_fields"], _scrub_extra_fields)


class Migration(migrations.Migration):

    dependencies = [
        ('leads', '0003_idempotency_expiry_and_holder'),
        ('clients', '0007_client_created_by'),
    ]

    operations = [
        migrations.AddField(
            model_name='lead',
            name='ignored_properties',
            field=models.JSONField(blank=True, default=list, help_text='JSON paths of the properties the contract does not know, not stored.'),
        ),
        migrations.AlterField(
            model_name='lead',
            name='payload',
            field=models.JSONField(encoder=leadcore.api.json.PayloadJSONEncoder, help_text="The request body's known properties, card numbers masked, security codes removed."),
        ),
        migrations.RunPython(scrub_stored_card_data, migrations.RunPython.noop),
    ]
