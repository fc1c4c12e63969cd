"""A decision system approves applications and signs contracts over the API, through the admin's services."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission

from clients.models import Contract, LoanApplication
from leads.models import Lead
from tests.factories import ApiUserFactory
from tests.leads.conftest import person, post_lead
from tests.support import api_client_for


@pytest.fixture
def decision_system(db):
    user = ApiUserFactory(username="scoring")
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["change_loanapplication", "view_loanapplication", "change_contract", "view_contract"]
        )
    )
    return user


@pytest.fixture
def lead(api) -> Lead:
    return Lead.objects.get(pk=post_lead(api, person()).json()["data"])


def test_it_approves_an_application_and_records_who(decision_system, lead):
    response = api_client_for(decision_system).post(
        f"/api/v1/loan-applications/{lead.loan_application_id}/status", {"status": "approved"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["data"]["status"] == "approved"
    application = LoanApplication.objects.get(pk=lead.loan_application_id)
    assert (application.status, application.status_changed_by) == ("approved", decision_system)
    assert LogEntry.objects.get(object_id=str(application.pk)).get_change_message() == "Статус: Новая → Одобрена."


def test_it_signs_the_contract_of_an_approved_application_only(decision_system, lead):
    client = api_client_for(decision_system)
    url = f"/api/v1/contracts/{lead.contract_id}/status"

    too_early = client.post(url, {"status": "signed"}, format="json")

    assert too_early.status_code == 409
    assert too_early.json()["errors"][0]["code"] == "CONTRACT_APPLICATION_NOT_APPROVED"
    assert Contract.objects.get(pk=lead.contract_id).status == "draft"


def test_it_signs_then_cancels_a_contract_but_never_signs_a_cancelled_one(decision_system, lead):
    client = api_client_for(decision_system)
    url = f"/api/v1/contracts/{lead.contract_id}/status"
    approve = f"/api/v1/loan-applications/{lead.loan_application_id}/status"
    assert client.post(approve, {"status": "approved"}, format="json").status_code == 200

    signed = client.post(url, {"status": "signed"}, format="json")
    cancelled = client.post(url, {"status": "cancelled"}, format="json")
    again = client.post(url, {"status": "signed"}, format="json")

    assert (signed.status_code, cancelled.status_code, again.status_code) == (200, 200, 409)
    assert again.json()["errors"][0]["code"] == "STATUS_TRANSITION_NOT_ALLOWED"
    assert Contract.objects.get(pk=lead.contract_id).status == "cancelled"


def test_it_refuses_an_api_user_without_the_permission(api, lead):
    response = api.post(
        f"/api/v1/loan-applications/{lead.loan_application_id}/status", {"status": "approved"}, format="json"
    )

    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "PERMISSION_DENIED"
    assert LoanApplication.objects.get(pk=lead.loan_application_id).status == "new"


def test_it_refuses_an_unknown_status(decision_system, lead):
    response = api_client_for(decision_system).post(
        f"/api/v1/loan-applications/{lead.loan_application_id}/status", {"status": "maybe"}, format="json"
    )

    assert response.status_code == 400
    assert (response.json()["errors"][0]["code"], response.json()["errors"][0]["field"]) == ("INVALID_FORMAT", "status")


def test_it_rejects_an_application_with_a_reason_and_reads_it_back(decision_system, lead):
    client = api_client_for(decision_system)
    url = f"/api/v1/loan-applications/{lead.loan_application_id}/status"

    missing = client.post(url, {"status": "rejected"}, format="json")
    unknown = client.post(url, {"status": "rejected", "reason": 643}, format="json")
    rejected = client.post(url, {"status": "rejected", "reason": 101552}, format="json")

    assert [(e["code"], e["field"], e["message"]) for e in missing.json()["errors"]] == [
        ("DENIAL_REASON_REQUIRED", "reason", "A rejection needs a reason.")
    ]
    assert [(e["code"], e["field"], e["message"]) for e in unknown.json()["errors"]] == [
        ("DENIAL_REASON_UNKNOWN", "reason", "643 is not an active item of the denial_reason list.")
    ]
    assert (missing.status_code, unknown.status_code, rejected.status_code) == (400, 400, 200)
    assert rejected.json()["data"]["denialReasonId"] == 101552
    read = client.get(f"/api/v1/loan-applications/{lead.loan_application_id}")
    assert (read.json()["data"]["status"], read.json()["data"]["denialReasonId"]) == ("rejected", 101552)
    history = LogEntry.objects.get(object_id=str(lead.loan_application_id)).get_change_message()
    assert history == "Статус: Новая → Отклонена. Причина: Неполные данные."
