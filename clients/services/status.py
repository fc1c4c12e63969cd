"""Status changes of loan applications and contracts: the allowed transitions, who and when."""

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext

from clients.errors import ClientErrorCode
from clients.models import Contract, ContractStatus, LoanApplication, LoanApplicationStatus
from leadcore.api.errors import Problem, RequestRejected

APPLICATION_TRANSITIONS: dict[str, frozenset[str]] = {
    LoanApplicationStatus.NEW: frozenset({LoanApplicationStatus.APPROVED, LoanApplicationStatus.REJECTED}),
    LoanApplicationStatus.APPROVED: frozenset(),
    LoanApplicationStatus.REJECTED: frozenset(),
}

CONTRACT_TRANSITIONS: dict[str, frozenset[str]] = {
    ContractStatus.DRAFT: frozenset({ContractStatus.SIGNED}),
    ContractStatus.SIGNED: frozenset({ContractStatus.CANCELLED}),
    ContractStatus.CANCELLED: frozenset(),
}


def _label(record: Model, status: str) -> str:
    return str(dict(type(record)._meta.get_field("status").choices).get(status, status))


def _change(*, record: Model, transitions: dict[str, frozenset[str]], status: str, user) -> Model:
    # Lock the row: two operators pressing "approve" and "reject" at once must not both win.
    record = type(record).objects.select_for_update().get(pk=record.pk)
    previous = record.status
    if status not in transitions.get(previous, frozenset()):
        raise RequestRejected(
            [
                Problem(
                    ClientErrorCode.STATUS_TRANSITION_NOT_ALLOWED,
                    "status",
                    # The API answers in English (its middleware), the admin in the operator's language.
                    gettext("%(record)s cannot go from %(previous)s to %(status)s.")
                    % {"record": record, "previous": _label(record, previous), "status": _label(record, status)},
                )
            ],
            status=409,
        )
    record.status = status
    record.status_changed_at = timezone.now()
    record.status_changed_by = user
    record.save(update_fields=["status", "status_changed_at", "status_changed_by", "updated_at"])
    # The admin's history of the record shows this entry, whoever made the change (admin or API).
    if user is not None:
        LogEntry.objects.log_actions(
            user_id=user.pk,
            queryset=[record],
            action_flag=CHANGE,
            change_message=f"Status: {previous} → {status}.",
            single_object=True,
        )
    return record


@transaction.atomic
def loan_application_set_status(*, application: LoanApplication, status: str, user) -> LoanApplication:
    """new → approved or rejected; anything else is STATUS_TRANSITION_NOT_ALLOWED (409)."""
    return _change(record=application, transitions=APPLICATION_TRANSITIONS, status=status, user=user)


@transaction.atomic
def contract_set_status(*, contract: Contract, status: str, user) -> Contract:
    """draft → signed → cancelled; anything else is STATUS_TRANSITION_NOT_ALLOWED (409).

    Only the contract of an approved application can be signed (CONTRACT_APPLICATION_NOT_APPROVED).
    """
    if status == ContractStatus.SIGNED:
        application_status = LoanApplication.objects.filter(pk=contract.application_id).values_list(
            "status", flat=True
        )[0]
        if application_status != LoanApplicationStatus.APPROVED:
            raise RequestRejected(
                [
                    Problem(
                        ClientErrorCode.CONTRACT_APPLICATION_NOT_APPROVED,
                        "status",
                        gettext("%(contract)s cannot be signed while its application is %(status)s.")
                        % {"contract": contract, "status": LoanApplicationStatus(application_status).label},
                    )
                ],
                status=409,
            )
    return _change(record=contract, transitions=CONTRACT_TRANSITIONS, status=status, user=user)
