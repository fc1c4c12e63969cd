"""Endpoints of the records leads became: reading them, and a decision system moving their status on."""

from typing import Any, Generic, TypeVar

from django.contrib.auth.models import User
from django.db import models
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clients import selectors
from clients.errors import ClientErrorCode
from clients.models import Contract, ContractStatus, LoanApplication, LoanApplicationStatus
from clients.serializers import ClientOut, ContractOut, LoanApplicationOut
from clients.services.status import contract_set_status, loan_application_set_status
from leadcore.api.envelope import ok
from leadcore.api.errors import error_statuses_register, not_found, permission_denied
from leadcore.api.inputs import api_user
from leadcore.api.schema import enveloped, errors

_Record = TypeVar("_Record", LoanApplication, Contract)

CLIENT_ENVELOPE = enveloped("ClientEnvelope", ClientOut())
APPLICATION_ENVELOPE = enveloped("LoanApplicationEnvelope", LoanApplicationOut())
CONTRACT_ENVELOPE = enveloped("ContractEnvelope", ContractOut())


# A refused move conflicts with the record's current state; the denial reason codes stay 400.
error_statuses_register(
    {
        ClientErrorCode.STATUS_TRANSITION_NOT_ALLOWED: 409,
        ClientErrorCode.CONTRACT_APPLICATION_NOT_APPROVED: 409,
        ClientErrorCode.MERGE_SAME_CLIENT: 409,
        ClientErrorCode.MERGE_KIND_MISMATCH: 409,
    }
)


class ClientDetailApi(APIView):
    @extend_schema(operation_id="client_get", responses={200: CLIENT_ENVELOPE, **errors(401, 404)})
    def get(self, request: Request, client_id: int) -> Response:
        client = selectors.client_get(user=api_user(request), client_id=client_id)
        if client is None:
            raise not_found("No such client.")
        return ok(ClientOut(client).data)


class LoanApplicationDetailApi(APIView):
    @extend_schema(
        operation_id="loan_application_get",
        responses={200: APPLICATION_ENVELOPE, **errors(401, 404)},
    )
    def get(self, request: Request, application_id: int) -> Response:
        application = selectors.loan_application_get(user=api_user(request), application_id=application_id)
        if application is None:
            raise not_found("No such loan application.")
        return ok(LoanApplicationOut(application).data)


class ContractDetailApi(APIView):
    @extend_schema(operation_id="contract_get", responses={200: CONTRACT_ENVELOPE, **errors(401, 404)})
    def get(self, request: Request, contract_id: int) -> Response:
        contract = selectors.contract_get(user=api_user(request), contract_id=contract_id)
        if contract is None:
            raise not_found("No such contract.")
        return ok(ContractOut(contract).data)


def _choice(choices: type[models.TextChoices]) -> serializers.ChoiceField:
    allowed = ", ".join(choices.values)
    return serializers.ChoiceField(
        choices=choices.choices, error_messages={"invalid_choice": f"Status must be one of {allowed}."}
    )


class LoanApplicationStatusIn(serializers.Serializer):
    status = _choice(LoanApplicationStatus)
    reason = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class ContractStatusIn(serializers.Serializer):
    status = _choice(ContractStatus)


class _RecordStatusApi(APIView, Generic[_Record]):
    """`POST …/{id}/status`: a decision system moves a record on through its status service.

    One view for every record kind; a subclass names the record, its permission, reader, input, service
    and output. Every validated input value is passed to the service by name.
    """

    what: str
    permission: str
    lookup_url_kwarg: str
    status_in: type[serializers.Serializer]
    record_out: type[serializers.Serializer]

    def read(self, *, user: User, pk: int) -> _Record | None:
        raise NotImplementedError

    def change(self, *args: Any, **kwargs: Any) -> None:
        """Called as `change(record=…, user=…, **the validated input)`."""
        raise NotImplementedError

    def post(self, request: Request, **kwargs: Any) -> Response:
        user = api_user(request)
        if not user.has_perm(self.permission):
            raise permission_denied(f"Needs {self.permission}.")
        pk = kwargs[self.lookup_url_kwarg]
        record = self.read(user=user, pk=pk)
        if record is None:
            raise not_found(f"No such {self.what}.")
        data = self.status_in(data=request.data)
        data.is_valid(raise_exception=True)
        self.change(record=record, user=user, **data.validated_data)
        return ok(self.record_out(self.read(user=user, pk=pk)).data)


@extend_schema_view(
    post=extend_schema(
        operation_id="loan_application_set_status",
        description="A decision system approves or rejects an application; needs `clients.change_loanapplication`.",
        request=LoanApplicationStatusIn,
        responses={200: APPLICATION_ENVELOPE, **errors(400, 401, 403, 404, 409)},
    )
)
class LoanApplicationStatusApi(_RecordStatusApi[LoanApplication]):
    what = "loan application"
    permission = "clients.change_loanapplication"
    lookup_url_kwarg = "application_id"
    status_in = LoanApplicationStatusIn
    record_out = LoanApplicationOut

    def read(self, *, user: User, pk: int) -> LoanApplication | None:
        return selectors.loan_application_get(user=user, application_id=pk)

    def change(self, *, record: LoanApplication, user: User, status: str, reason: int | None = None) -> None:
        loan_application_set_status(application=record, status=status, user=user, reason=reason)


@extend_schema_view(
    post=extend_schema(
        operation_id="contract_set_status",
        description="Signing or cancelling a contract; needs `clients.change_contract`.",
        request=ContractStatusIn,
        responses={200: CONTRACT_ENVELOPE, **errors(400, 401, 403, 404, 409)},
    )
)
class ContractStatusApi(_RecordStatusApi[Contract]):
    what = "contract"
    permission = "clients.change_contract"
    lookup_url_kwarg = "contract_id"
    status_in = ContractStatusIn
    record_out = ContractOut

    def read(self, *, user: User, pk: int) -> Contract | None:
        return selectors.contract_get(user=user, contract_id=pk)

    def change(self, *, record: Contract, user: User, status: str) -> None:
        contract_set_status(contract=record, status=status, user=user)
