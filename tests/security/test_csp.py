"""The CSP header built once (`leadcore/content_security.py`) is the one django-csp builds on each
response: every case runs through both middlewares, with the same request and response."""

from collections.abc import Callable

import pytest
from csp.constants import NONCE, SELF
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings as django_settings
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from leadcore import content_security
from leadcore.content_security import CSPMiddleware

View = Callable[[HttpRequest], HttpResponse]


def _ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def _with(status: int = 200, **attributes: object) -> View:
    def view(request: HttpRequest) -> HttpResponse:
        response = HttpResponse("page", status=status)
        for name, value in attributes.items():
            setattr(response, name, value)
        return response

    return view


def _nonce_reading(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"<script nonce='{request.csp_nonce}'>")  # type: ignore[attr-defined]


def _header_set(request: HttpRequest) -> HttpResponse:
    response = HttpResponse("ok")
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def _answer(middleware: type, view: View, path: str) -> tuple[list[tuple[str, str]], str]:
    request = RequestFactory().get(path)
    response = middleware(view)(request)
    try:
        nonce = str(request.csp_nonce)  # type: ignore[attr-defined]
    except CSPNonceError:
        nonce = "refused"
    headers = [(name, value) for name, value in response.items() if "Security-Policy" in name]
    # Each run draws its own nonce: the header must carry the one the page read.
    if nonce != "refused":
        headers = [(name, value.replace(nonce, "<nonce>")) for name, value in headers]
    return headers, nonce


def _same(view: View, path: str = "/api/v1/leads") -> list[tuple[str, str]]:
    reference, ours = _answer(DjangoCSPMiddleware, view, path), _answer(CSPMiddleware, view, path)
    assert ours[0] == reference[0]
    # A nonce read after the header was written is refused by both; one read before is the page's.
    assert (ours[1] == "refused") is (reference[1] == "refused")
    return ours[0]


@pytest.mark.parametrize(
    "view",
    [
        _ok,
        _with(404),
        _with(500),
        _with(_csp_exempt=True),
        _with(_csp_exempt_ro=True),
        _with(_csp_update={"img-src": ["https://cdn.example"]}),
        _with(_csp_replace={"script-src": None}),
        _with(_csp_config={"default-src": ["'none'"]}),
        _with(_csp_update_ro={"img-src": ["https://cdn.example"]}),
        _with(_csp_replace_ro={"img-src": None}),
        _with(_csp_config_ro={"default-src": ["'none'"]}),
        _nonce_reading,
        _header_set,
    ],
)
@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("report_only", [False, True])
def test_it_writes_the_header_django_csp_writes(settings, view, debug, report_only):
    settings.DEBUG = debug
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**django_settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]}}
    settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] = [SELF, NONCE]
    if report_only:
        settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": [SELF], "img-src": ["data:"]}}

    _same(view)


def test_it_writes_the_settings_policy_on_an_api_answer():
    assert _same(_ok) == [("Content-Security-Policy", build_policy())]


@pytest.mark.parametrize("report_only", [False, True])
def test_it_leaves_out_excluded_paths(settings, report_only):
    name = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
    setattr(settings, name, {"EXCLUDE_URL_PREFIXES": ["/api/"], "DIRECTIVES": {"default-src": [SELF]}})

    header = "Content-Security-Policy-Report-Only" if report_only else "Content-Security-Policy"
    assert header not in dict(_same(_ok, "/api/v1/leads"))
    assert header in dict(_same(_ok, "/admin/"))


def test_it_sends_no_policy_without_one(settings):
    settings.CONTENT_SECURITY_POLICY = None

    assert _same(_ok) == []


def test_it_builds_the_policy_again_when_the_settings_change(settings):
    before = _same(_ok)

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}

    assert _same(_ok) == [("Content-Security-Policy", "default-src 'none'")] != before


@pytest.fixture
def policy_forgotten():
    content_security.settings_policy.cache_clear()
    yield
    content_security.settings_policy.cache_clear()


def test_it_builds_the_settings_policy_once(monkeypatch, policy_forgotten):
    built: list[bool] = []

    def build(*, report_only: bool) -> str:
        built.append(report_only)
        return "default-src 'self'"

    monkeypatch.setattr(content_security, "build_policy", build)

    for _ in range(3):
        _answer(CSPMiddleware, _ok, "/api/v1/leads")

    assert sorted(built) == [False, True]
