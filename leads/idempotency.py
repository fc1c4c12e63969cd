"""`Idempotency-Key`: a retried POST gets the first answer instead of creating a second lead."""

import hashlib
import hmac
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from leadcore.api.errors import ApiErrorCode
from leadcore.api.json import PayloadJSONEncoder
from leadcore.db import backend_gone, backend_pid, discard_broken_connections
from leadcore.errors import DomainError, Problem
from leads.models import IdempotencyKey, IdempotencyState, Lead

logger = logging.getLogger(__name__)

MAX_KEY_LENGTH = 255

# A failed request frees its key itself (on a fresh connection if its own dropped), so a key stays
# in progress only when the database was still unreachable when it tried, or its process died
# (OOM kill, SIGKILL). On PostgreSQL such a claim is free as soon as its server process is gone
# (`holder_pid`); where that cannot be seen (SQLite, a pooler between us and PostgreSQL, a host
# that vanished without closing its socket) it is taken over after 30 s, gunicorn's default worker
# timeout: no live request of a default deployment holds a key longer. Should a slower one still be
# running, `idempotency_complete` refuses its lead, so one key never yields two leads.
STALE_AFTER = timedelta(seconds=30)

# A key is claimed anew at most this many times per request: each round is lost only to a request
# that freed, took over or pruned the same key in between.
CLAIM_ROUNDS = 3


@dataclass(frozen=True)
class Replay:
    lead_id: int


def request_fingerprint(payload: dict[str, Any]) -> str:
    """Keyed hash of the whole body: tells bodies apart without keeping anything of the card."""
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, cls=PayloadJSONEncoder)
    return hmac.new(settings.SECRET_KEY.encode(), canonical.encode(), hashlib.sha256).hexdigest()


def key_ttl() -> timedelta:
    return timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL)


def lead_create_once(
    *, user: User, key: str, payload: dict[str, Any], create: Callable[[IdempotencyKey | None], Lead]
) -> int:
    """The id of the lead `create` makes, made once per `Idempotency-Key` (none sent: every time).

    A repeat with the same body gets the first lead's id; a request that fails frees its key, so
    its retry goes through.
    """
    key = key.strip()
    if not key:
        return create(None).pk
    if len(key) > MAX_KEY_LENGTH:
        raise DomainError([Problem(ApiErrorCode.INVALID_FORMAT, None, "Idempotency-Key is too long.")])
    claim = idempotency_begin(user=user, key=key, payload=payload)
    if isinstance(claim, Replay):
        return claim.lead_id
    lead = None
    try:
        lead = create(claim)
    finally:
        # `finally` rather than `except Exception`: a worker that gunicorn times out unwinds with
        # SystemExit, and its key is freed as well.
        if lead is None:
            idempotency_release(key=claim)
    return lead.pk


def idempotency_begin(*, user: User, key: str, payload: dict[str, Any]) -> IdempotencyKey | Replay:
    """Claim the key (committed at once, so a concurrent repeat sees it) or replay its first answer.

    A key older than `IDEMPOTENCY_KEY_TTL` is claimed as if new; a stale claim of the same body is
    taken over.
    """
    fingerprint = request_fingerprint(payload)
    for _round in range(CLAIM_ROUNDS):
        try:
            with transaction.atomic():
                return IdempotencyKey.objects.create(
                    user=user,
                    key=key,
                    request_hash=fingerprint,
                    state=IdempotencyState.IN_PROGRESS,
                    holder_pid=backend_pid(),
                )
        except IntegrityError:
            pass
        existing = IdempotencyKey.objects.filter(user=user, key=key).first()
        if existing is None:
            continue
        now = timezone.now()
        if existing.created_at < now - key_ttl():
            claim = _take_over(existing, fingerprint=fingerprint, now=now)
        else:
            if existing.request_hash != fingerprint:
                raise _reused()
            # A completed key always names its lead (the idempotency_completed_has_lead constraint).
            if existing.state == IdempotencyState.COMPLETED and existing.lead_id is not None:
                return Replay(lead_id=existing.lead_id)
            if existing.updated_at >= now - STALE_AFTER and not _holder_gone(existing):
                raise _in_progress()
            claim = _take_over(existing, fingerprint=fingerprint, now=now)
        if claim is not None:
            return claim
    raise _in_progress()


def _holder_gone(existing: IdempotencyKey) -> bool:
    pid = existing.holder_pid
    return pid is not None and pid != backend_pid() and backend_gone(pid)


def _take_over(existing: IdempotencyKey, *, fingerprint: str, now: datetime) -> IdempotencyKey | None:
    """Claim an expired or stale key anew, unless another request changed it since it was read."""
    fresh = {
        "request_hash": fingerprint,
        "state": IdempotencyState.IN_PROGRESS,
        "holder_pid": backend_pid(),
        "lead": None,
        "created_at": now,
        "updated_at": now,
    }
    if not IdempotencyKey.objects.filter(pk=existing.pk, updated_at=existing.updated_at).update(**fresh):
        return None
    for name, value in fresh.items():
        setattr(existing, name, value)
    return existing


def _reused() -> DomainError:
    return DomainError(
        [Problem(ApiErrorCode.IDEMPOTENCY_KEY_REUSED, None, "This Idempotency-Key was used with another body.")],
    )


def _in_progress() -> DomainError:
    return DomainError(
        [Problem(ApiErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, None, "A request with this key is still running.")],
    )


def _still_ours(key: IdempotencyKey) -> QuerySet[IdempotencyKey]:
    """The key's row as long as this claim holds it: `updated_at` moves when another request takes it over."""
    return IdempotencyKey.objects.filter(pk=key.pk, state=IdempotencyState.IN_PROGRESS, updated_at=key.updated_at)


def idempotency_complete(*, key: IdempotencyKey, lead: Lead) -> None:
    """Make `lead` the key's answer; refused (and the lead's transaction rolled back) if the key was taken over."""
    now = timezone.now()
    if not _still_ours(key).update(state=IdempotencyState.COMPLETED, lead=lead, updated_at=now):
        raise _in_progress()
    key.state, key.lead, key.updated_at = IdempotencyState.COMPLETED, lead, now


def idempotency_release(*, key: IdempotencyKey) -> None:
    """Free the key of a request that failed, so that its retry (perhaps with a corrected body) goes through.

    The failure may have been the connection itself: a broken one is replaced first. Should the
    database still be unreachable, the key is taken over after STALE_AFTER, and the error that failed
    the request stays the one raised and logged.
    """
    try:
        discard_broken_connections()
        _still_ours(key).delete()
    except DatabaseError as exc:
        logger.warning(
            "Idempotency key #%s stays claimed for %s s: %s while freeing it",
            key.pk,
            int(STALE_AFTER.total_seconds()),
            type(exc).__name__,
        )


@transaction.atomic
def idempotency_keys_prune(*, now: datetime | None = None) -> int:
    """Delete the keys older than `IDEMPOTENCY_KEY_TTL`; returns how many."""
    cutoff = (now or timezone.now()) - key_ttl()
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
