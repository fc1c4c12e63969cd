"""Status changes of loan applications and contracts: the allowed transitions, who and when."""

from typing import Any, TypeVar

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from clients.errors import ClientErrorCode
from clients.models import Contract, ContractStatus, LoanApplication, LoanApplicationStatus
from leadcore.errors import DomainError, Problem
from modeleditor.models import ReferenceItem, ReferenceList

_Record = TypeVar("_Record", LoanApplication, Contract)

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


def _label(record: LoanApplication | Contract, status: str) -> str:
    choices = LoanApplicationStatus if isinstance(record, LoanApplication) else ContractStatus
    return str(choices(status).label) if status in choices.values else status


def _change(
    *,
    record: _Record,
    transitions: dict[str, frozenset[str]],
    status: str,
    user: User | None,
    changes: dict[str, Any] | None = None,
) -> _Record:
    # Lock the row: two operators pressing "approve" and "reject" at once must not both win.
    record = type(record).objects.select_for_update().get(pk=record.pk)
    previous = record.status
    if status not in transitions.get(previous, frozenset()):
        raise DomainError(
            [
                Problem(
                    ClientErrorCode.STATUS_TRANSITION_NOT_ALLOWED,
                    "status",
                    # The API answers in English (its middleware), the admin in the operator's language.
                    gettext("%(record)s cannot go from %(previous)s to %(status)s.")
                    % {"record": record, "previous": _label(record, previous), "status": _label(record, status)},
                )
            ]
        )
    record.status = status
    record.status_changed_at = timezone.now()
    record.status_changed_by = user
    for field, value in (changes or {}).items():
        setattr(record, field, value)
    record.save(update_fields=["status", "status_changed_at", "status_changed_by", *(changes or {}), "updated_at"])
    # The admin's history of the record shows this entry, whoever made the change (admin or API).
    if user is not None:
        LogEntry.objects.log_actions(
            user_id=user.pk,
            queryset=[record],
            action_flag=CHANGE,
            change_message=_history_message(record, previous, status, changes),
            single_object=True,
        )
    return record


def _history_message(
    record: LoanApplication | Contract, previous: str, status: str, changes: dict[str, Any] | None
) -> str:
    # A history line is written once and read by operators: in the back office's language,
    # whichever language the request that made the change spoke (the API speaks English).
    reason = (changes or {}).get("denial_reason")
    with translation.override(settings.LANGUAGE_CODE):
        words = {"previous": _label(record, previous), "status": _label(record, status)}
        message = gettext("Status: %(previous)s → %(status)s.") % words
        return message + " " + gettext("Reason: %(reason)s.") % {"reason": reason.name} if reason else message


def _denial_reason(status: str, reason: int | None) -> ReferenceItem | None:
    """The active `denial_reason` item a rejection names; a reason belongs to rejections only."""
    if status != LoanApplicationStatus.REJECTED:
        if reason is not None:
            raise DomainError(
                [
                    Problem(
                        ClientErrorCode.DENIAL_REASON_NOT_ALLOWED, "reason", gettext("Only a rejection has a reason.")
                    )
                ]
            )
        return None
    if reason is None:
        raise DomainError(
            [Problem(ClientErrorCode.DENIAL_REASON_REQUIRED, "reason", gettext("A rejection needs a reason."))]
        )
    item = ReferenceItem.objects.filter(pk=reason, list=ReferenceList.DENIAL_REASON, is_active=True).first()
    if item is None:
        raise DomainError(
            [
                Problem(
                    ClientErrorCode.DENIAL_REASON_UNKNOWN,
                    "reason",
                    gettext("%(reason)s is not an active item of the denial_reason list.") % {"reason": reason},
                )
            ]
        )
    return item


@transaction.atomic
def loan_application_set_status(
    *, application: LoanApplication, status: str, user: User | None, reason: int | None = None
) -> LoanApplication:
    """new → approved, or new → rejected with `reason` (an active `denial_reason` item id);
    a wrong move is STATUS_TRANSITION_NOT_ALLOWED, a missing or unknown reason DENIAL_REASON_*."""
    denial_reason = _denial_reason(status, reason)
    changes = {"denial_reason": denial_reason} if denial_reason else None
    return _change(record=application, transitions=APPLICATION_TRANSITIONS, status=status, user=user, changes=changes)


@transaction.atomic
def contract_set_status(*, contract: Contract, status: str, user: User | None) -> Contract:
    """draft → signed → cancelled; anything else is STATUS_TRANSITION_NOT_ALLOWED.

    Only the contract of an approved application can be signed (CONTRACT_APPLICATION_NOT_APPROVED).
    """
    if status == ContractStatus.SIGNED:
        application_status = LoanApplication.objects.filter(pk=contract.application_id).values_list(
            "status", flat=True
        )[0]
        if application_status != LoanApplicationStatus.APPROVED:
            raise DomainError(
                [
                    Problem(
                        ClientErrorCode.CONTRACT_APPLICATION_NOT_APPROVED,
                        "status",
                        gettext("%(contract)s cannot be signed while its application is %(status)s.")
                        % {"contract": contract, "status": LoanApplicationStatus(application_status).label},
                    )
                ]
            )
    return _change(record=contract, transitions=CONTRACT_TRANSITIONS, status=status, user=user)
