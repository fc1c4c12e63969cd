"""API users and their tokens: integrators authenticate with a key and never log in to the admin.

Only the key's SHA-256 digest is stored; a key has 160 random bits, so a plain digest (no salt,
no stretching) is as hard to reverse as the key is to guess, and a look-up stays one indexed read."""

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Q, QuerySet
from django.utils import timezone

from leadcore.api.models import ApiToken
from leadcore.rows import ModelColumns, built_once, column_of


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: ApiToken
    key: str
    revoked: int


@transaction.atomic
def api_token_issue(*, username: str, ttl: timedelta | None = None) -> IssuedToken:
    """A new token for the API user `username` (created if need be); its live tokens are revoked."""
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    now = timezone.now()
    revoked = api_tokens_live(user=user).update(revoked_at=now, updated_at=now)
    ttl = ttl if ttl is not None else settings.API_TOKEN_TTL
    key = secrets.token_hex(20)
    token = ApiToken.objects.create(
        user=user, digest=key_digest(key), prefix=key[:8], expires_at=now + ttl if ttl else None
    )
    return IssuedToken(token=token, key=key, revoked=revoked)


@transaction.atomic
def api_tokens_revoke(*, tokens: QuerySet[ApiToken]) -> int:
    now = timezone.now()
    return tokens.filter(revoked_at__isnull=True).update(revoked_at=now, updated_at=now)


def api_tokens_live(*, user: User | None = None) -> QuerySet[ApiToken]:
    now = timezone.now()
    tokens = ApiToken.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now), revoked_at__isnull=True)
    return tokens.filter(user=user) if user is not None else tokens


@dataclass(frozen=True, slots=True)
class TokenRead:
    """What `api_tokens_live().select_related("user").filter(digest=…)` asks, in parts that the
    API request's opening statement (`leadcore.api.opening`) reuses: `SELECT {columns} {source}`
    with `parameters(key)`. A digest is unique, so at most one row and no ordering."""

    sql: str
    columns: str
    # FROM the token (alias t) joined to its user (alias u), WHERE it is live.
    source: str
    token: ModelColumns[ApiToken]
    user: ModelColumns[Any]
    token_id: str
    user_is_active: str

    @staticmethod
    def parameters(key: str, now: Any) -> list[Any]:
        """`now` as the database takes it for `expires_at` (`get_db_prep_value`)."""
        return [key_digest(key), now]

    def instance(self, connection: BaseDatabaseWrapper, row: Sequence[Any]) -> ApiToken:
        """The token of `row` with its user cached, as select_related leaves it."""
        token = self.token.instance(connection, row)
        user = self.user.instance(connection, row, len(self.token.attnames))
        ApiToken._meta.get_field("user").set_cached_value(token, user)
        return token


def token_read(connection: BaseDatabaseWrapper) -> TokenRead:
    token_meta = ApiToken._meta
    user_meta = token_meta.get_field("user").related_model._meta
    token = ModelColumns(ApiToken, "t", connection)
    user = ModelColumns(user_meta.model, "u", connection)
    quote = connection.ops.quote_name

    def column(name: str) -> str:
        return f"t.{quote(column_of(token_meta.get_field(name)))}"

    source = (
        f"FROM {quote(token_meta.db_table)} t "
        f"INNER JOIN {quote(user_meta.db_table)} u ON u.{quote(column_of(user_meta.pk))} = {column('user')} "
        f"WHERE {column('digest')} = %s AND {column('revoked_at')} IS NULL "
        f"AND ({column('expires_at')} IS NULL OR {column('expires_at')} > %s)"
    )
    columns = f"{token.sql}, {user.sql}"
    return TokenRead(
        sql=f"SELECT {columns} {source}",
        columns=columns,
        source=source,
        token=token,
        user=user,
        token_id=f"t.{quote(column_of(token_meta.pk))}",
        user_is_active=f"u.{quote(column_of(user_meta.get_field('is_active')))}",
    )


def api_token_for_key(*, key: str) -> ApiToken | None:
    """The live token of `key` with its user, or None: one indexed read, asked again on every
    request (a token revoked now fails on the very next one).

    Every API request asks this, so its statement is written once per connection rather than
    built by a QuerySet each time (the compilation cost more CPU than the read); the row becomes
    the instances the ORM would have made (`leadcore.rows`). On PostgreSQL a request that its
    view's TokenRateThrottle counts reads the token in `leadcore.api.opening` instead."""
    connection = connections[router.db_for_read(ApiToken)]
    read = built_once(connection, token_read)
    with connection.cursor() as cursor:
        now = ApiToken._meta.get_field("expires_at").get_db_prep_value(timezone.now(), connection)
        cursor.execute(read.sql, read.parameters(key, now))
        row = cursor.fetchone()
    return read.instance(connection, row) if row is not None else None
