"""What is kept of a lead: the body without the CVC, card masked; all or nothing; bulk writes."""

import json

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clients.models import Client, Contract, LoanApplication
from leadcore import inserts
from leads.models import Lead
from tests.leads.conftest import assert_no_card_data, example, person, post_lead

CARD = {"cardNumber": "4111111111111111", "cardCvc": "0864", "cardHolder": "FILAT FILATOV",
        "validThruMonth": "09", "validThruYear": "29"}  # fmt: skip


def all_stored_text() -> str:
    """Every row of every table of the project, as text."""
    chunks = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(model._meta.db_table)}")
            chunks += [repr(row) for row in cursor.fetchall()]
    return "\n".join(chunks)


def test_it_stores_the_raw_payload_with_the_card_masked_and_no_cvc(api):
    response = post_lead(api, person(**CARD), HTTP_IDEMPOTENCY_KEY="k-1")

    lead = Lead.objects.get(pk=response.json()["data"])
    assert "cardCvc" not in lead.payload
    assert lead.payload["cardNumber"] == "411111******1111"
    assert lead.payload["passport"] == {"seria": "4008", "no": "503682"}
    assert lead.contract.card_number_masked == "411111******1111"
    assert lead.contract.card_holder == "FILAT FILATOV"


def test_it_keeps_the_cvc_and_the_full_card_number_nowhere_in_the_database(api):
    post_lead(api, person(**CARD), HTTP_IDEMPOTENCY_KEY="k-1")

    stored = all_stored_text()

    assert "4111111111111111" not in stored
    assert_no_card_data(stored)  # the CVC 0864 as a value, not inside a timestamp's microseconds


def test_it_logs_what_happened_to_a_lead_but_no_personal_data(api, caplog):
    with caplog.at_level("DEBUG"):
        created = post_lead(api, person(**CARD, inn="500100732259"))
        post_lead(api, {**CARD, "cardNumber": "4111", "inn": "500100732250", "passport": {"no": "50368"}})

    lead = Lead.objects.get(pk=created.json()["data"])
    assert f"Lead {lead.pk}: client {lead.client_id} (created)" in caplog.text
    assert "INVALID_CHECKSUM@inn" in caplog.text
    assert "NO_CLIENT_FIRST_NAME_ERROR@firstName" in caplog.text
    for secret in ("0864", "4111111111111111", "503682", "50368", "Филат", "79660175445", "500100732250"):
        assert secret not in caplog.text


def test_it_rolls_the_whole_lead_back_when_conversion_fails(api, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("leads.services.contract_draft_create", broken)

    response = post_lead(api, person())

    assert response.status_code == 500
    assert response.json()["errors"][0]["code"] == "INTERNAL_ERROR"
    assert Lead.objects.count() == Client.objects.count() == LoanApplication.objects.count() == 0
    assert Contract.objects.count() == 0


def _lead_with(n: int) -> dict:
    return person(
        addresses=[{"countryId": 643, "regionName": "г Москва", "houseNo": str(i)} for i in range(n)],
        relatives=[{"firstName": f"Родственник{i}", "kinshipTypeId": 102149} for i in range(n)],
        leadDebts=[{"bankName": f"Банк {i}", "creditAmount": 1000} for i in range(n)],
        goods=[{"name": f"Товар {i}", "amount": 100, "quantity": 1} for i in range(n)],
        extraFields=[{"name": f"client.f{i}", "value": "v"} for i in range(n)],
    )


def test_it_writes_nested_collections_in_bulk(api):
    post_lead(api, _lead_with(1))  # warms the per-process caches
    with CaptureQueriesContext(connection) as one:
        post_lead(api, _lead_with(1) | {"firstName": "Один"})
    with CaptureQueriesContext(connection) as ten:
        post_lead(api, _lead_with(10) | {"firstName": "Десять"})

    assert len(ten.captured_queries) == len(one.captured_queries)
    client = Client.objects.get(first_name="Десять")
    assert client.addresses.count() == client.relatives.count() == 10
    assert client.applications.get().debts.count() == client.applications.get().goods.count() == 10


@pytest.mark.parametrize("count", [10, 20])
def test_it_accepts_arrays_up_to_their_limit(api, count):
    response = post_lead(api, person(relatives=[{"firstName": "Р"}] * count))

    assert response.status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the held INSERTs are PostgreSQL's")
def test_it_rolls_the_whole_lead_back_when_the_database_refuses_its_rows(api, monkeypatch):
    # The rows are sent as one statement at the end of the batch: the database's refusal comes
    # last, after the client row, and must take the client with it.
    sent_as_is = inserts._values_params

    def refused(model, values, plan, db, computed=None):
        params = sent_as_is(model, values, plan, db, computed)
        return ["not a number" if type(value).__name__ == "Int4" else value for value in params]

    monkeypatch.setattr(inserts, "_values_params", refused)

    response = post_lead(api, person(goods=[{"name": "Товар", "amount": 100, "quantity": 1}]))

    assert response.status_code == 500
    assert response.json()["errors"][0]["code"] == "INTERNAL_ERROR"
    assert Lead.objects.count() == Client.objects.count() == LoanApplication.objects.count() == 0
    monkeypatch.setattr(inserts, "_values_params", sent_as_is)
    assert post_lead(api, person(goods=[{"name": "Товар", "amount": 100, "quantity": 1}])).status_code == 200
    assert Lead.objects.count() == Client.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's column compression")
def test_it_compresses_a_full_leads_body_with_lz4_and_reads_it_back_as_stored(api, demo_manager, gar_sample):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
        if not cursor.fetchone()[0]:
            pytest.skip("this PostgreSQL is built without LZ4: the column keeps pglz")
    body = example("individual-full")

    response = post_lead(api, body)

    lead = Lead.objects.get(pk=response.json()["data"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_column_compression(payload), payload::text FROM leads_lead WHERE id = %s", [lead.pk])
        compression, text = cursor.fetchone()
    assert compression == "lz4"
    assert json.loads(text) == lead.payload
    assert lead.payload["passport"] == body["passport"]
