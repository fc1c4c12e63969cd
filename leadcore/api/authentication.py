"""API token authentication: `Authorization: Token <key>` and the lending core's `bsauth: <key>`.

DRF authenticates before it checks permissions and throttles, so a request without a valid token
would never reach a throttle; the address limit is therefore counted here, where such a request
is recognised. On PostgreSQL the token's own limit is counted here too, by the statement that
reads the token (`leadcore.api.opening`), for the views that count it (`token_window_ahead`)."""

from typing import TYPE_CHECKING, Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from leadcore.api.opening import api_request_open
from leadcore.api.throttling import CountsAhead, address_limit_enforce, token_window_ahead
from leadcore.api.tokens import api_token_for_key

if TYPE_CHECKING:
    # drf_spectacular.openapi reads the API settings, which import this module.
    from drf_spectacular.openapi import AutoSchema


class _AuthorizationHeader:
    """What DRF's `TokenAuthentication.authenticate` reads of a request, its `headers` for the
    Authorization header, read from META alone: `request.headers` parses every header of the
    request to find that one."""

    __slots__ = ("headers",)

    def __init__(self, request: Request) -> None:
        value = request.META.get("HTTP_AUTHORIZATION")
        self.headers = {} if value is None else {"authorization": value}


class ApiTokenAuthentication(CountsAhead, authentication.TokenAuthentication):
    # Kept by `authenticate`: DRF gives `authenticate_credentials` the key alone.
    request: Request | None = None

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        self.request = request
        try:
            return super().authenticate(_AuthorizationHeader(request))  # type: ignore[arg-type]
        except exceptions.AuthenticationFailed:
            address_limit_enforce(request)
            raise

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        window = token_window_ahead(self.request) if self.request is not None else None
        if window is None:
            token = api_token_for_key(key=key)
        else:
            opened = api_request_open(key=key, window=window)
            token, self.counted = opened.token, opened.counted
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("Invalid token.")
        return token.user, token


class BsAuthAuthentication(ApiTokenAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        key = request.META.get("HTTP_BSAUTH", "").strip()
        if not key:
            return None
        self.request = request
        try:
            return self.authenticate_credentials(key)
        except exceptions.AuthenticationFailed:
            address_limit_enforce(request)
            raise


class AnonymousAddressLimit(authentication.BaseAuthentication):
    """Last in the chain: a request that no class authenticated counts against its address."""

    def authenticate(self, request: Request) -> None:
        address_limit_enforce(request)
        return None


class BsAuthScheme(OpenApiAuthenticationExtension):
    target_class = BsAuthAuthentication
    name = "bsauth"

    def get_security_definition(self, auto_schema: "AutoSchema") -> dict[str, str]:
        return {"type": "apiKey", "in": "header", "name": "bsauth"}
