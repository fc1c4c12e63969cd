"""Django's own error pages: in the envelope on API paths (a wrong URL, a bad Host); the admin's
refusals on its own page (`leadcore.refusals`)."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views import defaults

from leadcore.api.envelope import error_body
from leadcore.api.errors import ApiErrorCode, Problem
from leadcore.refusals import refused_page

API_PREFIXES = ("/api/", "/bs-core/")


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIXES)


def _envelope(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse(error_body([Problem(code, None, message)]), status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return _envelope(ApiErrorCode.MALFORMED_REQUEST, "Bad request.", 400)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return _envelope(ApiErrorCode.PERMISSION_DENIED, "Permission denied.", 403)
    if request.path.startswith(reverse("admin:index")) and request.user.is_authenticated and request.user.is_staff:
        return refused_page(request, exception)
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return _envelope(ApiErrorCode.NOT_FOUND, "No such endpoint.", 404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        return _envelope(ApiErrorCode.INTERNAL_ERROR, "Internal error.", 500)
    return defaults.server_error(request)
