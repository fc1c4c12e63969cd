"""Reads of the embedded address directory (the GAR tables)."""

import uuid
from dataclasses import dataclass
from typing import NamedTuple

from django.db import connection, connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, F, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Length

from clients.gar.models import GarObject, GarObjectKind
from clients.gar.normalize import NAME_TYPE_WORDS, is_number, text_tokens, tokens
from leadcore.db import kept_read, numbered
from leadcore.rows import ModelColumns, built_once

# Looked through in this order until `count` addresses are found: a query is far more often
# the start of a street than of a flat, and the flats' table is the large one.
SEARCH_STAGES = (GarObjectKind.ADDRESS_OBJECT, GarObjectKind.HOUSE, GarObjectKind.APARTMENT)
MAX_QUERY_TOKENS = 12

# Must stay identical to the expression of the GIN indexes in the migration
# `0002_search_indexes_postgresql`, or PostgreSQL will not use them.
SEARCH_VECTOR_SQL = "array_to_tsvector(string_to_array(search_text, ' '))"


def gar_object_by_guid(*, fias_id: str) -> GarObject | None:
    try:
        guid = uuid.UUID(str(fias_id))
    except ValueError:
        return None
    return GarObject.objects.filter(guid=guid).exclude(full_address="").first()


class ChainObject(NamedTuple):
    """A GAR object as an address is made of it (`embedded.to_directory_address`): its columns as
    the ORM reads them, in the model's order, without a model instance (nothing of the look-up
    needs one: it is read once and never saved). The other columns are not read: the search
    text, the municipal path and the change time, whose loader alone cost a third of the read's CPU.
    """

    object_id: int
    guid: uuid.UUID
    kind: str
    gar_level: int
    region_code: str
    name: str
    type_name: str
    own_text: str
    house_no: str
    block_no: str
    building_no: str
    former_names: str
    adm_path: str
    postal_code: str
    okato: str
    oktmo: str
    ifns: str
    kladr_code: str
    cadastral_number: str
    full_address: str

    @property
    def path_ids(self) -> list[int]:
        """As `GarObject.path_ids`."""
        return [int(part) for part in self.adm_path.split(".") if part]


CHAIN_FIELDS = ChainObject._fields


def chain_object(instance: GarObject) -> ChainObject:
    return ChainObject._make(getattr(instance, name) for name in CHAIN_FIELDS)


def gar_object_with_chain(*, fias_id: str) -> tuple[ChainObject | None, dict[int, ChainObject]]:
    """The current object of a FIAS id and the objects of its chain by id: one read on PostgreSQL,
    of `CHAIN_FIELDS` (on SQLite, whole rows)."""
    try:
        guid = uuid.UUID(str(fias_id))
    except ValueError:
        return None, {}
    database = connections[router.db_for_read(GarObject)]
    if database.vendor != "postgresql":
        whole = gar_object_by_guid(fias_id=fias_id)
        if whole is None:
            return None, {}
        known = gar_objects_by_ids(object_ids=set(whole.path_ids))
        return chain_object(whole), {i: chain_object(o) for i, o in known.items()}
    read = built_once(database, _chain_read)
    found_rows = kept_read(
        database, cursor="_leadcore_chain_cursor", sql=read.sql, numbered_sql=read.numbered, params=[guid]
    )
    rows = [ChainObject._make(read.columns.values(database, row)) for row in found_rows]
    found = next((o for o in rows if o.guid == guid and o.full_address), None)
    if found is None:
        return None, {}
    chain = set(found.path_ids)
    return found, {o.object_id: o for o in rows if o.object_id in chain}


@dataclass(frozen=True, slots=True)
class _ChainRead:
    sql: str
    numbered: str  # `sql` as the kept cursor takes it
    columns: ModelColumns[GarObject]


def _chain_read(database: BaseDatabaseWrapper) -> _ChainRead:
    """The object of a guid and every object named in its `adm_path`, `CHAIN_FIELDS` only. Every
    lead with a FIAS id asks this, so the statement is written once rather than built by a
    QuerySet each time. The guid's own id and its path's ids are gathered into one array first, so
    every object is found by its primary key: `guid = … OR object_id IN (…)` could use no index
    and read the whole table (75 ms a lead at 500,000 objects)."""
    columns = ModelColumns(GarObject, "g", database, only=CHAIN_FIELDS)
    if columns.attnames != list(CHAIN_FIELDS):
        raise TypeError("ChainObject's fields are GarObject's columns in the model's order")
    table = database.ops.quote_name(GarObject._meta.db_table)
    sql = (
        f"SELECT {columns.sql} FROM {table} g WHERE g.object_id = ANY(("
        "SELECT array_append(array_remove(string_to_array(adm_path, '.'), '')::bigint[], object_id) "
        f"FROM {table} WHERE guid = %s)::bigint[])"
    )
    return _ChainRead(sql=sql, numbered=numbered(sql), columns=columns)


def gar_directory_is_empty() -> bool:
    return not GarObject.objects.exists()


def gar_objects_by_ids(*, object_ids: set[int]) -> dict[int, GarObject]:
    return {o.object_id: o for o in GarObject.objects.filter(object_id__in=object_ids)}


def gar_objects_search(*, query: str, count: int) -> list[GarObject]:
    """The addresses holding the query's words and numbers; fewest extra words first.

    A type word that is also a name ("набережная", "площадь", "линия") is first asked as part of
    the name, then left out, as "ул Набережная" and "наб Ленина" both need. Then, as written:
    whole words and numbers, only the last word may be unfinished. When that finds nothing,
    every word may be a beginning ("сухон 11 89"), and so may a last number. Prefixes of numbers
    are asked last because "1…" matches a good part of a region.
    """
    terms = tokens(query)[:MAX_QUERY_TOKENS]
    named_types = [t for t in text_tokens(query) if t in NAME_TYPE_WORDS][:MAX_QUERY_TOKENS]
    attempts = [terms + named_types, terms] if named_types else [terms]
    for attempt in attempts:
        if not attempt:
            continue
        last = len(attempt) - 1
        exact = [(t, i == last and not is_number(t)) for i, t in enumerate(attempt)]
        found = _search(exact, count)
        loose = [(t, not is_number(t) or i == last) for i, t in enumerate(attempt)]
        if not found and loose != exact:
            found = _search(loose, count)
        if found:
            return found
    return []


def _search(terms: list[tuple[str, bool]], count: int) -> list[GarObject]:
    found: list[GarObject] = []
    for kind in SEARCH_STAGES:
        found += _search_kind(kind=kind, terms=terms, limit=count - len(found))
        if len(found) >= count:
            break
    return found


def _search_kind(*, kind: str, terms: list[tuple[str, bool]], limit: int) -> list[GarObject]:
    """`terms` are (token, may_be_a_prefix)."""
    rows = GarObject.objects.filter(kind=kind).exclude(search_text="")
    if connection.vendor == "postgresql":
        query = " & ".join(f"'{t}':*" if prefix else f"'{t}'" for t, prefix in terms)
        match = RawSQL(f"{SEARCH_VECTOR_SQL} @@ %s::tsquery", (query,), output_field=BooleanField())
        rows = rows.filter(match)
    else:
        rows = rows.alias(padded=Concat(Value(" "), F("search_text"), Value(" "), output_field=TextField()))
        for term, prefix in terms:
            rows = rows.filter(padded__contains=f" {term}" if prefix else f" {term} ")
    return list(rows.order_by("token_count", Length("search_text"), "full_address")[:limit])
