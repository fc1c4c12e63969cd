"""`Idempotency-Key`: a retried POST gets the first answer instead of creating a second lead."""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from leadcore.api.errors import ApiErrorCode, Problem, RequestRejected
from leadcore.api.json import PayloadJSONEncoder
from leads.models import IdempotencyKey, IdempotencyState, Lead

# A request that has held its key this long without finishing died with its process.
STALE_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class Replay:
    lead_id: int


def request_fingerprint(payload: dict) -> str:
    """Keyed hash of the whole body: tells bodies apart without keeping anything of the card."""
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, cls=PayloadJSONEncoder)
    return hmac.new(settings.SECRET_KEY.encode(), canonical.encode(), hashlib.sha256).hexdigest()


def idempotency_begin(*, user: AbstractBaseUser, key: str, payload: dict) -> IdempotencyKey | Replay:
    """Claim the key (committed at once, so a concurrent repeat sees it) or replay its first answer."""
    fingerprint = request_fingerprint(payload)
    try:
        with transaction.atomic():
            return IdempotencyKey.objects.create(
                user=user, key=key, request_hash=fingerprint, state=IdempotencyState.IN_PROGRESS
            )
    except IntegrityError:
        pass
    existing = IdempotencyKey.objects.get(user=user, key=key)
    if existing.request_hash != fingerprint:
        raise RequestRejected(
            [
                Problem(
                    ApiErrorCode.IDEMPOTENCY_KEY_REUSED,
                    None,
                    "This Idempotency-Key was used with another body.",
                )
            ],
            status=422,
        )
    if existing.state == IdempotencyState.COMPLETED:
        return Replay(lead_id=existing.lead_id)
    stale = timezone.now() - STALE_AFTER
    if IdempotencyKey.objects.filter(pk=existing.pk, updated_at__lt=stale).update(updated_at=timezone.now()):
        return IdempotencyKey.objects.get(pk=existing.pk)
    raise RequestRejected(
        [Problem(ApiErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, None, "A request with this key is still running.")],
        status=409,
    )


def idempotency_complete(*, key: IdempotencyKey, lead: Lead) -> None:
    key.state = IdempotencyState.COMPLETED
    key.lead = lead
    key.save(update_fields=["state", "lead", "updated_at"])


def idempotency_release(*, key: IdempotencyKey) -> None:
    """A request that failed frees its key, so the integrator can retry with a corrected body."""
    IdempotencyKey.objects.filter(pk=key.pk, state=IdempotencyState.IN_PROGRESS).delete()
