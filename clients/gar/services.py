"""Writes of the address directory: importing a GAR export, completing addresses kept unverified."""

import time
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from django.db import transaction

from clients.gar.errors import GarErrorCode
from clients.gar.gar_files import GarExport
from clients.gar.importer import GarImporter, ImportReport
from clients.gar.models import GarObject
from clients.gar.verification import check_fias_address
from clients.models import Address, AddressVerification
from modeleditor.fieldmap import ADDITIONAL_ADDRESS
from modeleditor.services import config_version_bump

LEAD_ADDRESS_FIELDS = ADDITIONAL_ADDRESS.fields()


def gar_import(
    *,
    path: str | Path,
    regions: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
    today: date | None = None,
) -> ImportReport:
    """Imports the reference tables, then each region in a transaction of its own.

    A region of millions of rows commits on its own: a failure in one region keeps the others.
    Each region's commit moves the Model Editor's version with it, so that every process drops the
    FIAS look-ups it kept (`clients.gar.lookup_cache`).
    """
    export = GarExport(path)
    try:
        available = export.regions()
        missing = sorted(set(regions or []) - set(available))
        if missing:
            raise ValueError(f"the export has no region {', '.join(missing)} (it has {', '.join(available)})")
        importer = GarImporter(export, progress=progress, today=today)
        started = time.monotonic()
        with transaction.atomic():
            importer.import_types()
        for region in regions or available:
            with transaction.atomic():
                importer.import_region(region)
                config_version_bump()
        importer.report.seconds = time.monotonic() - started
        return importer.report
    finally:
        export.close()


@transaction.atomic
def gar_region_drop(*, region: str) -> int:
    """Deletes a region's objects from the directory; answers how many."""
    deleted, _ = GarObject.objects.filter(region_code=region).delete()
    config_version_bump()
    return deleted


class VerifyOutcome(StrEnum):
    VERIFIED = "verified"
    UNREACHABLE = "unreachable"
    NOT_FOUND = "not_found"
    MISMATCH = "mismatch"


def address_verify(*, address: Address) -> VerifyOutcome:
    """Looks an unverified address up again; completes it when the directory confirms it.

    The look-up runs outside any transaction (it may wait on the network); a mismatching or
    unknown id leaves the row as it is, for a person to look at.
    """
    sent = {key: getattr(address, name) for key, name in LEAD_ADDRESS_FIELDS.items() if key != "fiasChain"}
    sent["fiasId"] = str(address.fias_id)
    check = check_fias_address(sent)
    if any(p.code == GarErrorCode.FIAS_NOT_FOUND for p in check.problems):
        return VerifyOutcome.NOT_FOUND
    if check.problems:
        return VerifyOutcome.MISMATCH
    if check.verification != AddressVerification.VERIFIED:
        return VerifyOutcome.UNREACHABLE
    address_complete(address_id=address.pk, parts=check.parts)
    return VerifyOutcome.VERIFIED


@transaction.atomic
def address_complete(*, address_id: int, parts: dict[str, Any]) -> Address:
    address = Address.objects.select_for_update().get(pk=address_id)
    for key, value in parts.items():
        if key in LEAD_ADDRESS_FIELDS:
            setattr(address, LEAD_ADDRESS_FIELDS[key], value)
    address.verification = AddressVerification.VERIFIED
    address.save(
        update_fields=[
            *{LEAD_ADDRESS_FIELDS[k] for k in parts if k in LEAD_ADDRESS_FIELDS},
            "verification",
            "updated_at",
        ]
    )
    return address
