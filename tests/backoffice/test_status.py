"""Application and contract statuses change only along the allowed paths, recording who and when."""

import pytest
from django.contrib.admin.models import LogEntry

from clients.errors import ClientErrorCode
from clients.models import ContractStatus, LoanApplicationStatus
from clients.services.status import contract_set_status, loan_application_set_status
from leadcore.errors import DomainError
from tests.factories import ContractFactory, LoanApplicationFactory

pytestmark = pytest.mark.django_db

SCORING = 101551  # "Скоринг" in the seeded denial_reason list

APPLICATION_MOVES = [
    ("new", "approved", True),
    ("new", "rejected", True),
    ("approved", "rejected", False),
    ("rejected", "approved", False),
    ("approved", "new", False),
    ("new", "new", False),
]
CONTRACT_MOVES = [
    ("draft", "signed", True),
    ("signed", "cancelled", True),
    ("draft", "cancelled", False),
    ("cancelled", "signed", False),
    ("signed", "draft", False),
]

# How the history names each status, in the back office's language.
LABELS = {
    "new": "Новая",
    "approved": "Одобрена",
    "rejected": "Отклонена",
    "draft": "Черновик",
    "signed": "Подписан",
    "cancelled": "Аннулирован",
}


def _history(record) -> list[str]:
    return [
        entry.get_change_message()
        for entry in LogEntry.objects.filter(object_id=str(record.pk), content_type__model=record._meta.model_name)
    ]


@pytest.mark.parametrize(("before", "after", "allowed"), APPLICATION_MOVES)
def test_it_moves_an_application_only_along_allowed_paths(operator, before, after, allowed):
    application = LoanApplicationFactory(status=before)

    reason = SCORING if after == "rejected" else None
    if allowed:
        loan_application_set_status(application=application, status=after, user=operator, reason=reason)
    else:
        with pytest.raises(DomainError) as rejected:
            loan_application_set_status(application=application, status=after, user=operator, reason=reason)
        assert rejected.value.problems[0].code == ClientErrorCode.STATUS_TRANSITION_NOT_ALLOWED

    application.refresh_from_db()
    assert application.status == (after if allowed else before)
    assert (application.status_changed_by == operator) is allowed
    assert (application.status_changed_at is not None) is allowed
    said = f"Статус: {LABELS[before]} → {LABELS[after]}." + (" Причина: Скоринг." if reason else "")
    assert _history(application) == ([said] if allowed else [])


@pytest.mark.parametrize(("before", "after", "allowed"), CONTRACT_MOVES)
def test_it_moves_a_contract_only_along_allowed_paths(operator, before, after, allowed):
    contract = ContractFactory(status=before)

    if allowed:
        contract_set_status(contract=contract, status=after, user=operator)
    else:
        with pytest.raises(DomainError):
            contract_set_status(contract=contract, status=after, user=operator)

    contract.refresh_from_db()
    assert contract.status == (after if allowed else before)
    assert (contract.status_changed_by == operator) is allowed
    assert _history(contract) == ([f"Статус: {LABELS[before]} → {LABELS[after]}."] if allowed else [])


def test_it_approves_applications_from_the_admin_list_and_refuses_the_decided_ones(operator, as_operator):
    fresh = LoanApplicationFactory()
    rejected = LoanApplicationFactory(status=LoanApplicationStatus.REJECTED)

    response = as_operator.post(
        "/admin/clients/loanapplication/",
        {"action": "approve", "_selected_action": [fresh.pk, rejected.pk]},
        follow=True,
    )

    assert response.status_code == 200
    fresh.refresh_from_db()
    rejected.refresh_from_db()
    assert (fresh.status, fresh.status_changed_by) == (LoanApplicationStatus.APPROVED, operator)
    assert rejected.status == LoanApplicationStatus.REJECTED
    shown = [str(message) for message in response.context["messages"]]
    assert "1 запись переведена в статус «Одобрена»." in shown
    assert f"Заявка №{rejected.pk}: переход из статуса «Отклонена» в «Одобрена» невозможен." in shown


def test_it_signs_then_cancels_a_contract_from_the_admin_list(operator, as_operator):
    contract = ContractFactory()

    for action, status in (("sign", ContractStatus.SIGNED), ("cancel", ContractStatus.CANCELLED)):
        as_operator.post("/admin/clients/contract/", {"action": action, "_selected_action": [contract.pk]})
        contract.refresh_from_db()
        assert (contract.status, contract.status_changed_by) == (status, operator)

    assert _history(contract) == ["Статус: Подписан → Аннулирован.", "Статус: Черновик → Подписан."]
    history_page = as_operator.get(f"/admin/clients/contract/{contract.pk}/history/").content.decode()
    assert "Статус: Черновик → Подписан." in history_page


def test_it_does_not_let_the_form_change_a_status(as_operator):
    contract = ContractFactory()

    page = as_operator.get(f"/admin/clients/contract/{contract.pk}/change/")

    assert "status" not in page.context["adminform"].form.fields


@pytest.mark.parametrize(
    ("status", "reason", "code"),
    [
        ("rejected", None, ClientErrorCode.DENIAL_REASON_REQUIRED),
        ("rejected", 643, ClientErrorCode.DENIAL_REASON_UNKNOWN),
        ("rejected", 999999, ClientErrorCode.DENIAL_REASON_UNKNOWN),
        ("approved", SCORING, ClientErrorCode.DENIAL_REASON_NOT_ALLOWED),
    ],
)
def test_it_rejects_an_application_only_with_an_active_denial_reason(operator, status, reason, code):
    application = LoanApplicationFactory()

    with pytest.raises(DomainError) as refused:
        loan_application_set_status(application=application, status=status, user=operator, reason=reason)

    assert [(p.code, p.field) for p in refused.value.problems] == [(code, "reason")]
    application.refresh_from_db()
    assert (application.status, application.denial_reason_id) == ("new", None)
    assert _history(application) == []


def test_it_stores_the_denial_reason_on_the_rejected_application(operator):
    application = LoanApplicationFactory()

    loan_application_set_status(application=application, status="rejected", user=operator, reason=SCORING)

    application.refresh_from_db()
    assert (application.status, application.denial_reason.name) == ("rejected", "Скоринг")
