"""API requests skip the back office's middleware (`leadcore/handler.py`) and get the very answers
they got through all of it: every status, header (in order) and body, API and admin alike.

Each request runs twice, in a transaction rolled back after it: through Django's own handler with
the whole chain (the reference) and through the project's WSGI application."""

import json
import re
from collections.abc import Callable

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.db import close_old_connections, transaction
from django.test import Client, RequestFactory

from clients.gar.services import gar_import
from leadcore.handler import PathRoutedWSGIHandler, takes_api_chain
from tests.factories import ApiUserFactory, StaffUserFactory
from tests.gar.conftest import SAMPLE
from tests.support import api_key_for

pytestmark = pytest.mark.django_db

LEAD = {"firstName": "Анна", "mobilePhone": "79160000000", "passport": {"seria": "4008", "no": "503682"}}
FORM = "application/x-www-form-urlencoded"
Environ = Callable[[], dict]


def _request(method: str, path: str, body: bytes | str = b"", content_type: str = "application/json", **extra):
    """A fresh environ on each call: the body is read once."""
    return lambda: RequestFactory().generic(method, path, body, content_type, **extra).environ


def _lead(path: str = "/api/v1/leads", body: dict | None = None, **extra) -> Environ:
    return _request("POST", path, json.dumps(body or LEAD, ensure_ascii=False).encode(), **extra)


def _answer(handler: WSGIHandler, environ: dict) -> tuple[str, list[tuple[str, str]], bytes]:
    started: list = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> Callable:
        started.append((status, headers))
        return lambda data: None

    result = handler(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        result.close()
    return started[0][0], started[0][1], body


def _comparable(answer: tuple[str, list[tuple[str, str]], bytes]) -> tuple:
    """What may differ between two runs of one request goes: ids, moments, CSRF tokens."""
    status, headers, body = answer
    kept = []
    for name, value in headers:
        if name == "Content-Length":
            assert value == str(len(body))
            value = "<length>"
        value = re.sub(r"expires=[^;]+", "expires=<when>", value)
        if name == "Expires":  # never_cache's "now", to the second: two runs may straddle one
            value = "<when>"
        value = re.sub(r"(csrftoken|sessionid)=\w+", r"\1=<token>", value)
        kept.append((name, re.sub(r"\d", "0", value) if name == "Retry-After" else value))
    text = re.sub(r"\b[A-Za-z0-9]{32,64}\b", "<token>", body.decode("utf-8", "replace"))
    return status, kept, re.sub(r"\d", "0", text)


@pytest.fixture
def compare():
    """Runs requests through both handlers, each time in a transaction rolled back after."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)

    def run(*environs: Environ, lean: bool) -> tuple:
        answers = []
        for handler in (WSGIHandler(), PathRoutedWSGIHandler()):
            with transaction.atomic():
                for environ in environs:
                    answer = _answer(handler, environ())
                transaction.set_rollback(True)
            answers.append(_comparable(answer))
        assert takes_api_chain(WSGIRequest(environs[-1]())) is lean
        reference, routed = answers
        assert routed == reference
        return reference

    yield run
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def key(db) -> str:
    return api_key_for(ApiUserFactory())


def _token(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {key}"}


def test_it_answers_api_successes_alike(compare, key):
    gar_import(path=SAMPLE)
    assert compare(_lead(**_token(key)), lean=True)[0] == "200 OK"
    assert compare(_lead("/bs-core/main/leads", HTTP_BSAUTH=key), lean=True)[0] == "200 OK"
    assert compare(_lead("/api/v1/leads/validate", **_token(key)), lean=True)[0] == "200 OK"
    assert compare(_request("GET", "/api/v1/leads/find/1", **_token(key)), lean=True)[0] == "200 OK"
    assert compare(_request("HEAD", "/api/v1/leads/find/1", **_token(key)), lean=True)[0] == "200 OK"
    assert compare(_request("OPTIONS", "/api/v1/leads", **_token(key)), lean=True)[0] == "200 OK"
    fias = _request("GET", "/bs-core/main/addresses/fias?query=%D1%81%D1%83%D1%85%D0%BE%D0%BD", HTTP_BSAUTH=key)
    assert compare(fias, lean=True)[0] == "200 OK"
    english = _request("GET", "/api/v1/leads/find/1", HTTP_ACCEPT_LANGUAGE="ru", **_token(key))
    assert compare(english, lean=True)[0] == "200 OK"


@pytest.mark.parametrize(
    ("environ", "status"),
    [
        (_lead(body={"firstName": 5}), "400 Bad Request"),
        (_request("POST", "/api/v1/leads", b"{not json"), "400 Bad Request"),
        (_request("GET", "/api/v1/leads/999999"), "404 Not Found"),
        (_request("GET", "/api/v1/nowhere"), "404 Not Found"),
        (_request("GET", "/bs-core/nowhere/"), "404 Not Found"),
        (_request("PUT", "/api/v1/leads", b"{}"), "405 Method Not Allowed"),
        (_request("POST", "/api/v1/leads", b"{}", HTTP_TRANSFER_ENCODING="chunked"), "411 Length Required"),
        (_request("POST", "/api/v1/leads", b"a=1", FORM), "415 Unsupported Media Type"),
        (_request("GET", "/api/v1/leads/find/1", HTTP_ACCEPT="image/png"), "406 Not Acceptable"),
        (_request("GET", "/api/v1/leads/find/1?format=xml"), "404 Not Found"),
        (_request("GET", "/api/v1/leads/find/1", HTTP_HOST="evil.example"), "400 Bad Request"),
    ],
)
def test_it_answers_api_errors_alike(compare, key, environ, status):
    assert compare(lambda: {**environ(), **_token(key)}, lean=True)[0] == status


@pytest.mark.parametrize("credentials", [{}, {"HTTP_AUTHORIZATION": "Token wrong"}, {"HTTP_BSAUTH": "wrong"}])
def test_it_refuses_unauthenticated_requests_alike(compare, credentials):
    assert compare(_request("GET", "/api/v1/leads/find/1", **credentials), lean=True)[0] == "401 Unauthorized"


def test_it_answers_413_and_429_alike(compare, settings, key):
    settings.API_MAX_BODY_BYTES = 64
    assert compare(_lead(**_token(key)), lean=True)[0] == "413 Request Entity Too Large"

    settings.API_ANON_THROTTLE_RATE = "1/min"
    wrong = _request("GET", "/api/v1/leads/find/1", HTTP_AUTHORIZATION="Token wrong")
    assert compare(wrong, wrong, lean=True)[0] == "429 Too Many Requests"

    settings.API_THROTTLE_RATE = "1/min"
    read = _request("GET", "/api/v1/leads/find/1", **_token(key))
    assert compare(read, read, lean=True)[0] == "429 Too Many Requests"


def test_it_redirects_to_https_and_sends_hsts_alike(compare, settings, key):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    assert compare(_request("GET", "/api/v1/leads/find/1", **_token(key)), lean=True)[0] == "301 Moved Permanently"
    secure = _request("GET", "/api/v1/leads/find/1", secure=True, **_token(key))
    assert compare(secure, lean=True)[0] == "200 OK"


def _session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def test_it_runs_every_middleware_for_a_request_with_a_cookie(compare, key):
    cookie = _session_cookie(StaffUserFactory(is_superuser=True))

    answer = compare(_request("GET", "/api/v1/leads/find/1", HTTP_COOKIE=cookie, **_token(key)), lean=False)

    # The session's expiry refreshed (SessionMiddleware ran); `Secure` follows SECURE_HTTPS.
    refreshed = [value for name, value in answer[1] if name == "Set-Cookie" and value.startswith(" sessionid=<token>;")]
    assert len(refreshed) == 1
    assert re.sub(r"\d", "0", refreshed[0]).startswith(" sessionid=<token>; expires=<when>; HttpOnly; Max-Age=00000;")


def test_it_answers_the_admin_and_the_docs_alike(compare, key):
    cookie = _session_cookie(StaffUserFactory(is_superuser=True))

    assert compare(_request("GET", "/admin/"), lean=False)[0] == "302 Found"
    assert compare(_request("GET", "/admin/login/"), lean=False)[0] == "200 OK"
    assert compare(_request("POST", "/admin/login/", "username=a&password=b", FORM), lean=False)[0] == "403 Forbidden"
    assert compare(_request("GET", "/admin/", HTTP_COOKIE=cookie), lean=False)[0] == "200 OK"
    assert compare(_request("GET", "/admin/leads/lead/", HTTP_COOKIE=cookie), lean=False)[0] == "200 OK"
    assert compare(_request("GET", "/api/docs/"), lean=False)[0] == "302 Found"
    assert compare(_request("GET", "/api/docs/", HTTP_COOKIE=cookie), lean=False)[0] == "200 OK"
    assert compare(_request("GET", "/api/schema/", **_token(key)), lean=False)[0] == "200 OK"
    assert compare(_request("GET", "/static/admin/css/base.css"), lean=False)[0] == "404 Not Found"


def test_it_compares_answers_whatever_second_they_were_given_in(compare, monkeypatch):
    # The admin's pages expire "now" (never_cache): a second passing between the two runs of a
    # request made this comparison fail now and then.
    seconds = iter(range(1_800_000_000, 1_800_000_100))
    monkeypatch.setattr("django.utils.cache.time.time", lambda: float(next(seconds)))

    assert compare(_request("GET", "/admin/login/"), lean=False)[0] == "200 OK"
