"""What every address directory provider answers with: addresses, their FIAS chain, the interface.

The provider in use is chosen in `providers.py`."""

from dataclasses import dataclass, field
from typing import Any, Protocol

from modeleditor.fieldmap import ADDRESS, DIRECTORY_PARTS

# The address parts a directory object fills, in the contract's names -> this class's attributes.
DIRECTORY_FIELDS = {name: attr for name, attr in ADDRESS.fields().items() if name in DIRECTORY_PARTS}


class DirectoryUnavailable(Exception):
    """The directory could not answer (provider down, timeout, refused); the caller decides what next."""


@dataclass(frozen=True)
class ChainLink:
    fias_id: str
    fias_level: int
    name: str
    type_name: str

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.fias_id, "level": self.fias_level, "name": self.name, "type": self.type_name}


@dataclass(frozen=True)
class DirectoryAddress:
    """An address as the directory knows it, with parts named as in the lead contract."""

    fias_id: str
    fias_level: int
    full_address: str
    postal_code: str = ""
    region_name: str = ""
    locality_name: str = ""
    street_name: str = ""
    house_no: str = ""
    block_no: str = ""
    building_no: str = ""
    apartment_no: str = ""
    time_zone: str = ""
    chain: tuple[ChainLink, ...] = ()
    former_street_names: tuple[str, ...] = ()
    codes: dict[str, str] = field(default_factory=dict)

    @property
    def full_address_text(self) -> str:
        return self.full_address

    def lead_parts(self) -> dict[str, str]:
        return {name: getattr(self, field) for name, field in DIRECTORY_FIELDS.items()}

    def fias_chain(self) -> dict[str, Any]:
        """The `fiasChain` object of a lead address: the object, its settlement and its parents."""
        return {
            "id": self.fias_id,
            "level": self.fias_level,
            "value": self.full_address,
            "settlement": self.locality_name,
            "parents": [link.as_dict() for link in self.chain if link.fias_id != self.fias_id],
            **self.codes,
        }

    def as_lookup(self) -> dict[str, Any]:
        return {"fiasId": self.fias_id, "fiasLevel": self.fias_level, **self.lead_parts()}


class AddressDirectory(Protocol):
    def suggest(self, query: str, count: int) -> list[DirectoryAddress]: ...

    def find_by_id(self, fias_id: str) -> DirectoryAddress | None: ...


# GAR level -> the level number of old FIAS, which DaData reports as `fias_level`.
FIAS_LEVELS = {1: 1, 2: 3, 3: 3, 4: 3, 5: 4, 6: 6, 7: 65, 8: 7, 9: 75, 10: 8, 11: 9, 12: 9, 17: 9}

# Region code -> offset from UTC as DaData writes it. Yakutia (14) spans three zones and
# Baikonur (99) keeps Kazakhstan's clock, so neither is known from the region alone.
_UTC_OFFSETS = {
    "39": 2,
    **dict.fromkeys(("18", "30", "63", "64", "73"), 4),
    **dict.fromkeys(("02", "45", "56", "59", "66", "72", "74", "86", "89"), 5),
    "55": 6,
    **dict.fromkeys(("04", "17", "19", "22", "24", "42", "54", "70"), 7),
    **dict.fromkeys(("03", "38"), 8),
    **dict.fromkeys(("28", "75"), 9),
    **dict.fromkeys(("25", "27", "79"), 10),
    **dict.fromkeys(("49", "65"), 11),
    **dict.fromkeys(("41", "87"), 12),
}
_MOSCOW_TIME_CODES = (
    "01 05 06 07 08 09 10 11 12 13 15 16 20 21 23 26 29 31 32 33 34 35 36 37 40 43 44 46 47 48 "
    "50 51 52 53 57 58 60 61 62 67 68 69 71 76 77 78 83 91 92"
)
_MOSCOW_TIME_REGIONS = frozenset(_MOSCOW_TIME_CODES.split())


def region_time_zone(region_code: str) -> str:
    code = region_code.zfill(2)
    if code in _MOSCOW_TIME_REGIONS:
        return "UTC+3"
    offset = _UTC_OFFSETS.get(code)
    return f"UTC+{offset}" if offset is not None else ""
