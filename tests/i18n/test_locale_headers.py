"""The language middleware's answers are Django's LocaleMiddleware's, whose look for a language in
the path it leaves out where the URLconf has no i18n_patterns."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.test import RequestFactory
from django.urls import path
from django.utils import translation

from leadcore.middleware import BackOfficeLocaleMiddleware


def _page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("page")


# The URLconf of the i18n_patterns case: Django redirects /about to /en/about.
urlpatterns = i18n_patterns(path("about", _page))


def _answer(middleware: type, path_info: str, response: HttpResponseBase) -> tuple:
    request = RequestFactory().get(path_info)
    with translation.override("ru"):
        answer = middleware(lambda request: response).process_response(request, response)
    return answer.status_code, sorted(answer.items())


def _response(status: int, **headers: str) -> HttpResponseBase:
    response = HttpResponse("page", status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


@pytest.mark.parametrize("path_info", ["/api/v1/leads", "/admin/", "/en/about", "/about", "/ru/admin/"])
@pytest.mark.parametrize("status", [200, 404])
@pytest.mark.parametrize(
    "headers", [{}, {"Vary": "Cookie"}, {"Vary": "Accept-Language"}, {"Content_Language": "de"}, {"Vary": "*"}]
)
@pytest.mark.parametrize("urlconf", ["leadcore.urls", __name__])
def test_it_answers_as_django_does(settings, path_info, status, headers, urlconf):
    settings.ROOT_URLCONF = urlconf

    expected = _answer(LocaleMiddleware, path_info, _response(status, **headers))

    assert _answer(BackOfficeLocaleMiddleware, path_info, _response(status, **headers)) == expected


def test_it_redirects_to_the_language_of_i18n_patterns(settings):
    settings.ROOT_URLCONF = __name__

    assert _answer(BackOfficeLocaleMiddleware, "/about", _response(404))[0] == 302
