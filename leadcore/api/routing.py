"""Routes that answer with and without a trailing slash: integrators' clients do not follow redirects."""

from django.urls import URLPattern, path


def slash_optional(route: str, view, name: str) -> list[URLPattern]:
    return [path(route, view, name=name), path(f"{route}/", view)]


def drop_slash_twins(endpoints, **kwargs):
    """drf-spectacular hook: document `/leads`, not also its twin `/leads/`."""
    paths = {p for p, *_ in endpoints}
    return [e for e in endpoints if not (e[0].endswith("/") and e[0].rstrip("/") in paths)]
