"""Indexes no query reads dropped; each cost every lead an insert (26 in a full lead: 0.04 ms of
PostgreSQL's CPU per lead, measured on a replayed lead in interleaved blocks).

The reference items' columns (`clients.models.base.reference`: nothing reads rows by their item,
and no item is deleted) and the address's FIAS id (no address is looked up by it) are not indexed
any more. The phone, INN, SNILS and passport columns keep one plain index each for their exact
look-ups, now declared in Meta under names of their own: on PostgreSQL `db_index` had added a
second, `varchar_pattern_ops` one for LIKE 'prefix%', which no query asks. The plain ones are
renamed, not rebuilt, and the foreign keys stay as they are (an AlterField of a foreign key drops
it and adds it again, checking every row).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


# Indexes Django created for `db_index`, dropped: (table, column, name).
DROPPED = (
    ("clients_address", "country_id", "clients_address_country_id_24145964"),
    ("clients_address", "fias_id", "clients_address_fias_id_565abe88"),
    ("clients_address", "purpose_id", "clients_address_purpose_id_549324a5"),
    ("clients_client", "birth_country_id", "clients_client_birth_country_id_7d157e6d"),
    ("clients_client", "sex_id", "clients_client_sex_id_aaa37137"),
    ("clients_contract", "getting_money_method_id", "clients_contract_getting_money_method_id_07e88e6f"),
    ("clients_identitydocument", "document_type_id", "clients_identitydocument_document_type_id_54510f32"),
    ("clients_loanapplication", "denial_reason_id", "clients_loanapplication_denial_reason_id_dada87c0"),
    ("clients_loanapplication", "how_you_know_id", "clients_loanapplication_how_you_know_id_fab41557"),
    ("clients_loanapplication", "store_type_id", "clients_loanapplication_store_type_id_92c47774"),
    ("clients_loanapplication", "subdivision_id", "clients_loanapplication_subdivision_id_e07852ee"),
    ("clients_relative", "kinship_id", "clients_relative_kinship_id_bf0ecb84"),
)
# Plain indexes Django created for `db_index`, renamed to their Meta names; their `_like` twins
# (PostgreSQL's) dropped: (table, column, name, new name).
RENAMED = (
    ("clients_client", "mobile_phone", "clients_client_mobile_phone_0769339a", "client_mobile_phone_idx"),
    ("clients_client", "inn", "clients_client_inn_1180172d", "client_inn_idx"),
    ("clients_client", "snils", "clients_client_snils_dffb4b90", "client_snils_idx"),
    ("clients_identitydocument", "series", "clients_identitydocument_series_eb221dd0", "document_series_idx"),
    ("clients_identitydocument", "number", "clients_identitydocument_number_61554e28", "document_number_idx"),
)


def drop(apps, schema_editor):
    run, quote = schema_editor.execute, schema_editor.quote_name
    for _table, _column, name in DROPPED:
        run(f"DROP INDEX IF EXISTS {quote(name)}")
    for table, column, name, new in RENAMED:
        if schema_editor.connection.vendor == "postgresql":
            run(f"DROP INDEX IF EXISTS {quote(name + '_like')}")
            run(f"ALTER INDEX IF EXISTS {quote(name)} RENAME TO {quote(new)}")
        else:
            run(f"DROP INDEX IF EXISTS {quote(name)}")
        run(f"CREATE INDEX IF NOT EXISTS {quote(new)} ON {quote(table)} ({quote(column)})")


def restore(apps, schema_editor):
    run, quote = schema_editor.execute, schema_editor.quote_name
    for table, column, name in DROPPED:
        run(f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} ({quote(column)})")
    for table, column, name, new in RENAMED:
        if schema_editor.connection.vendor == "postgresql":
            run(f"ALTER INDEX IF EXISTS {quote(new)} RENAME TO {quote(name)}")
            like = f"{quote(column)} varchar_pattern_ops"
            run(f"CREATE INDEX IF NOT EXISTS {quote(name + '_like')} ON {quote(table)} ({like})")
        else:
            run(f"DROP INDEX IF EXISTS {quote(new)}")
        run(f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} ({quote(column)})")


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0001_squashed_0010_relative_passport_as_document"),
        ("modeleditor", "0001_squashed_0006_system_required_from_field_map"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(drop, restore)],
            state_operations=[
                migrations.AlterField(
                    model_name="address",
                    name="fias_id",
                    field=models.UUIDField(blank=True, null=True, verbose_name="FIAS id"),
                ),
                migrations.AlterField(
                    model_name="address",
                    name="country",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="country",
                    ),
                ),
                migrations.AlterField(
                    model_name="address",
                    name="purpose",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="purpose",
                    ),
                ),
                migrations.AlterField(
                    model_name="client",
                    name="birth_country",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="country of birth",
                    ),
                ),
                migrations.AlterField(
                    model_name="client",
                    name="inn",
                    field=models.CharField(blank=True, max_length=12, verbose_name="INN"),
                ),
                migrations.AlterField(
                    model_name="client",
                    name="mobile_phone",
                    field=models.CharField(max_length=20, verbose_name="mobile phone"),
                ),
                migrations.AlterField(
                    model_name="client",
                    name="sex",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="sex",
                    ),
                ),
                migrations.AlterField(
                    model_name="client",
                    name="snils",
                    field=models.CharField(blank=True, max_length=11, verbose_name="SNILS"),
                ),
                migrations.AlterField(
                    model_name="contract",
                    name="getting_money_method",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="payout method",
                    ),
                ),
                migrations.AlterField(
                    model_name="identitydocument",
                    name="document_type",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        help_text="Empty means a Russian passport.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="document type",
                    ),
                ),
                migrations.AlterField(
                    model_name="identitydocument",
                    name="number",
                    field=models.CharField(blank=True, max_length=25, verbose_name="number"),
                ),
                migrations.AlterField(
                    model_name="identitydocument",
                    name="series",
                    field=models.CharField(blank=True, max_length=25, verbose_name="series"),
                ),
                migrations.AlterField(
                    model_name="loanapplication",
                    name="denial_reason",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        editable=False,
                        limit_choices_to={"list": "denial_reason"},
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="denial reason",
                    ),
                ),
                migrations.AlterField(
                    model_name="loanapplication",
                    name="how_you_know",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="how the applicant heard of us",
                    ),
                ),
                migrations.AlterField(
                    model_name="loanapplication",
                    name="store_type",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="store type",
                    ),
                ),
                migrations.AlterField(
                    model_name="loanapplication",
                    name="subdivision",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="subdivision",
                    ),
                ),
                migrations.AlterField(
                    model_name="relative",
                    name="kinship",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="modeleditor.referenceitem",
                        verbose_name="kinship",
                    ),
                ),
                migrations.AddIndex(
                    model_name="client",
                    index=models.Index(fields=["mobile_phone"], name="client_mobile_phone_idx"),
                ),
                migrations.AddIndex(
                    model_name="client",
                    index=models.Index(fields=["inn"], name="client_inn_idx"),
                ),
                migrations.AddIndex(
                    model_name="client",
                    index=models.Index(fields=["snils"], name="client_snils_idx"),
                ),
                migrations.AddIndex(
                    model_name="identitydocument",
                    index=models.Index(fields=["series"], name="document_series_idx"),
                ),
                migrations.AddIndex(
                    model_name="identitydocument",
                    index=models.Index(fields=["number"], name="document_number_idx"),
                ),
            ],
        ),
    ]
