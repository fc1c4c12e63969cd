"""Database plumbing shared by the API layer and the apps."""

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
