"""Rate limits: per API token, and per client address for requests without a valid token."""

import pytest
from django.db import connection
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from leadcore.api.models import RateCounter
from leadcore.api.throttling import TokenRateThrottle
from tests.support import api_client_for, api_key_for

pytestmark = pytest.mark.django_db

READ = "/api/v1/leads/find/1"


@pytest.fixture(autouse=True)
def _frozen_window(monkeypatch):
    # Mid-minute, so that no window boundary falls between a test's requests.
    monkeypatch.setattr(SimpleRateThrottle, "timer", lambda self: 1_800_000_030.0)


def _is_rate_limited(response, retry_after: str) -> None:
    assert response.status_code == 429
    body = response.json()
    assert (body["status"], body["data"]) == ("error", None)
    assert [error["code"] for error in body["errors"]] == ["RATE_LIMITED"]
    assert response["Retry-After"] == retry_after


def test_it_refuses_a_token_over_its_rate_in_the_envelope(settings, api):
    settings.API_THROTTLE_RATE = "3/min"

    answers = [api.get(READ).status_code for _ in range(3)]
    refused = api.get(READ)

    assert answers == [200, 200, 200]
    _is_rate_limited(refused, retry_after="30")


def test_it_counts_each_token_on_its_own(settings, api, api_user):
    settings.API_THROTTLE_RATE = "2/min"
    for _ in range(2):
        api.get(READ)
    other = api_client_for(api_user)

    assert api.get(READ).status_code == 429
    assert other.get(READ).status_code == 200


def test_it_counts_the_bsauth_header_against_the_same_token(settings, api_user, anonymous):
    settings.API_THROTTLE_RATE = "2/min"
    key = api_key_for(api_user)
    bearer = APIClient()
    bearer.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    bearer.get(READ)
    bearer.get(READ)

    response = anonymous.get("/bs-core/main/addresses/fias", {"query": "сухонская"}, HTTP_BSAUTH=key)

    _is_rate_limited(response, retry_after="30")


@pytest.mark.parametrize(
    "credentials",
    [{}, {"HTTP_AUTHORIZATION": "Token wrong"}, {"HTTP_BSAUTH": "wrong"}, {"HTTP_AUTHORIZATION": "Token"}],
    ids=["none", "wrong-token", "wrong-bsauth", "malformed"],
)
def test_it_limits_requests_without_a_valid_token_per_address(settings, anonymous, credentials):
    settings.API_ANON_THROTTLE_RATE = "3/min"

    answers = [anonymous.get(READ, **credentials).status_code for _ in range(3)]
    refused = anonymous.get(READ, **credentials)

    assert answers == [401, 401, 401]
    _is_rate_limited(refused, retry_after="30")


def test_it_keeps_serving_a_valid_token_from_an_address_over_its_anonymous_limit(settings, anonymous, api):
    settings.API_ANON_THROTTLE_RATE = "1/min"
    anonymous.get(READ, HTTP_AUTHORIZATION="Token wrong")
    anonymous.get(READ, HTTP_AUTHORIZATION="Token wrong")

    assert api.get(READ).status_code == 200


def test_it_counts_addresses_apart(settings, anonymous):
    settings.API_ANON_THROTTLE_RATE = "1/min"
    anonymous.get(READ, REMOTE_ADDR="10.0.0.1")

    assert anonymous.get(READ, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert anonymous.get(READ, REMOTE_ADDR="10.0.0.2").status_code == 401


def test_it_ignores_a_forwarded_for_header_it_was_not_told_to_trust(settings, anonymous):
    settings.API_ANON_THROTTLE_RATE = "1/min"
    anonymous.get(READ, HTTP_X_FORWARDED_FOR="10.9.9.1")

    assert anonymous.get(READ, HTTP_X_FORWARDED_FOR="10.9.9.2").status_code == 429


def test_it_allows_the_next_window(settings, api, monkeypatch):
    settings.API_THROTTLE_RATE = "1/min"
    api.get(READ)
    assert api.get(READ).status_code == 429

    monkeypatch.setattr(SimpleRateThrottle, "timer", lambda self: 1_800_000_090.0)

    assert api.get(READ).status_code == 200


def test_it_limits_the_schema_too(settings, api):
    settings.API_THROTTLE_RATE = "1/min"
    api.get("/api/schema/")

    assert api.get("/api/schema/").status_code == 429


def test_it_tells_clients_apart_behind_a_trusted_proxy(settings, anonymous):
    settings.API_ANON_THROTTLE_RATE = "1/min"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    anonymous.get(READ, HTTP_X_FORWARDED_FOR="10.9.9.1")

    assert anonymous.get(READ, HTTP_X_FORWARDED_FOR="10.9.9.1").status_code == 429
    assert anonymous.get(READ, HTTP_X_FORWARDED_FOR="10.9.9.2").status_code == 401


@pytest.mark.skipif(connection.vendor != "postgresql", reason="UNLOGGED is PostgreSQL's")
def test_it_keeps_the_counters_out_of_the_write_ahead_log(settings, api):
    # A counted request's COMMIT then waits for no WAL flush; a crash only restarts a window.
    settings.API_THROTTLE_RATE = "3/min"
    assert api.get(READ).status_code == 200

    with connection.cursor() as cursor:
        cursor.execute("SELECT relpersistence FROM pg_class WHERE relname = %s", [RateCounter._meta.db_table])
        assert cursor.fetchone() == ("u",)
    assert RateCounter.objects.get().count == 1


def _parsed(parse, rate) -> tuple:
    try:
        return ("parsed", parse(rate))
    except Exception as error:  # the refusals are compared, whatever they are
        return ("refused", type(error), str(error))


def test_it_parses_every_rate_as_drf_does_each_time(settings):
    settings.API_THROTTLE_RATE = "5/min"
    throttle, drfs = TokenRateThrottle(), SimpleRateThrottle.parse_rate
    rates = ["1/s", "1/sec", "7/min", "1000000/min", "3/hour", "5/h", "2/day", "10/d", "0/min", None]
    rates += ["x/min", "5", "5/week", "5/", "5/min/h", "-1/min"]

    for rate in rates * 2:
        assert _parsed(throttle.parse_rate, rate) == _parsed(lambda r: drfs(throttle, r), rate), rate


def test_a_new_rate_setting_takes_effect_on_the_next_request(settings, api):
    settings.API_THROTTLE_RATE = "5/min"
    assert [api.get(READ).status_code for _ in range(3)] == [200, 200, 200]

    settings.API_THROTTLE_RATE = "4/min"

    assert [api.get(READ).status_code for _ in range(2)] == [200, 429]
