"""Idempotency-Key: a retry gets the first answer; a reused key with another body is refused."""

from leads.models import IdempotencyKey, IdempotencyState, Lead
from tests.factories import ApiUserFactory
from tests.leads.conftest import person, post_lead
from tests.support import api_client_for


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
    from leads.idempotency import request_fingerprint

    IdempotencyKey.objects.create(
        user=api_user,
        key="order-1",
        request_hash=request_fingerprint(person()),
        state=IdempotencyState.IN_PROGRESS,
    )

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
