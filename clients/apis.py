"""Read endpoints for the records leads became."""

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.views import APIView

from clients import selectors
from clients.serializers import ClientOut, ContractOut, LoanApplicationOut
from leadcore.api.envelope import ok
from leadcore.api.errors import ApiErrorCode, Problem, RequestRejected
from leadcore.api.schema import enveloped, errors


def _not_found(what: str) -> RequestRejected:
    return RequestRejected([Problem(ApiErrorCode.NOT_FOUND, None, f"No such {what}.")], status=404)


class ClientDetailApi(APIView):
    @extend_schema(
        operation_id="client_get", responses={200: enveloped("ClientEnvelope", ClientOut()), **errors(401, 404)}
    )
    def get(self, request: Request, client_id: int):
        client = selectors.client_get(user=request.user, client_id=client_id)
        if client is None:
            raise _not_found("client")
        return ok(ClientOut(client).data)


class LoanApplicationDetailApi(APIView):
    @extend_schema(
        operation_id="loan_application_get",
        responses={200: enveloped("LoanApplicationEnvelope", LoanApplicationOut()), **errors(401, 404)},
    )
    def get(self, request: Request, application_id: int):
        application = selectors.loan_application_get(user=request.user, application_id=application_id)
        if application is None:
            raise _not_found("loan application")
        return ok(LoanApplicationOut(application).data)


class ContractDetailApi(APIView):
    @extend_schema(
        operation_id="contract_get", responses={200: enveloped("ContractEnvelope", ContractOut()), **errors(401, 404)}
    )
    def get(self, request: Request, contract_id: int):
        contract = selectors.contract_get(user=request.user, contract_id=contract_id)
        if contract is None:
            raise _not_found("contract")
        return ok(ContractOut(contract).data)
