"""The lending core's header `bsauth: <key>`, accepted beside DRF's `Authorization: Token <key>`."""

from rest_framework import authentication


class BsAuthAuthentication(authentication.TokenAuthentication):
    def authenticate(self, request):
        key = request.META.get("HTTP_BSAUTH", "").strip()
        if not key:
            return None
        return self.authenticate_credentials(key)
