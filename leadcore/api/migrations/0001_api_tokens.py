"""API tokens as SHA-256 digests; the keys DRF's authtoken kept in clear carried over and erased;
the database cache table that the rate limits count in."""

import hashlib

import django.db.models.deletion
from django.conf import settings
from django.core.management import call_command
from django.db import migrations, models

LEGACY_TABLE = "authtoken_token"


def carry_over_legacy_keys(apps, schema_editor):
    # Integrators keep the keys they have; only their digests stay in the database.
    connection = schema_editor.connection
    if LEGACY_TABLE not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("api", "ApiToken")
    table = connection.ops.quote_name(LEGACY_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id, created FROM {table}")
        rows = cursor.fetchall()
        for key, user_id, created in rows:
            token = ApiToken.objects.create(
                user_id=user_id, digest=hashlib.sha256(key.encode()).hexdigest(), prefix=key[:8]
            )
            ApiToken.objects.filter(pk=token.pk).update(created_at=created)
        cursor.execute(f"DELETE FROM {table}")


def create_cache_table(apps, schema_editor):
    # Every `migrate` (`make run`, the test database, a deploy) makes the table the database
    # cache needs; a no-op with Redis or when it exists.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("digest", models.CharField(editable=False, max_length=64, unique=True)),
                ("prefix", models.CharField(editable=False, max_length=8)),
                ("expires_at", models.DateTimeField(blank=True, null=True, verbose_name="expires at")),
                ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="revoked at")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="api_tokens",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "API token",
                "verbose_name_plural": "API tokens",
                "ordering": ("-created_at",),
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("digest__regex", "^[0-9a-f]{64}$")), name="api_token_digest_sha256"
                    )
                ],
            },
        ),
        migrations.RunPython(carry_over_legacy_keys, migrations.RunPython.noop),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
