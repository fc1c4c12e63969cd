import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import ApiUserFactory


@pytest.fixture
def api_user(db):
    return ApiUserFactory()


@pytest.fixture
def api(api_user) -> APIClient:
    """An integrator: an API user with a token, sending `Authorization: Token <key>`."""
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=api_user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()
