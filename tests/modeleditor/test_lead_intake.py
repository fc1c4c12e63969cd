"""POST /api/v1/leads as the Model Editor shapes it: rules, extra fields, reference lists, cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clients.models import Client, LoanApplication
from modeleditor.choices import ChangeSource
from modeleditor.services import extra_field_define, reference_items_set_active, required_rules_set
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

LEADS_URL = "/api/v1/leads"
MINIMAL = {"firstName": "Фридрих", "mobilePhone": "79776200719"}


def _require(target: str, *paths: str) -> None:
    required_rules_set(target=target, required=dict.fromkeys(paths, True), changed_by=None, source=ChangeSource.COMMAND)


def _errors(response) -> list[tuple[str, str]]:
    return [(e["code"], e["field"]) for e in response.json()["errors"]]


def test_it_accepts_a_lead_with_only_first_name_and_mobile_phone(api):
    response = api.post(LEADS_URL, MINIMAL, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "ok"


def test_it_rejects_a_lead_without_a_field_made_required_on_the_next_request(api):
    assert api.post(LEADS_URL, MINIMAL, format="json").status_code == 200

    _require("client_person", "passport.issueDate")
    response = api.post(LEADS_URL, {**MINIMAL, "mobilePhone": "79776200720"}, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["status"] == "error"
    assert body["data"] is None
    assert body["errors"] == [
        {
            "code": "METADATA__EMPTY_REQUIRED_FIELD",
            "field": "passport.issueDate",
            "message": "passport.issueDate is required for client_person.",
        }
    ]


def test_it_reports_the_missing_fields_of_every_target_at_once(api):
    _require("client_person", "lastName", "registrationAddressData.countryId")
    _require("loan_application", "amount", "leadDebts")
    _require("contract", "gettingMoneyMethodId")

    response = api.post(LEADS_URL, {"firstName": "Фридрих", "lastName": "", "leadDebts": []}, format="json")

    assert response.status_code == 400
    assert _errors(response) == [
        ("NO_MOBILE_PHONE_ERROR", "mobilePhone"),
        ("METADATA__EMPTY_REQUIRED_FIELD", "lastName"),
        ("METADATA__EMPTY_REQUIRED_FIELD", "registrationAddressData.countryId"),
        ("METADATA__EMPTY_REQUIRED_FIELD", "amount"),
        ("METADATA__EMPTY_REQUIRED_FIELD", "leadDebts"),
        ("METADATA__EMPTY_REQUIRED_FIELD", "gettingMoneyMethodId"),
    ]
    assert not Client.objects.exists()


def test_it_requires_a_company_title_and_the_company_rules_only(api):
    _require("client_person", "passport.seria")

    response = api.post(LEADS_URL, {**MINIMAL, "naturalPerson": False}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "code": "METADATA__EMPTY_REQUIRED_FIELD",
            "field": "title",
            "message": "title is required for client_company.",
        }
    ]


def test_it_validates_typed_extra_fields_and_keeps_unknown_ones(api):
    extra_field_define(target="loan_application", name="visits", field_type="integer", label="Visits")

    rejected = api.post(
        LEADS_URL, {**MINIMAL, "extraFields": [{"name": "loanApplication.visits", "value": "many"}]}, format="json"
    )
    accepted = api.post(
        LEADS_URL,
        {
            **MINIMAL,
            "extraFields": [
                {"name": "loanApplication.visits", "value": "3"},
                {"name": "loanApplication.unheardOf", "value": "kept"},
            ],
        },
        format="json",
    )

    assert rejected.status_code == 400
    assert _errors(rejected) == [("INVALID_FORMAT", "extraFields[0].value")]
    assert accepted.status_code == 200, accepted.json()
    application = LoanApplication.objects.get()
    assert application.extra_fields == {"visits": "3", "unheardOf": "kept"}


def test_it_rejects_an_inactive_reference_item_in_new_leads_but_old_records_keep_it(api):
    old_client = ClientFactory(sex_id=101252)
    reference_items_set_active(item_ids=[101252], is_active=False)

    response = api.post(LEADS_URL, {**MINIMAL, "sexId": 101252}, format="json")

    assert response.status_code == 400
    assert _errors(response) == [("UNKNOWN_REFERENCE", "sexId")]
    old_client.refresh_from_db()
    assert old_client.sex_id == 101252


def test_it_reads_no_rules_in_steady_state_and_the_version_once_per_lead(api):
    _require("loan_application", "amount")
    lead = {**MINIMAL, "amount": 30000}
    assert api.post(LEADS_URL, lead, format="json").status_code == 200

    with CaptureQueriesContext(connection) as warm:
        assert api.post(LEADS_URL, {**lead, "mobilePhone": "79776200721"}, format="json").status_code == 200
    _require("loan_application", "period")
    with CaptureQueriesContext(connection) as after_change:
        assert api.post(LEADS_URL, {**lead, "mobilePhone": "79776200722"}, format="json").status_code == 400

    def touching(queries, table):
        return [q for q in queries if table in q["sql"]]

    assert len(touching(warm.captured_queries, "modeleditor_configversion")) == 1
    assert touching(warm.captured_queries, "modeleditor_requiredfieldrule") == []
    assert touching(warm.captured_queries, "modeleditor_referenceitem") == []
    assert touching(warm.captured_queries, "modeleditor_extrafielddefinition") == []
    assert len(touching(after_change.captured_queries, "modeleditor_requiredfieldrule")) == 1
