"""Reads of the Model Editor: the API's from the cached snapshot, the editor screen's from the database."""

from dataclasses import dataclass
from typing import TypedDict

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils.text import format_lazy
from django_stubs_ext import StrOrPromise

from modeleditor.cache import config_snapshot
from modeleditor.catalogue import CATALOGUE, LOCKED, SCOPES, FieldSpec, extra_field_path
from modeleditor.choices import EXTRA_FIELD_PREFIX, FieldType, Target
from modeleditor.models import ExtraFieldDefinition, ReferenceList, RequiredFieldRule


@dataclass(frozen=True)
class EditorRow:
    path: str
    label: StrOrPromise
    type: StrOrPromise  # the type's label, in the language of the screen
    is_required: bool
    is_locked: bool
    is_extra: bool


def _extra_definitions(target: str) -> list[ExtraFieldDefinition]:
    return list(ExtraFieldDefinition.objects.filter(target=target).order_by("name"))


def rule_paths(target: str) -> set[str]:
    """Every path of the target a rule may be set for: the catalogued ones and its extra fields."""
    paths = {spec.path for spec in CATALOGUE[target]}
    paths.update(extra_field_path(target, d.name) for d in _extra_definitions(target))
    return paths


def editor_rows(target: str) -> list[EditorRow]:
    stored = dict(RequiredFieldRule.objects.filter(target=target).values_list("path", "is_required"))
    locked = LOCKED[target]
    rows = [
        EditorRow(
            s.path,
            s.label,
            FieldType(s.type).label,
            s.path in locked or stored.get(s.path, False),
            s.path in locked,
            False,
        )
        for s in CATALOGUE[target]
    ]
    for d in _extra_definitions(target):
        path = extra_field_path(target, d.name)
        type_ = FieldType(d.type).label
        if d.type == FieldType.REFERENCE:
            type_ = format_lazy("{} ({})", type_, ReferenceList(d.reference_list).label)
        rows.append(EditorRow(path, d.label, type_, stored.get(path, False), False, True))
    return rows


def _present(model: type[models.Model], spec: FieldSpec) -> Q:
    if spec.type == FieldType.ARRAY:
        return Q()
    field = model._meta.get_field(spec.column)
    present = Q(**{f"{spec.column}__isnull": False}) if field.null else Q()
    if isinstance(field, models.CharField | models.TextField):
        present &= ~Q(**{spec.column: ""})
    elif isinstance(field, models.JSONField):
        present &= ~Q(**{spec.column: {}})
    return present


def records_lacking(target: str, path: str) -> int:
    """How many existing records of the target lack the field; they stay valid if it becomes required."""
    scope = SCOPES[target]
    model = apps.get_model(scope.model)
    records = model.objects.filter(**dict(scope.where))
    prefix = f"extraFields[{EXTRA_FIELD_PREFIX[target]}"
    if path.startswith(prefix):
        return records.exclude(extra_fields__has_key=path.removeprefix(prefix).removesuffix("]")).count()
    spec = next(s for s in CATALOGUE[target] if s.path == path)
    holder = apps.get_model(spec.model) if spec.model else model
    present = holder.objects.filter(_present(holder, spec), **dict(spec.where)).values(spec.owner)
    return records.exclude(pk__in=present).count()


def extra_field_conflict(
    *, target: str, name: str, field_type: str, reference_list: str, exclude_pk: int | None
) -> str | None:
    """Person and company share the `client.` prefix, so one name must mean one type for both."""
    prefix = EXTRA_FIELD_PREFIX[target]
    siblings = ExtraFieldDefinition.objects.filter(
        target__in=[t for t, p in EXTRA_FIELD_PREFIX.items() if p == prefix], name=name
    )
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    for other in siblings:
        if other.target == target:
            return f"{prefix}{name} is already defined for {target}."
        if (other.type, other.reference_list) != (field_type, reference_list):
            return f"{prefix}{name} is defined for {other.target} as {other.type}; it must have the same type here."
    return None


class TargetRules(TypedDict):
    required: list[str]
    locked: list[str]


class LookupList(TypedDict):
    code: str
    name: StrOrPromise  # in the language of the request


class LookupItem(TypedDict):
    id: int
    name: str


def required_rules() -> dict[str, TargetRules]:
    snapshot = config_snapshot()
    return {
        target: {"required": list(snapshot.required_paths.get(target, ())), "locked": sorted(LOCKED[target])}
        for target in Target.values
    }


def lookup_lists() -> list[LookupList]:
    return [{"code": code, "name": label} for code, label in ReferenceList.choices]


def lookup_items(list_code: str) -> list[LookupItem] | None:
    """The active items of a list, or None for a list that does not exist."""
    if list_code not in ReferenceList.values:
        return None
    items = config_snapshot().active_reference_items.get(list_code, ())
    return [{"id": item_id, "name": name} for item_id, name in items]
