"""POST /api/v1/leads: the envelope, validation, and what a lead becomes."""

import pytest

from clients.models import Client, Contract, LoanApplication
from leads.models import Lead
from tests.leads.conftest import person, post_lead


def codes(response) -> set[tuple[str, str]]:
    return {(e["code"], e["field"]) for e in response.json()["errors"]}


def test_it_accepts_a_minimal_lead_and_makes_client_application_and_contract(api):
    response = post_lead(api, {"firstName": "Фридрих", "mobilePhone": "79776200719"})

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert isinstance(body["timestamp"], int)
    lead = Lead.objects.get(pk=body["data"])
    assert lead.client.first_name == "Фридрих"
    assert lead.client.mobile_phone == "79776200719"
    assert lead.loan_application.client == lead.client
    assert lead.contract.application == lead.loan_application
    assert lead.contract.status == "draft"
    assert lead.client_match == "created"


@pytest.mark.parametrize("path", ["/api/v1/leads", "/api/v1/leads/", "/bs-core/main/leads", "/bs-core/main/leads/"])
def test_it_answers_on_every_path_without_redirect(api, path):
    response = api.post(path, {"firstName": "Анна", "mobilePhone": "79160000000"}, format="json")

    assert response.status_code == 200
    assert Lead.objects.filter(pk=response.json()["data"]).exists()


def test_it_reports_every_problem_at_once_and_stores_nothing(api):
    body = {
        "inn": "500100732250",
        "snils": "11223344500",
        "sexId": 999,
        "email": "not-an-email",
        "amount": -5,
        "periodUnit": "CENTURIES",
        "birthDate": "2999-01-01",
        "cardNumber": "4111111111111112",
        "relatives": [{"firstName": "Анна"}] * 21,
        "addresses": [{"countryId": 643}, {"countryId": 12345678}],
        "passport": {"issueDate": "2014-13-40"},
    }

    response = post_lead(api, body)

    assert response.status_code == 400
    assert response.json()["status"] == "error"
    assert response.json()["data"] is None
    assert codes(response) == {
        ("NO_CLIENT_FIRST_NAME_ERROR", "firstName"),
        ("NO_MOBILE_PHONE_ERROR", "mobilePhone"),
        ("INVALID_CHECKSUM", "inn"),
        ("INVALID_CHECKSUM", "snils"),
        ("INVALID_CHECKSUM", "cardNumber"),
        ("UNKNOWN_REFERENCE", "sexId"),
        ("UNKNOWN_REFERENCE", "addresses[1].countryId"),
        ("INVALID_FORMAT", "email"),
        ("INVALID_FORMAT", "amount"),
        ("INVALID_FORMAT", "periodUnit"),
        ("INVALID_FORMAT", "birthDate"),
        ("INVALID_FORMAT", "passport.issueDate"),
        ("TOO_MANY_ITEMS", "relatives"),
    }
    assert Lead.objects.count() == Client.objects.count() == LoanApplication.objects.count() == 0


def test_it_treats_null_and_empty_values_as_absent(api):
    body = {
        "firstName": "Анна",
        "mobilePhone": "79160000000",
        "inn": "",
        "cardNumber": None,
        "passport": {"seria": ""},
    }

    response = post_lead(api, body)

    assert response.status_code == 200
    assert Lead.objects.get().client.inn == ""


def test_it_normalises_the_phone_and_rejects_what_is_no_phone(api):
    ok_response = post_lead(api, {"firstName": "Анна", "mobilePhone": "+7 (９６６) 017-54-45"})
    bad_response = post_lead(api, {"firstName": "Анна", "mobilePhone": "call me"})

    assert Lead.objects.get(pk=ok_response.json()["data"]).client.mobile_phone == "79660175445"
    assert codes(bad_response) == {("INVALID_FORMAT", "mobilePhone")}


def test_it_ignores_unknown_and_read_only_properties_and_stores_only_their_names(api):
    body = {"firstName": "Анна", "mobilePhone": "79160000000", "id": 987654, "currentStatus": "X"}

    response = post_lead(api, body)

    lead = Lead.objects.get(pk=response.json()["data"])
    assert lead.pk != 987654
    assert not Lead.objects.filter(pk=987654).exists()
    assert lead.payload == {"firstName": "Анна", "mobilePhone": "79160000000"}
    assert lead.ignored_properties == ["id", "currentStatus"]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("managerId", 424242, "UNKNOWN_REFERENCE"),
        ("creditProductId", 424242, "UNKNOWN_REFERENCE"),
        ("clientId", 424242, "UNKNOWN_REFERENCE"),
        ("registrationNumber", "1027700132194", "INVALID_CHECKSUM"),
        ("employerInn", "7707083894", "INVALID_CHECKSUM"),
        ("inn", "7707083893", "INVALID_FORMAT"),
        ("validThruMonth", "13", "INVALID_FORMAT"),
        ("cardCvc", "12", "INVALID_FORMAT"),
        ("ipAddress", "300.1.1.1", "INVALID_FORMAT"),
        ("period", 0, "INVALID_FORMAT"),
        ("childrenCount", -1, "INVALID_FORMAT"),
        ("channel", "FAX", "INVALID_FORMAT"),
        ("naturalPerson", "maybe", "INVALID_FORMAT"),
        ("passport", {"seria": "40 0", "no": "503682"}, "INVALID_FORMAT"),
    ],
)
def test_it_rejects_each_bad_value_with_its_code(api, field, value, code):
    response = post_lead(api, {"firstName": "Анна", "mobilePhone": "79160000000", field: value})

    assert response.status_code == 400
    assert {c for c, f in codes(response) if f.startswith(field)} == {code}
    assert len(codes(response)) == 1
    assert not Lead.objects.exists()


def test_it_checks_the_amount_against_the_product_limits(api):
    from tests.factories import CreditProductFactory

    product = CreditProductFactory(min_amount=1000, max_amount=5000, min_period=7, max_period=30, period_unit="DAYS")
    body = {"firstName": "А", "mobilePhone": "79160000000", "creditProductId": product.pk}

    too_much = post_lead(api, {**body, "amount": 9000, "period": 10, "periodUnit": "DAYS"})
    too_long = post_lead(api, {**body, "amount": 3000, "period": 31, "periodUnit": "DAYS"})
    fine = post_lead(api, {**body, "amount": 3000, "period": 30, "periodUnit": "DAYS"})

    assert codes(too_much) == {("OUT_OF_PRODUCT_LIMITS", "amount")}
    assert codes(too_long) == {("OUT_OF_PRODUCT_LIMITS", "period")}
    assert fine.status_code == 200


def test_it_links_the_lead_to_the_client_named_by_client_id(api):
    known = post_lead(api, person())
    client_id = Lead.objects.get(pk=known.json()["data"]).client_id

    response = post_lead(api, {"firstName": "Другое", "mobilePhone": "79160000001", "clientId": client_id})

    lead = Lead.objects.get(pk=response.json()["data"])
    assert lead.client_id == client_id
    assert lead.client_match == "linked"
    assert Client.objects.count() == 1


def test_it_places_extra_fields_by_prefix(api):
    extra = [
        {"name": "client.favouriteContactTime", "value": "evening"},
        {"name": "loanApplication.promoCode", "value": "AUTUMN26"},
        {"name": "contract.signMethod", "value": "SMS"},
        {"name": "utmSource", "value": "partner-42"},
    ]

    response = post_lead(api, {"firstName": "Анна", "mobilePhone": "79160000000", "extraFields": extra})

    lead = Lead.objects.get(pk=response.json()["data"])
    assert lead.client.extra_fields == {"favouriteContactTime": "evening"}
    assert lead.loan_application.extra_fields == {"promoCode": "AUTUMN26"}
    assert lead.contract.extra_fields == {"signMethod": "SMS"}
    assert lead.extra_fields == {"utmSource": "partner-42"}


def test_it_drafts_the_contract_under_the_managers_legal_entity(api, demo_manager):
    body = {"firstName": "А", "mobilePhone": "79160000000", "managerId": 1010812, "amount": 30000, "period": 30,
            "periodUnit": "DAYS", "creditProductId": 101339, "gettingMoneyMethodId": 102392}  # fmt: skip

    response = post_lead(api, body)

    contract = Contract.objects.get(lead__pk=response.json()["data"])
    assert contract.legal_entity == demo_manager.legal_entity
    assert contract.number == f"DEMO-{contract.application_id:09d}"
    assert (contract.amount, contract.period, contract.period_unit) == (30000, 30, "DAYS")
    assert contract.credit_product_id == 101339
    assert contract.getting_money_method_id == 102392
    assert contract.application.manager == demo_manager


def test_it_checks_a_fias_id_sent_without_its_text(api, gar_sample):
    unknown = {"countryId": 643, "fiasId": "00000000-0000-0000-0000-000000000000"}
    known = {"countryId": 643, "fiasId": "5ee84ac0-eb9a-4b42-b814-2f5f7c27c255"}

    rejected = post_lead(api, {"firstName": "А", "mobilePhone": "79160000000", "addressData": unknown})
    accepted = post_lead(api, {"firstName": "А", "mobilePhone": "79160000000", "addressData": known})

    assert codes(rejected) == {("FIAS_NOT_FOUND", "addressData.fiasId")}
    address = Lead.objects.get(pk=accepted.json()["data"]).client.addresses.get()
    assert (address.verification, address.full_address_text) == ("verified", "г Москва, ул Сухонская, д 11")


def test_it_refuses_a_fias_id_sent_with_another_towns_text_and_stores_nothing(api, gar_sample):
    address = {
        "countryId": 643,
        "fiasId": "5ee84ac0-eb9a-4b42-b814-2f5f7c27c255",
        "fullAddressText": "г Санкт-Петербург, ул Сухонская, д 11",
    }

    response = post_lead(api, {"firstName": "А", "mobilePhone": "79160000000", "addressData": address})

    assert response.status_code == 400
    assert response.json()["status"] == "error"
    assert codes(response) == {("FIAS_ADDRESS_MISMATCH", "addressData.fullAddressText")}
    assert not Lead.objects.exists()
    assert not Client.objects.exists()


def test_it_checks_and_normalises_a_relatives_passport(api):
    good = {"firstName": "Анна", "passport": {"seria": "45 10", "no": "123456", "issueDate": "2015-01-01"}}
    bad = {"firstName": "Пётр", "passport": {"seria": "45 1", "no": "123456"}}

    rejected = post_lead(api, {"firstName": "А", "mobilePhone": "79160000000", "relatives": [good, bad]})
    accepted = post_lead(api, {"firstName": "А", "mobilePhone": "79160000000", "relatives": [good]})

    assert codes(rejected) == {("INVALID_FORMAT", "relatives[1].passport.seria")}
    relative = Lead.objects.get(pk=accepted.json()["data"]).client.relatives.get()
    assert relative.passport == {"series": "4510", "number": "123456", "issue_date": "2015-01-01"}
