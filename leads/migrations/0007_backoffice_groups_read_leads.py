"""The back-office groups' permissions on leads (until now granted by clients 0004, which no longer waits
for the leads' tables): Operators read leads, Administrators hold every leads permission."""

from importlib import import_module

from django.db import migrations

GROUPS = import_module("clients.migrations.0004_backoffice_groups")


def grant(apps, schema_editor):
    GROUPS._ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    leads = Permission.objects.filter(content_type__app_label="leads")
    for group in Group.objects.filter(name=GROUPS.OPERATORS):
        group.permissions.add(*leads.filter(codename="view_lead"))
    for group in Group.objects.filter(name=GROUPS.ADMINISTRATORS):
        group.permissions.add(*leads)


class Migration(migrations.Migration):
    dependencies = [
        ("leads", "0006_remove_lead_status"),
        ("clients", "0004_backoffice_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
