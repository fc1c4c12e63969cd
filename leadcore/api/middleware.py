"""Requests no server reads faithfully are refused before anything reads their body."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse

from leadcore.api.envelope import error_body
from leadcore.api.errors import ApiErrorCode, Problem
from leadcore.api.handlers import is_api

LENGTH_REQUIRED = "Send the body with a Content-Length header; Transfer-Encoding is not supported."


class LengthRequiredMiddleware:
    """411 for a body sent with Transfer-Encoding (chunked).

    Django reads a body by its Content-Length only: under gunicorn a chunked body read as empty
    and was misreported as a lead without a name, and runserver took its chunks for the next
    request. The answer carries no Content-Length, so runserver closes the connection too and
    the unread chunks never reach another request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if "HTTP_TRANSFER_ENCODING" not in request.META:
            return self.get_response(request)
        if is_api(request):
            return JsonResponse(error_body([Problem(ApiErrorCode.LENGTH_REQUIRED, None, LENGTH_REQUIRED)]), status=411)
        return HttpResponse(LENGTH_REQUIRED, status=411, content_type="text/plain; charset=utf-8")
