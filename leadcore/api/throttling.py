"""Rate limits on DRF's throttling: per API token, and per client address for requests that
bring no valid token.

Fixed one-period windows: one counter per token (or address) and window, not DRF's default list
of every request's time, which at thousands a minute would make each request read and write a
list of thousands of entries. With the database cache (the default) the counter is a row of
`RateCounter`, counted by one statement (one round trip, exact under concurrency; the database
cache's own read and write took six). With another cache (Redis) it is read, then written:
concurrent requests of one token may each count once for two and let a few more through, which a
rate limit can afford. A refused request is not counted."""

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.http import HttpRequest
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from leadcore.api.models import ApiToken, RateCounter

if TYPE_CHECKING:
    # rest_framework.views reads the API settings, whose authentication classes import this module.
    from rest_framework.views import APIView


# Each rate setting's value as DRF parses it: a few strings (the settings' values, over time).
_RATES_PARSED: dict[str | None, tuple[int | None, int | None]] = {}


class _WindowThrottle(SimpleRateThrottle):
    rate_setting = ""
    # Set by SimpleRateThrottle.__init__ from the rate; the stubs leave them out.
    num_requests: int
    duration: int

    def get_rate(self) -> str:
        # Read on each request, so that a settings override takes effect at once.
        return getattr(settings, self.rate_setting)

    def parse_rate(self, rate: str | None) -> tuple[int | None, int | None]:
        # DRF makes a throttle, which parses its rate, for each request; a rate is parsed once.
        try:
            return _RATES_PARSED[rate]
        except KeyError:
            parsed = _RATES_PARSED[rate] = super().parse_rate(rate)
            return parsed

    def get_cache_key(self, request: Request, view: "APIView | None") -> str | None:
        """The counter's key, or None for a request this throttle does not count; needs no view."""
        raise NotImplementedError

    def window(self) -> tuple[int, float]:
        """The current window's number and the seconds until the next one."""
        now = self.timer()
        window = int(now // self.duration)
        return window, (window + 1) * self.duration - now

    def allow_request(self, request: Request, view: "APIView | None") -> bool:
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        window, self.retry_after = self.window()
        key = f"{self.key}:{window}"
        # `self.cache` is Django's proxy of the default cache; the backend behind it decides.
        if isinstance(caches[DEFAULT_CACHE_ALIAS], DatabaseCache):
            return window_count(key=self.key, window_no=window, limit=self.num_requests)
        count = self.cache.get(key, 0) + 1
        if count > self.num_requests:
            return False
        # An explicit timeout: the cache's `incr` would give the counter the default one.
        self.cache.set(key, count, timeout=math.ceil(self.retry_after))
        return True

    def wait(self) -> float:
        return self.retry_after


_TABLE = RateCounter._meta.db_table


def counting_sql(rows: str) -> str:
    """The statement that counts the requests `rows` gives as (key, window_no, 1, created_at,
    updated_at), then takes the limit as its last parameter; it returns the count of each one counted."""
    return f"""
    INSERT INTO {_TABLE} (key, window_no, count, created_at, updated_at) {rows}
    ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN {_TABLE}.window_no = excluded.window_no THEN {_TABLE}.count + 1 ELSE 1 END,
        window_no = excluded.window_no,
        updated_at = excluded.updated_at
    WHERE {_TABLE}.window_no <> excluded.window_no OR {_TABLE}.count < %s
    RETURNING count
"""


_COUNT = counting_sql("VALUES (%s, %s, 1, %s, %s)")


def window_count(*, key: str, window_no: int, limit: int) -> bool:
    """Count one request of `key` in window `window_no`; False (and not counted) once `limit` is reached.

    One statement on PostgreSQL and SQLite alike: the row of an earlier window starts over at 1.
    """
    with connection.cursor() as cursor:
        now = timezone.now()
        cursor.execute(_COUNT, [key, window_no, now, now, limit])
        return cursor.fetchone() is not None


@dataclass(frozen=True, slots=True)
class TokenWindow:
    """A token's request to count before the token is known: its key is `key_prefix` followed by
    the token's id."""

    key_prefix: str
    window_no: int
    limit: int
    retry_after: float


@dataclass(frozen=True, slots=True)
class Counted:
    """The answer of a request's count made by its authentication, for the throttle to give."""

    key: str
    allowed: bool
    retry_after: float


class CountsAhead:
    """An authentication that may count its request against the token's rate while it reads the
    token (`leadcore.api.opening`); DRF makes one per request."""

    counted: Counted | None = None


class TokenRateThrottle(_WindowThrottle):
    """API_THROTTLE_RATE per API token (per user for a staff session reading the schema)."""

    scope = "token"
    rate_setting = "API_THROTTLE_RATE"
    token_key_prefix = f"throttle:{scope}:t"

    def get_cache_key(self, request: Request, view: "APIView | None") -> str | None:
        if isinstance(request.auth, ApiToken):
            return f"{self.token_key_prefix}{request.auth.pk}"
        elif request.user is not None and request.user.is_authenticated:
            ident = f"u{request.user.pk}"
        else:
            ident = f"a{self.get_ident(request)}"
        return f"throttle:{self.scope}:{ident}"

    def allow_request(self, request: Request, view: "APIView | None") -> bool:
        authenticator = request.successful_authenticator
        counted = authenticator.counted if isinstance(authenticator, CountsAhead) else None
        if counted is not None and counted.key == self.get_cache_key(request, view):
            self.retry_after = counted.retry_after
            return counted.allowed
        return super().allow_request(request, view)


def token_window_ahead(request: Request) -> TokenWindow | None:
    """The window in which the statement that reads the request's token also counts the request,
    or None: the throttle counts it later, as with any other authentication.

    Only on PostgreSQL with the counters in the database, and only for a view that counts with
    this very throttle and whose permissions refuse no authenticated user (DRF checks them before
    the throttles, and a refused request must stay uncounted)."""
    if connection.vendor != "postgresql" or not isinstance(caches[DEFAULT_CACHE_ALIAS], DatabaseCache):
        return None
    view = (request.parser_context or {}).get("view")
    if view is None or TokenRateThrottle not in view.throttle_classes:
        return None
    if any(permission is not IsAuthenticated for permission in view.permission_classes):
        return None
    throttle = TokenRateThrottle()
    window_no, retry_after = throttle.window()
    return TokenWindow(
        key_prefix=throttle.token_key_prefix,
        window_no=window_no,
        limit=throttle.num_requests,
        retry_after=retry_after,
    )


class AddressRateThrottle(_WindowThrottle):
    """API_ANON_THROTTLE_RATE per client address, for requests without a valid token."""

    scope = "address"
    rate_setting = "API_ANON_THROTTLE_RATE"

    def get_cache_key(self, request: Request, view: "APIView | None") -> str:
        return f"throttle:{self.scope}:{self.get_ident(request)}"


def address_limit_enforce(request: Request) -> None:
    """Counts a request that brought no valid token against its address; raises once over."""
    throttle = AddressRateThrottle()
    if not throttle.allow_request(request, None):
        raise exceptions.Throttled(wait=throttle.wait())


def client_address(request: HttpRequest) -> str:
    """The client's address as the API's throttles see it (NUM_PROXIES), for the admin's lockout too."""
    # get_ident reads only `request.META`, which Django's request has too; the stubs ask for DRF's.
    return BaseThrottle().get_ident(request)  # type: ignore[arg-type]
