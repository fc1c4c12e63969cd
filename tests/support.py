"""Helpers shared by the tests of several features."""

import secrets

from django.db import DEFAULT_DB_ALIAS, connection, connections
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


def drop_connection() -> None:
    """Terminate the server process behind Django's connection from a second one, and wait until it is gone."""
    pid = connection.connection.info.backend_pid
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
    finally:
        other.close()
