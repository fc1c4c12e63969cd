"""Times the importer and the look-up on a synthetic region of a realistic size.

Writes a region in the official GAR layout (streets, houses, flats, hierarchy, postal codes),
imports it through `import_gar`'s own code, then times look-ups of addresses written the way
people write them. Run it against a throwaway database: it fills region 98, and removes it
afterwards unless told to keep it.
"""

import random
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clients.gar.embedded import EmbeddedDirectory
from clients.gar.models import GarObject
from clients.gar.services import gar_import, gar_region_drop

REGION = "98"
SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "sample"
STAMP = "20260217"
_ROW_TAIL = 'UPDATEDATE="2020-01-01" STARTDATE="2020-01-01" ENDDATE="2079-06-06"'
_SYLLABLES_TEXT = "ба ве го да же зо ки ла ми но пу ре са ти фу хо це чи ша ль ор ан ен ин он ус ар ос ир ук"
_SYLLABLES = _SYLLABLES_TEXT.split()
_SUFFIXES = ("ская", "ный", "овая", "инская", "евский", "ная")
_STREET_TYPES = ("ул", "пер", "пр-кт", "б-р", "ш")


class _Writer:
    """One table file: BOM, declaration and root on one line, self-closing rows, as the export has them."""

    def __init__(self, folder: Path, table: str, root: str) -> None:
        self.path = folder / f"AS_{table}_{STAMP}_{uuid.uuid4()}.XML"
        self.stream = self.path.open("w", encoding="utf-8-sig")
        self.stream.write(f'<?xml version="1.0" encoding="utf-8"?><{root}>')
        self.root = root

    def row(self, tag: str, **attrs: object) -> None:
        self.stream.write(f"<{tag} " + " ".join(f'{k}="{v}"' for k, v in attrs.items()) + f" {_ROW_TAIL} />")

    def close(self) -> None:
        self.stream.write(f"</{self.root}>")
        self.stream.close()


def _current(object_id: int, **attributes) -> dict:
    """The attributes of the current, active record of an address object, in the export's order."""
    return {"ID": object_id, "OBJECTID": object_id, "OBJECTGUID": uuid.uuid4(), "CHANGEID": 1, **attributes,
            "PREVID": 0, "NEXTID": 0, "ISACTUAL": 1, "ISACTIVE": 1}  # fmt: skip


def _item(object_id: int, *, parent_id: int, path) -> dict:
    """An administrative hierarchy item of the object under its parent."""
    return {"ID": object_id, "OBJECTID": object_id, "PARENTOBJID": parent_id, "CHANGEID": 1, "REGIONCODE": REGION,
            "PREVID": 0, "NEXTID": 0, "ISACTIVE": 1, "PATH": path}  # fmt: skip


class Command(BaseCommand):
    help = "Benchmark the GAR import (rows/s) and the address look-up (ms) on a synthetic region."

    def add_arguments(self, parser):
        parser.add_argument("--streets", type=int, default=3000)
        parser.add_argument("--houses-per-street", type=int, default=40)
        parser.add_argument("--flats-per-house", type=int, default=4, help="average; houses get 0 to twice this")
        parser.add_argument("--queries", type=int, default=300)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--keep", action="store_true", help="leave region 98 in the database")
        parser.add_argument("--again", action="store_true", help="import the same export a second time, timed")
        parser.add_argument(
            "--lookups-only", action="store_true", help="time look-ups on a region 98 kept by an earlier --keep run"
        )

    def handle(self, *args, **options):
        rng = random.Random(options["seed"])
        if options["lookups_only"]:
            self._time_lookups(self._kept_addresses(rng, options["queries"]))
            return
        if GarObject.objects.filter(region_code=REGION).exists() and not options["keep"]:
            raise CommandError(f"region {REGION} already has rows: use a throwaway database")
        folder = Path(tempfile.mkdtemp(prefix="gar-bench-"))
        try:
            started = time.monotonic()
            addresses = self._write_export(folder, rng, options)
            size = sum(p.stat().st_size for p in folder.rglob("*.XML"))
            self.stdout.write(f"export written: {size / 1e6:.0f} MB in {time.monotonic() - started:.1f}s")
            report = gar_import(path=folder, progress=self.stdout.write)
            self.stdout.write(
                self.style.SUCCESS(
                    f"import: {report.rows_read} rows in {report.seconds:.1f}s = {report.rows_per_second:,.0f} rows/s"
                )
            )
            if options["again"]:
                again = gar_import(path=folder)
                self.stdout.write(
                    f"same export again: {again.rows_read} rows in {again.seconds:.1f}s "
                    f"= {again.rows_per_second:,.0f} rows/s"
                )
            self._time_lookups(rng.sample(addresses, min(options["queries"], len(addresses))))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            if not options["keep"]:
                gar_region_drop(region=REGION)

    def _write_export(self, root: Path, rng: random.Random, options) -> list[tuple[str, str, str, str]]:
        for reference in SAMPLE.glob("AS_*.XML"):
            shutil.copy(reference, root / reference.name)
        folder = root / REGION
        folder.mkdir()
        objects = _Writer(folder, "ADDR_OBJ", "ADDRESSOBJECTS")
        houses = _Writer(folder, "HOUSES", "HOUSES")
        flats = _Writer(folder, "APARTMENTS", "APARTMENTS")
        hierarchy = _Writer(folder, "ADM_HIERARCHY", "ITEMS")
        params = _Writer(folder, "HOUSES_PARAMS", "PARAMS")
        next_id = iter(range(900_000_000, 2_000_000_000))
        region_id = next(next_id)
        objects.row("OBJECT", **_current(region_id, NAME="Бенчмарк", TYPENAME="г", LEVEL=1, OPERTYPEID=1))
        hierarchy.row("ITEM", **_item(region_id, parent_id=0, path=region_id))
        picked: list[tuple[str, str, str, str]] = []
        for _ in range(options["streets"]):
            street_id = next(next_id)
            name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            name += rng.choice(_SUFFIXES)
            street_type = rng.choice(_STREET_TYPES)
            objects.row("OBJECT", **_current(street_id, NAME=name, TYPENAME=street_type, LEVEL=8, OPERTYPEID=1))
            street_path = f"{region_id}.{street_id}"
            hierarchy.row("ITEM", **_item(street_id, parent_id=region_id, path=street_path))
            postal_code = f"{rng.randint(100000, 199999)}"
            for number in range(1, options["houses_per_street"] + 1):
                house_id = next(next_id)
                houses.row("HOUSE", **_current(house_id, HOUSENUM=number, HOUSETYPE=2, OPERTYPEID=10))
                hierarchy.row("ITEM", **_item(house_id, parent_id=street_id, path=f"{street_path}.{house_id}"))
                params.row(
                    "PARAM", ID=house_id, OBJECTID=house_id, CHANGEID=1, CHANGEIDEND=0, TYPEID=5, VALUE=postal_code
                )
                for flat in range(1, rng.randint(0, 2 * options["flats_per_house"]) + 1):
                    flat_id = next(next_id)
                    flats.row("APARTMENT", **_current(flat_id, NUMBER=flat, APARTTYPE=2, OPERTYPEID=10))
                    flat_path = f"{street_path}.{house_id}.{flat_id}"
                    hierarchy.row("ITEM", **_item(flat_id, parent_id=house_id, path=flat_path))
                    if rng.random() < 0.01:
                        picked.append((street_type, name, str(number), str(flat)))
        for writer in (objects, houses, flats, hierarchy, params):
            writer.close()
        return picked

    def _kept_addresses(self, rng: random.Random, count: int) -> list[tuple[str, str, str, str]]:
        flats = GarObject.objects.filter(region_code=REGION, kind="apartment").exclude(full_address="")
        total = flats.count()
        if not total:
            raise CommandError(f"no region {REGION} in the database: run once with --keep first")
        picked = []
        for offset in sorted(rng.sample(range(total), min(count, total))):
            flat = flats.order_by("object_id")[offset]
            _, street, house, number = flat.full_address.split(", ")
            street_type, name = street.split(" ", 1)
            picked.append((street_type, name, house.removeprefix("д "), number.removeprefix("кв ")))
        return picked

    def _time_lookups(self, picked: list[tuple[str, str, str, str]]) -> None:
        directory = EmbeddedDirectory()
        forms = {
            "terse 'name house flat'": lambda t, n, h, f: f"{n.lower()} {h} {f}",
            "full 'г, name type, дом, кв.'": lambda t, n, h, f: f"г Бенчмарк, {n} {t}., дом {h}, кв. {f}",
            "street prefix": lambda t, n, h, f: n[:5],
            "street and house": lambda t, n, h, f: f"{t} {n} д {h}",
        }
        directory.suggest("прогрев", 10)
        for label, form in forms.items():
            timings, hits = [], 0
            for street_type, name, house, flat in picked:
                query = form(street_type, name, house, flat)
                started = time.perf_counter()
                found = directory.suggest(query, 10)
                timings.append((time.perf_counter() - started) * 1000)
                hits += bool(found) and name in found[0].full_address
            timings.sort()
            self.stdout.write(
                f"look-up, {label}: {len(timings)} queries, p50 {statistics.median(timings):.1f} ms, "
                f"p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms, max {timings[-1]:.1f} ms, "
                f"right street first {hits}/{len(timings)}"
            )
