"""The back-office groups after every `migrate` (and every test-database flush).

Migration 0004 creates them; permissions of models added later appear only after that
migration ran, so Administrators ("everything") are topped up here each time, and a missing
group is recreated. An Operators group that administrators edited is left as it is."""

from django.apps import apps as global_apps

OPERATORS = "Operators"
ADMINISTRATORS = "Administrators"

# App label → model name → permission actions.
OPERATOR_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "leads": {"lead": ("view",)},
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


def groups_sync(*, using: str = "default", apps=global_apps, **kwargs) -> None:
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:
        # `migrate` stopped before the auth app: there are no groups to keep yet.
        return
    administrators, _ = Group.objects.using(using).get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(*Permission.objects.using(using).exclude(group=administrators))
    operators, created = Group.objects.using(using).get_or_create(name=OPERATORS)
    if created:
        for app_label, models in OPERATOR_PERMISSIONS.items():
            codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
            operators.permissions.add(
                *Permission.objects.using(using).filter(content_type__app_label=app_label, codename__in=codenames)
            )
