"""The negotiation that remembers its choices (`leadcore/api/negotiation.py`) chooses what DRF's
chooses, the first time and every time after, for each Accept header, format and renderers."""

import itertools
from typing import Any

import pytest
from django.http import Http404
from django.test import RequestFactory
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from leadcore.api import negotiation
from leadcore.api.negotiation import RememberingContentNegotiation

ACCEPTS = [
    None,
    "*/*",
    "",
    "application/json",
    "application/json; indent=4",
    "application/*;q=0.5",
    "text/html",
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "application/json;q=0.5, text/html",
    "application/vnd.oai.openapi",
    "image/png",
    ";;,,",
]
# (format suffix, query string)
FORMATS = [(None, ""), (None, "format=json"), (None, "format=api"), (None, "format=xml"), (None, "a=1"), ("json", "")]
RENDERERS: list[list[type[BaseRenderer]]] = [
    [JSONRenderer],
    [JSONRenderer, BrowsableAPIRenderer],
    [BrowsableAPIRenderer, JSONRenderer],
    [OpenApiYamlRenderer, OpenApiJsonRenderer],
]


@pytest.fixture(autouse=True)
def forgotten():
    negotiation.remembered.clear()
    yield
    negotiation.remembered.clear()


def _request(accept: str | None, query: str) -> Request:
    extra: dict[str, Any] = {} if accept is None else {"HTTP_ACCEPT": accept}
    return Request(RequestFactory().get(f"/api/v1/leads/find/1?{query}" if query else "/api/v1/leads/find/1", **extra))


def _choice(negotiator: DefaultContentNegotiation, accept: str | None, format_: tuple, classes: list) -> tuple:
    suffix, query = format_
    renderers: list[BaseRenderer] = [cls() for cls in classes]
    try:
        renderer, media_type = negotiator.select_renderer(_request(accept, query), renderers, suffix)
    except (NotAcceptable, Http404) as exc:
        return type(exc).__name__, getattr(exc, "detail", None)
    # The renderer is one of this request's own, not one kept from an earlier request.
    assert any(renderer is r for r in renderers)
    return type(renderer), media_type


def test_it_chooses_what_drf_chooses_every_time():
    cases = list(itertools.product(ACCEPTS, FORMATS, RENDERERS))
    for _ in range(2):
        for accept, format_, classes in cases:
            expected = _choice(DefaultContentNegotiation(), accept, format_, classes)
            assert _choice(RememberingContentNegotiation(), accept, format_, classes) == expected, (accept, format_)
    assert negotiation.remembered


def test_it_negotiates_a_remembered_choice_no_more(monkeypatch):
    negotiated: list[bool] = []
    choose = DefaultContentNegotiation.select_renderer

    def counted(self, request, renderers, format_suffix=None):
        negotiated.append(True)
        return choose(self, request, renderers, format_suffix)

    monkeypatch.setattr(DefaultContentNegotiation, "select_renderer", counted)
    for _ in range(3):
        _choice(RememberingContentNegotiation(), "application/json", (None, ""), [JSONRenderer])

    assert len(negotiated) == 1


def test_it_keeps_a_bounded_number_of_choices(monkeypatch):
    monkeypatch.setattr(negotiation, "MAX_CHOICES", 5)

    for n in range(12):
        _choice(RememberingContentNegotiation(), f"application/json; n={n}", (None, ""), [JSONRenderer])
        assert len(negotiation.remembered) <= 5


def test_the_api_negotiates_with_it():
    assert isinstance(APIView().get_content_negotiator(), RememberingContentNegotiation)
