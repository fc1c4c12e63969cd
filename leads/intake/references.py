"""Which validated lead values are reference-list ids, and the check that they are active items."""

from collections.abc import Iterator

from leadcore.api.errors import ApiErrorCode, Problem
from modeleditor.cache import ConfigSnapshot
from modeleditor.fieldmap import ADDITIONAL_ADDRESS, ADDRESS, LEAD, PASSPORT, RELATIVE, references

_TOP_LEVEL = references(LEAD)
_PASSPORT = references(PASSPORT)
_ADDRESS = references(ADDRESS)
_ADDITIONAL_ADDRESS = references(ADDITIONAL_ADDRESS)
_RELATIVE = references(RELATIVE)


def _in(obj: dict | None, path: str, mapping: dict) -> Iterator[tuple[str, str, int]]:
    for key, list_code in mapping.items():
        if obj and key in obj:
            yield f"{path}{key}", list_code, obj[key]


def reference_values(data: dict) -> Iterator[tuple[str, str, int]]:
    """(JSON path, reference list, id) of every reference id in a validated lead."""
    yield from _in(data, "", _TOP_LEVEL)
    yield from _in(data.get("passport"), "passport.", _PASSPORT)
    for key in ("addressData", "registrationAddressData"):
        yield from _in(data.get(key), f"{key}.", _ADDRESS)
    for i, address in enumerate(data.get("addresses") or ()):
        yield from _in(address, f"addresses[{i}].", _ADDITIONAL_ADDRESS)
    for i, relative in enumerate(data.get("relatives") or ()):
        yield from _in(relative, f"relatives[{i}].", _RELATIVE)
        yield from _in(relative.get("passport"), f"relatives[{i}].passport.", _PASSPORT)


def reference_problems(data: dict, snapshot: ConfigSnapshot) -> list[Problem]:
    problems = []
    for path, list_code, item_id in reference_values(data):
        if item_id not in snapshot.active_reference_ids.get(list_code, ()):
            problems.append(
                Problem(ApiErrorCode.UNKNOWN_REFERENCE, path, f"{item_id} is not an active item of {list_code}.")
            )
    return problems
