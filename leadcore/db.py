"""Database plumbing shared by the API layer and the apps: broken connections, the server process
behind a connection, and the round-trip counter. Writing rows the short way is `leadcore.inserts`."""

import itertools
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, connections


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
