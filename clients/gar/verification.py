"""Checks a lead address sent by FIAS id against the directory and completes its parts."""

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from clients.gar.directory import DirectoryAddress, DirectoryUnavailable, get_directory
from clients.gar.errors import GarErrorCode
from clients.gar.normalize import is_number, name_named_in, same_value, tokens
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
_HOUSE_FIAS_LEVEL = 8


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
    flat_from_text = _flat_named_in_text(found, text)
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
    parts = dict(known)
    problems = []
    for key in CHECKED_KEYS:
        sent = address.get(key)
        if sent in (None, ""):
            continue
        expected = known.get(key, "")
        if expected:
            agrees = same_value(expected, str(sent))
        else:
            agrees = not (key in _HOUSE_KEYS and found.fias_level in (_HOUSE_FIAS_LEVEL, _HOUSE_FIAS_LEVEL + 1))
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


def _flat_named_in_text(found: DirectoryAddress, text: str) -> str | None:
    """None when the text names another place; else the flat number the text adds, or "".

    The numbers of the text must be the address's house and flat numbers, in order, once the
    postcode and the numbers inside names ("ул 8 Марта") are set aside. A house id may come with
    a text that adds the flat, as DaData gives a house's id for a flat the registry lacks.
    """
    written = tokens(text)
    if written and len(written[0]) == 6 and written[0].isdigit():
        written = written[1:]  # a leading postcode, maybe an outdated one, names no house
    numbers = [t for t in written if is_number(t) and t != found.postal_code]
    in_names = Counter(
        t for name in (found.region_name, found.locality_name, found.street_name) for t in tokens(name) if is_number(t)
    )
    own_numbers = []
    for number in numbers:
        if in_names[number]:
            in_names[number] -= 1
        else:
            own_numbers.append(number)
    expected = [
        t for part in (found.house_no, found.block_no, found.building_no, found.apartment_no) for t in tokens(part)
    ]
    words = [t for t in written if not is_number(t)]
    if found.street_name:
        names = (found.street_name, *found.former_street_names)
    else:
        names = (found.locality_name or found.region_name,)
    if not any(name_named_in(name, words) for name in names):
        return None
    if own_numbers == expected:
        return ""
    adds_flat = (
        found.fias_level == _HOUSE_FIAS_LEVEL
        and len(own_numbers) == len(expected) + 1
        and own_numbers[: len(expected)] == expected
    )
    return own_numbers[-1] if adds_flat else None
