"""Loads a GAR export into the embedded directory, one region at a time, as a stream.

Rows stream into the database (COPY on PostgreSQL, batches elsewhere), so memory does not grow
with the region. Running it again gives the same tables: objects are upserted by OBJECTID, and an
object whose latest record is no longer active (ISACTUAL=1, ISACTIVE=0) is removed. The full
address and search text of every object are then rebuilt from the administrative hierarchy, one
depth at a time, in SQL.
"""

import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from django.db import connection

from clients.gar.gar_files import GarExport, GarFile
from clients.gar.models import GarObject, GarObjectKind, GarType, GarTypeTable
from clients.gar.normalize import name_tokens, tokens
from clients.gar.stores import store_for_connection

PROGRESS_EVERY = 250_000

_TYPE_FILES = {"HOUSE_TYPES": GarTypeTable.HOUSE, "ADDHOUSE_TYPES": GarTypeTable.ADDHOUSE}
_TYPE_FILES["APARTMENT_TYPES"] = GarTypeTable.APARTMENT
# Used when an export comes without its reference tables (one region's folder alone).
_DEFAULT_TYPES: dict[tuple[str, int], str] = {
    (GarTypeTable.HOUSE, 2): "д",
    (GarTypeTable.ADDHOUSE, 1): "к",
    (GarTypeTable.ADDHOUSE, 2): "стр",
    (GarTypeTable.APARTMENT, 1): "помещ",
    (GarTypeTable.APARTMENT, 2): "кв",
}
_OBJECT_FILES = {"ADDR_OBJ": GarObjectKind.ADDRESS_OBJECT, "HOUSES": GarObjectKind.HOUSE}
_OBJECT_FILES["APARTMENTS"] = GarObjectKind.APARTMENT
_PARAM_FILES = ("ADDR_OBJ_PARAMS", "HOUSES_PARAMS", "APARTMENTS_PARAMS")
# Param TYPEID -> column; the others (tax-office areas, reestr numbers…) are not kept.
_PARAM_COLUMNS = {5: "postal_code", 6: "okato", 7: "oktmo", 1: "ifns", 10: "kladr_code", 8: "cadastral_number"}
_LEVELS: dict[str, int] = {GarObjectKind.HOUSE: 10, GarObjectKind.APARTMENT: 11}


@dataclass
class TableReport:
    region: str | None
    table: str
    rows_read: int = 0
    rows_kept: int = 0
    seconds: float = 0.0


@dataclass
class ImportReport:
    version: str = ""
    tables: list[TableReport] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rows_read(self) -> int:
        return sum(t.rows_read for t in self.tables)

    @property
    def rows_per_second(self) -> float:
        return self.rows_read / self.seconds if self.seconds else 0.0


Progress = Callable[[str], None]


def _short(type_name: str) -> str:
    """DaData prints short types without their dot: "д." -> "д", "вн.тер.г." -> "вн.тер.г"."""
    return type_name.strip().removesuffix(".")


class GarImporter:
    def __init__(self, export: GarExport, *, progress: Progress | None = None, today: date | None = None) -> None:
        self.export = export
        self.progress = progress or (lambda message: None)
        self.today = (today or date.today()).isoformat()
        self.report = ImportReport(version=export.version())
        self.store = store_for_connection()
        self._types: dict[tuple[str, int], str] = {}

    # Reference tables

    def import_types(self) -> None:
        for table, type_table in _TYPE_FILES.items():
            gar_file = self.export.file(table, None)
            if gar_file is None:
                continue
            tally = self._start(gar_file)
            rows = []
            for row in self.export.rows(gar_file):
                tally.rows_read += 1
                rows.append(
                    GarType(
                        table=type_table,
                        type_id=int(row["ID"]),
                        name=row.get("NAME", ""),
                        short_name=_short(row.get("SHORTNAME", "")),
                    )
                )
            GarType.objects.bulk_create(
                rows, update_conflicts=True, unique_fields=["table", "type_id"], update_fields=["name", "short_name"]
            )
            tally.rows_kept = len(rows)
            self._finish(tally)

    def _load_types(self) -> None:
        self._types = dict(_DEFAULT_TYPES)
        self._types.update({(t.table, t.type_id): t.short_name for t in GarType.objects.all()})

    def _type(self, table: str, type_id: str | None) -> str:
        return self._types.get((table, int(type_id)), "") if type_id and type_id.isdigit() else ""

    # One region

    def import_region(self, region: str) -> None:
        self._load_types()
        for table, kind in _OBJECT_FILES.items():
            self._each_file(table, region, partial(self._load_objects, region=region, kind=kind))
        self._each_file("ADM_HIERARCHY", region, lambda gar_file: self._load_hierarchy(gar_file, adm=True))
        self._each_file("MUN_HIERARCHY", region, lambda gar_file: self._load_hierarchy(gar_file, adm=False))
        for table in _PARAM_FILES:
            self._each_file(table, region, self._load_params)
        started = time.monotonic()
        self.derive_addresses(region)
        self.progress(f"{region}: addresses rebuilt in {time.monotonic() - started:.1f}s")

    def _each_file(self, table: str, region: str, load: Callable[[GarFile], None]) -> None:
        gar_file = self.export.file(table, region)
        if gar_file is not None:
            load(gar_file)

    def _start(self, gar_file: GarFile) -> TableReport:
        tally = TableReport(region=gar_file.region, table=gar_file.table, seconds=time.monotonic())
        self.report.tables.append(tally)
        return tally

    def _finish(self, tally: TableReport) -> None:
        tally.seconds = time.monotonic() - tally.seconds
        rate = tally.rows_read / tally.seconds if tally.seconds else 0
        self.progress(
            f"{tally.region or 'root'} {tally.table}: {tally.rows_read} rows read, {tally.rows_kept} kept, "
            f"{tally.seconds:.1f}s ({rate:,.0f} rows/s)"
        )

    def _tick(self, tally: TableReport) -> None:
        tally.rows_read += 1
        if tally.rows_read % PROGRESS_EVERY == 0:
            self.progress(f"{tally.region} {tally.table}: {tally.rows_read} rows…")

    def _load_objects(self, gar_file: GarFile, region: str, kind: str) -> None:
        tally = self._start(gar_file)
        former: dict[int, set[str]] = {}
        tally.rows_kept = self.store.objects(self._object_rows(gar_file, tally, region, kind, former))
        self.store.update(("former_names",), ((oid, "|".join(sorted(names))) for oid, names in former.items()))
        self._finish(tally)

    def _object_rows(
        self, gar_file: GarFile, tally: TableReport, region: str, kind: str, former: dict[int, set[str]]
    ) -> Iterator[tuple]:
        """(retired, *OBJECT_COLUMNS) for the latest record of each object.

        Older records only leave their names in `former`: a passport may still say "ул Горького".
        Renamed objects are few, so this stays small even for a large region.
        """
        for row in self.export.rows(gar_file):
            self._tick(tally)
            if row.get("ISACTUAL") == "1":
                yield (row.get("ISACTIVE") != "1", *self._object(row, region, kind))
            elif kind == GarObjectKind.ADDRESS_OBJECT and row.get("NAME"):
                name = f"{_short(row.get('TYPENAME', ''))} {row['NAME']}".strip()
                former.setdefault(int(row["OBJECTID"]), set()).add(name)

    def _object(self, row: dict[str, str], region: str, kind: str) -> tuple:
        name, type_name, house_no, block_no, building_no = "", "", "", "", ""
        if kind == GarObjectKind.ADDRESS_OBJECT:
            level = int(row["LEVEL"])
            name = row.get("NAME", "")
            type_name = _short(row.get("TYPENAME", ""))
            own_text = f"{type_name} {name}".strip()
        elif kind == GarObjectKind.HOUSE:
            level = _LEVELS[kind]
            name = house_no = row.get("HOUSENUM", "")
            type_name = self._type(GarTypeTable.HOUSE, row.get("HOUSETYPE")) or "д"
            text = [type_name, house_no]
            for number_key, type_key in (("ADDNUM1", "ADDTYPE1"), ("ADDNUM2", "ADDTYPE2")):
                number = row.get(number_key, "")
                if not number:
                    continue
                add_type = self._type(GarTypeTable.ADDHOUSE, row.get(type_key))
                if add_type == "к":
                    block_no = number
                else:
                    building_no = number
                text += [add_type, number]
            own_text = " ".join(t for t in text if t)
        else:
            level = _LEVELS[kind]
            name = row.get("NUMBER", "")
            type_name = self._type(GarTypeTable.APARTMENT, row.get("APARTTYPE")) or "кв"
            own_text = f"{type_name} {name}".strip()
        # A name is searched by all its words: "ул Набережная" by "набережная". A house or flat by its numbers.
        own = name_tokens(name) if kind == GarObjectKind.ADDRESS_OBJECT else tokens(own_text)
        return (
            int(row["OBJECTID"]),
            uuid.UUID(row["OBJECTGUID"]),
            kind,
            level,
            region,
            name,
            type_name,
            own_text,
            " ".join(own),
            len(own),
            house_no,
            block_no,
            building_no,
        )

    def _current(self, row: dict[str, str]) -> bool:
        return row.get("STARTDATE", "") <= self.today < row.get("ENDDATE", "9999")

    def _load_hierarchy(self, gar_file: GarFile, *, adm: bool) -> None:
        tally = self._start(gar_file)
        columns = ("parent_id", "adm_path", "depth") if adm else ("mun_path",)
        tally.rows_kept = self.store.update(columns, self._hierarchy_rows(gar_file, tally, adm))
        self._finish(tally)

    def _hierarchy_rows(self, gar_file: GarFile, tally: TableReport, adm: bool) -> Iterator[tuple]:
        for row in self.export.rows(gar_file):
            self._tick(tally)
            path = row.get("PATH")
            if row.get("ISACTIVE") != "1" or not path or not self._current(row):
                continue
            if adm:
                yield (int(row["OBJECTID"]), int(row.get("PARENTOBJID") or 0), path, path.count("."))
            else:
                yield (int(row["OBJECTID"]), path)

    def _load_params(self, gar_file: GarFile) -> None:
        tally = self._start(gar_file)
        tally.rows_kept = self.store.params(self._param_rows(gar_file, tally))
        self._finish(tally)

    def _param_rows(self, gar_file: GarFile, tally: TableReport) -> Iterator[tuple[int, str, str]]:
        for row in self.export.rows(gar_file):
            self._tick(tally)
            column = _PARAM_COLUMNS.get(int(row.get("TYPEID") or 0))
            if column is not None and self._current(row):
                yield (int(row["OBJECTID"]), column, row.get("VALUE", ""))

    # Derived text

    def derive_addresses(self, region: str) -> None:
        table = connection.ops.quote_name(GarObject._meta.db_table)
        derived = ("full_address", "search_text", "token_count")
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET full_address = own_text, search_text = own_tokens, "
                "token_count = own_token_count WHERE region_code = %s AND depth = 0 "
                "AND (full_address <> own_text OR search_text <> own_tokens OR token_count <> own_token_count)",
                [region],
            )
            cursor.execute(f"SELECT MAX(depth) FROM {table} WHERE region_code = %s", [region])
            deepest = cursor.fetchone()[0] or 0
            values = (
                f"p.full_address || ', ' || {table}.own_text",
                f"CASE WHEN {table}.own_tokens = '' THEN p.search_text WHEN p.search_text = '' "
                f"THEN {table}.own_tokens ELSE p.search_text || ' ' || {table}.own_tokens END",
                f"p.token_count + {table}.own_token_count",
            )
            assignments = ", ".join(f"{c} = {v}" for c, v in zip(derived, values, strict=True))
            changed = " OR ".join(f"{table}.{c} <> {v}" for c, v in zip(derived, values, strict=True))
            for depth in range(1, deepest + 1):
                cursor.execute(
                    f"UPDATE {table} SET {assignments} "
                    f"FROM {table} AS p WHERE p.object_id = {table}.parent_id AND p.full_address <> '' "
                    f"AND {table}.region_code = %s AND {table}.depth = %s AND ({changed})",
                    [region, depth],
                )
                # A flat whose house is gone has no current address left.
                cursor.execute(
                    f"UPDATE {table} SET full_address = '', search_text = '', token_count = 0 "
                    f"WHERE region_code = %s AND depth = %s AND full_address <> '' "
                    f"AND NOT EXISTS (SELECT 1 FROM {table} AS p "
                    f"WHERE p.object_id = {table}.parent_id AND p.full_address <> '')",
                    [region, depth],
                )
