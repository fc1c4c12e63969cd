"""The token look-up's own statement answers what the QuerySet it replaced answers, in one query,
and a token revoked or a user deactivated is refused on the very next request."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from leadcore.api.models import ApiToken
from leadcore.api.tokens import api_token_for_key, api_tokens_live, api_tokens_revoke, key_digest
from tests.factories import ApiUserFactory, StaffUserFactory
from tests.support import api_key_for

pytestmark = pytest.mark.django_db


def _through_the_orm(key: str) -> ApiToken | None:
    """The look-up as it was written before its statement was precompiled: the reference."""
    return api_tokens_live().select_related("user").filter(digest=key_digest(key)).first()


def _state(instance) -> dict:
    fields = {k: v for k, v in vars(instance).items() if k != "_state"}
    return {**fields, "_adding": instance._state.adding, "_db": instance._state.db}


def _keys() -> list[str]:
    now = timezone.now()
    user = ApiUserFactory(first_name="Анна", email="anna@example.com", last_login=now)
    staff = StaffUserFactory(is_superuser=True)
    inactive = ApiUserFactory(is_active=False)
    return [
        api_key_for(user),
        api_key_for(user, expires_at=now + timedelta(days=1)),
        api_key_for(user, expires_at=now + timedelta(seconds=30)),
        api_key_for(user, expires_at=now - timedelta(microseconds=1)),
        api_key_for(user, revoked_at=now),
        api_key_for(user, expires_at=now + timedelta(days=1), revoked_at=now),
        api_key_for(staff),
        api_key_for(inactive),
        "0" * 40,
        "",
        "ключ' OR 1=1 --",
    ]


def test_it_finds_the_same_tokens_and_users_as_the_queryset(django_assert_num_queries):
    for key in _keys():
        expected = _through_the_orm(key)
        with django_assert_num_queries(1):
            found = api_token_for_key(key=key)
            user = found.user if found is not None else None

        assert_same_token(found, user, expected, key)


def _bearer(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_it_refuses_a_token_on_the_request_right_after_its_revocation():
    key = api_key_for(ApiUserFactory())
    client = _bearer(key)
    assert client.get("/api/v1/leads/find/1").status_code == 200

    api_tokens_revoke(tokens=ApiToken.objects.all())

    assert client.get("/api/v1/leads/find/1").status_code == 401


def test_it_refuses_a_token_on_the_request_right_after_its_user_is_deactivated():
    user = ApiUserFactory()
    client = _bearer(api_key_for(user))
    assert client.get("/api/v1/leads/find/1").status_code == 200

    user.is_active = False
    user.save(update_fields=["is_active"])

    assert client.get("/api/v1/leads/find/1").status_code == 401


def assert_same_token(token, user, expected, key: str) -> None:
    """The token and user a hand-written read built are the ORM's, field for field."""
    assert (token is None) == (expected is None), key
    if token is not None and expected is not None:
        assert type(token) is type(expected)
        assert _state(token) == _state(expected)
        assert type(user) is type(expected.user)
        assert _state(user) == _state(expected.user)
