"""A lead's conversion as ONE statement on PostgreSQL: its ids drawn, its client found or made, and
every row inserted by a single data-modifying `WITH` statement, sent once in autocommit.

One statement is atomic by itself (it writes all of its rows or none), so it needs no BEGIN and
no COMMIT, and the whole conversion costs one round trip. Inside `one_statement` the writes of
`leadcore.inserts` are held instead of sent, and the values the statement itself decides are
`Computed` stand-ins: the ids it draws from the sequences (`ids_reserved`), the client's id
(`cl.id`: found or made, `leadcore.inserts.insert_unless_found`), what depends on which of the
two it was (`if_inserted`) and values derived from an id (`computed_from`: a contract's number).
Once the statement answered, every stand-in on a model instance is replaced by its value.

    WITH ids AS (SELECT nextval(…) AS i0, …),
         found AS (SELECT id FROM client WHERE key = $ LIMIT 1),
         made AS (INSERT INTO client … SELECT $… WHERE NOT EXISTS (SELECT 1 FROM found)
                  ON CONFLICT … DO NOTHING RETURNING id),
         cl AS (SELECT id, true AS created FROM made UNION ALL SELECT id, false FROM found),
         r0 AS (INSERT INTO document (…) SELECT $…, made.id FROM made),
         r1 AS (INSERT INTO address (…) SELECT v.c0, made.id, … FROM made,
                (VALUES ($…::varchar, …), ($…, …)) AS v (c0, …)),
         r2 AS (INSERT INTO application (…) SELECT ids.i0, cl.id, $… FROM ids, cl), …
    SELECT ids.i0, …, cl.id, cl.created FROM ids, cl

The rows of a collection (a client's addresses, an application's goods) are one INSERT, its rows
a `VALUES` list: one ModifyTable instead of one per row, which is most of what PostgreSQL spends
starting the statement. A bare parameter of a multi-row list is typed text, so the first row's are
cast to their columns' types (without length or precision: the column's own assignment still
refuses a value too long, as a row of its own would); the later rows' take the type from it. A
single row is its own `INSERT … SELECT`, whose bare parameters PostgreSQL types by their columns.
The rows read `ids`, `made` and `cl` and nothing else; the foreign keys between them are checked
when the statement's transaction ends (Django makes them DEFERRABLE INITIALLY DEFERRED).
"""

import datetime
import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.utils import timezone

from leadcore import statement_text
from leadcore.db import kept_cursor
from leadcore.rows import column_of
from leadcore.statement_text import RowShape

P = ParamSpec("P")
R = TypeVar("R")

# A lost race with a simultaneous lead of the same new person costs one more run (the next
# snapshot sees the winner's client); a client that keeps vanishing between runs is not a race.
RUNS = 3


@dataclass(frozen=True)
class Answer:
    """What the statement decided: the ids it drew and the client it found or made."""

    ids: tuple[int, ...]
    client_id: int | None
    created: bool


@dataclass(frozen=True, eq=False)
class Computed:
    """A value the statement computes: `sql` over its rows `ids`, `cl` and `made`, `%s` for each
    of `params` (values of the column it fills, converted as such), and `value` the same in Python
    once the statement answered."""

    sql: str
    params: tuple[Any, ...]
    value: Callable[[Answer], Any]


def computed_from(value: Any, sql: str, params: tuple[Any, ...], python: Callable[[Any], Any]) -> Any:
    """`python(value)`; when the statement computes `value`, the statement computes `sql` of it
    (`{0}` stands for it) with `params`, and `python` gives the same in Python."""
    if not isinstance(value, Computed):
        return python(value)
    if value.params:
        raise ValueError("only a parameterless value can be derived from")
    return Computed(_derived_sql(sql, value.sql), params, lambda answer: python(value.value(answer)))


@functools.lru_cache(maxsize=64)
def _derived_sql(sql: str, of: str) -> str:
    """`sql` of the stand-in's `of`, formatted once: a lead's contract number asked it every time."""
    return sql.format(of)


def if_inserted(inserted: Any, found: Any) -> Any:
    """`inserted` when the statement made the client, `found` when it found it; both in the column's terms."""
    if inserted == found:
        return inserted
    return Computed(
        "CASE WHEN cl.created THEN %s ELSE %s END",
        (inserted, found),
        lambda answer: inserted if answer.created else found,
    )


@dataclass(frozen=True)
class _Client:
    table: str
    head: str
    lookup: tuple[str, ...]  # the look-up's columns
    conflict: str
    params: tuple[Any, ...]  # the look-up's values, then the row's


@dataclass
class _Statement:
    db: BaseDatabaseWrapper  # the thread's own connection, looked up once (each look-up costs a lead)
    sequences: list[tuple[str, str]] = field(default_factory=list)  # (table, id column) per drawn id
    client: _Client | None = None
    rows: list[RowShape] = field(default_factory=list)
    # The rows' values, row after row, in column order; a computed one's parameters in its place.
    row_params: list[Any] = field(default_factory=list)
    stand_ins: list[tuple[Model, str, Computed]] = field(default_factory=list)
    now: datetime.datetime = field(default_factory=timezone.now)


_statement: ContextVar[_Statement | None] = ContextVar("lead_statement", default=None)

# (database, table, id column) → the qualified name of the column's sequence, as the statement
# looked it up (`pg_get_serial_sequence`). The look-up scans the catalog's dependencies on every
# run; a name in the text is resolved once, when the statement is prepared: 0.02 ms of PostgreSQL's
# CPU per lead (measured on a replayed lead, 40 interleaved blocks of 100).
_SEQUENCES: dict[tuple[str, str, str], str] = {}


def in_statement() -> bool:
    return _statement.get() is not None


def database() -> BaseDatabaseWrapper:
    """The thread's own connection: inside `one_statement` the statement's, looked up once for all
    of its rows; each look-up through `connections` (or an attribute read through the `connection`
    proxy) asks asgiref's thread-critical local again."""
    statement = _statement.get()
    return connections[DEFAULT_DB_ALIAS] if statement is None else statement.db


def insert_time() -> datetime.datetime:
    """The time of insert a row's `auto_now` and `auto_now_add` columns take: inside
    `one_statement` the statement's, one for all of its rows (its rows are written together, by
    one statement), else now."""
    statement = _statement.get()
    return timezone.now() if statement is None else statement.now


def atomic_unless_held(function: Callable[P, R]) -> Callable[P, R]:
    """`transaction.atomic(savepoint=False)` around `function`, but inside `one_statement`, whose
    writes are sent as one statement, atomic by itself: there the block would only cost CPU
    (Django turns autocommit off and on again for it), a share of a lead's conversion."""
    atomic = transaction.atomic(savepoint=False)(function)

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if _statement.get() is not None:
            return function(*args, **kwargs)
        return atomic(*args, **kwargs)

    return run


def _held() -> _Statement:
    statement = _statement.get()
    if statement is None:
        raise RuntimeError("only inside one_statement()")
    return statement


@contextmanager
def one_statement() -> Iterator[None]:
    """On PostgreSQL, the writes inside are held and sent as one statement when the block ends;
    the stand-ins on the instances written then take their values. Nothing may read inside the
    block what it writes. Elsewhere (SQLite) the writes run one by one, as without the block.

    A statement that found no client and made none (a simultaneous lead inserted the same person
    after its snapshot: ON CONFLICT waited for it and did nothing) wrote nothing at all: it runs
    again, and the new snapshot finds that client.
    """
    db = connections[DEFAULT_DB_ALIAS]
    if db.vendor != "postgresql" or _statement.get() is not None:
        yield
        return
    statement = _Statement(db)
    token = _statement.set(statement)
    try:
        yield
    finally:
        _statement.reset(token)
    answer = _sent(statement)
    for instance, attname, stand_in in statement.stand_ins:
        setattr(instance, attname, stand_in.value(answer))


def ids_reserved(models: Sequence[type[Model]]) -> tuple[Any, ...]:
    """Primary keys for rows of `models` others refer to, drawn by the statement from their sequences;
    None each outside one (the row's id is read back on insert)."""
    statement = _statement.get()
    if statement is None:
        return (None,) * len(models)
    ids = []
    for model in models:
        ids.append(_drawn(len(statement.sequences)))
        statement.sequences.append(_id_column(model))
    return tuple(ids)


@functools.cache
def _drawn(n: int) -> Computed:
    """The statement's n-th drawn id: the same stand-in in every statement."""
    return Computed(f"ids.i{n}", (), lambda answer: answer.ids[n])


@functools.cache
def _id_column(model: type[Model]) -> tuple[str, str]:
    return model._meta.db_table, column_of(model._meta.pk)


def client_hold(*, table: str, head: str, lookup: dict[str, Any], conflict: str, values: Sequence[Any]) -> None:
    """The client row found by `lookup` (its columns and values), else inserted (`head`, `values`)."""
    statement = _held()
    if statement.client is not None:
        raise RuntimeError("one client per statement")
    if any(isinstance(value, Computed) for value in values):
        raise ValueError("the client's row is looked up before anything else: it takes no computed value")
    statement.client = _Client(table, head, tuple(lookup), conflict, (*lookup.values(), *values))


CLIENT_ID = Computed("cl.id", (), lambda answer: answer.client_id)
# The client's id where the statement inserted it: rows written only for a new client take it.
MADE_CLIENT_ID = Computed("made.id", (), lambda answer: answer.client_id)


def row_hold(
    head: str,
    casts: tuple[str, ...],
    values: Sequence[Any],
    *,
    instance: Model | None = None,
    attnames: Sequence[str] = (),
    computed: Sequence[int] | None = None,
) -> None:
    """One row for the statement, `casts` its columns' types (no length or precision); where
    `instance` is given, its stand-ins (by `attnames`, one per value) take their values once the
    statement answered. `computed`: the positions of the computed values, if known (in order)."""
    statement = _held()
    # Few of a row's values are computed: the others go as they are.
    positions = [i for i, value in enumerate(values) if type(value) is Computed] if computed is None else computed
    statement.rows.append((head, casts, tuple([(i, values[i].sql) for i in positions])))
    if not positions:
        statement.row_params.extend(values)
        return
    params = list(values)
    for i in reversed(positions):
        params[i : i + 1] = values[i].params
    statement.row_params.extend(params)
    if instance is not None:
        statement.stand_ins.extend([(instance, attnames[i], values[i]) for i in positions])


def _sent(statement: _Statement) -> Answer:
    client = statement.client
    db = statement.db
    database = db.settings_dict["NAME"]
    named = [_SEQUENCES.get((database, *sequence)) for sequence in statement.sequences]
    # Each drawn id's sequence by its name once the statement has looked it up (`statement_text.sql`).
    sequences = tuple(named) if all(named) else tuple(statement.sequences)
    shape = (
        sequences,
        None if client is None else (client.table, client.head, client.lookup, client.conflict, len(client.params)),
        tuple(statement.rows),
    )
    sql = statement_text.sql(shape)
    params: list[Any] = [part for sequence in sequences if isinstance(sequence, tuple) for part in sequence]
    if client is not None:
        params.extend(client.params)
    params.extend(statement.row_params)
    db.ensure_connection()
    db.validate_no_broken_transaction()
    width = len(statement.sequences)
    found = width + (2 if client is not None else 0)
    # Sent already numbered through psycopg's raw cursor: through Django's, psycopg would scan the
    # whole text for `%s` on every lead. So it bypasses Django's query log (DEBUG,
    # CaptureQueriesContext); its errors are Django's all the same.
    with db.wrap_database_errors:
        # Kept: a new cursor looks up the dumper of each type of parameter again (a lead sends some fifteen).
        cursor = kept_cursor(db, "_leadcore_cursor")
        for _run in range(RUNS):
            cursor.execute(sql, params)
            answered = cursor.fetchone()
            if answered is not None:
                for sequence, name in zip(statement.sequences, answered[found:], strict=False):
                    if name is not None:
                        _SEQUENCES[(database, *sequence)] = name
                ids = tuple(answered[:width])
                if client is None:
                    return Answer(ids, None, False)
                return Answer(ids, answered[width], answered[width + 1])
    # A run that lost the race waits for the winner to commit, and the next run sees its client; so
    # only a client deleted or merged away between runs, run after run, ends here: a fault of the
    # moment that the integrator's retry gets past (an OperationalError is answered 503, retry later).
    raise OperationalError(f"the client was neither found nor made in {RUNS} runs")
