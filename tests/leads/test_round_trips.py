"""Database round trips of one lead over the API, counted on the wire (libpq's protocol trace).

A round trip is the client sending and then waiting for the server's answer: statements sent
together in a pipeline count once. The count covers the whole request as a server process sees
it: the connection's health check, authentication, BEGIN and COMMIT included.
"""

import copy
from contextlib import contextmanager

import pytest
from django.db import connection

from clients.models import Client
from leadcore.db import round_trips_counted
from leads.models import Lead
from tests.gar.test_verification import HOUSE_11
from tests.leads.conftest import example, post_lead

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="counts PostgreSQL's wire protocol"),
]

NEW_CLIENT_MAX = 12
MATCHED_CLIENT_MAX = 10


@contextmanager
def round_trips():
    """The request's round trips, as a server process makes them."""
    connection.ensure_connection()
    # What Django's request_started does in a server process; the test client skips it.
    connection.health_check_done = False  # type: ignore[attr-defined]  # Django's, not in the stubs
    with round_trips_counted() as trips:
        yield trips


def full_lead(*, number: str, nested: int = 1) -> dict:
    """`individual-full.json` (manager, product, FIAS address, extra fields) with `nested` of each collection."""
    lead = example("individual-full")
    lead["passport"]["no"] = number
    for key in ("relatives", "leadDebts", "goods", "addresses"):
        lead[key] = [copy.deepcopy(lead[key][0]) for _ in range(nested)]
    for i, address in enumerate(lead["addresses"]):
        address["position"] = i
    return lead


@pytest.fixture
def full_lead_ready(demo_manager, gar_sample, api):
    # A first lead warms the per-process caches (Model Editor rules, managers, products), as any
    # earlier request of a server process has.
    assert post_lead(api, full_lead(number="100000")).status_code == 200
    return api


@pytest.mark.parametrize("nested", [1, 5])
def test_it_takes_at_most_12_round_trips_for_a_new_client_and_10_for_a_matched_one(full_lead_ready, nested):
    api = full_lead_ready

    with round_trips() as new:
        created = post_lead(api, full_lead(number="200000", nested=nested))
    with round_trips() as matched:
        again = post_lead(api, full_lead(number="200000", nested=nested))

    assert created.status_code == again.status_code == 200
    assert Lead.objects.get(pk=created.json()["data"]).client_match == "created"
    assert Lead.objects.get(pk=again.json()["data"]).client_match == "matched"
    assert Client.objects.count() == 2
    assert new.count <= NEW_CLIENT_MAX
    assert matched.count <= MATCHED_CLIENT_MAX
    # Today: health check 0, the opening statement 1 (token, its rate counter and the Model
    # Editor's version: leadcore.api.opening), the conversion 1 (ids, client and every row: one
    # statement in autocommit, no BEGIN or COMMIT: leadcore.statement). The FIAS address was
    # looked up by the first lead and is kept (clients.gar.lookup_cache).
    assert (new.count, matched.count) == (2, 2)


def test_it_takes_one_round_trip_more_for_an_address_the_process_has_not_looked_up(full_lead_ready):
    api = full_lead_ready
    house = {"countryId": 643, "fiasId": HOUSE_11, "fullAddressText": "г Москва, ул Сухонская, д 11"}

    with round_trips() as first:
        assert post_lead(api, {**full_lead(number="500000"), "addressData": house}).status_code == 200
    with round_trips() as again:
        assert post_lead(api, {**full_lead(number="500001"), "addressData": house}).status_code == 200

    # The FIAS object and its chain: one read, then kept.
    assert (first.count, again.count) == (3, 2)


def test_it_takes_as_many_round_trips_for_five_of_each_nested_item_as_for_one(full_lead_ready):
    api = full_lead_ready

    with round_trips() as one:
        assert post_lead(api, full_lead(number="300001", nested=1)).status_code == 200
    with round_trips() as five:
        assert post_lead(api, full_lead(number="300005", nested=5)).status_code == 200

    assert five.count == one.count


def test_it_checks_a_quiet_connection_without_a_query_and_replaces_one_the_server_ended(full_lead_ready):
    api = full_lead_ready
    with round_trips() as quiet:
        connection.close_if_health_check_failed()
    assert quiet.count == 0

    pid = connection.connection.info.backend_pid
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
    finally:
        other.close()

    connection.health_check_done = False  # type: ignore[attr-defined]  # Django's, not in the stubs
    response = post_lead(api, full_lead(number="400000"))

    assert response.status_code == 200
    assert connection.connection.info.backend_pid != pid


def test_it_prepares_the_statements_a_connection_repeats(full_lead_ready, settings):
    # Parsed and planned once per connection: the server's CPU per lead halved with it.
    threshold = settings.DATABASES["default"].get("OPTIONS", {}).get("prepare_threshold")
    if not threshold:
        pytest.skip("DB_PREPARE_THRESHOLD=0 turns prepared statements off")
    for n in range(threshold + 1):
        assert post_lead(full_lead_ready, full_lead(number=f"{300000 + n}")).status_code == 200

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any("INSERT INTO" in statement and "clients_goods" in statement for statement in prepared)
    # The opening statement: the token, its rate counter and the Model Editor's version.
    assert any(
        all(table in statement for table in ("api_apitoken", "api_ratecounter", "modeleditor_configversion"))
        for statement in prepared
    )
