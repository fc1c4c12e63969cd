"""The token authentication reads the Authorization header from META alone, not from the request's
`headers`; it takes from it the key DRF's TokenAuthentication takes, and refuses what DRF refuses."""

from typing import Any

import pytest
from rest_framework.authentication import TokenAuthentication
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from leadcore.api.authentication import ApiTokenAuthentication

pytestmark = pytest.mark.django_db

HEADERS: list[Any] = [
    None,
    "",
    " ",
    "Token",
    "Token ",
    "Token 0123456789abcdef0123456789abcdef01234567",
    "token 0123456789abcdef",
    "TOKEN 0123456789abcdef",
    "  Token   0123456789abcdef  ",
    "Token\t0123456789abcdef",
    "Token a b",
    "Tokenabc",
    "Bearer 0123456789abcdef",
    "Basic dXNlcjpwYXNz",
    "Token caf\xe9",
    "Token \x00\x01",
    "Token ключ",
    b"Token 0123456789abcdef",
    b"Token caf\xc3\xa9",
    b"Token \xff\xfe",
    b"",
]


class _KeyTaken(ApiTokenAuthentication):
    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        return None, key


class _KeyTakenByDrf(TokenAuthentication):
    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        return None, key


def _outcome(authentication: TokenAuthentication, header: Any) -> tuple[Any, ...]:
    extra = {} if header is None else {"HTTP_AUTHORIZATION": header}
    request = Request(APIRequestFactory().get("/api/v1/leads/find/1", **extra))
    try:
        return ("taken", authentication.authenticate(request))
    except Exception as error:  # the refusals are compared, whatever they are
        return ("refused", type(error), str(getattr(error, "detail", error)))


def test_it_takes_the_key_drf_takes_from_every_authorization_header(settings):
    settings.API_ANON_THROTTLE_RATE = "1000/min"

    outcomes = [(_outcome(_KeyTaken(), header), _outcome(_KeyTakenByDrf(), header)) for header in HEADERS]

    for header, (mine, drfs) in zip(HEADERS, outcomes, strict=True):
        assert mine == drfs, header
    assert {mine[0] for mine, _ in outcomes} == {"taken", "refused"}
