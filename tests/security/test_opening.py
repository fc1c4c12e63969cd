"""The opening statement of an API request (PostgreSQL): the token, its rate count and the Model
Editor's version in one statement, with the separate statements' answers, and only for the
requests that the token's throttle counts."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from django.core.signals import request_finished, request_started
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from psycopg import pq
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from leadcore.api import opening
from leadcore.api.models import ApiToken, RateCounter
from leadcore.api.opening import api_request_open
from leadcore.api.throttling import TokenRateThrottle, TokenWindow, window_count
from leadcore.api.tokens import api_token_for_key
from leadcore.db import round_trips_counted
from modeleditor.cache import config_snapshot, forget_version_check
from modeleditor.models import ConfigVersion
from tests.factories import ApiUserFactory
from tests.security.test_token_lookup import _keys, _through_the_orm, assert_same_token
from tests.support import api_key_for, drop_connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the opening statement is PostgreSQL's"),
]

READ = "/api/v1/leads/find/1"
PREFIX = TokenRateThrottle.token_key_prefix


def _window(*, window_no: int = 7, limit: int = 3) -> TokenWindow:
    return TokenWindow(key_prefix=PREFIX, window_no=window_no, limit=limit, retry_after=12.5)


def test_it_reads_the_same_tokens_and_users_as_the_token_read_in_one_statement(django_assert_num_queries):
    for key in _keys():
        expected = api_token_for_key(key=key)
        with django_assert_num_queries(1):
            opened = api_request_open(key=key, window=_window())
            user = opened.token.user if opened.token is not None else None

        assert_same_token(opened.token, user, expected, key)


def test_it_keeps_its_statement_on_the_threads_own_connection():
    # Not on the `connection` proxy, one object that every thread shares.
    api_request_open(key=_keys()[0], window=_window())

    assert "_leadcore_built" in vars(connections[DEFAULT_DB_ALIAS])
    assert "_leadcore_built" not in vars(connection)


def test_it_counts_only_a_live_token_of_an_active_user():
    for key in _keys():
        RateCounter.objects.all().delete()
        opened = api_request_open(key=key, window=_window())

        counts = list(RateCounter.objects.values_list("key", "count"))
        if opened.token is not None and opened.token.user.is_active:
            assert opened.counted is not None
            assert opened.counted.allowed
            assert counts == [(f"{PREFIX}{opened.token.pk}", 1)]
        else:
            assert opened.counted is None, key
            assert counts == []


def test_it_counts_as_the_throttles_own_statement_does():
    key = api_key_for(ApiUserFactory())
    token = api_token_for_key(key=key)
    assert token is not None
    windows = [7, 7, 7, 7, 7, 8, 8, 6, 7]

    opened = [api_request_open(key=key, window=_window(window_no=n)) for n in windows]
    alone = [window_count(key="reference", window_no=n, limit=3) for n in windows]

    assert [o.counted.allowed for o in opened if o.counted is not None] == alone
    assert {o.counted.key for o in opened if o.counted is not None} == {f"{PREFIX}{token.pk}"}
    mine, reference = RateCounter.objects.get(key=f"{PREFIX}{token.pk}"), RateCounter.objects.get(key="reference")
    assert (mine.window_no, mine.count) == (reference.window_no, reference.count)


@contextmanager
def _a_request() -> Iterator[None]:
    """A server process's request as the test client makes it: without closing the connection,
    which holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.send(sender=None)
    try:
        yield
    finally:
        request_finished.send(sender=None)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _version_reads(queries: CaptureQueriesContext) -> int:
    return sum("modeleditor_configversion" in q["sql"] for q in queries.captured_queries)


def test_it_hands_the_request_the_version_it_read_and_a_change_of_this_process_reads_it_again():
    key = api_key_for(ApiUserFactory())
    ConfigVersion.objects.filter(pk=1).update(version=424242)
    with _a_request():
        api_request_open(key=key, window=_window())
        with CaptureQueriesContext(connection) as handed:
            seen = config_snapshot().version
        ConfigVersion.objects.filter(pk=1).update(version=434343)
        forget_version_check()
        with CaptureQueriesContext(connection) as again:
            changed = config_snapshot().version

    assert (seen, _version_reads(handed)) == (424242, 0)
    assert (changed, _version_reads(again)) == (434343, 1)


def test_a_request_reads_its_token_counts_it_and_reads_the_version_in_one_statement(api):
    with CaptureQueriesContext(connection) as queries:
        assert api.get("/api/v1/model-editor/rules").status_code == 200

    touching = [
        q["sql"]
        for q in queries.captured_queries
        if any(table in q["sql"] for table in ("api_apitoken", "api_ratecounter", "modeleditor_configversion"))
    ]
    assert len(touching) == 1
    assert all(table in touching[0] for table in ("api_apitoken", "api_ratecounter", "modeleditor_configversion"))
    assert RateCounter.objects.get().count == 1


def _view(*, throttles: list, permissions: list) -> Callable[..., Any]:
    class Probe(APIView):
        throttle_classes = throttles
        permission_classes = permissions

        def get(self, request):
            return Response({})

    return Probe.as_view()


@pytest.mark.parametrize(
    ("throttles", "permissions", "status", "counted"),
    [
        ([TokenRateThrottle], [IsAuthenticated], 200, 1),
        ([], [IsAuthenticated], 200, 0),
        ([TokenRateThrottle], [IsAdminUser], 403, 0),
    ],
    ids=["counted", "not-throttled", "refused-before-the-throttle"],
)
def test_it_counts_only_the_requests_the_views_token_throttle_counts(throttles, permissions, status, counted):
    request = APIRequestFactory().get("/probe", HTTP_AUTHORIZATION=f"Token {api_key_for(ApiUserFactory())}")

    response = _view(throttles=throttles, permissions=permissions)(request)

    assert response.status_code == status
    assert sum(RateCounter.objects.values_list("count", flat=True)) == counted


def test_it_counts_apart_from_the_token_with_a_cache_outside_the_database(settings, api):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.API_THROTTLE_RATE = "2/min"

    with CaptureQueriesContext(connection) as queries:
        answers = [api.get(READ).status_code for _ in range(3)]

    assert answers == [200, 200, 429]
    assert not [q for q in queries.captured_queries if "api_ratecounter" in q["sql"]]
    assert not RateCounter.objects.exists()


def test_it_refuses_an_inactive_users_token_and_counts_it_against_the_address_alone(anonymous):
    key = api_key_for(ApiUserFactory(is_active=False))

    response = anonymous.get(READ, HTTP_AUTHORIZATION=f"Token {key}")

    assert response.status_code == 401
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["throttle:address:127.0.0.1"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_lets_exactly_the_limit_through_under_concurrency(settings, monkeypatch):
    # Mid-minute, so that no window boundary falls between the requests.
    monkeypatch.setattr(SimpleRateThrottle, "timer", lambda self: 1_800_000_030.0)
    settings.API_THROTTLE_RATE = "7/min"
    user = ApiUserFactory()
    key = api_key_for(user)
    answers: list[int] = []
    start = threading.Barrier(4)

    def send() -> None:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        start.wait()
        try:
            answers.extend(client.get(READ).status_code for _ in range(5))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answers) == [200] * 7 + [429] * 13
    token = ApiToken.objects.get(user=user)
    assert RateCounter.objects.get(key=f"{PREFIX}{token.pk}").count == 7


def test_it_answers_through_its_kept_cursor_as_the_queryset_does_in_one_round_trip():
    # Outside a query log the statement goes through the cursor it keeps; the second time its
    # timestamps come from the loader's memory. Prepared first: preparing costs one more round
    # trip, once per connection.
    connection.ensure_connection()
    for _ in range((connection.connection.prepare_threshold or 0) + 1):
        api_request_open(key="", window=_window())
    for key in _keys():
        expected = _through_the_orm(key)
        for _ in range(2):
            with round_trips_counted() as trips:
                opened = api_request_open(key=key, window=_window(limit=100))
                user = opened.token.user if opened.token is not None else None

            assert trips.count == 1
            assert_same_token(opened.token, user, expected, key)

    assert "_leadcore_opening_cursor" in vars(connections[DEFAULT_DB_ALIAS])


def _timestamps_as_postgresql_writes_them() -> list[bytes]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t::text FROM generate_series('0001-01-01 00:00:00.000001+00'::timestamptz, '9999-12-31',"
            " '37 years 41 days 5 hours 7 minutes 11.123457 seconds') AS t"
            " UNION ALL SELECT t::text FROM unnest(%s::timestamptz[]) AS t",
            [
                [
                    timezone.now(),
                    datetime(2026, 3, 29, 1, 59, 59, 999999, tzinfo=UTC),
                    datetime(2026, 10, 25, 2, 30, 0, 500000, tzinfo=UTC),
                    datetime(1969, 12, 31, 23, 59, 59, 10, tzinfo=UTC),
                    datetime(2000, 2, 29, tzinfo=UTC),
                ]
            ],
        )
        return [text.encode() for (text,) in cursor.fetchall()]


def test_its_remembering_timestamp_loader_answers_as_the_connections_own(monkeypatch):
    monkeypatch.setattr(opening, "REMEMBERED", 50)
    texts = _timestamps_as_postgresql_writes_them()
    db = connection.connection
    oid = db.adapters.types["timestamptz"].oid
    own = db.adapters.get_loader(oid, pq.Format.TEXT)
    plain = own(oid, db)
    remembering: Any = opening._remembering(own)(oid, db)

    for text in texts * 2:
        expected = plain.load(text)
        loaded = remembering.load(text)
        assert (loaded, loaded.tzinfo, loaded.utcoffset()) == (expected, expected.tzinfo, expected.utcoffset()), text

    assert len(texts) > 250
    assert len(remembering.known) <= 50


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_reconnects_when_the_server_ended_the_connection_between_requests():
    key = api_key_for(ApiUserFactory())
    assert api_request_open(key=key, window=_window()).counted is not None
    pid = connection.connection.info.backend_pid
    drop_connection()

    # A server process's next request: its health check finds the connection gone and opens another.
    close_old_connections()
    opened = api_request_open(key=key, window=_window())

    assert opened.counted is not None
    assert opened.counted.allowed
    assert connection.connection.info.backend_pid != pid
    assert RateCounter.objects.get().count == 2


def test_postgresql_takes_the_requests_time_for_the_expiry_as_it_is():
    # The opening statement sends it without the field's preparation, which answers it unchanged.
    now = timezone.now()

    assert ApiToken._meta.get_field("expires_at").get_db_prep_value(now, connection) is now
