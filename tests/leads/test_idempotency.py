"""Idempotency-Key: a retry gets the first answer; a reused key with another body is refused."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections
from django.db.models import QuerySet
from django.utils import timezone

from clients.models import Client
from leadcore.api.errors import ApiErrorCode
from leadcore.errors import DomainError
from leads.idempotency import STALE_AFTER, idempotency_begin, request_fingerprint
from leads.models import IdempotencyKey, IdempotencyState, Lead
from leads.services import lead_create
from tests.factories import ApiUserFactory
from tests.leads.conftest import person, post_lead
from tests.support import api_client_for


def backdate(seconds: float, *fields: str) -> None:
    """Move the keys' moments (both unless named) `seconds` into the past."""
    moment = timezone.now() - timedelta(seconds=seconds)
    IdempotencyKey.objects.update(**dict.fromkeys(fields or ("created_at", "updated_at"), moment))


def claimed(user, body: dict, key: str = "order-1", holder_pid: int | None = None) -> IdempotencyKey:
    return IdempotencyKey.objects.create(
        user=user,
        key=key,
        request_hash=request_fingerprint(body),
        state=IdempotencyState.IN_PROGRESS,
        holder_pid=holder_pid,
    )


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="server processes are PostgreSQL's; SQLite relies on the 30 s take-over"
)


def second_connection():
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    other.ensure_connection()
    return other


def test_it_returns_the_first_lead_for_a_repeated_key(api):
    first = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    again = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    assert again.status_code == 200
    assert again.json()["data"] == first.json()["data"]
    assert Lead.objects.count() == 1


def test_it_refuses_the_same_key_with_another_body(api):
    post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    response = post_lead(api, person(firstName="Фома"), HTTP_IDEMPOTENCY_KEY="order-1")

    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert Lead.objects.count() == 1


def test_it_answers_409_while_the_first_request_still_runs(api, api_user):
    claimed(api_user, person())
    backdate(STALE_AFTER.total_seconds() - 1, "updated_at")

    response = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "IDEMPOTENCY_KEY_IN_PROGRESS"
    assert not Lead.objects.exists()


def test_it_keeps_keys_apart_per_api_user(api, db):
    post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    other = post_lead(api_client_for(ApiUserFactory()), person(), HTTP_IDEMPOTENCY_KEY="order-1")

    assert other.status_code == 200
    assert Lead.objects.count() == 2


def test_it_frees_the_key_of_a_rejected_request(api):
    rejected = post_lead(api, {"firstName": "Фома"}, HTTP_IDEMPOTENCY_KEY="order-1")

    retried = post_lead(api, {"firstName": "Фома", "mobilePhone": "79160000000"}, HTTP_IDEMPOTENCY_KEY="order-1")

    assert rejected.status_code == 400
    assert retried.status_code == 200
    assert IdempotencyKey.objects.get().lead_id == retried.json()["data"]


def test_it_treats_a_key_older_than_its_ttl_as_new(api, settings):
    settings.IDEMPOTENCY_KEY_TTL = 3600
    first = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")
    backdate(3601)

    again = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    assert again.status_code == 200
    assert again.json()["data"] != first.json()["data"]
    assert Lead.objects.count() == 2
    assert IdempotencyKey.objects.get().lead_id == again.json()["data"]


def test_it_accepts_another_body_under_an_expired_key(api, settings):
    settings.IDEMPOTENCY_KEY_TTL = 3600
    post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")
    backdate(3601)

    other = post_lead(api, person(firstName="Фома"), HTTP_IDEMPOTENCY_KEY="order-1")

    assert other.status_code == 200
    assert Lead.objects.count() == 2


def test_it_replays_a_key_within_its_ttl(api, settings):
    settings.IDEMPOTENCY_KEY_TTL = 3600
    first = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")
    backdate(3599)

    again = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    assert again.json()["data"] == first.json()["data"]
    assert Lead.objects.count() == 1


def test_it_keeps_keys_a_day_by_default(settings):
    from leadcore import settings as project_settings

    assert project_settings.IDEMPOTENCY_KEY_TTL == 24 * 60 * 60


def test_it_takes_over_a_key_whose_request_died(api, api_user):
    claimed(api_user, person())
    backdate(STALE_AFTER.total_seconds() + 1, "updated_at")

    response = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    assert response.status_code == 200
    assert IdempotencyKey.objects.get().lead_id == response.json()["data"]


@needs_postgresql
def test_it_frees_at_once_a_key_whose_holders_server_process_is_gone(api, api_user):
    other = second_connection()
    pid = other.connection.info.backend_pid
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
    other.close()
    claimed(api_user, person(), holder_pid=pid)

    response = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    assert response.status_code == 200
    assert IdempotencyKey.objects.get().lead_id == response.json()["data"]


@needs_postgresql
def test_it_answers_409_while_the_holders_server_process_lives(api, api_user):
    other = second_connection()
    try:
        claimed(api_user, person(), holder_pid=other.connection.info.backend_pid)
        response = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")
    finally:
        other.close()

    assert response.status_code == 409
    assert not Lead.objects.exists()


def test_it_refuses_a_stale_key_with_another_body(api, api_user):
    claimed(api_user, person())
    backdate(STALE_AFTER.total_seconds() + 1, "updated_at")

    response = post_lead(api, person(firstName="Фома"), HTTP_IDEMPOTENCY_KEY="order-1")

    assert response.status_code == 422
    assert not Lead.objects.exists()


def test_it_stores_nothing_for_a_request_whose_key_was_taken_over(api_user):
    claim = idempotency_begin(user=api_user, key="order-1", payload=person())
    assert isinstance(claim, IdempotencyKey)
    IdempotencyKey.objects.update(updated_at=timezone.now() + timedelta(seconds=1))

    with pytest.raises(DomainError) as rejected:
        lead_create(payload=person(), api_user=api_user, idempotency_key=claim)

    assert [p.code for p in rejected.value.problems] == [ApiErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS]
    assert not Lead.objects.exists()
    assert not Client.objects.exists()
    assert IdempotencyKey.objects.get().state == IdempotencyState.IN_PROGRESS


def test_it_logs_the_original_error_when_the_key_cannot_be_freed(api, caplog):
    def broken(**kwargs):
        raise ZeroDivisionError

    with (
        mock.patch("leads.apis.lead_create", broken),
        mock.patch.object(QuerySet, "delete", side_effect=OperationalError("server closed the connection")),
    ):
        response = post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="order-1")

    assert response.status_code == 500
    errors = [r.getMessage() for r in caplog.records if r.name == "leadcore.api.exceptions"]
    assert len(errors) == 1
    assert errors[0].startswith("Unhandled ZeroDivisionError in LeadCreateApi")
    assert "stays claimed" in caplog.text
    assert IdempotencyKey.objects.get().state == IdempotencyState.IN_PROGRESS


def test_it_prunes_only_expired_keys(api, api_user, settings):
    settings.IDEMPOTENCY_KEY_TTL = 3600
    for key in ("old-done", "old-stuck"):
        post_lead(api, person(), HTTP_IDEMPOTENCY_KEY=key)
    IdempotencyKey.objects.filter(key="old-stuck").update(state=IdempotencyState.IN_PROGRESS, lead=None)
    backdate(3601)
    post_lead(api, person(), HTTP_IDEMPOTENCY_KEY="fresh")
    claimed(api_user, person(), key="running")
    out = StringIO()

    call_command("prune_idempotency_keys", stdout=out)

    assert sorted(IdempotencyKey.objects.values_list("key", flat=True)) == ["fresh", "running"]
    assert "Deleted 2 expired" in out.getvalue()
    assert Lead.objects.count() == 3
