"""A per-process snapshot of the Model Editor's data, reloaded when the version row moves.

Each request pays one indexed read of the version row (an API request's opening statement reads
it along with the token: `version_seen`); rules, lists and definitions are read
again only after a change, so every server process sees an edit on its very next request.
"""

import threading
from dataclasses import dataclass, field

from django.core.signals import request_finished, request_started
from django.db import connection

from modeleditor.catalogue import CATALOGUE, LOCKED, extra_field_path
from modeleditor.models import ConfigVersion, ExtraFieldDefinition, ReferenceItem, RequiredFieldRule


@dataclass(frozen=True)
class ExtraFieldSpec:
    id: int
    target: str
    name: str
    full_name: str
    type: str
    reference_list: str


@dataclass(frozen=True)
class ConfigSnapshot:
    version: int
    active_reference_ids: dict[str, frozenset[int]] = field(default_factory=dict)
    # Per list, the active items as (id, name), in the lists' display order.
    active_reference_items: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    # Per target, the JSON paths a lead must carry, the locked ones included.
    required_paths: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extra_fields_by_id: dict[int, ExtraFieldSpec] = field(default_factory=dict)
    # Keyed by the name integrators send (`client.NAME`).
    extra_fields_by_name: dict[str, ExtraFieldSpec] = field(default_factory=dict)


_lock = threading.Lock()
_snapshot: ConfigSnapshot | None = None
# Within one request the version is read once, however many checks ask for the snapshot.
_request = threading.local()


def _request_started(**kwargs) -> None:
    _request.active = True
    _request.checked = False
    _request.version = None


def _request_finished(**kwargs) -> None:
    _request.active = False


request_started.connect(_request_started, dispatch_uid="modeleditor.cache.request_started")
request_finished.connect(_request_finished, dispatch_uid="modeleditor.cache.request_finished")


def forget_version_check() -> None:
    """Make the next snapshot read the version again: this process has just changed it."""
    _request.checked = False
    _request.version = None


def version_seen(*, version: int | None) -> None:
    """The version `VERSION_SQL` read at the start of this request (None: no row), as a statement
    that read more did (the API's opening statement): the snapshot then needs no read of its own.
    Read at the start of the request, it is as good as one read later in it."""
    if getattr(_request, "active", False):
        _request.version = version or 0


def _current_version() -> int:
    # Written out once: every lead asks, and the ORM's query building cost more than the read.
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL)
        row = cursor.fetchone()
    return row[0] if row else 0


_quote = connection.ops.quote_name
VERSION_SQL = f"SELECT {_quote('version')} FROM {_quote(ConfigVersion._meta.db_table)} WHERE {_quote('id')} = 1"


def _extra_fields() -> list[ExtraFieldSpec]:
    return [
        ExtraFieldSpec(
            id=d.pk,
            target=d.target,
            name=d.name,
            full_name=d.full_name,
            type=d.type,
            reference_list=d.reference_list,
        )
        for d in ExtraFieldDefinition.objects.order_by("target", "name")
    ]


def _required_paths(extra_fields: list[ExtraFieldSpec]) -> dict[str, tuple[str, ...]]:
    known = {target: [spec.path for spec in specs] for target, specs in CATALOGUE.items()}
    for extra in extra_fields:
        known[extra.target].append(extra_field_path(extra.target, extra.name))
    stored = {
        (r.target, r.path): r.is_required for r in RequiredFieldRule.objects.only("target", "path", "is_required")
    }
    return {
        target: tuple(p for p in paths if p in LOCKED[target] or stored.get((target, p), False))
        for target, paths in known.items()
    }


def _load(version: int) -> ConfigSnapshot:
    active_ids: dict[str, set[int]] = {}
    active_items: dict[str, list[tuple[int, str]]] = {}
    for list_code, item_id, name in ReferenceItem.objects.filter(is_active=True).values_list("list", "id", "name"):
        active_ids.setdefault(list_code, set()).add(item_id)
        active_items.setdefault(list_code, []).append((item_id, name))
    extra_fields = _extra_fields()
    return ConfigSnapshot(
        version=version,
        active_reference_ids={code: frozenset(ids) for code, ids in active_ids.items()},
        active_reference_items={code: tuple(items) for code, items in active_items.items()},
        required_paths=_required_paths(extra_fields),
        extra_fields_by_id={e.id: e for e in extra_fields},
        extra_fields_by_name={e.full_name: e for e in extra_fields},
    )


def config_snapshot() -> ConfigSnapshot:
    global _snapshot
    snapshot = _snapshot
    in_request = getattr(_request, "active", False)
    if snapshot is not None and in_request and _request.checked:
        return snapshot
    seen = _request.version if in_request else None
    version = seen if seen is not None else _current_version()
    if snapshot is None or snapshot.version != version:
        with _lock:
            if _snapshot is None or _snapshot.version != version:
                _snapshot = _load(version)
            snapshot = _snapshot
    if in_request:
        _request.checked = True
    return snapshot
