"""Decisions on the record's own page: the buttons call the status services and show their errors."""

import pytest
from django.contrib.admin.models import LogEntry

from clients.models import ContractStatus, LoanApplication, LoanApplicationStatus
from tests.factories import ContractFactory, LoanApplicationFactory

pytestmark = pytest.mark.django_db

SCORING = 101551


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_it_shows_the_decision_buttons_on_the_application_page(as_operator):
    application = LoanApplicationFactory()

    html = as_operator.get(f"/admin/clients/loanapplication/{application.pk}/change/").content.decode()

    assert f'action="/admin/clients/loanapplication/{application.pk}/decide/approve/"' in html
    assert f'href="/admin/clients/loanapplication/{application.pk}/decide/reject/"' in html


def test_it_approves_an_application_from_its_page(operator, as_operator):
    application = LoanApplicationFactory()

    response = as_operator.post(f"/admin/clients/loanapplication/{application.pk}/decide/approve/", follow=True)

    application.refresh_from_db()
    assert (application.status, application.status_changed_by) == (LoanApplicationStatus.APPROVED, operator)
    assert response.redirect_chain[-1][0] == f"/admin/clients/loanapplication/{application.pk}/change/"


def test_it_asks_for_a_reason_before_rejecting(as_operator):
    application = LoanApplicationFactory()
    url = f"/admin/clients/loanapplication/{application.pk}/decide/reject/"

    form = as_operator.get(url)
    without = as_operator.post(url, {})
    rejected = as_operator.post(url, {"reason": SCORING}, follow=True)

    assert "Скоринг" in form.content.decode()
    assert without.status_code == 200
    application.refresh_from_db()
    assert (application.status, application.denial_reason_id) == (LoanApplicationStatus.REJECTED, SCORING)
    assert LogEntry.objects.get(object_id=str(application.pk)).get_change_message().endswith("Причина: Скоринг.")
    assert "Скоринг" in rejected.content.decode()


def test_it_shows_why_a_contract_cannot_be_signed(as_operator):
    contract = ContractFactory(application__status=LoanApplicationStatus.NEW)

    response = as_operator.post(f"/admin/clients/contract/{contract.pk}/decide/sign/", follow=True)

    contract.refresh_from_db()
    assert contract.status == ContractStatus.DRAFT
    assert any("нельзя подписать: заявка в статусе «Новая»" in m for m in _messages(response))


def test_it_signs_the_contract_of_an_approved_application_from_its_page(as_operator):
    contract = ContractFactory(application__status=LoanApplicationStatus.APPROVED)

    as_operator.post(f"/admin/clients/contract/{contract.pk}/decide/sign/")

    contract.refresh_from_db()
    assert contract.status == ContractStatus.SIGNED


def test_it_rejects_in_bulk_with_the_reason_chosen_in_the_action_bar(as_operator):
    application = LoanApplicationFactory()

    as_operator.post(
        "/admin/clients/loanapplication/",
        {"action": "reject", "_selected_action": [application.pk], "reason": SCORING},
    )

    application.refresh_from_db()
    assert (application.status, application.denial_reason_id) == (LoanApplicationStatus.REJECTED, SCORING)


def test_it_refuses_each_bulk_rejection_without_a_reason_and_says_why(as_operator):
    applications = [LoanApplicationFactory(), LoanApplicationFactory()]

    response = as_operator.post(
        "/admin/clients/loanapplication/",
        {"action": "reject", "_selected_action": [a.pk for a in applications], "reason": ""},
        follow=True,
    )

    assert _messages(response).count("Для отклонения нужна причина отказа.") == 2
    assert {a.status for a in LoanApplication.objects.filter(pk__in=[a.pk for a in applications])} == {"new"}


def test_it_does_not_decide_on_a_get(as_operator):
    application = LoanApplicationFactory()

    response = as_operator.get(f"/admin/clients/loanapplication/{application.pk}/decide/approve/")

    assert response.status_code == 405
    application.refresh_from_db()
    assert application.status == LoanApplicationStatus.NEW
