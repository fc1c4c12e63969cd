"""Database plumbing shared by the API layer and the apps: broken connections, the server process
behind a connection, the reads a request repeats through kept cursors, and the round-trip counter.
Writing rows the short way is `leadcore.inserts`."""

import itertools
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from django.db import connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper


def discard_broken_connections() -> None:
    """Close every connection a failure left unusable, so that the next query opens a fresh one.

    Django does this itself only when a request ends; a request that must still write after its
    connection dropped (freeing its idempotency key) needs it at once. A connection inside a
    transaction is left alone: the transaction died with it, and the outermost atomic block
    closes it when its rollback fails.
    """
    for conn in connections.all(initialized_only=True):
        if conn.connection is None or not conn.errors_occurred or conn.in_atomic_block:
            continue
        if not conn.is_usable():
            conn.close()


def backend_pid() -> int | None:
    """The PostgreSQL server process serving this thread's connection; None on other databases."""
    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    return connection.connection.info.backend_pid


def backend_gone(pid: int) -> bool:
    """Whether PostgreSQL server process `pid` has ended, and with it any request it served.

    Outside a transaction only: inside one, PostgreSQL answers from the activity it saw first.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = %s)", [pid])
        return cursor.fetchone()[0]


def kept_cursor(
    wrapper: BaseDatabaseWrapper, name: str, prepare: Callable[[psycopg.RawCursor[Any]], None] | None = None
) -> psycopg.RawCursor[Any]:
    """A psycopg raw cursor kept on `wrapper` (the thread's own Django connection, not the
    `connection` proxy that every thread shares) under `name`, while its psycopg connection lives.
    A kept cursor knows the dumpers of its parameters' types and keeps the loaders of its last
    result's columns; each of Django's cursors is a new psycopg cursor that looks all of them up
    again. `prepare` adjusts a new one (its loaders) before its first use."""
    db: psycopg.Connection[Any] = wrapper.connection
    kept: tuple[psycopg.Connection[Any], psycopg.RawCursor[Any]] | None = wrapper.__dict__.get(name)
    if kept is not None and kept[0] is db and not kept[1].closed:
        return kept[1]
    cursor = psycopg.RawCursor(db)
    if prepare is not None:
        prepare(cursor)
    wrapper.__dict__[name] = (db, cursor)
    return cursor


def numbered(sql: str, numbers: Iterator[int] | None = None) -> str:
    """`sql` with its `%s` placeholders numbered ($1, $2…), as a raw cursor takes it: given `%s`,
    psycopg scans the whole text for them on every run. `numbers`: the counter shared by the
    parts of a statement numbered piece by piece (`leadcore.statement_text`)."""
    counter = itertools.count(1) if numbers is None else numbers
    return re.sub("%s", lambda _match: f"${next(counter)}", sql)


def kept_read(
    wrapper: BaseDatabaseWrapper,
    *,
    cursor: str,
    sql: str,
    numbered_sql: str,
    params: Sequence[Any],
    prepare: Callable[[psycopg.RawCursor[Any]], None] | None = None,
) -> list[tuple[Any, ...]]:
    """The rows of a read a request repeats (PostgreSQL), run as Django's cursor runs it, through
    the cursor kept as `cursor` (`kept_cursor`) and its text already numbered (`numbered_sql`).
    While Django logs queries (DEBUG, a test's CaptureQueriesContext) it goes through Django's
    own cursor, the log's only way in."""
    if wrapper.queries_logged:
        with wrapper.cursor() as django_cursor:
            django_cursor.execute(sql, params)
            return django_cursor.fetchall()
    # What Django's cursor does first: the request's health check, the thread check, a broken
    # transaction refused; then the statement, its errors Django's (a dropped connection: 503).
    wrapper.close_if_health_check_failed()
    wrapper.ensure_connection()
    wrapper.validate_thread_sharing()
    wrapper.validate_no_broken_transaction()
    with wrapper.wrap_database_errors:
        kept = kept_cursor(wrapper, cursor, prepare)
        kept.execute(numbered_sql, params)
        return kept.fetchall()


@dataclass
class RoundTrips:
    count: int = 0


@contextmanager
def round_trips_counted() -> Iterator[RoundTrips]:
    """PostgreSQL: the round trips this thread's connection makes inside the block, read from
    libpq's protocol trace: each run of messages from the client that the server then answers.
    Statements sent together in a pipeline count once. Measurement only (benchmark, tests).
    """
    from psycopg import pq

    trips = RoundTrips()
    connection.ensure_connection()
    pgconn = connection.connection.pgconn
    with tempfile.TemporaryFile("w+") as trace:
        pgconn.trace(trace.fileno())
        pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS)
        try:
            yield trips
        finally:
            pgconn.untrace()
        trace.seek(0)
        # A statement's text may span lines; only a message's first line names its sender.
        senders = [sender for line in trace if (sender := line.split("\t", 1)[0]) in ("F", "B")]
    trips.count = sum(1 for a, b in itertools.pairwise(senders) if (a, b) == ("F", "B"))
