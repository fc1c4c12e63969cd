"""The API's chain keeps the paths it resolved (`leadcore/handler.py`): each request gets the match
Django's own resolving gives, the first time and every time after."""

import re

import pytest
from django.core.handlers.base import BaseHandler
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.urls import Resolver404, ResolverMatch, URLResolver, path
from drf_spectacular.generators import EndpointEnumerator

from leadcore import handler
from leadcore.handler import MiddlewareChain

ODD_PATHS = ["/api/v1/leads/", "/api/v1/leads/find/1,2,3/", "/bs-core/main/leads/", "/api/v1/leads/007"]
UNKNOWN_PATHS = ["/api/v1/nowhere", "/api/v1/leads/x/y", "/bs-core/", "/api/v1/leads//"]


def _elsewhere(request: HttpRequest) -> HttpResponse:
    return HttpResponse("elsewhere")


# The URLconf of `test_it_resolves_again_once_the_urlconf_changes`.
urlpatterns = [path("api/v1/leads", _elsewhere, name="elsewhere")]


@pytest.fixture(autouse=True)
def forgotten():
    handler.resolved.clear()
    yield
    handler.resolved.clear()


def _api_paths() -> list[str]:
    endpoints = {re.sub(r"\{\w+\}", "1", p) for p, *_ in EndpointEnumerator().get_api_endpoints()}
    return sorted(p for p in endpoints if p.startswith(handler.API_ENDPOINT_PREFIXES)) + ODD_PATHS


def _match(resolving: BaseHandler, path_info: str) -> ResolverMatch:
    request = RequestFactory().get(path_info)
    match = resolving.resolve_request(request)
    assert request.resolver_match is match
    return match


def test_it_resolves_every_api_path_as_django_does():
    chain, django = MiddlewareChain([]), BaseHandler()
    paths = _api_paths()
    assert "/api/v1/leads" in paths
    assert "/bs-core/main/leads" in paths

    for _ in range(2):
        for path_info in paths:
            assert vars(_match(chain, path_info)) == vars(_match(django, path_info)), path_info
    assert len(handler.resolved) == len(paths)


@pytest.mark.parametrize("path_info", UNKNOWN_PATHS)
def test_it_finds_no_view_where_django_finds_none(path_info):
    for _ in range(2):
        with pytest.raises(Resolver404):
            _match(BaseHandler(), path_info)
        with pytest.raises(Resolver404):
            _match(MiddlewareChain([]), path_info)
    assert not handler.resolved


def test_it_resolves_a_kept_path_without_walking_the_urlconf(monkeypatch):
    walked: list[str] = []
    resolve = URLResolver.resolve

    def counted(self: URLResolver, path_info: str) -> ResolverMatch:
        walked.append(path_info)
        return resolve(self, path_info)

    monkeypatch.setattr(URLResolver, "resolve", counted)
    for _ in range(3):
        _match(MiddlewareChain([]), "/api/v1/leads/1")

    assert walked.count("/api/v1/leads/1") == 1


def test_it_gives_each_request_a_match_of_its_own():
    chain = MiddlewareChain([])
    first = _match(chain, "/api/v1/leads/1")
    first.kwargs["lead_id"] = 2
    first.args += ("changed",)

    second = _match(chain, "/api/v1/leads/1")

    assert second is not first
    assert (second.args, second.kwargs) == ((), {"lead_id": 1})


def test_it_resolves_again_once_the_urlconf_changes(settings):
    chain = MiddlewareChain([])
    assert _match(chain, "/api/v1/leads").url_name == "lead-create"

    settings.ROOT_URLCONF = __name__

    assert _match(chain, "/api/v1/leads").url_name == "elsewhere"


def test_it_keeps_a_bounded_number_of_paths(monkeypatch):
    monkeypatch.setattr(handler, "MAX_RESOLVED", 5)
    chain = MiddlewareChain([])

    for lead_id in range(12):
        _match(chain, f"/api/v1/leads/{lead_id}")
        assert len(handler.resolved) <= 5


def test_it_resolves_a_request_with_its_own_urlconf_as_django_does():
    request = RequestFactory().get("/api/v1/leads")
    request.urlconf = __name__

    assert MiddlewareChain([]).resolve_request(request).url_name == "elsewhere"
    assert not handler.resolved
