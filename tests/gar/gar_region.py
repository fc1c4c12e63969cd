"""A made-up region in the official GAR layout, for the whole-chain address tests.

Towns share street names (Ленина, Набережная, Садовая) and house numbers (every street has a
house 15), a town has microdistricts holding houses directly, and some streets are named with
type words (ул Набережная, ул Площадь Победы, ул 1-я Линия, ул Аллея Героев). The tests import
the written export with the real `import_gar`, and build their texts from `REGION` below.

    python -m tests.gar.gar_region      # rewrites tests/gar/fixtures/gar_region35

The output is the same on every run (ids and GUIDs are derived from the objects' places).
"""

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
EXPORT = ROOT / "fixtures" / "gar_region35"
SAMPLE = ROOT.parents[1] / "clients" / "gar" / "fixtures" / "sample"
REGION_CODE = "35"
STAMP = "20260217"
_NAMESPACE = uuid.UUID("3f1b2c9e-35a0-4d7e-9c1a-7e4b0f35aa35")
_TAIL = {"UPDATEDATE": "2021-03-01", "STARTDATE": "2021-03-01", "ENDDATE": "2079-06-06"}


@dataclass
class House:
    number: str
    block: str = ""  # корпус, ADDNUM1 with ADDTYPE1=1
    building: str = ""  # строение, ADDNUM2 with ADDTYPE2=2
    flats: tuple[str, ...] = ()
    postal_code: str = ""


@dataclass
class Place:
    """An ADDR_OBJ row: region (1), district (2), town (5), settlement (6), microdistrict (7), street (8)."""

    type_name: str
    name: str
    level: int
    children: list["Place"] = field(default_factory=list)
    houses: list[House] = field(default_factory=list)
    municipal: str = ""  # the municipal formation (MUN_HIERARCHY only) a town or settlement belongs to


def _streets(postal_code: str, *extra: Place) -> list[Place]:
    """The three names every town here has, each with a house 15."""
    return [
        Place("ул", "Ленина", 8, houses=[House("15", flats=("1", "12"), postal_code=postal_code)]),
        Place("ул", "Набережная", 8, houses=[House("15", postal_code=postal_code)]),
        Place("ул", "Садовая", 8, houses=[House("15", postal_code=postal_code)]),
        *extra,
    ]


REGION = Place(
    "обл",
    "Вологодская",
    1,
    children=[
        Place(
            "г",
            "Вологда",
            5,
            municipal="г.о. город Вологда",
            children=_streets(
                "160000",
                Place("ул", "Ленинградская", 8, houses=[House("15", postal_code="160019")]),
                Place("ул", "Площадь Победы", 8, houses=[House("15", postal_code="160035"), House("2")]),
                Place("ул", "1-я Линия", 8, houses=[House("15", flats=("3",), postal_code="160009")]),
                Place("ул", "Аллея Героев", 8, houses=[House("15", postal_code="160012")]),
                Place("пр-кт", "Победы", 8, houses=[House("15", flats=("7",), postal_code="160035")]),
                Place("ул", "Зосимовская", 8, houses=[House("15А", postal_code="160014"), House("15")]),
            ),
        ),
        Place(
            "г",
            "Череповец",
            5,
            municipal="г.о. город Череповец",
            children=_streets(
                "162600",
                Place("ул", "Зелёная", 8, houses=[House("15", block="2", flats=("40",), postal_code="162604")]),
                Place("б-р", "Доменщиков", 8, houses=[House("15", postal_code="162627")]),
            ),
        ),
        Place(
            "р-н",
            "Сокольский",
            2,
            children=[
                Place(
                    "г",
                    "Сокол",
                    5,
                    municipal="м.р-н Сокольский",
                    children=[
                        *_streets("162130"),
                        Place(
                            "мкр",
                            "Северный",
                            7,
                            houses=[House("15", postal_code="162135"), House("3", block="1", flats=("5",))],
                        ),
                        Place(
                            "мкр",
                            "Западный",
                            7,
                            houses=[House("15", building="2", postal_code="162136")],
                            children=[Place("проезд", "Школьный", 8, houses=[House("15", postal_code="162136")])],
                        ),
                    ],
                )
            ],
        ),
        Place(
            "р-н",
            "Вологодский",
            2,
            children=[Place("с", "Молочное", 6, municipal="м.р-н Вологодский", children=_streets("160555"))],
        ),
    ],
)


@dataclass(frozen=True)
class Address:
    """One object of the export as the tests see it: its GUID, kind and chain of names."""

    guid: str
    kind: str  # "place", "house" or "flat"
    chain: tuple[Place, ...]  # region first; for a house or flat, the places above it
    house: House | None = None
    flat: str = ""

    @property
    def place(self) -> Place:
        return self.chain[-1]

    @property
    def home(self) -> House:
        """The house of a house or a flat."""
        if self.house is None:
            raise ValueError(f"{self.guid} is a {self.kind}: it has no house")
        return self.house

    @property
    def town(self) -> Place:
        """The city or settlement of a street, house or flat."""
        town = next((p for p in reversed(self.chain) if p.level in (5, 6)), None)
        if town is None:
            raise ValueError(f"{self.guid} is above any town")
        return town

    @property
    def street(self) -> Place | None:
        return next((p for p in reversed(self.chain) if p.level in (7, 8)), None)


def _guid(key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, key))


def _key(chain: tuple[Place, ...]) -> str:
    return "/".join(f"{p.type_name} {p.name}" for p in chain)


def house_text(house: House) -> str:
    text = f"д {house.number}"
    if house.block:
        text += f" к {house.block}"
    if house.building:
        text += f" стр {house.building}"
    return text


def addresses(place: Place = REGION, above: tuple[Place, ...] = ()) -> Iterator[Address]:
    chain = (*above, place)
    yield Address(_guid(_key(chain)), "place", chain)
    for house in place.houses:
        house_key = f"{_key(chain)}/{house_text(house)}"
        yield Address(_guid(house_key), "house", chain, house)
        for flat in house.flats:
            yield Address(_guid(f"{house_key}/кв {flat}"), "flat", chain, house, flat)
    for child in place.children:
        yield from addresses(child, chain)


class _Table:
    """One file: BOM, declaration and root on one line, self-closing rows, as the export has them."""

    def __init__(self, folder: Path, table: str, root: str) -> None:
        name = f"AS_{table}_{STAMP}_{uuid.uuid5(_NAMESPACE, table)}.XML"
        self.path, self.root = folder / name, root
        self.rows: list[str] = []

    def row(self, tag: str, **attributes: object) -> None:
        self.rows.append(f"<{tag} " + " ".join(f'{k}="{v}"' for k, v in attributes.items()) + " />")

    def write(self) -> None:
        body = "".join(self.rows)
        content = f"<{self.root}>{body}</{self.root}>" if body else f"<{self.root} />"
        self.path.write_text(f'<?xml version="1.0" encoding="utf-8"?>{content}', encoding="utf-8-sig")


class _Writer:
    def __init__(self, folder: Path) -> None:
        tables = {
            "ADDR_OBJ": "ADDRESSOBJECTS",
            "ADDR_OBJ_PARAMS": "PARAMS",
            "ADDR_OBJ_DIVISION": "ITEMS",
            "ADM_HIERARCHY": "ITEMS",
            "MUN_HIERARCHY": "ITEMS",
            "HOUSES": "HOUSES",
            "HOUSES_PARAMS": "PARAMS",
            "APARTMENTS": "APARTMENTS",
            "APARTMENTS_PARAMS": "PARAMS",
            "REESTR_OBJECTS": "REESTR_OBJECTS",
            "ROOMS": "ROOMS",
            "ROOMS_PARAMS": "PARAMS",
            "STEADS": "STEADS",
            "STEADS_PARAMS": "PARAMS",
            "CARPLACES": "CARPLACES",
            "CARPLACES_PARAMS": "PARAMS",
        }
        self.tables = {table: _Table(folder, table, root) for table, root in tables.items()}
        self.ids = iter(range(735_000_001, 735_999_999))
        self.municipal: dict[str, int] = {}

    def _record(self, object_id: int, guid: str, **attributes: object) -> dict:
        record = {"ID": next(self.ids), "OBJECTID": object_id, "OBJECTGUID": guid, "CHANGEID": next(self.ids)}
        return record | attributes

    def _hierarchy(self, object_id: int, adm_path: list[int], mun_path: list[int]) -> None:
        common = {"CHANGEID": next(self.ids)}
        self.tables["ADM_HIERARCHY"].row(
            "ITEM", ID=next(self.ids), OBJECTID=object_id, PARENTOBJID=adm_path[-2] if len(adm_path) > 1 else 0,
            **common, REGIONCODE=REGION_CODE, PREVID=0, NEXTID=0, **_TAIL, ISACTIVE=1,
            PATH=".".join(map(str, adm_path)),
        )  # fmt: skip
        self.tables["MUN_HIERARCHY"].row(
            "ITEM", ID=next(self.ids), OBJECTID=object_id, PARENTOBJID=mun_path[-2] if len(mun_path) > 1 else 0,
            **common, PREVID=0, NEXTID=0, **_TAIL, ISACTIVE=1, PATH=".".join(map(str, mun_path)),
        )  # fmt: skip

    def _param(self, table: str, object_id: int, type_id: int, value: str) -> None:
        self.tables[table].row(
            "PARAM", ID=next(self.ids), OBJECTID=object_id, CHANGEID=next(self.ids), CHANGEIDEND=0,
            TYPEID=type_id, VALUE=value, **_TAIL,
        )  # fmt: skip

    def _reestr(self, object_id: int, guid: str, level: int) -> None:
        self.tables["REESTR_OBJECTS"].row(
            "OBJECT", OBJECTID=object_id, OBJECTGUID=guid, CHANGEID=next(self.ids), ISACTIVE=1, LEVELID=level,
            CREATEDATE="2021-03-01", UPDATEDATE="2021-03-01",
        )  # fmt: skip

    def _municipal_formation(self, name: str, region_id: int) -> int:
        """A municipal okrug or district: an ADDR_OBJ row that only the municipal tree holds."""
        if name not in self.municipal:
            object_id = next(self.ids)
            type_name, _, own_name = name.partition(" ")
            guid = _guid(f"mun/{name}")
            self.tables["ADDR_OBJ"].row(
                "OBJECT", **self._record(object_id, guid, NAME=own_name, TYPENAME=type_name, LEVEL=3, OPERTYPEID=10,
                PREVID=0, NEXTID=0, **_TAIL, ISACTUAL=1, ISACTIVE=1),
            )  # fmt: skip
            self.tables["MUN_HIERARCHY"].row(
                "ITEM", ID=next(self.ids), OBJECTID=object_id, PARENTOBJID=region_id, CHANGEID=next(self.ids),
                PREVID=0, NEXTID=0, **_TAIL, ISACTIVE=1, PATH=f"{region_id}.{object_id}",
            )  # fmt: skip
            self._reestr(object_id, guid, 3)
            self.municipal[name] = object_id
        return self.municipal[name]

    def place(self, address: Address, adm: list[int], mun: list[int]) -> tuple[list[int], list[int]]:
        place = address.place
        object_id = next(self.ids)
        if place.municipal:
            mun = [mun[0], self._municipal_formation(place.municipal, mun[0])]
        adm, mun = [*adm, object_id], [*mun, object_id]
        self.tables["ADDR_OBJ"].row(
            "OBJECT", **self._record(object_id, address.guid, NAME=place.name, TYPENAME=place.type_name,
            LEVEL=place.level, OPERTYPEID=10, PREVID=0, NEXTID=0, **_TAIL, ISACTUAL=1, ISACTIVE=1),
        )  # fmt: skip
        self._hierarchy(object_id, adm, mun)
        self._reestr(object_id, address.guid, place.level)
        return adm, mun

    def house(self, address: Address, adm: list[int], mun: list[int]) -> tuple[list[int], list[int]]:
        house = address.home
        object_id = next(self.ids)
        extra: dict[str, object] = {}
        if house.block:
            extra |= {"ADDNUM1": house.block}
        if house.building:
            extra |= {"ADDNUM2": house.building}
        types = {"ADDTYPE1": 1} if house.block else {}
        types |= {"ADDTYPE2": 2} if house.building else {}
        self.tables["HOUSES"].row(
            "HOUSE", **self._record(object_id, address.guid, HOUSENUM=house.number, **extra, HOUSETYPE=2, **types,
            OPERTYPEID=10, PREVID=0, NEXTID=0, **_TAIL, ISACTUAL=1, ISACTIVE=1),
        )  # fmt: skip
        adm, mun = [*adm, object_id], [*mun, object_id]
        self._hierarchy(object_id, adm, mun)
        self._reestr(object_id, address.guid, 10)
        if house.postal_code:
            self._param("HOUSES_PARAMS", object_id, 5, house.postal_code)
        return adm, mun

    def flat(self, address: Address, adm: list[int], mun: list[int]) -> None:
        object_id = next(self.ids)
        self.tables["APARTMENTS"].row(
            "APARTMENT", **self._record(object_id, address.guid, NUMBER=address.flat, APARTTYPE=2, OPERTYPEID=10,
            PREVID=0, NEXTID=0, **_TAIL, ISACTUAL=1, ISACTIVE=1),
        )  # fmt: skip
        self._hierarchy(object_id, [*adm, object_id], [*mun, object_id])
        self._reestr(object_id, address.guid, 11)


def write_export(root: Path = EXPORT) -> None:
    shutil.rmtree(root, ignore_errors=True)
    folder = root / REGION_CODE
    folder.mkdir(parents=True)
    for reference in SAMPLE.glob("AS_*.XML"):
        shutil.copy(reference, root / reference.name)
    (root / "version.txt").write_text("2026.02.17", encoding="utf-8")
    writer = _Writer(folder)
    paths: dict[str, tuple[list[int], list[int]]] = {}
    for address in addresses():
        key = _key(address.chain)
        if address.kind == "place":
            above = paths.get(_key(address.chain[:-1]), ([], []))
            paths[key] = writer.place(address, *above)
        elif address.kind == "house":
            paths[f"{key}/{house_text(address.home)}"] = writer.house(address, *paths[key])
        else:
            writer.flat(address, *paths[f"{key}/{house_text(address.home)}"])
    for table in writer.tables.values():
        table.write()


if __name__ == "__main__":
    write_export()
    print(f"written {EXPORT}")
