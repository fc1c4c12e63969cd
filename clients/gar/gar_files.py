"""The files of an official GAR export (a folder or a zip), read as streams of rows.

Layout: reference tables at the root, one folder per region code with the region's tables.
A file's table is the text between `AS_` and `_<YYYYMMDD>_`: a prefix match would take
`AS_ADDR_OBJ_PARAMS_…` for `AS_ADDR_OBJ`.
"""

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO
from xml.etree import ElementTree

_FILE_NAME = re.compile(r"^AS_(?P<table>[A-Z_]+?)_(?P<date>\d{8})_[0-9A-Fa-f-]+\.XML$", re.IGNORECASE)
_REGION = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True)
class GarFile:
    table: str
    region: str | None  # None for the reference tables at the root
    name: str  # path inside the folder or the zip


def table_of(file_name: str) -> str | None:
    match = _FILE_NAME.match(file_name)
    return match.group("table").upper() if match else None


class GarExport:
    """An export on disk; `path` may be the export's root, one region's folder, or a zip."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"{self.path} does not exist")
        self._zip = zipfile.ZipFile(self.path) if self.path.is_file() else None
        self.files = self._list()

    def _names(self) -> list[str]:
        if self._zip is not None:
            return [n for n in self._zip.namelist() if not n.endswith("/")]
        return [p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_file()]

    def _list(self) -> list[GarFile]:
        found = []
        lone_region = self.path.name if self._zip is None and _REGION.match(self.path.name) else None
        for name in sorted(self._names()):
            parts = PurePosixPath(name).parts
            table = table_of(parts[-1])
            if table is None:
                continue
            if len(parts) == 1:
                region = None if table.endswith("_TYPES") or table == "OBJECT_LEVELS" else lone_region
            elif _REGION.match(parts[-2]):
                region = parts[-2]
            else:
                continue
            found.append(GarFile(table=table, region=region, name=name))
        return found

    def regions(self) -> list[str]:
        return sorted({f.region for f in self.files if f.region is not None}, key=lambda r: (len(r), r))

    def file(self, table: str, region: str | None) -> GarFile | None:
        return next((f for f in self.files if f.table == table and f.region == region), None)

    def version(self) -> str:
        """The export date from `version.txt` (its first line only), when there is one."""
        if self._zip is not None:
            names = [n for n in self._zip.namelist() if PurePosixPath(n).name == "version.txt"]
            raw = self._zip.read(names[0]).decode("utf-8-sig") if names else ""
        else:
            path = self.path / "version.txt"
            raw = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
        return raw.splitlines()[0].strip() if raw else ""

    def size(self, gar_file: GarFile) -> int:
        if self._zip is not None:
            return self._zip.getinfo(gar_file.name).file_size
        return (self.path / gar_file.name).stat().st_size

    @contextmanager
    def open(self, gar_file: GarFile) -> Iterator[IO[bytes]]:
        if self._zip is not None:
            with self._zip.open(gar_file.name) as stream:
                yield stream
        else:
            with (self.path / gar_file.name).open("rb") as stream:
                yield stream

    def rows(self, gar_file: GarFile) -> Iterator[dict[str, str]]:
        """The attributes of every row element, parsed as a stream: memory stays flat for any size."""
        with self.open(gar_file) as stream:
            root = None
            for event, element in ElementTree.iterparse(stream, events=("start", "end")):
                if root is None:
                    root = element
                elif event == "end" and element is not root:
                    yield dict(element.attrib)
                    root.clear()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
