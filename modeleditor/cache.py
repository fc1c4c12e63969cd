"""A per-process snapshot of the Model Editor's data, reloaded when the version row moves.

Each request pays one indexed read of the version row; rules, lists and definitions are read
again only after a change, so every server process sees an edit on its very next request.
"""

import threading
from dataclasses import dataclass, field

from modeleditor.models import ConfigVersion, ReferenceItem


@dataclass(frozen=True)
class ConfigSnapshot:
    version: int
    active_reference_ids: dict[str, frozenset[int]] = field(default_factory=dict)


_lock = threading.Lock()
_snapshot: ConfigSnapshot | None = None


def _current_version() -> int:
    version = ConfigVersion.objects.values_list("version", flat=True).filter(pk=1).first()
    return version or 0


def _load(version: int) -> ConfigSnapshot:
    active: dict[str, set[int]] = {}
    for list_code, item_id in ReferenceItem.objects.filter(is_active=True).values_list("list", "id"):
        active.setdefault(list_code, set()).add(item_id)
    return ConfigSnapshot(
        version=version,
        active_reference_ids={code: frozenset(ids) for code, ids in active.items()},
    )


def config_snapshot() -> ConfigSnapshot:
    global _snapshot
    version = _current_version()
    snapshot = _snapshot
    if snapshot is not None and snapshot.version == version:
        return snapshot
    with _lock:
        if _snapshot is None or _snapshot.version != version:
            _snapshot = _load(version)
        return _snapshot
