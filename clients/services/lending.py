"""Creating loan applications and their draft contracts."""

from typing import Any

from django.db import transaction

from clients.models import Client, Contract, Goods, LeadDebt, LoanApplication
from leadcore.inserts import row_insert, rows_insert_values

DEFAULT_CONTRACT_PREFIX = "LC"


@transaction.atomic(savepoint=False)
def loan_application_create(
    *,
    client: Client,
    fields: dict[str, Any],
    debts: list[dict[str, Any]],
    goods: list[dict[str, Any]],
    extra_fields: dict[str, str],
    pk: int | None = None,
) -> LoanApplication:
    """`pk`: an id reserved ahead (`leadcore.inserts.ReservedIds`), so that nothing waits for the INSERT."""
    application = LoanApplication(pk=pk, client=client, extra_fields=extra_fields, **fields)
    row_insert(application)
    rows_insert_values(LeadDebt, debts, application=application)
    rows_insert_values(Goods, goods, application=application)
    return application


@transaction.atomic(savepoint=False)
def contract_draft_create(
    *,
    application: LoanApplication,
    fields: dict[str, Any],
    extra_fields: dict[str, str],
    pk: int | None = None,
) -> Contract:
    """A draft contract for the application, numbered after it: `<legal entity prefix>-<application id>`."""
    legal_entity = application.legal_entity
    prefix = legal_entity.contract_prefix if legal_entity else DEFAULT_CONTRACT_PREFIX
    contract = Contract(
        pk=pk,
        application=application,
        client_id=application.client_id,
        number=f"{prefix}-{application.pk:09d}",
        legal_entity=legal_entity,
        credit_product_id=application.credit_product_id,
        amount=application.amount,
        period=application.period,
        period_unit=application.period_unit,
        extra_fields=extra_fields,
        **fields,
    )
    row_insert(contract)
    return contract
