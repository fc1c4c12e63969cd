"""PostgreSQL whose per-request health check costs no round trip while the connection is quiet.

Django checks a persistent connection (CONN_HEALTH_CHECKS) with a `SELECT 1` at the start of
every request. An idle connection has nothing to read: a server that ended it (restart,
`pg_terminate_backend`, idle timeout) has sent its farewell or closed the socket, which makes the
socket readable. So a quiet socket passes without a query, and only a readable one gets Django's
`SELECT 1`, which then finds it dead and closes it. Its JSON values are encoded by orjson where
that stores the same jsonb (`operations.py`).
"""

import select

from django.db.backends.postgresql import base

from leadcore.postgresql.operations import DatabaseOperations


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

    def close_if_health_check_failed(self) -> None:
        # health_check_enabled / health_check_done are Django's (4.1+); the stubs do not list them.
        enabled, done = self.health_check_enabled, self.health_check_done  # type: ignore[attr-defined,has-type]
        if self.connection is not None and enabled and not done and self._quiet():
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def _quiet(self) -> bool:
        if self.connection.closed or self.connection.broken:
            return False
        try:
            readable, _, _ = select.select([self.connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable
