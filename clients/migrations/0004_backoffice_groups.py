"""The two back-office groups: Operators (day-to-day work on clients) and Administrators (everything).

The leads' permissions are granted by leads 0007, so that this migration (and the clients' squashed
one that runs it) need not wait for the leads' tables, which wait for the clients'."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OPERATORS = "Operators"
ADMINISTRATORS = "Administrators"

# app label → {model: actions}. Nothing of the Model Editor, reference lists, products,
# legal entities, managers or users; no full passport or card numbers.
OPERATOR_PERMISSIONS = {
    "clients": {
        "client": ("view", "change"),
        "identitydocument": ("view", "change", "add"),
        "address": ("view", "change", "add"),
        "relative": ("view", "change", "add"),
        "loanapplication": ("view", "change"),
        "contract": ("view", "change"),
        "leaddebt": ("view",),
        "goods": ("view",),
        "clientmerge": ("view", "add"),
        "notduplicate": ("view", "add"),
    },
}


def _ensure_permissions(apps):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    operators, _ = Group.objects.get_or_create(name=OPERATORS)
    codenames = [
        (app_label, f"{action}_{model}")
        for app_label, models in OPERATOR_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    operator_permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in codenames
    ]
    operators.permissions.set(operator_permissions)

    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.set(Permission.objects.all())


def drop_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[OPERATORS, ADMINISTRATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0003_backoffice_merges_and_decisions"),
        ("modeleditor", "0002_reference_items"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, drop_groups)]
