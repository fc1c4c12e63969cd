from django.db import migrations

from modeleditor.catalogue import CATALOGUE, LOCKED


def seed(apps, schema_editor):
    """Every catalogued field gets its rule: the system-required ones required, the rest optional."""
    RequiredFieldRule = apps.get_model("modeleditor", "RequiredFieldRule")
    RequiredFieldRule.objects.bulk_create(
        (
            RequiredFieldRule(target=target, path=spec.path, is_required=spec.path in LOCKED[target])
            for target, specs in CATALOGUE.items()
            for spec in specs
        ),
        ignore_conflicts=True,
    )


def create_permission(apps, schema_editor):
    """Created here, not only after all migrations, so the Administrators group can hold it at once.

    The group comes from a clients migration, which may run before or after this one: if it ran
    first, it granted the permissions that existed then, so the Model Editor's are added here.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="modeleditor", model="requiredfieldrule")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="use_model_editor", defaults={"name": "Can use the Model Editor"}
    )
    administrators = Group.objects.filter(name="Administrators").first()
    if administrators:
        administrators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("modeleditor", "0003_required_rules_extra_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(create_permission, migrations.RunPython.noop),
    ]
