"""Writes of the Model Editor. Each one bumps the config version so every process reloads."""

from django.db import transaction
from django.db.models import F

from modeleditor.models import ConfigVersion, ReferenceItem


def config_version_bump() -> None:
    updated = ConfigVersion.objects.filter(pk=1).update(version=F("version") + 1)
    if not updated:
        ConfigVersion.objects.get_or_create(pk=1, defaults={"version": 2})


@transaction.atomic
def reference_item_save(*, item_id: int, list_code: str, name: str, is_active: bool = True) -> ReferenceItem:
    item, _ = ReferenceItem.objects.update_or_create(
        pk=item_id, defaults={"list": list_code, "name": name, "is_active": is_active}
    )
    config_version_bump()
    return item
