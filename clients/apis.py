"""Read endpoints for the records leads became."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.views import APIView

from clients import selectors
from clients.models import ContractStatus, LoanApplicationStatus
from clients.serializers import ClientOut, ContractOut, LoanApplicationOut
from clients.services.status import contract_set_status, loan_application_set_status
from leadcore.api.envelope import ok
from leadcore.api.errors import ApiErrorCode, Problem, RequestRejected
from leadcore.api.schema import enveloped, errors

CLIENT_ENVELOPE = enveloped("ClientEnvelope", ClientOut())
APPLICATION_ENVELOPE = enveloped("LoanApplicationEnvelope", LoanApplicationOut())
CONTRACT_ENVELOPE = enveloped("ContractEnvelope", ContractOut())


def _not_found(what: str) -> RequestRejected:
    return RequestRejected([Problem(ApiErrorCode.NOT_FOUND, None, f"No such {what}.")], status=404)


class ClientDetailApi(APIView):
    @extend_schema(operation_id="client_get", responses={200: CLIENT_ENVELOPE, **errors(401, 404)})
    def get(self, request: Request, client_id: int):
        client = selectors.client_get(user=request.user, client_id=client_id)
        if client is None:
            raise _not_found("client")
        return ok(ClientOut(client).data)


class LoanApplicationDetailApi(APIView):
    @extend_schema(
        operation_id="loan_application_get",
        responses={200: APPLICATION_ENVELOPE, **errors(401, 404)},
    )
    def get(self, request: Request, application_id: int):
        application = selectors.loan_application_get(user=request.user, application_id=application_id)
        if application is None:
            raise _not_found("loan application")
        return ok(LoanApplicationOut(application).data)


class ContractDetailApi(APIView):
    @extend_schema(operation_id="contract_get", responses={200: CONTRACT_ENVELOPE, **errors(401, 404)})
    def get(self, request: Request, contract_id: int):
        contract = selectors.contract_get(user=request.user, contract_id=contract_id)
        if contract is None:
            raise _not_found("contract")
        return ok(ContractOut(contract).data)


class _StatusIn(serializers.Serializer):
    status = serializers.CharField(max_length=20)
    reason = serializers.IntegerField(required=False, allow_null=True, min_value=1)


# What the schema shows each status endpoint taking; _status_of checks it with the envelope's message.
_APPLICATION_STATUS_IN = inline_serializer(
    "LoanApplicationStatusIn",
    {
        "status": serializers.ChoiceField(choices=LoanApplicationStatus.choices),
        "reason": _StatusIn().fields["reason"],
    },
)
_CONTRACT_STATUS_IN = inline_serializer(
    "ContractStatusIn", {"status": serializers.ChoiceField(choices=ContractStatus.choices)}
)


class LoanApplicationStatusApi(APIView):
    """A decision system approves or rejects an application; needs `clients.change_loanapplication`."""

    @extend_schema(
        operation_id="loan_application_set_status",
        request=_APPLICATION_STATUS_IN,
        responses={200: APPLICATION_ENVELOPE, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, application_id: int):
        _require(request, "clients.change_loanapplication")
        application = selectors.loan_application_get(user=request.user, application_id=application_id)
        if application is None:
            raise _not_found("loan application")
        data = _status_of(request, LoanApplicationStatus.values)
        loan_application_set_status(
            application=application, status=data["status"], user=request.user, reason=data.get("reason")
        )
        application = selectors.loan_application_get(user=request.user, application_id=application_id)
        return ok(LoanApplicationOut(application).data)


class ContractStatusApi(APIView):
    """Signing or cancelling a contract; needs `clients.change_contract`."""

    @extend_schema(
        operation_id="contract_set_status",
        request=_CONTRACT_STATUS_IN,
        responses={200: CONTRACT_ENVELOPE, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, contract_id: int):
        _require(request, "clients.change_contract")
        contract = selectors.contract_get(user=request.user, contract_id=contract_id)
        if contract is None:
            raise _not_found("contract")
        status = _status_of(request, ContractStatus.values)["status"]
        contract_set_status(contract=contract, status=status, user=request.user)
        return ok(ContractOut(selectors.contract_get(user=request.user, contract_id=contract_id)).data)


def _require(request: Request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise RequestRejected([Problem(ApiErrorCode.PERMISSION_DENIED, None, f"Needs {permission}.")], status=403)


def _status_of(request: Request, allowed: list[str]) -> dict:
    data = _StatusIn(data=request.data)
    data.is_valid(raise_exception=True)
    status = data.validated_data["status"]
    if status not in allowed:
        raise RequestRejected(
            [Problem(ApiErrorCode.INVALID_FORMAT, "status", f"Status must be one of {', '.join(allowed)}.")]
        )
    return data.validated_data
