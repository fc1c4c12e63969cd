"""Helpers shared by the tests of several features."""

import secrets

from rest_framework.test import APIClient

from leadcore.api.models import ApiToken
from leadcore.api.tokens import key_digest


def api_key_for(user, **fields) -> str:
    """One more API token of `user` (its others stay valid): the key, as the integrator holds it."""
    key = secrets.token_hex(20)
    ApiToken.objects.create(user=user, digest=key_digest(key), prefix=key[:8], **fields)
    return key


def api_client_for(user) -> APIClient:
    """An API client that authenticates as `user` with `Authorization: Token <key>`."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key_for(user)}")
    return client
