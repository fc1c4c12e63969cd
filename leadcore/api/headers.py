"""Headers every API answer carries, whichever view (or error page) produced it."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from leadcore.api.handlers import is_api


class ApiNoStoreMiddleware:
    """API answers hold personal data: no browser or proxy may keep a copy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if is_api(request):
            response["Cache-Control"] = "no-store"
        return response
