"""Active loan officers and credit products, per process, reloaded with the Model Editor's snapshot.

A lead names both; reading them from this cache costs no query. Every change of a manager, a
legal entity or a product bumps the Model Editor's version (`clients.signals`), so every process
reloads them on its next request, as it does the rules and reference lists.
"""

import threading
from dataclasses import dataclass

from clients.models import CreditProduct, Manager
from modeleditor.cache import config_snapshot


@dataclass(frozen=True)
class OrganisationSnapshot:
    version: int
    managers: dict[int, Manager]
    products: dict[int, CreditProduct]


_lock = threading.Lock()
_snapshot: OrganisationSnapshot | None = None


def _load(version: int) -> OrganisationSnapshot:
    return OrganisationSnapshot(
        version=version,
        managers={m.pk: m for m in Manager.objects.select_related("legal_entity").filter(is_active=True)},
        products={p.pk: p for p in CreditProduct.objects.filter(is_active=True)},
    )


def organisation_snapshot() -> OrganisationSnapshot:
    global _snapshot
    version = config_snapshot().version
    snapshot = _snapshot
    if snapshot is None or snapshot.version != version:
        with _lock:
            if _snapshot is None or _snapshot.version != version:
                _snapshot = _load(version)
            snapshot = _snapshot
    return snapshot


def active_manager(manager_id: int) -> Manager | None:
    return organisation_snapshot().managers.get(manager_id)


def active_credit_product(product_id: int) -> CreditProduct | None:
    return organisation_snapshot().products.get(product_id)
