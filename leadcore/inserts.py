"""INSERTs the short way, for the lead's conversion: held and sent as one statement with the
client's look-up-or-insert (`leadcore.statement.one_statement`), their parameters computed without
Django's per-value machinery where it would change nothing."""

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connection, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import DEFERRED, Field, Model

from leadcore.insert_columns import CONVERTED, Column, columns, computed_sent, insert_head, value_sent
from leadcore.rows import column_of
from leadcore.statement import CLIENT_ID, Computed, client_hold, database, in_statement, insert_time, row_hold

M = TypeVar("M", bound=Model)


def _field(opts, name: str) -> Field:
    field = opts.get_field(name)
    if not isinstance(field, Field):
        raise TypeError(f"{name} is a relation's reverse side, not a column")
    return field


def row_insert(row: Model) -> None:
    """INSERT one row others will refer to: without a reserved key, its key is read back at once."""
    if row.pk is None:
        row.save(force_insert=True)
    else:
        rows_insert([row])


def rows_insert(rows: Sequence[Model]) -> None:
    """INSERT rows of one model, as `bulk_create` would store them.

    On PostgreSQL nothing is read back: inside `one_statement` the rows are held for the lead's
    statement, a row sent without a primary key stays without one here (reserve keys with
    `ids_reserved` for rows that others refer to), and the statement's stand-ins on the rows
    (`Computed`) take their values once it answered. Elsewhere this is `bulk_create`.
    """
    if not rows:
        return
    model = type(rows[0])
    db = database()
    if db.vendor != "postgresql":
        model._base_manager.bulk_create(rows)
        return
    for row in rows:
        # The check bulk_create runs (unsaved related rows); private, so the stubs omit it.
        row._prepare_related_fields_for_save(operation_name="rows_insert")  # type: ignore[attr-defined]
    held = in_statement()
    for keyed in (True, False):
        group = [row for row in rows if (row.pk is not None) is keyed]
        if not group:
            continue
        head, plan, casts = insert_head(model, keyed)
        if held:
            for row in group:
                row_hold(head, casts, _row_params(row, plan), instance=row, attnames=_attnames(model, keyed))
            continue
        params = [value for row in group for value in _row_params(row, plan)]
        values = "(" + ", ".join(["%s"] * len(plan)) + ")"
        with db.cursor() as cursor:
            cursor.execute(f"{head} VALUES {', '.join([values] * len(group))}", params)
    for row in rows:
        row._state.adding = False
        row._state.db = db.alias


def rows_insert_values(model: type[Model], rows: Sequence[Mapping[str, Any]], **shared: Any) -> None:
    """`rows_insert` for rows no one reads again (a client's addresses, an application's goods),
    given as field values: each row's, plus `shared` (the owner). Inside `one_statement` on
    PostgreSQL no model instance is built: a lead's eight such rows cost more CPU as instances
    than as their INSERT's values. Elsewhere, and for a model whose fields set values on save
    other than their times, the rows become instances (`rows_insert`).
    `tests/leads/test_insert_params.py` compares the values both ways over every row of a lead.
    """
    if not rows:
        return
    head, plan, casts = insert_head(model, keyed=False)
    if not in_statement() or not _values_plan(model, keyed=False):
        rows_insert([model(**shared, **row) for row in rows])
        return
    db = database()
    for row in rows:
        computed: list[int] = []
        row_hold(head, casts, _values_params(model, {**shared, **row}, plan, db, computed), computed=computed)


def row_insert_values(model: type[M], values: Mapping[str, Any], *, pk: Any, kept: Sequence[str]) -> M:
    """`row_insert` for a row given as field values (`pk` its reserved key), returned as an
    instance of the row stored that holds its key and the fields `kept` only (named as in
    `values`; one not given takes its constant default), the others deferred as
    `QuerySet.only(*kept)` defers them: read from the database when first asked for, once the
    lead's statement has written the row. Its stand-ins take their values as on any row written.
    Inside `one_statement` on PostgreSQL no instance is built from all of its values: that cost a
    lead more CPU than any other part of its INSERTs. Elsewhere, without a reserved key, or for a
    model whose fields set values on save other than their times, this is the whole instance,
    `row_insert`ed. `tests/leads/test_insert_params.py` compares the values both ways.
    """
    if pk is None or not in_statement() or not _values_plan(model, keyed=True):
        row = model(pk=pk, **values)
        row_insert(row)
        return row
    head, plan, casts = insert_head(model, keyed=True)
    db = database()
    computed: list[int] = []
    params = _values_params(model, {model._meta.pk.attname: pk, **values}, plan, db, computed)
    shape = _kept_shape(model, tuple(kept))
    # Every column's value, the others' DEFERRED: what `from_db` would make of the kept ones alone.
    loaded = shape.deferred.copy()
    loaded[shape.pk] = pk
    for i, name, default in shape.given:
        if name in values:
            loaded[i] = values[name]
        elif default is _NO_DEFAULT:
            raise TypeError(f"{model.__name__}.{name} is kept but neither given nor of a constant default")
        else:
            loaded[i] = default
    row = model.from_db(db.alias, shape.attnames, loaded)
    for name in shape.related:
        # Assigned as the related row, so that reading it asks the database nothing.
        setattr(row, name, values.get(name))
    row_hold(head, casts, params, instance=row, attnames=_attnames(model, keyed=True), computed=computed)
    return row


_NO_DEFAULT = object()


@dataclass(frozen=True)
class _KeptShape:
    attnames: list[str]  # the key's, then the kept fields' in `Model.from_db`'s order (the model's)
    # One value per concrete field, all DEFERRED: `Model.from_db` given as many values as the model
    # has columns builds the instance from them as they are, rather than placing them first.
    deferred: list[Any]
    pk: int  # the key's position among them
    given: list[tuple[int, str, Any]]  # each kept column's position, attname and default (`_NO_DEFAULT`: none constant)
    related: tuple[str, ...]  # kept relations given as rows, assigned once the instance is built


@functools.cache
def _kept_shape(model: type[Model], kept: tuple[str, ...]) -> _KeptShape:
    names = set(kept)
    attnames = [model._meta.pk.attname]
    given: list[tuple[int, str, Any]] = []
    related: list[str] = []
    pk = 0
    for i, field in enumerate(model._meta.concrete_fields):
        if field.primary_key:
            pk = i
            continue
        name = field.attname if field.attname in names else field.name if field.name in names else None
        if name is None:
            continue
        names.discard(name)
        if name != field.attname:
            related.append(name)
            continue
        attnames.append(field.attname)
        constant = not (field.has_default() and callable(field.default))
        given.append((i, name, field.get_default() if constant else _NO_DEFAULT))
    if names:
        raise TypeError(f"{model.__name__} has no column {sorted(names)}")
    return _KeptShape(attnames, [DEFERRED] * len(model._meta.concrete_fields), pk, given, tuple(related))


@functools.cache
def _attnames(model: type[Model], keyed: bool) -> list[str]:
    return [c.attname for c in columns(model, keyed)]


@dataclass(frozen=True)
class _ValuesPlan:
    """How a row given as field values becomes its INSERT's values, worked out once per model."""

    # Each field's name and attname: its position, its column, whether the name is the relation's.
    positions: dict[str, tuple[int, "Column", bool]]
    # A column left out takes its default: here as sent where that is a constant sent as it is, no
    # default (NULL) or a JSON column's empty dict or list (sent the same each time), the time of
    # the insert where it is stamped, else worked out per row (`defaulted`).
    template: list[Any]
    stamped: tuple[int, ...]
    defaulted: tuple[tuple[int, "Column"], ...]


@functools.cache
def _values_plan(model: type[Model], keyed: bool) -> _ValuesPlan | None:
    """None when a field sets its value on save other than its time of insert (as a file field
    does): every other field takes its value as given or its default."""
    positions: dict[str, tuple[int, Column, bool]] = {}
    template: list[Any] = []
    stamped: list[int] = []
    defaulted: list[tuple[int, Column]] = []
    for i, c in enumerate(columns(model, keyed)):
        if not c.stamped and not _pre_save_reads(c.field):
            return None
        positions[c.field.name] = (i, c, c.field.name != c.attname)
        positions[c.attname] = (i, c, False)
        constant = not c.stamped and not (c.field.has_default() and callable(c.field.default))
        default = c.field.get_default() if constant else None
        if c.json and c.field.default in (dict, list):
            template.append(connection.ops.adapt_json_value(c.field.default(), c.encoder))
        elif constant and c.takes_as_is(default):
            template.append(c.sent(default))
        elif constant and default is None and c.field.get_db_prep_save(None, connection) is None:
            template.append(None)  # no default: NULL, the conversion of None being None
        else:
            if c.stamped:
                stamped.append(i)
            else:
                defaulted.append((i, c))
            template.append(None)
    return _ValuesPlan(positions, template, tuple(stamped), tuple(defaulted))


def _pre_save_reads(field: Field) -> bool:
    """Whether the field's pre_save only reads the row's value: Field's own, or a date's without
    auto_now and auto_now_add (DateField and DateTimeField override it for those)."""
    if type(field).pre_save is Field.pre_save:
        return True
    dated = type(field).pre_save in (models.DateField.pre_save, models.DateTimeField.pre_save)
    return dated and not (getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def _values_params(
    model: type[Model],
    values: Mapping[str, Any],
    plan: Sequence["Column"],
    db: BaseDatabaseWrapper,
    computed: list[int] | None = None,
) -> list[Any]:
    """The INSERT's values for one row given as field values, as `_row_params` gives them for the
    instance `model(**values)`: `plan`'s columns, the given values' looked up by name rather than
    every column's default worked out again, converted for `db` where they need it. `computed`,
    where given, receives the positions of the values the statement computes, in column order
    (`row_hold` need not look at every value for them)."""
    # `plan` is one of the model's two: with its key or without.
    known = _values_plan(model, len(plan) == len(model._meta.concrete_fields))
    if known is None:
        raise TypeError(f"{model.__name__} sets values on save: insert it as an instance")
    params = known.template.copy()
    if known.stamped:
        now = insert_time()
        for i in known.stamped:
            params[i] = now
    positions = known.positions
    for name, value in values.items():
        try:
            i, c, related = positions[name]
        except KeyError:
            raise TypeError(f"{model.__name__} has no field {name!r}") from None
        if related:  # a relation given as its row
            if value is not None and value.pk is None:
                raise ValueError(f"{model.__name__}.{name}: the related row is not saved")
            value = None if value is None else value.pk
        # Inline, the per-type answer of `value_sent` known: a lead's hundred values cost it calls.
        wrap = c.as_is_by_type.get(type(value), CONVERTED)
        if wrap is None:
            params[i] = value
        elif wrap is CONVERTED:
            sent = params[i] = value_sent(c, value, db)
            if computed is not None and type(sent) is Computed:
                computed.append(i)
        else:
            params[i] = wrap(value)
    for i, c in known.defaulted:
        if c.field.name not in values and c.attname not in values:
            params[i] = value_sent(c, c.field.get_default(), db)
    if computed:
        computed.sort()
    return params


def _row_params(row: Model, plan: Sequence[Column]) -> list[Any]:
    """The values Django's insert compiler would send for `row` (`pre_save`, `get_db_prep_save`),
    the short way where the field and the value's type make the conversion a no-op: on the
    lead's path these conversions cost more CPU than the rest of building its INSERTs.
    `tests/leads/test_insert_params.py` compares both ways over every row a lead writes."""
    db = database()
    if db.vendor != "postgresql":
        return [c.field.get_db_prep_save(c.field.pre_save(row, add=True), db) for c in plan]
    now = insert_time()  # as pre_save would set it, once per row (in a statement, its one time) rather than per field
    params: list[Any] = []
    for c in plan:
        if c.stamped:
            setattr(row, c.attname, now)
            params.append(now)
            continue
        value = getattr(row, c.attname)
        if c.takes_as_is(value):
            params.append(c.sent(value))
        elif type(value) is Computed:
            params.append(computed_sent(c, value, db))
        else:
            params.append(c.field.get_db_prep_save(c.field.pre_save(row, add=True), db))
    return params


def insert_unless_found(
    model: type[Model], values: Mapping[str, Any], *, lookup: Mapping[str, object], conflict: str
) -> Computed:
    """Inside `one_statement`: the row of `model` matching `lookup` if there is one, else the row
    of field values `values` inserted, decided by the statement; returns its `CLIENT_ID` (the
    row's id found or made). `MADE_CLIENT_ID` is the id only where the statement inserted it;
    `if_inserted` tells the two cases apart in other rows. `conflict` is the ON CONFLICT target of
    the unique index on the lookup's columns: should a concurrent transaction insert the same row
    after the statement's snapshot, it waits for that one and finds nothing to write, and the
    statement runs again. No instance is built: whoever reads the row reads the stored one.
    """
    head, plan, _casts = insert_head(model, keyed=False)
    db = database()
    client_hold(
        table=model._meta.db_table,
        head=head,
        lookup={
            column: field.get_db_prep_value(lookup[name], db)
            for name, column, field in _looked_up(model, tuple(lookup))
        },
        conflict=conflict,
        values=_values_params(model, values, plan, db),
    )
    return CLIENT_ID


@functools.cache
def _looked_up(model: type[Model], names: tuple[str, ...]) -> list[tuple[str, str, Field]]:
    """Each look-up field's name, column and field."""
    return [(name, column_of(field), field) for name in names for field in [_field(model._meta, name)]]
