"""The opening statement of an API request that brings a token, on PostgreSQL: one round trip
reads the live token with its user, counts the request against the token's rate and reads the
Model Editor's version, which took three (each ~150 us of CPU, most of it the statement's trip
through the driver, not the work).

The count is the throttle's own upsert (`throttling.counting_sql`) as a data-modifying CTE that
counts only a live token of an active user: one atomic statement, exact under concurrency as
before, and a refused request is not counted. Which requests qualify is
`throttling.token_window_ahead`; the others, SQLite among them, take the separate statements.

The statement goes through a psycopg cursor kept with the connection (`leadcore.db.kept_read`), its text
numbered once: through Django's, every request made a new cursor (a copy of the connection's
adapters, new loaders for the row's types) and psycopg scanned the text for `%s`. Sent again as
the same text, it keeps its loaders, so the timestamps of a token and its user, the same on every
request, are parsed once (`_remembering`). While Django logs queries (DEBUG, a test's
CaptureQueriesContext) it goes through Django's cursor, the log's only way in."""

from dataclasses import dataclass
from typing import Any

import psycopg
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone
from psycopg import pq
from psycopg.abc import AdaptContext, Buffer, Loader

from leadcore.api.models import ApiToken
from leadcore.api.throttling import Counted, TokenWindow, counting_sql
from leadcore.api.tokens import TokenRead, token_read
from leadcore.db import kept_read, numbered
from leadcore.rows import built_once
from modeleditor.cache import VERSION_SQL, version_seen


@dataclass(frozen=True, slots=True)
class _Opening:
    sql: str
    # The same with its parameters numbered ($1, $2…), as the kept cursor takes it.
    numbered: str
    read: TokenRead


def _opening(connection: BaseDatabaseWrapper) -> _Opening:
    read = token_read(connection)
    counted = counting_sql(f"SELECT %s::text || {read.token_id}, %s, 1, %s, %s {read.source} AND {read.user_is_active}")
    count = connection.ops.quote_name("count")
    sql = (
        f"WITH counted AS ({counted}) "
        f"SELECT {read.columns}, (SELECT {count} FROM counted), ({VERSION_SQL}) {read.source}"
    )
    return _Opening(sql=sql, numbered=numbered(sql), read=read)


# A loader's answers kept at most: a token's and its user's timestamps, of the tokens in use.
REMEMBERED = 4096


def _remembering(loader: type[Loader]) -> type[Loader]:
    """`loader` answering the text it has loaded before from memory: a loader's answer depends on
    the text and on nothing else that changes while it lives (the connection's time zone and date
    style are read when it is made)."""

    class Remembering(loader):  # type: ignore[valid-type,misc]
        def __init__(self, oid: int, context: AdaptContext | None = None) -> None:
            super().__init__(oid, context)
            self.known: dict[bytes, Any] = {}

        def load(self, data: Buffer) -> Any:
            text = bytes(data)
            try:
                return self.known[text]
            except KeyError:
                if len(self.known) >= REMEMBERED:
                    self.known.clear()
                value = self.known[text] = super().load(data)
                return value

    return Remembering


def _remembering_timestamps(cursor: psycopg.RawCursor[Any]) -> None:
    """The opening cursor's timestamps' loader remembering (`_remembering`)."""
    timestamptz = cursor.adapters.types["timestamptz"].oid
    loader = cursor.adapters.get_loader(timestamptz, pq.Format.TEXT)
    if loader is not None:
        cursor.adapters.register_loader(timestamptz, _remembering(loader))


@dataclass(frozen=True, slots=True)
class Opened:
    token: ApiToken | None
    # None when nothing was counted: no live token, or its user is inactive.
    counted: Counted | None


def api_request_open(*, key: str, window: TokenWindow) -> Opened:
    """What `api_token_for_key(key=key)` answers, with the request counted in `window` when the
    token is live and its user active; the Model Editor's version goes to `modeleditor.cache`."""
    # The thread's own connection, once: through the `connection` proxy each use looks it up
    # again, and what `built_once` keeps would be kept on the proxy, shared by every thread.
    connection = connections[DEFAULT_DB_ALIAS]
    opening = built_once(connection, _opening)
    read = opening.read
    now = timezone.now()
    # PostgreSQL takes an aware datetime as it is, for `expires_at` as for the counter's times.
    token_parameters = read.parameters(key, now)
    parameters: list[Any] = [window.key_prefix, window.window_no, now, now, *token_parameters, window.limit]
    rows = kept_read(
        connection,
        cursor="_leadcore_opening_cursor",
        sql=opening.sql,
        numbered_sql=opening.numbered,
        params=parameters + token_parameters,
        prepare=_remembering_timestamps,
    )
    if not rows:
        return Opened(token=None, counted=None)
    *columns, count, version = rows[0]
    version_seen(version=version)
    token = read.instance(connection, columns)
    if not token.user.is_active:
        return Opened(token=token, counted=None)
    counted = Counted(key=f"{window.key_prefix}{token.pk}", allowed=count is not None, retry_after=window.retry_after)
    return Opened(token=token, counted=counted)
