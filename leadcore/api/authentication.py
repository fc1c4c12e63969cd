"""The lending core's header `bsauth: <key>`, accepted beside DRF's `Authorization: Token <key>`."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication


class BsAuthAuthentication(authentication.TokenAuthentication):
    def authenticate(self, request):
        key = request.META.get("HTTP_BSAUTH", "").strip()
        if not key:
            return None
        return self.authenticate_credentials(key)


class BsAuthScheme(OpenApiAuthenticationExtension):
    target_class = BsAuthAuthentication
    name = "bsauth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "bsauth"}
