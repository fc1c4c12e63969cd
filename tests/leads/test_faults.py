"""The database connection dropped mid-request: 503 in the envelope, nothing stored, nothing stuck."""

import logging
from unittest import mock

import pytest
from django.db import connection

from clients.models import Client, Contract, LoanApplication
from leads import selectors, services
from leads.intake import validate
from leads.models import IdempotencyKey, Lead
from tests.leads.conftest import person, post_lead
from tests.support import drop_connection

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="pg_terminate_backend needs PostgreSQL; an SQLite file has no connection to drop",
    ),
]

PERSONAL = ("Филат", "503682", "79660175445")


@pytest.fixture(autouse=True)
def _no_dead_connection_left(transactional_db):
    """Should the code under test keep a dropped connection, the flush after the test must not use it."""
    yield
    connection.close()


def dropping_before(step):
    def wrapped(*args, **kwargs):
        drop_connection()
        return step(*args, **kwargs)

    return wrapped


# During validation, before the conversion's transaction opens (its first read is the Model Editor
# rules'), and inside that transaction (the client stored, the application next).
DROP_POINTS = {
    "during validation": (validate, "required_field_problems"),
    "inside the transaction": (services, "loan_application_create"),
}


@pytest.mark.parametrize("point", DROP_POINTS)
def test_it_answers_503_keeps_nothing_and_lets_the_retry_through_when_the_connection_drops(api, caplog, point):
    module, name = DROP_POINTS[point]
    caplog.set_level(logging.INFO)

    with mock.patch.object(module, name, dropping_before(getattr(module, name))):
        failed = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    assert failed.status_code == 503
    body = failed.json()
    assert body["status"] == "error"
    assert body["data"] is None
    assert body["errors"] == [
        {"code": "DATABASE_UNAVAILABLE", "field": None, "message": "The database is unavailable; retry later."}
    ]
    assert not Lead.objects.exists()
    assert not Client.objects.exists()
    assert not LoanApplication.objects.exists()
    assert not Contract.objects.exists()
    assert not IdempotencyKey.objects.exists()
    # The original error, by type and stack, not the one of freeing the key; no personal data.
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR and r.name != "django.request"]
    assert len(errors) == 1
    assert errors[0].startswith("Database unavailable (OperationalError) in LeadCreateApi")
    assert "lead_create" in errors[0]
    assert "idempotency_release" not in errors[0]
    assert not [value for value in PERSONAL if value in caplog.text]

    retried = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    assert retried.status_code == 200
    assert Lead.objects.get().pk == retried.json()["data"]
    assert IdempotencyKey.objects.get().lead_id == retried.json()["data"]


def test_it_answers_503_on_any_api_path_and_serves_the_next_request(api):
    lead_id = post_lead(api, person()).json()["data"]

    with mock.patch.object(selectors, "lead_get", dropping_before(selectors.lead_get)):
        dropped = api.get(f"/api/v1/leads/{lead_id}")

    assert dropped.status_code == 503
    assert dropped.json()["errors"][0]["code"] == "DATABASE_UNAVAILABLE"
    assert api.get(f"/api/v1/leads/{lead_id}").status_code == 200
