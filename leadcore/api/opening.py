"""The opening statement of an API request that brings a token, on PostgreSQL: one round trip
reads the live token with its user, counts the request against the token's rate and reads the
Model Editor's version, which took three (each ~150 us of CPU, most of it the statement's trip
through the driver, not the work).

The count is the throttle's own upsert (`throttling.counting_sql`) as a data-modifying CTE that
counts only a live token of an active user: one atomic statement, exact under concurrency as
before, and a refused request is not counted. Which requests qualify is
`throttling.token_window_ahead`; the others, SQLite among them, take the separate statements."""

from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from leadcore.api.models import ApiToken
from leadcore.api.throttling import Counted, TokenWindow, counting_sql
from leadcore.api.tokens import TokenRead, token_read
from leadcore.rows import built_once
from modeleditor.cache import VERSION_SQL, version_seen


@dataclass(frozen=True, slots=True)
class _Opening:
    sql: str
    read: TokenRead


def _opening(connection: BaseDatabaseWrapper) -> _Opening:
    read = token_read(connection)
    counted = counting_sql(f"SELECT %s::text || {read.token_id}, %s, 1, %s, %s {read.source} AND {read.user_is_active}")
    count = connection.ops.quote_name("count")
    sql = (
        f"WITH counted AS ({counted}) "
        f"SELECT {read.columns}, (SELECT {count} FROM counted), ({VERSION_SQL}) {read.source}"
    )
    return _Opening(sql=sql, read=read)


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
    token_parameters = read.parameters(connection, key)
    now = timezone.now()
    parameters: list[Any] = [window.key_prefix, window.window_no, now, now, *token_parameters, window.limit]
    with connection.cursor() as cursor:
        cursor.execute(opening.sql, parameters + token_parameters)
        row = cursor.fetchone()
    if row is None:
        return Opened(token=None, counted=None)
    *columns, count, version = row
    version_seen(version=version)
    token = read.instance(connection, columns)
    if not token.user.is_active:
        return Opened(token=token, counted=None)
    counted = Counted(key=f"{window.key_prefix}{token.pk}", allowed=count is not None, retry_after=window.retry_after)
    return Opened(token=token, counted=counted)
