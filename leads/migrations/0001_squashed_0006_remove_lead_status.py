"""The leads' tables as of 0006, in one step for new databases. 0004's scrub of stored card data has
nothing to scrub in a new database. Databases that ran the replaced migrations keep them."""

import django.db.models.deletion
import leadcore.api.json
from django.conf import settings

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('leads', '0001_initial'),
        ('leads', '0003_idempotency_expiry_and_holder'),
        ('leads', '0004_lead_ignored_properties'),
        ('leads', '0005_translatable_names'),
        ('leads', '0006_remove_lead_status'),
    ]

    dependencies = [
        ('clients', '0010_relative_passport_as_document'),
        ('modeleditor', '0006_system_required_from_field_map'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Lead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('channel', models.CharField(blank=True, choices=[('PRESCORE', 'prescoring'), ('GENERATOR', 'lead generator'), ('SITE', 'our website'), ('ECOMM', 'online shop'), ('UNO_MOMENTO', 'Uno Momento'), ('LOAN_APPLICATION', 'loan application')], max_length=20, verbose_name='channel')),
                ('payload', models.JSONField(encoder=leadcore.api.json.PayloadJSONEncoder, help_text="The request body's known properties, card numbers masked, security codes removed.", verbose_name='request body')),
                ('ignored_properties', models.JSONField(blank=True, default=list, help_text='JSON paths of the properties the contract does not know, not stored.', verbose_name='ignored properties')),
                ('client_match', models.CharField(choices=[('matched', 'matched an existing client'), ('created', 'created a new client'), ('linked', 'linked by clientId')], max_length=10, verbose_name='client match')),
                ('match_details', models.JSONField(blank=True, default=dict, verbose_name='match details')),
                ('mobile_phone_check', models.BooleanField(blank=True, null=True, verbose_name='mobile phone confirmed')),
                ('ip_address', models.GenericIPAddressField(blank=True, null=True, verbose_name='IP address')),
                ('mac_address', models.CharField(blank=True, max_length=50, verbose_name='MAC address')),
                ('ip_and_region_match', models.BooleanField(blank=True, null=True, verbose_name='IP matches the region')),
                ('ip_and_reg_address_match', models.BooleanField(blank=True, null=True, verbose_name='IP matches the registration address')),
                ('approved_by_scorista', models.BooleanField(blank=True, null=True, verbose_name='approved by Scorista')),
                ('rosfinmonitoring_check', models.BooleanField(blank=True, null=True, verbose_name='Rosfinmonitoring check')),
                ('ufms_check', models.BooleanField(blank=True, null=True, verbose_name='FMS passport check')),
                ('extra_fields', models.JSONField(blank=True, default=dict, verbose_name='extra fields')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('api_user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='leads', to=settings.AUTH_USER_MODEL, verbose_name='integrator')),
                ('client', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='leads', to='clients.client', verbose_name='client')),
                ('contract', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='lead', to='clients.contract', verbose_name='contract')),
                ('denial_reason', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='modeleditor.referenceitem', verbose_name='denial reason')),
                ('device_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='modeleditor.referenceitem', verbose_name='device type')),
                ('legal_entity', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='leads', to='clients.legalentity', verbose_name='legal entity')),
                ('loan_application', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='lead', to='clients.loanapplication', verbose_name='loan application')),
                ('manager', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='leads', to='clients.manager', verbose_name='manager')),
            ],
            options={
                'verbose_name': 'lead',
                'verbose_name_plural': 'leads',
                'ordering': ['-id'],
            },
        ),
        migrations.CreateModel(
            name='IdempotencyKey',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=255)),
                ('request_hash', models.CharField(max_length=64)),
                ('state', models.CharField(choices=[('in_progress', 'In Progress'), ('completed', 'Completed')], max_length=12)),
                ('holder_pid', models.PositiveIntegerField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('lead', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='leads.lead')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('user', 'key'), name='idempotency_key_unique_per_user'), models.CheckConstraint(condition=models.Q(('state', 'in_progress'), ('lead__isnull', False), _connector='OR'), name='idempotency_completed_has_lead')],
            },
        ),
    ]
