"""Where the importer's rows go: COPY into a staging table on PostgreSQL, batched SQL elsewhere.

Both take the rows as a stream and never hold more than one batch in memory. On PostgreSQL a whole
file is copied into a temporary table and merged with one statement, which is several times
faster than row batches through the ORM; SQLite (the zero-setup demo) takes batched statements.
A row is only written when a value changed, so importing the same export again costs reads only.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connection
from django.utils import timezone

from clients.gar.models import GarObject

BATCH_SIZE = 2000

# An object row as the importer produces it, after a leading `retired` flag.
OBJECT_COLUMNS = (
    "object_id",
    "guid",
    "kind",
    "gar_level",
    "region_code",
    "name",
    "type_name",
    "own_text",
    "own_tokens",
    "own_token_count",
    "house_no",
    "block_no",
    "building_no",
)
# Given to a new row only. The derived text is rebuilt after the region's files are read; the
# hierarchy and params are kept on update (a later export may carry an object without them).
_FRESH = {
    "full_address": "''",
    "search_text": "''",
    "token_count": "0",
    "parent_id": "NULL",
    "adm_path": "''",
    "mun_path": "''",
    "depth": "NULL",
    "postal_code": "''",
    "okato": "''",
    "oktmo": "''",
    "ifns": "''",
    "kladr_code": "''",
    "cadastral_number": "''",
    "former_names": "''",
}
_TABLE = GarObject._meta.db_table


def _batches(items: Iterable[tuple], size: int = BATCH_SIZE) -> Iterator[list[tuple]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _changed(target: str, source: str, columns: Iterable[str], source_names: Iterable[str] | None = None) -> str:
    """SQL true when any of `columns` differs; the target's may be NULL, the source's never are."""
    pairs = zip(columns, source_names or columns, strict=True)
    return " OR ".join(f"({target}.{c} IS NULL OR {target}.{c} <> {source}.{s})" for c, s in pairs)


def _upsert_tail() -> str:
    updates = [f"{c} = excluded.{c}" for c in OBJECT_COLUMNS[1:]] + ["updated_at = excluded.updated_at"]
    return (
        f"ON CONFLICT (object_id) DO UPDATE SET {', '.join(updates)} "
        f"WHERE {_changed(_TABLE, 'excluded', OBJECT_COLUMNS[1:])}"
    )


def _insert_head() -> str:
    columns = [*OBJECT_COLUMNS, *_FRESH, "updated_at"]
    return f"INSERT INTO {_TABLE} ({', '.join(columns)})"


class BatchStore:
    """Portable: multi-row statements of BATCH_SIZE rows (SQLite, or any other backend)."""

    def objects(self, items: Iterable[tuple]) -> int:
        guid = GarObject._meta.get_field("guid")
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        constants = list(_FRESH.values())
        kept = 0
        for batch in _batches(items):
            retired = [row[1] for row in batch if row[0]]
            current = {row[1]: row[1:] for row in batch if not row[0]}
            if retired:
                GarObject.objects.filter(object_id__in=retired).delete()
            if not current:
                continue
            row_sql = "(" + ", ".join(["%s"] * len(OBJECT_COLUMNS) + constants + ["%s"]) + ")"
            values = []
            for row in current.values():
                values += [row[0], guid.get_db_prep_value(row[1], connection), *row[2:], now]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"{_insert_head()} VALUES {', '.join([row_sql] * len(current))} {_upsert_tail()}", values
                )
            kept += len(current)
        return kept

    def update(self, columns: tuple[str, ...], items: Iterable[tuple]) -> int:
        """`UPDATE … FROM (VALUES …)`: one statement per batch; rows are (object_id, *values)."""
        done = 0
        assignments = ", ".join(f"{c} = v.column{i + 2}" for i, c in enumerate(columns))
        changed = _changed(_TABLE, "v", columns, [f"column{i + 2}" for i in range(len(columns))])
        row_sql = "(" + ", ".join(["%s"] * (len(columns) + 1)) + ")"
        for batch in _batches(items):
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {_TABLE} SET {assignments} FROM (VALUES {', '.join([row_sql] * len(batch))}) AS v "
                    f"WHERE {_TABLE}.object_id = v.column1 AND ({changed})",
                    [value for row in batch for value in row],
                )
            done += len(batch)
        return done

    def params(self, items: Iterable[tuple[int, str, str]]) -> int:
        done = 0
        for batch in _batches(items):
            by_column: dict[str, list[tuple]] = {}
            for object_id, column, value in batch:
                by_column.setdefault(column, []).append((object_id, value))
            for column, rows in by_column.items():
                self.update((column,), rows)
            done += len(batch)
        return done


class CopyStore:
    """PostgreSQL: COPY a whole file into a temporary table, then merge it in one statement."""

    def _copy(self, cursor, stage: str, definition: str, items: Iterable[tuple]) -> int:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {stage} ({definition}) ON COMMIT DROP")
        cursor.execute(f"TRUNCATE {stage}")
        copied = 0
        with cursor.cursor.copy(f"COPY {stage} FROM STDIN") as copy:
            for row in items:
                copy.write_row(row)
                copied += 1
        cursor.execute(f"ANALYZE {stage}")
        return copied

    def objects(self, items: Iterable[tuple]) -> int:
        definition = (
            "retired boolean, object_id bigint, guid uuid, kind text, gar_level smallint, region_code text, "
            "name text, type_name text, own_text text, own_tokens text, own_token_count smallint, "
            "house_no text, block_no text, building_no text"
        )
        with connection.cursor() as cursor:
            self._copy(cursor, "gar_stage_object", definition, items)
            cursor.execute(
                f"DELETE FROM {_TABLE} AS g USING gar_stage_object AS s WHERE s.retired AND g.object_id = s.object_id"
            )
            constants = ", ".join(_FRESH.values())
            cursor.execute(
                f"{_insert_head()} SELECT DISTINCT ON (object_id) {', '.join(OBJECT_COLUMNS)}, {constants}, "
                f"clock_timestamp() FROM gar_stage_object WHERE NOT retired ORDER BY object_id {_upsert_tail()}"
            )
            return cursor.rowcount

    def update(self, columns: tuple[str, ...], items: Iterable[tuple]) -> int:
        types = {"parent_id": "bigint", "depth": "smallint"}
        definition = ", ".join(["object_id bigint", *(f"{c} {types.get(c, 'text')}" for c in columns)])
        with connection.cursor() as cursor:
            copied = self._copy(cursor, "gar_stage_update", definition, items)
            cursor.execute(
                f"UPDATE {_TABLE} AS g SET {', '.join(f'{c} = s.{c}' for c in columns)} "
                f"FROM gar_stage_update AS s WHERE g.object_id = s.object_id AND ({_changed('g', 's', columns)})"
            )
            # Dropped at once: the next file's staging table has other columns.
            cursor.execute("DROP TABLE gar_stage_update")
            return copied

    def params(self, items: Iterable[tuple[int, str, str]]) -> int:
        with connection.cursor() as cursor:
            copied = self._copy(cursor, "gar_stage_param", "object_id bigint, col text, value text", items)
            cursor.execute("SELECT DISTINCT col FROM gar_stage_param")
            for (column,) in cursor.fetchall():
                cursor.execute(
                    f"UPDATE {_TABLE} AS g SET {connection.ops.quote_name(column)} = s.value "
                    f"FROM gar_stage_param AS s WHERE s.col = %s AND g.object_id = s.object_id "
                    f"AND ({_changed('g', 's', [column], ['value'])})",
                    [column],
                )
            return copied


def store_for_connection() -> BatchStore | CopyStore:
    return CopyStore() if connection.vendor == "postgresql" else BatchStore()
