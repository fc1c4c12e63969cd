"""The Model Editor's tables as of 0006, in one step for new databases; the data steps of 0002 and 0004 run
after them. Databases that ran the replaced migrations keep them."""

from importlib import import_module

import django.core.validators
import django.db.models.deletion
from django.conf import settings

from django.db import migrations, models

# The data steps of the replaced migrations, run as they are.
REFERENCE_ITEMS = import_module("modeleditor.migrations.0002_reference_items")
RULES = import_module("modeleditor.migrations.0004_seed_required_rules")


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('modeleditor', '0001_initial'),
        ('modeleditor', '0002_reference_items'),
        ('modeleditor', '0003_required_rules_extra_fields'),
        ('modeleditor', '0004_seed_required_rules'),
        ('modeleditor', '0005_translatable_names'),
        ('modeleditor', '0006_system_required_from_field_map'),
    ]

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ConfigVersion',
            fields=[
                ('id', models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                ('version', models.BigIntegerField(default=1)),
                ('updated_at', models.DateTimeField(auto_now=True)),
            ],
            options={
                'constraints': [models.CheckConstraint(condition=models.Q(('id', 1)), name='config_version_singleton')],
            },
        ),
        migrations.CreateModel(
            name='ExtraFieldDefinition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('target', models.CharField(choices=[('client_person', 'Client (person)'), ('client_company', 'Client (company)'), ('loan_application', 'Loan application'), ('contract', 'Contract')], max_length=20, verbose_name='target')),
                ('name', models.CharField(help_text='Without the prefix: favouriteContactTime, sent as client.favouriteContactTime.', max_length=100, validators=[django.core.validators.RegexValidator('^[A-Za-z][A-Za-z0-9_]*$', 'Latin letters, digits and _, a letter first.')], verbose_name='name')),
                ('type', models.CharField(choices=[('string', 'string'), ('integer', 'integer'), ('decimal', 'decimal'), ('boolean', 'boolean'), ('date', 'date'), ('reference', 'one of a reference list')], max_length=10, verbose_name='type')),
                ('reference_list', models.CharField(blank=True, choices=[('sex', 'Sex'), ('country', 'Country'), ('subdivision', 'Subdivision'), ('kinship', 'Kinship'), ('document_type', 'Document type'), ('how_you_know', 'How you know about us'), ('store_type', 'Store type'), ('getting_money_method', 'Getting money method'), ('device_type', 'Device type'), ('denial_reason', 'Denial reason'), ('address_purpose', 'Address purpose')], help_text='Only for the type reference.', max_length=40, verbose_name='reference list')),
                ('label', models.CharField(max_length=255, verbose_name='label')),
            ],
            options={
                'verbose_name': 'extra field',
                'verbose_name_plural': 'extra fields',
                'ordering': ['target', 'name'],
                'constraints': [models.UniqueConstraint(fields=('target', 'name'), name='extra_field_unique_name'), models.CheckConstraint(condition=models.Q(models.Q(('type', 'reference'), models.Q(('reference_list', ''), _negated=True)), models.Q(models.Q(('type', 'reference'), _negated=True), ('reference_list', '')), _connector='OR'), name='extra_field_reference_list_iff_reference')],
            },
        ),
        migrations.CreateModel(
            name='ReferenceItem',
            fields=[
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('id', models.BigIntegerField(primary_key=True, serialize=False, verbose_name='id')),
                ('list', models.CharField(choices=[('sex', 'Sex'), ('country', 'Country'), ('subdivision', 'Subdivision'), ('kinship', 'Kinship'), ('document_type', 'Document type'), ('how_you_know', 'How you know about us'), ('store_type', 'Store type'), ('getting_money_method', 'Getting money method'), ('device_type', 'Device type'), ('denial_reason', 'Denial reason'), ('address_purpose', 'Address purpose')], db_index=True, max_length=40, verbose_name='list')),
                ('name', models.CharField(max_length=255, verbose_name='name')),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
            ],
            options={
                'verbose_name': 'reference item',
                'verbose_name_plural': 'reference items',
                'ordering': ['list', 'name'],
                'constraints': [models.CheckConstraint(condition=models.Q(('id__gt', 0)), name='reference_item_id_positive')],
            },
        ),
        migrations.CreateModel(
            name='RequiredFieldRule',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('target', models.CharField(choices=[('client_person', 'Client (person)'), ('client_company', 'Client (company)'), ('loan_application', 'Loan application'), ('contract', 'Contract')], max_length=20, verbose_name='target')),
                ('path', models.CharField(max_length=255, verbose_name='path')),
                ('is_required', models.BooleanField(default=False, verbose_name='required')),
            ],
            options={
                'verbose_name': 'required field rule',
                'verbose_name_plural': 'required field rules',
                'ordering': ['target', 'id'],
                'permissions': [('use_model_editor', 'Can use the Model Editor')],
                'constraints': [models.UniqueConstraint(fields=('target', 'path'), name='required_rule_unique_path'), models.CheckConstraint(condition=models.Q(('is_required', True), models.Q(models.Q(('path__in', ('firstName', 'mobilePhone')), ('target', 'client_person')), models.Q(('path__in', ('firstName', 'title', 'mobilePhone')), ('target', 'client_company')), _connector='OR', _negated=True), _connector='OR'), name='required_rule_locked_stay_required')],
            },
        ),
        migrations.CreateModel(
            name='RuleChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('target', models.CharField(choices=[('client_person', 'Client (person)'), ('client_company', 'Client (company)'), ('loan_application', 'Loan application'), ('contract', 'Contract')], max_length=20, verbose_name='target')),
                ('path', models.CharField(max_length=255, verbose_name='path')),
                ('was_required', models.BooleanField(verbose_name='was required')),
                ('is_required', models.BooleanField(verbose_name='required')),
                ('source', models.CharField(choices=[('admin', 'admin'), ('api', 'API'), ('command', 'management command')], max_length=10, verbose_name='source')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created at')),
                ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='changed by')),
            ],
            options={
                'verbose_name': 'rule change',
                'verbose_name_plural': 'rule changes',
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.RunPython(REFERENCE_ITEMS.load, migrations.RunPython.noop),
        migrations.RunPython(RULES.seed, migrations.RunPython.noop),
        migrations.RunPython(RULES.create_permission, migrations.RunPython.noop),
    ]
