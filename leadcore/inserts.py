"""INSERTs the short way, for the lead's conversion: batched on one round trip (psycopg's pipeline
mode), held back and sent as one statement, their parameters computed without Django's per-value
machinery where it would change nothing, and the one-statement look-up-or-insert."""

import datetime
import decimal
import functools
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

import psycopg
from django.db import connection, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model
from django.utils import timezone

from leadcore.rows import ModelColumns, built_once, column_of

M = TypeVar("M", bound=Model)


def _field(opts, name: str) -> Field:
    field = opts.get_field(name)
    if not isinstance(field, Field):
        raise TypeError(f"{name} is a relation's reverse side, not a column")
    return field


_held_inserts: ContextVar[list["_HeldInsert"] | None] = ContextVar("held_inserts", default=None)


@dataclass(frozen=True)
class _HeldInsert:
    head: str  # INSERT INTO table (columns)
    width: int  # values per row
    rows: int
    params: list[Any]


@contextmanager
def statements_batched() -> Iterator[None]:
    """On PostgreSQL, the statements issued inside travel to the server together (psycopg's
    pipeline mode): one round trip for all of them, or one up to each result that is read.
    The INSERTs of `rows_insert` go further: they are held back and sent as one statement
    (`_inserts_send`) when the block ends or just before any other statement, so they still run
    in the order written. Each statement costs psycopg and PostgreSQL CPU of its own, more than
    its rows do.

    A failure of a batched statement surfaces when the batch is sent, as Django's own error
    class; the statements after it do not run and the transaction is rolled back as usual.
    Elsewhere (SQLite) the statements run one by one, as without the block.
    """
    if connection.vendor != "postgresql" or _held_inserts.get() is not None:
        yield
        return
    connection.ensure_connection()
    held: list[_HeldInsert] = []
    token = _held_inserts.set(held)

    def held_sent_first(execute, sql, params, many, context):
        if held:
            _inserts_send(held)
        return execute(sql, params, many, context)

    try:
        with (
            connection.wrap_database_errors,
            connection.connection.pipeline(),
            connection.execute_wrapper(held_sent_first),
        ):
            yield
            if held:
                _inserts_send(held)
    finally:
        _held_inserts.reset(token)


def _inserts_send(held: list[_HeldInsert]) -> None:
    """The held INSERTs as one statement: all but the last as data-modifying WITH queries.

    They see one snapshot and none reads another's rows; the foreign keys between them are
    checked at COMMIT (Django makes them DEFERRABLE INITIALLY DEFERRED), so their order inside
    the statement does not matter. The statement is sent through psycopg's raw cursor, already
    numbered ($1, $2, …): through Django's cursor, psycopg would scan the whole text for `%s` on
    every lead (a statement this long is above its cache's limits), which cost more CPU than
    building it. So it bypasses Django's query log (DEBUG, CaptureQueriesContext); errors are
    Django's all the same (`statements_batched` wraps them).
    """
    inserts = held[:]
    held.clear()
    sql = _inserts_sql(tuple((h.head, h.width, h.rows) for h in inserts))
    with psycopg.RawCursor(connection.connection) as cursor:
        cursor.execute(sql, [value for h in inserts for value in h.params])


@functools.lru_cache(maxsize=256)
def _inserts_sql(shape: tuple[tuple[str, int, int], ...]) -> str:
    """The statement for INSERTs of these heads, row widths and row counts, with numbered parameters."""
    numbers = itertools.count(1)

    def row(width: int) -> str:
        return "(" + ", ".join(f"${next(numbers)}" for _ in range(width)) + ")"

    inserts = [head + " VALUES " + ", ".join(row(width) for _ in range(rows)) for head, width, rows in shape]
    *first, last = inserts
    return ("WITH " + ", ".join(f"i{n} AS ({insert})" for n, insert in enumerate(first)) + " " if first else "") + last


class ReservedIds:
    """Primary keys drawn ahead from their tables' sequences; read once the batch delivered them."""

    def __init__(self, models: Sequence[type[Model]]):
        self._models = models
        self._cursor = None
        if connection.vendor == "postgresql" and models:
            self._cursor = connection.cursor()
            self._cursor.execute(
                "SELECT " + ", ".join(["nextval(pg_get_serial_sequence(%s, %s))"] * len(models)),
                [value for m in models for value in (m._meta.db_table, m._meta.pk.column)],
            )

    def ids(self) -> tuple[int | None, ...]:
        """The reserved ids in the models' order; None each where ids are given on insert (SQLite)."""
        if self._cursor is None:
            return (None,) * len(self._models)
        try:
            return tuple(self._cursor.fetchone())
        finally:
            self._cursor.close()


def row_insert(row: Model) -> None:
    """INSERT one row others will refer to: without a reserved key, its key is read back at once."""
    if row.pk is None:
        row.save(force_insert=True)
    else:
        rows_insert([row])


def rows_insert(rows: Sequence[Model]) -> None:
    """INSERT rows of one model in one statement, as `bulk_create` would store them.

    On PostgreSQL nothing is read back, so inside `statements_batched` the INSERT costs no round
    trip of its own: a row sent without a primary key stays without one here (reserve keys with
    `ReservedIds` for rows that others refer to). Elsewhere this is `bulk_create`.
    """
    if not rows:
        return
    model = type(rows[0])
    if connection.vendor != "postgresql":
        model._base_manager.bulk_create(rows)
        return
    for row in rows:
        # The check bulk_create runs (unsaved related rows); private, so the stubs omit it.
        row._prepare_related_fields_for_save(operation_name="rows_insert")  # type: ignore[attr-defined]
    for keyed in (True, False):
        group = [row for row in rows if (row.pk is not None) is keyed]
        if group:
            head, plan = _insert_head(model, keyed)
            params = [value for row in group for value in _row_params(row, plan)]
            held = _held_inserts.get()
            if held is not None:
                held.append(_HeldInsert(head, len(plan), len(group), params))
            else:
                values = "(" + ", ".join(["%s"] * len(plan)) + ")"
                with connection.cursor() as cursor:
                    cursor.execute(f"{head} VALUES {', '.join([values] * len(group))}", params)
    for row in rows:
        row._state.adding = False
        row._state.db = connection.alias


def rows_insert_values(model: type[Model], rows: Sequence[Mapping[str, Any]], **shared: Any) -> None:
    """`rows_insert` for rows no one reads again (a client's addresses, an application's goods),
    given as field values: each row's, plus `shared` (the owner). Inside `statements_batched` on
    PostgreSQL no model instance is built: a lead's eight such rows cost more CPU as instances
    than as their INSERT's values. Elsewhere, and for a model whose fields set values on save
    other than their times, the rows become instances (`rows_insert`).
    `tests/leads/test_insert_params.py` compares the values both ways over every row of a lead.
    """
    if not rows:
        return
    held = _held_inserts.get()
    head, plan = _insert_head(model, keyed=False)
    if held is None or not _values_plan(model):
        rows_insert([model(**shared, **row) for row in rows])
        return
    params = [value for row in rows for value in _values_params(model, {**shared, **row}, plan)]
    held.append(_HeldInsert(head, len(plan), len(rows), params))


@functools.cache
def _values_plan(model: type[Model]) -> dict[str, str]:
    """Each field's name and attname to its attname, where every field takes its value as given or
    its default ({} when one sets its value on save otherwise, as a file field does)."""
    names: dict[str, str] = {}
    for c in _plan(model, keyed=False):
        if not c.stamped and not _pre_save_reads(c.field):
            return {}
        names[c.field.name] = names[c.attname] = c.attname
    return names


def _pre_save_reads(field: Field) -> bool:
    """Whether the field's pre_save only reads the row's value: Field's own, or a date's without
    auto_now and auto_now_add (DateField and DateTimeField override it for those)."""
    if type(field).pre_save is Field.pre_save:
        return True
    dated = type(field).pre_save in (models.DateField.pre_save, models.DateTimeField.pre_save)
    return dated and not (getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def _values_params(model: type[Model], values: Mapping[str, Any], plan: Sequence["_Column"]) -> list[Any]:
    """The INSERT's values for one row given as field values, as `_row_params` gives them for the
    instance `model(**values)`."""
    names = _values_plan(model)
    given: dict[str, Any] = {}
    for name, value in values.items():
        attname = names.get(name)
        if attname is None:
            raise TypeError(f"{model.__name__} has no field {name!r}")
        if attname != name:  # a relation given as its row
            if value is not None and value.pk is None:
                raise ValueError(f"{model.__name__}.{name}: the related row is not saved")
            value = None if value is None else value.pk
        given[attname] = value
    now = timezone.now()
    params: list[Any] = []
    for c in plan:
        if c.stamped:
            params.append(now)
            continue
        value = given[c.attname] if c.attname in given else c.field.get_default()
        params.append(c.sent(value) if c.takes_as_is(value) else c.field.get_db_prep_save(value, connection))
    return params


@functools.cache
def _insert_head(model: type[Model], keyed: bool) -> tuple[str, list["_Column"]]:
    """`INSERT INTO table (columns)` and how to get each column's value, worked out once per
    model: the values are what Django's insert compiler would send (`pre_save`,
    `get_db_prep_save`), without its per-value expression machinery, which cost more CPU than
    anything else of the conversion."""
    quote = connection.ops.quote_name
    plan = _plan(model, keyed)
    return f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c.column) for c in plan)})", plan


# Field classes whose value needs no conversion when it already has the Python type named here:
# Django's get_db_prep_save would hand it back through four calls (integers wrapped in the
# column's integer type, as Django's backend does for server-side binding). Subclasses are not
# covered on purpose: each may convert (JSON, UUID, IP addresses, times set on save).
_SENT_AS_IS: dict[type[Field], tuple[type, ...]] = {
    models.AutoField: (int,),
    models.BigAutoField: (int,),
    models.CharField: (str,),
    models.TextField: (str,),
    models.EmailField: (str,),
    models.IntegerField: (int,),
    models.BigIntegerField: (int,),
    models.PositiveIntegerField: (int,),
    models.PositiveSmallIntegerField: (int,),
    models.SmallIntegerField: (int,),
    models.BooleanField: (bool,),
    models.DateField: (datetime.date,),
    models.DecimalField: (decimal.Decimal,),
}


@dataclass(frozen=True)
class _Column:
    field: Field
    column: str
    attname: str
    as_is: tuple[type, ...]  # value types sent unconverted; () where Django converts or sets it
    integer: str | None  # the integer column type Django wraps such a value in
    null: bool
    stamped: bool  # a DateTimeField set on save (auto_now, auto_now_add): the row's time of insert

    def takes_as_is(self, value: Any) -> bool:
        """Whether Django's conversion would hand `value` back as it is (an integer wrapped)."""
        if value is None:
            return bool(self.as_is) and self.null
        return type(value) in self.as_is and not (type(value) is decimal.Decimal and not value.is_finite())

    def sent(self, value: Any) -> Any:
        """A value `takes_as_is` accepted, as Django would send it."""
        return connection.ops.adapt_integerfield_value(value, self.integer) if self.integer else value


@functools.cache
def _plan(model: type[Model], keyed: bool) -> list[_Column]:
    return [_column_plan(f) for f in model._meta.concrete_fields if keyed or not f.primary_key]


def _column_plan(field: Field) -> _Column:
    source = field.target_field if isinstance(field, models.ForeignKey) else field
    as_is = _SENT_AS_IS.get(type(source), ())
    set_on_save = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    if set_on_save:
        as_is = ()
    # Django wraps the integer columns' values, not the ids of the auto fields.
    wrapped = as_is == (int,) and not isinstance(source, models.AutoField | models.BigAutoField)
    integer = source.get_internal_type() if wrapped else None
    stamped = set_on_save and type(field) is models.DateTimeField
    return _Column(field, column_of(field), field.attname, as_is, integer, field.null, stamped)


def _row_params(row: Model, plan: Sequence[_Column]) -> list[Any]:
    """The values Django's insert compiler would send for `row` (`pre_save`, `get_db_prep_save`),
    the short way where the field and the value's type make the conversion a no-op: on the
    lead's path these conversions cost more CPU than the rest of building its INSERTs.
    `tests/leads/test_insert_params.py` compares both ways over every row a lead writes."""
    if connection.vendor != "postgresql":
        return [c.field.get_db_prep_save(c.field.pre_save(row, add=True), connection) for c in plan]
    now = timezone.now()  # as pre_save would set it, once per row rather than once per field
    params: list[Any] = []
    for c in plan:
        if c.stamped:
            setattr(row, c.attname, now)
            params.append(now)
            continue
        value = getattr(row, c.attname)
        if c.takes_as_is(value):
            params.append(c.sent(value))
        else:
            params.append(c.field.get_db_prep_save(c.field.pre_save(row, add=True), connection))
    return params


def insert_unless_found(row: M, *, lookup: Mapping[str, object], conflict: str) -> tuple[M, bool] | None:
    """PostgreSQL, one statement: the row matching `lookup` if there is one, else `row` inserted.

    Returns (the stored row, whether it was inserted). `conflict` is the ON CONFLICT target of the
    unique index on the lookup's columns. None when a concurrent transaction inserted the same
    row after this statement's snapshot: it waited for that one to commit and did nothing, and
    a plain read now finds its row.
    """
    opts = row._meta
    plan = _plan(type(row), row.pk is not None)
    values = _row_params(row, plan)
    sql = _insert_unless_found_sql(type(row), row.pk is not None, tuple(lookup), conflict)
    params = [_field(opts, name).get_db_prep_value(value, connection) for name, value in lookup.items()]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *values])
        found = cursor.fetchone()
    if found is None:
        return None
    inserted = found[0]
    return built_once(connection, _columns_of(type(row))).instance(connection, found, start=1), inserted


@functools.cache
def _insert_unless_found_sql(model: type[Model], keyed: bool, lookup: tuple[str, ...], conflict: str) -> str:
    """`insert_unless_found`'s statement, written once per model, key, look-up and conflict target."""
    opts = model._meta
    quote = connection.ops.quote_name
    table = quote(opts.db_table)
    columns = ", ".join(quote(column_of(f)) for f in opts.concrete_fields)
    inserted = [c.column for c in _plan(model, keyed)]
    where = " AND ".join(f"{quote(column_of(_field(opts, name)))} = %s" for name in lookup)
    return (
        f"WITH found AS (SELECT {columns} FROM {table} WHERE {where} LIMIT 1), "
        f"made AS (INSERT INTO {table} ({', '.join(quote(c) for c in inserted)}) "
        f"SELECT {', '.join(['%s'] * len(inserted))} WHERE NOT EXISTS (SELECT 1 FROM found) "
        f"ON CONFLICT {conflict} DO NOTHING RETURNING {columns}) "
        f"SELECT true, {columns} FROM made UNION ALL SELECT false, {columns} FROM found"
    )


@functools.cache
def _columns_of(model: type[M]) -> Callable[[BaseDatabaseWrapper], ModelColumns[M]]:
    """The builder of `model`'s columns as read back, one per model, so `built_once` keeps one per connection."""
    return lambda conn: ModelColumns(model, "t", conn)
