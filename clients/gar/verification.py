"""Checks a lead address sent by FIAS id against the directory and completes its parts.

The text is compared with the id's whole chain in `matching.py`, the same for both providers.
"""

import logging
from dataclasses import dataclass
from typing import Any

from clients.gar.directory import DirectoryAddress, DirectoryUnavailable
from clients.gar.errors import GarErrorCode
from clients.gar.matching import HOUSE_LEVEL, flat_named_in_text
from clients.gar.normalize import same_value
from clients.gar.providers import get_directory
from clients.models import AddressVerification
from leadcore.api.errors import Problem

logger = logging.getLogger(__name__)

# Lead-address keys a client may send beside the FIAS id, checked against the directory.
CHECKED_KEYS = (
    "postalCode",
    "regionName",
    "localityName",
    "streetName",
    "houseNo",
    "blockNo",
    "buildingNo",
    "apartmentNo",
)
# A house is known with all its numbers: a block the directory does not have is another house.
_HOUSE_KEYS = frozenset({"houseNo", "blockNo", "buildingNo"})


@dataclass(frozen=True)
class AddressCheck:
    verification: str
    parts: dict[str, Any]
    problems: list[Problem]


def check_fias_address(address: dict) -> AddressCheck:
    try:
        found = get_directory().find_by_id(str(address["fiasId"]))
    except DirectoryUnavailable as exc:
        logger.warning("Address directory unreachable, address kept unverified: %s", exc)
        return AddressCheck(AddressVerification.UNVERIFIED, {}, [])
    if found is None:
        problem = Problem(GarErrorCode.FIAS_NOT_FOUND, "fiasId", "No current address has this FIAS id.")
        return AddressCheck(AddressVerification.UNVERIFIED, {}, [problem])
    return compare_with_directory(address, found)


def compare_with_directory(address: dict, found: DirectoryAddress) -> AddressCheck:
    # An id sent without its text is completed from the directory: there is nothing to contradict.
    text = address.get("fullAddressText") or found.full_address
    flat_from_text = flat_named_in_text(found, text)
    if flat_from_text is None:
        problem = Problem(
            GarErrorCode.FIAS_ADDRESS_MISMATCH,
            "fullAddressText",
            f"The FIAS id is the address '{found.full_address}', which this text does not name.",
        )
        return AddressCheck(AddressVerification.UNVERIFIED, {}, [problem])

    known = {k: v for k, v in found.lead_parts().items() if v}
    if flat_from_text:
        known["apartmentNo"] = flat_from_text
    parts: dict[str, Any] = dict(known)
    problems = []
    for key in CHECKED_KEYS:
        sent = address.get(key)
        if sent in (None, ""):
            continue
        expected = known.get(key, "")
        if expected:
            agrees = same_value(expected, str(sent))
        else:
            agrees = not (key in _HOUSE_KEYS and found.fias_level in (HOUSE_LEVEL, HOUSE_LEVEL + 1))
        if agrees:
            parts[key] = sent
        else:
            problems.append(
                Problem(
                    GarErrorCode.FIAS_ADDRESS_MISMATCH,
                    key,
                    f"The FIAS id says {key} is '{expected}'." if expected else f"The FIAS id's address has no {key}.",
                )
            )
    if problems:
        return AddressCheck(AddressVerification.UNVERIFIED, {}, problems)
    parts["fullAddressText"] = text
    if address.get("timeZone"):
        parts["timeZone"] = address["timeZone"]
    parts["fiasChain"] = found.fias_chain()
    return AddressCheck(AddressVerification.VERIFIED, parts, [])
