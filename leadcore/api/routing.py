"""Routes that answer with and without a trailing slash: integrators' clients do not follow redirects."""

from collections.abc import Callable
from typing import Any

from django.http import HttpResponseBase
from django.urls import URLPattern, path

# drf-spectacular's endpoint tuple: (path, path_regex, method, view callback).
Endpoint = tuple[str, str, str, Callable[..., Any]]


def slash_optional(route: str, view: Callable[..., HttpResponseBase], name: str) -> list[URLPattern]:
    return [path(route, view, name=name), path(f"{route}/", view)]


def drop_slash_twins(endpoints: list[Endpoint], **kwargs: Any) -> list[Endpoint]:
    """drf-spectacular hook: document `/leads`, not also its twin `/leads/`."""
    paths = {p for p, *_ in endpoints}
    return [e for e in endpoints if not (e[0].endswith("/") and e[0].rstrip("/") in paths)]
