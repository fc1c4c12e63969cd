"""GET endpoints: a lead and the records it became; an integrator sees only its own."""

import pytest

from leads.models import Lead
from tests.factories import ApiUserFactory
from tests.leads.conftest import example, person, post_lead
from tests.support import api_client_for


def data(response):
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "ok"
    return response.json()["data"]


def test_it_returns_the_lead_as_sent_plus_what_it_became(api, demo_manager, gar_sample):
    lead_id = data(post_lead(api, example("individual-full")))

    lead = data(api.get(f"/api/v1/leads/{lead_id}"))

    assert lead["id"] == lead_id
    assert lead["firstName"] == "Филат"
    assert lead["cardNumber"] == "411111******1111"
    assert "cardCvc" not in lead
    assert lead["status"] == "CONVERTED"
    assert {"clientId", "loanApplicationId", "contractId", "createdAt"} <= set(lead)


def test_it_finds_several_leads_in_the_order_asked(api):
    first = data(post_lead(api, person()))
    second = data(post_lead(api, person(firstName="Фома")))

    leads = data(api.get(f"/api/v1/leads/find/{second},{first},999999"))

    assert [lead["id"] for lead in leads] == [second, first]


@pytest.mark.parametrize("ids", ["1,abc", "²", "١"])
def test_it_refuses_a_malformed_id_list(api, ids):
    response = api.get(f"/api/v1/leads/find/{ids}")

    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "INVALID_FORMAT"


def test_it_returns_the_client_with_its_nested_records(api, demo_manager, gar_sample):
    lead = data(api.get(f"/api/v1/leads/{data(post_lead(api, example('individual-full')))}"))

    client = data(api.get(f"/api/v1/clients/{lead['clientId']}"))

    assert client["lastName"] == "Филатов"
    assert client["snils"] == "11223344595"
    assert client["documents"][0]["seria"] == "4008"
    assert client["documents"][0]["subdivisionCode"] == "780-070"
    assert {a["kind"] for a in client["addresses"]} == {"actual", "registration", "additional"}
    assert [r["firstName"] for r in client["relatives"]] == ["Анна", "Пётр"]
    assert client["extraFields"] == {"favouriteContactTime": "evening"}


def test_it_returns_the_application_and_the_contract(api, demo_manager, gar_sample):
    lead = data(api.get(f"/api/v1/leads/{data(post_lead(api, example('individual-full')))}"))

    application = data(api.get(f"/api/v1/loan-applications/{lead['loanApplicationId']}"))
    contract = data(api.get(f"/api/v1/contracts/{lead['contractId']}"))

    assert application["amount"] == 30000
    assert application["leadDebts"][0]["bankName"] == "Сбербанк"
    assert application["leadDebts"][0]["interestRate"] == 17.5
    assert application["goods"][0] == {"id": 5501, "name": "Смартфон", "article": "SM-A55", "description": "",
                                       "amount": 32990, "quantity": 1}  # fmt: skip
    assert application["extraFields"] == {"promoCode": "AUTUMN26"}
    assert application["contractId"] == lead["contractId"]
    assert contract["cardNumber"] == "411111******1111"
    assert contract["extraFields"] == {"signMethod": "SMS"}
    assert contract["number"].startswith("DEMO-")


def test_it_hides_other_integrators_records(api, db):
    lead_id = data(post_lead(api, person()))
    other = api_client_for(ApiUserFactory())

    for path in (f"/api/v1/leads/{lead_id}", "/api/v1/clients/1"):
        response = other.get(path)
        assert response.status_code == 404
        assert response.json()["errors"][0]["code"] == "NOT_FOUND"
    assert data(other.get(f"/api/v1/leads/find/{lead_id}")) == []


def test_it_does_not_let_another_integrator_link_and_read_a_client(api, db):
    client_id = data(api.get(f"/api/v1/leads/{data(post_lead(api, person()))}"))["clientId"]
    other = api_client_for(ApiUserFactory())

    linked = post_lead(other, {"firstName": "Иван", "mobilePhone": "79161234567", "clientId": client_id})

    assert linked.status_code == 400
    assert linked.json()["errors"][0]["code"] == "UNKNOWN_REFERENCE"
    assert other.get(f"/api/v1/clients/{client_id}").status_code == 404


def test_it_attaches_a_known_person_but_keeps_the_client_unreadable_to_another_integrator(api, db):
    client_id = data(api.get(f"/api/v1/leads/{data(post_lead(api, person()))}"))["clientId"]
    other = api_client_for(ApiUserFactory())

    preview = data(other.post("/api/v1/leads/validate", person(), format="json"))
    lead = data(other.get(f"/api/v1/leads/{data(post_lead(other, person()))}"))

    assert Lead.objects.get(pk=lead["id"]).client_id == client_id
    assert (lead["clientId"], lead["clientMatch"]) == (None, None)
    assert preview == {"valid": True, "matchedClientId": None, "clientMatch": None}
    assert other.get(f"/api/v1/clients/{client_id}").status_code == 404
    assert data(other.get(f"/api/v1/loan-applications/{lead['loanApplicationId']}"))["clientId"] is None
