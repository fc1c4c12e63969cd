"""Writes of the Model Editor. Each one bumps the config version so every process reloads."""

import secrets
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F

from leadcore.errors import DomainError, Problem
from modeleditor.cache import forget_version_check
from modeleditor.catalogue import LOCKED, extra_field_path
from modeleditor.choices import FieldType, Target
from modeleditor.errors import ModelEditorErrorCode
from modeleditor.models import (
    ConfigVersion,
    ExtraFieldDefinition,
    ReferenceItem,
    RequiredFieldRule,
    RuleChange,
)
from modeleditor.selectors import extra_field_conflict, rule_paths


def config_version_bump() -> None:
    # A random step rather than +1: a number handed out in a transaction that then rolled back
    # must never be reused, or a process that cached the rolled-back data would keep it.
    step = 1 + secrets.randbelow(2**31)
    updated = ConfigVersion.objects.filter(pk=1).update(version=F("version") + step)
    if not updated:
        ConfigVersion.objects.get_or_create(pk=1, defaults={"version": 1 + step})
    forget_version_check()


@transaction.atomic
def reference_item_save(*, item_id: int, list_code: str, name: str, is_active: bool = True) -> ReferenceItem:
    item, _ = ReferenceItem.objects.update_or_create(
        pk=item_id, defaults={"list": list_code, "name": name, "is_active": is_active}
    )
    config_version_bump()
    return item


@transaction.atomic
def reference_items_set_active(*, item_ids: Iterable[int], is_active: bool) -> int:
    """Deactivated items are refused in new leads; records that already point at them keep them."""
    changed = (
        ReferenceItem.objects.filter(pk__in=list(item_ids)).exclude(is_active=is_active).update(is_active=is_active)
    )
    if changed:
        config_version_bump()
    return changed


@transaction.atomic
def required_rules_set(
    *,
    target: str,
    required: Mapping[str, bool],
    changed_by: User | None,
    source: str,
) -> list[RuleChange]:
    """Sets the rules of one target's fields; returns the changes made (unchanged rules are skipped)."""
    if target not in Target.values:
        raise DomainError(
            [Problem(ModelEditorErrorCode.UNKNOWN_TARGET, "target", f"{target} is not a Model Editor target.")]
        )
    known = rule_paths(target)
    problems = []
    for path, is_required in required.items():
        if path not in known:
            problems.append(Problem(ModelEditorErrorCode.UNKNOWN_FIELD, path, f"{path} is not a field of {target}."))
        elif path in LOCKED[target] and not is_required:
            problems.append(
                Problem(
                    ModelEditorErrorCode.RULE_LOCKED,
                    path,
                    f"{path} is system-required for {target} and cannot be made optional.",
                )
            )
    if problems:
        raise DomainError(problems)

    rules = {r.path: r for r in RequiredFieldRule.objects.select_for_update().filter(target=target, path__in=required)}
    changes = []
    for path, is_required in required.items():
        rule = rules.get(path)
        was_required = rule.is_required if rule else path in LOCKED[target]
        if was_required == is_required:
            continue
        if rule:
            rule.is_required = is_required
            rule.save(update_fields=["is_required", "updated_at"])
        else:
            RequiredFieldRule.objects.create(target=target, path=path, is_required=is_required)
        changes.append(
            RuleChange(
                target=target,
                path=path,
                was_required=was_required,
                is_required=is_required,
                changed_by=changed_by,
                source=source,
            )
        )
    if changes:
        RuleChange.objects.bulk_create(changes)
        config_version_bump()
    return changes


def _check_definition(definition: ExtraFieldDefinition) -> None:
    if conflict := extra_field_conflict(
        target=definition.target,
        name=definition.name,
        field_type=definition.type,
        reference_list=definition.reference_list,
        exclude_pk=definition.pk,
    ):
        raise DomainError([Problem(ModelEditorErrorCode.EXTRA_FIELD_CONFLICT, "name", conflict)])


@transaction.atomic
def extra_field_define(
    *, target: str, name: str, field_type: str, label: str, reference_list: str = ""
) -> ExtraFieldDefinition:
    """A new extra field starts optional; its rule row is created with it."""
    definition = ExtraFieldDefinition(
        target=target,
        name=name,
        type=field_type,
        label=label,
        reference_list=reference_list if field_type == FieldType.REFERENCE else "",
    )
    _check_definition(definition)
    definition.full_clean()
    definition.save()
    RequiredFieldRule.objects.get_or_create(target=target, path=extra_field_path(target, name))
    config_version_bump()
    return definition


@transaction.atomic
def extra_field_update(
    *, definition: ExtraFieldDefinition, field_type: str, label: str, reference_list: str = ""
) -> ExtraFieldDefinition:
    """Target and name stay: integrators send them, and the field's rule is keyed by them."""
    definition.type = field_type
    definition.label = label
    definition.reference_list = reference_list if field_type == FieldType.REFERENCE else ""
    _check_definition(definition)
    definition.full_clean()
    definition.save()
    config_version_bump()
    return definition


@transaction.atomic
def extra_field_delete(*, definition: ExtraFieldDefinition, changed_by: User | None, source: str) -> None:
    """New leads may still send the name; it is then an unknown extra field, accepted and kept."""
    path = extra_field_path(definition.target, definition.name)
    if RequiredFieldRule.objects.filter(target=definition.target, path=path, is_required=True).exists():
        RuleChange.objects.create(
            target=definition.target,
            path=path,
            was_required=True,
            is_required=False,
            changed_by=changed_by,
            source=source,
        )
    RequiredFieldRule.objects.filter(target=definition.target, path=path).delete()
    definition.delete()
    config_version_bump()
