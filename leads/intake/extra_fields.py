"""Extra fields of a lead checked against the Model Editor's definitions.

An extra field whose name no definition has is accepted and kept as sent; one with a definition
must match its type, and an `id` must name a definition.
"""

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from leadcore.api.errors import ApiErrorCode, Problem
from modeleditor.cache import ConfigSnapshot, ExtraFieldSpec, config_snapshot
from modeleditor.choices import FieldType

_INTEGER = re.compile(r"[+-]?\d{1,18}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BOOLEANS = {"true", "false"}
_EXPECTED: dict[str, str] = {
    FieldType.INTEGER: "an integer",
    FieldType.DECIMAL: "a decimal number",
    FieldType.BOOLEAN: "true or false",
    FieldType.DATE: "a date (YYYY-MM-DD)",
    FieldType.REFERENCE: "the id of a reference item",
}


def _item_id(item: dict) -> int | None:
    """The definition id of an item, also when it came as a string of digits ("7")."""
    value = item.get("id")
    if isinstance(value, str) and value.isascii() and value.strip().isdigit():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _definition(item: dict, snapshot: ConfigSnapshot) -> ExtraFieldSpec | None:
    if (item_id := _item_id(item)) is not None:
        return snapshot.extra_fields_by_id.get(item_id)
    return snapshot.extra_fields_by_name.get(item.get("name") or "")


def extra_field_name(item: dict, *, snapshot: ConfigSnapshot | None = None) -> str | None:
    """The name the value is placed by: as sent, or the definition's (with its prefix) for an id."""
    if item.get("name"):
        return item["name"]
    item_id = _item_id(item)
    definition = (snapshot or config_snapshot()).extra_fields_by_id.get(item_id) if item_id is not None else None
    return definition.full_name if definition else None


def _as_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _is_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _is_decimal(text: str) -> bool:
    try:
        return Decimal(text).is_finite()
    except InvalidOperation:
        return False


def _value_problem(definition: ExtraFieldSpec, value, path: str, snapshot: ConfigSnapshot) -> Problem | None:
    text = _as_text(value)
    kind = definition.type
    checks: dict[str, Callable[[], bool]] = {
        FieldType.STRING: lambda: True,
        FieldType.INTEGER: lambda: not isinstance(value, bool) and bool(_INTEGER.fullmatch(text)),
        FieldType.DECIMAL: lambda: not isinstance(value, bool) and _is_decimal(text),
        FieldType.BOOLEAN: lambda: text.lower() in _BOOLEANS,
        FieldType.DATE: lambda: _is_date(text),
        FieldType.REFERENCE: lambda: not isinstance(value, bool) and bool(_INTEGER.fullmatch(text)),
    }
    valid = checks[kind]()
    if not valid:
        return Problem(ApiErrorCode.INVALID_FORMAT, path, f"{definition.full_name} must be {_EXPECTED[kind]}.")
    if kind == FieldType.REFERENCE and int(text) not in snapshot.active_reference_ids.get(
        definition.reference_list, ()
    ):
        return Problem(
            ApiErrorCode.UNKNOWN_REFERENCE,
            path,
            f"{int(text)} is not an active item of {definition.reference_list}.",
        )
    return None


def extra_field_problems(items: list[dict]) -> list[Problem]:
    snapshot = config_snapshot()
    problems = []
    for index, item in enumerate(items):
        item_id = _item_id(item)
        if item_id is not None and item_id not in snapshot.extra_fields_by_id:
            problems.append(
                Problem(
                    ApiErrorCode.UNKNOWN_REFERENCE,
                    f"extraFields[{index}].id",
                    f"{item_id} is not an extra-field definition.",
                )
            )
            continue
        definition = _definition(item, snapshot)
        if definition is not None and item.get("name") and item["name"] != definition.full_name:
            # The value would be checked as one field and stored as another.
            problems.append(
                Problem(
                    ApiErrorCode.INVALID_FORMAT,
                    f"extraFields[{index}].name",
                    f"Definition {definition.id} is {definition.full_name}, not {item['name']}.",
                )
            )
            continue
        value = item.get("value")
        if definition is None or value is None or value == "":
            continue
        if problem := _value_problem(definition, value, f"extraFields[{index}].value", snapshot):
            problems.append(problem)
    return problems
