from clients import apis
from leadcore.api.routing import slash_optional

urlpatterns = [
    *slash_optional("clients/<int:client_id>", apis.ClientDetailApi.as_view(), "client-detail"),
    *slash_optional(
        "loan-applications/<int:application_id>",
        apis.LoanApplicationDetailApi.as_view(),
        "loan-application-detail",
    ),
    *slash_optional("contracts/<int:contract_id>", apis.ContractDetailApi.as_view(), "contract-detail"),
    *slash_optional(
        "loan-applications/<int:application_id>/status",
        apis.LoanApplicationStatusApi.as_view(),
        "loan-application-status",
    ),
    *slash_optional("contracts/<int:contract_id>/status", apis.ContractStatusApi.as_view(), "contract-status"),
]
