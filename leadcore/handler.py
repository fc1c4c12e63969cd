"""The WSGI handler: API requests go through the middleware the API uses, the rest through all.

Sessions, CSRF, the admin's user, messages, login lockout and static files do nothing for an
integrator's request, yet each ran on every lead. `settings.BACK_OFFICE_MIDDLEWARE` names them;
requests to the API's endpoints skip them, everything else (the admin, Swagger UI and the schema,
which the admin's session opens) runs `settings.MIDDLEWARE` as before.

The answers are the same either way because a request skips them only when none of them could
change its answer: its path is an endpoint's (DRF's views are CSRF-exempt and authenticate by
token; the error pages of those paths are envelopes) and it brings no cookie (no session to
refresh, no CSRF or message cookie to read). Anything else takes the whole chain.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, MiddlewareNotUsed
from django.core.handlers.base import BaseHandler
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, HttpResponseBase
from django.urls import ResolverMatch, URLResolver, get_resolver
from django.utils.module_loading import import_string

# The API's endpoints; not /api/schema/ nor /api/docs/, which staff open with the admin's session.
API_ENDPOINT_PREFIXES = ("/api/v1/", "/bs-core/")
# The API's paths resolved, per resolver (a new one once the URLconf changes): Django walks three
# levels of includes to find a lead's view (≈25 µs). Paths carry ids, so the number kept is
# bounded; all are forgotten when it is reached. A path that resolves to nothing is not kept.
MAX_RESOLVED = 256
resolved: dict[tuple[URLResolver, str], ResolverMatch] = {}


def takes_api_chain(request: HttpRequest) -> bool:
    return request.path.startswith(API_ENDPOINT_PREFIXES) and not request.COOKIES


def api_middleware() -> list[str]:
    """`MIDDLEWARE` without the back office's own, in the same order: a middleware added later
    runs on the API too unless it is named as the back office's."""
    unknown = set(settings.BACK_OFFICE_MIDDLEWARE) - set(settings.MIDDLEWARE)
    if unknown:
        raise ImproperlyConfigured(f"BACK_OFFICE_MIDDLEWARE names middleware not in MIDDLEWARE: {sorted(unknown)}")
    return [path for path in settings.MIDDLEWARE if path not in settings.BACK_OFFICE_MIDDLEWARE]


class MiddlewareChain(BaseHandler):
    """Django's request handling with a list of middleware of its own (BaseHandler reads only
    `settings.MIDDLEWARE`). Built as `BaseHandler.load_middleware` builds a synchronous chain,
    which is all a WSGI server runs."""

    def __init__(self, middleware: list[str]) -> None:
        self._view_middleware: list[Callable[..., Any]] = []
        self._template_response_middleware: list[Callable[..., Any]] = []
        self._exception_middleware: list[Callable[..., Any]] = []
        handler = convert_exception_to_response(self._get_response)  # type: ignore[attr-defined]
        for path in reversed(middleware):
            factory = import_string(path)
            if not getattr(factory, "sync_capable", True):
                raise ImproperlyConfigured(f"{path} cannot run synchronously, as the API's chain does")
            try:
                instance = factory(handler)
            except MiddlewareNotUsed:
                continue
            if hasattr(instance, "process_view"):
                self._view_middleware.insert(0, instance.process_view)
            if hasattr(instance, "process_template_response"):
                self._template_response_middleware.append(instance.process_template_response)
            if hasattr(instance, "process_exception"):
                self._exception_middleware.append(instance.process_exception)
            handler = convert_exception_to_response(instance)
        self._middleware_chain = handler

    def resolve_request(self, request: HttpRequest) -> ResolverMatch:
        if hasattr(request, "urlconf"):
            return super().resolve_request(request)
        key = (get_resolver(), request.path_info)
        if (kept := resolved.get(key)) is None:
            kept = _copy(super().resolve_request(request))
            if len(resolved) >= MAX_RESOLVED:
                resolved.clear()
            resolved[key] = kept
        # Each request its own match: a view or middleware may change its arguments.
        request.resolver_match = match = _copy(kept)
        return match


def _copy(match: ResolverMatch) -> ResolverMatch:
    """A match with lists and dicts of its own (`copy.copy` refuses one: it cannot be pickled)."""
    copied = ResolverMatch.__new__(ResolverMatch)
    copied.__dict__.update({name: v.copy() if isinstance(v, dict | list) else v for name, v in vars(match).items()})
    return copied


class PathRoutedWSGIHandler(WSGIHandler):
    def __init__(self) -> None:
        super().__init__()
        self.api_chain = MiddlewareChain(api_middleware())

    def get_response(self, request: HttpRequest) -> HttpResponseBase:
        if takes_api_chain(request):
            return self.api_chain.get_response(request)
        return super().get_response(request)
