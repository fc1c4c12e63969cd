"""API token authentication: `Authorization: Token <key>` and the lending core's `bsauth: <key>`.

DRF authenticates before it checks permissions and throttles, so a request without a valid token
would never reach a throttle; the address limit is therefore counted here, where such a request
is recognised."""

from typing import TYPE_CHECKING, Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from leadcore.api.throttling import address_limit_enforce
from leadcore.api.tokens import api_token_for_key

if TYPE_CHECKING:
    # drf_spectacular.openapi reads the API settings, which import this module.
    from drf_spectacular.openapi import AutoSchema


class ApiTokenAuthentication(authentication.TokenAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            address_limit_enforce(request)
            raise

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        token = api_token_for_key(key=key)
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("Invalid token.")
        return token.user, token


class BsAuthAuthentication(ApiTokenAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        key = request.META.get("HTTP_BSAUTH", "").strip()
        if not key:
            return None
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
