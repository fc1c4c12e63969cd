"""API users and their tokens: integrators authenticate with a key and never log in to the admin.

Only the key's SHA-256 digest is stored; a key has 160 random bits, so a plain digest (no salt,
no stretching) is as hard to reverse as the key is to guess, and a look-up stays one indexed read."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from leadcore.api.models import ApiToken


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


def api_token_for_key(*, key: str) -> ApiToken | None:
    return api_tokens_live().select_related("user").filter(digest=key_digest(key)).first()
