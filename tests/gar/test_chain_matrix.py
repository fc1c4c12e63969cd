"""The mismatch matrix of issue #9: a FIAS id is accepted only with a text naming its whole chain.

Every house and flat of the made-up region (`gar_region.py`, imported with the real `import_gar`)
is sent with texts naming another town, another street of its town, no street, another region,
and with the id of a higher level; all must be refused. Its own text, written the ways people
write it, must be accepted. Both providers feed the one comparison: the embedded tables, and the
same addresses as DaData's findById would answer them.
"""

from collections.abc import Iterator

import pytest
from django.db import transaction

from clients.gar.dadata import from_suggestion
from clients.gar.embedded import EmbeddedDirectory
from clients.gar.services import gar_import
from clients.gar.verification import compare_with_directory
from tests.gar import gar_region
from tests.gar.fake_dadata import suggestion_for
from tests.gar.gar_region import Address, Place, house_text

# The module's import is made once, in `directory`; this mark has the test database set up for it.
pytestmark = pytest.mark.django_db

ADDRESSES = list(gar_region.addresses())
PLACES = [a for a in ADDRESSES if a.kind == "place"]
HOUSES = [a for a in ADDRESSES if a.kind != "place"]
TOWNS = [a for a in PLACES if a.place.level in (5, 6)]
STREETS = [a for a in PLACES if a.place.level in (7, 8)]
_FULL_TYPES = {
    "обл": "область",
    "р-н": "район",
    "г": "город",
    "с": "село",
    "ул": "улица",
    "пр-кт": "проспект",
    "б-р": "бульвар",
    "мкр": "микрорайон",
    "проезд": "проезд",
}


def _own(place: Place) -> str:
    return f"{place.type_name} {place.name}"


def _numbers(address: Address) -> str:
    return house_text(address.home) + (f", кв {address.flat}" if address.flat else "")


def _from_town(address: Address) -> tuple[Place, ...]:
    return address.chain[address.chain.index(address.town) :]


def right_text(address: Address) -> str:
    parts = [_own(p) for p in address.chain]
    return ", ".join([*parts, _numbers(address)] if address.house else parts)


def _place_guid(chain: tuple[Place, ...]) -> str:
    return next(a.guid for a in PLACES if len(a.chain) == len(chain) and all(map(Place.__eq__, a.chain, chain)))


def _wrong(address: Address) -> Iterator[tuple[str, str, str]]:
    below = address.chain[address.chain.index(address.town) + 1 :]
    tail = [*(_own(p) for p in below), _numbers(address)]
    for town in TOWNS:
        if town.place is not address.town:
            yield "other_town", address.guid, ", ".join([_own(town.place), *tail])
    for street in STREETS:
        if street.town is address.town and street.place not in below:
            yield "other_street", address.guid, ", ".join([_own(address.town), _own(street.place), _numbers(address)])
    if below:
        yield "no_street", address.guid, ", ".join([_own(address.town), _numbers(address)])
    yield "other_region", address.guid, ", ".join(["обл Архангельская", _own(address.town), *tail])
    for depth in range(address.chain.index(address.town) + 1, len(address.chain) + 1):
        yield "higher_level", _place_guid(address.chain[:depth]), right_text(address)


def _street_wrong(street: Address) -> Iterator[tuple[str, str, str]]:
    yield "higher_level", _place_guid(street.chain[: street.chain.index(street.town) + 1]), right_text(street)
    for town in TOWNS:
        if town.place is not street.town:
            yield "other_town", street.guid, f"{_own(town.place)}, {_own(street.place)}"


WRONG = [case for a in HOUSES for case in _wrong(a)] + [case for s in STREETS for case in _street_wrong(s)]


def _bare_numbers(address: Address) -> str:
    house = address.home
    text = house.number + (f"/{house.block}" if house.block else "")
    text += f" стр{house.building}" if house.building else ""
    return text + (f"-{address.flat}" if address.flat else "")


def _variants(address: Address) -> Iterator[tuple[str, str]]:
    house = address.home
    from_town = _from_town(address)
    postal = house.postal_code or "160000"
    yield "as_gar_writes_it", right_text(address)
    yield "postcode_without_region", f"{postal}, " + ", ".join([*(_own(p) for p in from_town), _numbers(address)])
    dotted = f"д. {house.number}" + (f", корп. {house.block}" if house.block else "")
    dotted += (f", стр. {house.building}" if house.building else "") + (f", кв. {address.flat}" if address.flat else "")
    yield "types_after_names", ", ".join([*(f"{p.name} {p.type_name}." for p in from_town), dotted])
    yield "no_types", " ".join([*(p.name for p in from_town), _bare_numbers(address)])
    full = ", ".join(f"{_FULL_TYPES[p.type_name]} {p.name}" for p in address.chain)
    full += f", дом {house.number}" + (f", корпус {house.block}" if house.block else "")
    full += f", строение {house.building}" if house.building else ""
    full += f", квартира {address.flat}" if address.flat else ""
    yield "full_types_upper_case", full.upper()
    yield "e_for_yo_and_letter_apart", right_text(address).replace("ё", "е").replace("15А", "15 а")
    if address.kind == "house":
        yield "flat_at_the_end", f"{right_text(address)}, кв 999"


VARIANTS = [(label, a.guid, text) for a in HOUSES for label, text in _variants(a)]
VARIANTS += [("street_as_gar_writes_it", s.guid, right_text(s)) for s in STREETS]
VARIANTS += [("street_type_after", s.guid, f"{s.town.name}, {s.place.name} {s.place.type_name}") for s in STREETS]
# One test per id: the flat a text adds to a house's id is checked apart.
RIGHT = [("flat_at_the_end" if label == "flat_at_the_end" else "own_text", g, t) for label, g, t in VARIANTS]


def _by_id(cases: list[tuple[str, str, str]]) -> list[tuple[str, str, list[str]]]:
    """(kind, id, texts): one test per id and kind of text keeps the matrix quick."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for kind, guid, text in cases:
        grouped.setdefault((kind, guid), []).append(text)
    return [(kind, guid, texts) for (kind, guid), texts in grouped.items()]


def _case_id(case: tuple[str, str, list[str]]) -> str:
    return f"{case[0]}: {case[2][0]}"


@pytest.fixture(scope="module")
def directory(django_db_setup, django_db_blocker) -> dict[str, dict]:
    """Every address of the region as each provider describes it; the import is rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        gar_import(path=gar_region.EXPORT)
        embedded = {a.guid: EmbeddedDirectory().find_by_id(a.guid) for a in ADDRESSES}
        transaction.set_rollback(True)
    dadata = {g: from_suggestion(suggestion_for(f)) for g, f in embedded.items() if f is not None}
    return {"embedded": embedded, "dadata": dadata}


def test_the_export_holds_every_address_of_the_region_under_its_own_text(directory):
    assert {g: f.full_address for g, f in directory["embedded"].items()} == {a.guid: right_text(a) for a in ADDRESSES}


@pytest.mark.parametrize("provider", ["embedded", "dadata"])
@pytest.mark.parametrize(("kind", "guid", "texts"), _by_id(WRONG), ids=[_case_id(c) for c in _by_id(WRONG)])
def test_it_refuses_an_id_sent_with_a_text_naming_another_place(directory, provider, kind, guid, texts):
    found = directory[provider][guid]

    checks = {text: compare_with_directory({"fiasId": guid, "fullAddressText": text}, found) for text in texts}

    mismatch = ("FIAS_ADDRESS_MISMATCH", "fullAddressText")
    assert {t: [(p.code, p.field) for p in c.problems] for t, c in checks.items()} == {t: [mismatch] for t in texts}
    assert {(c.verification, str(c.parts)) for c in checks.values()} == {("unverified", "{}")}


@pytest.mark.parametrize("provider", ["embedded", "dadata"])
@pytest.mark.parametrize(("kind", "guid", "texts"), _by_id(RIGHT), ids=[_case_id(c) for c in _by_id(RIGHT)])
def test_it_accepts_an_id_with_its_own_text_however_it_is_written(directory, provider, kind, guid, texts):
    found = directory[provider][guid]
    flat = found.apartment_no or ("999" if kind == "flat_at_the_end" else "")

    checks = {text: compare_with_directory({"fiasId": guid, "fullAddressText": text}, found) for text in texts}

    assert {t: (c.problems, c.verification) for t, c in checks.items()} == dict.fromkeys(texts, ([], "verified"))
    assert {(c.parts.get("houseNo", ""), c.parts.get("apartmentNo", "")) for c in checks.values()} == {
        (found.house_no, flat)
    }
