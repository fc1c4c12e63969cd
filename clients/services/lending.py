"""Creating loan applications and their draft contracts."""

from typing import Any

from clients.models import Contract, Goods, LeadDebt, LoanApplication
from leadcore.inserts import row_insert_values, rows_insert_values
from leadcore.statement import atomic_unless_held, computed_from

DEFAULT_CONTRACT_PREFIX = "LC"
# What a draft contract is drawn from: the returned application holds these, the rest deferred.
_DRAWN_FROM = ("client_id", "legal_entity", "credit_product_id", "amount", "period", "period_unit")


def contract_number(*, prefix: str, application_id: int) -> str:
    return f"{prefix}-{application_id:09d}"


# `contract_number` as the lead's statement computes it from the application id it draws ({0}),
# the prefix its parameter; tests/leads/test_one_statement.py holds the two equal.
CONTRACT_NUMBER_SQL = "(%s::text || '-' || lpad(({0})::text, greatest(9, length(({0})::text)), '0'))"


@atomic_unless_held
def loan_application_create(
    *,
    client_id: Any,
    fields: dict[str, Any],
    debts: list[dict[str, Any]],
    goods: list[dict[str, Any]],
    extra_fields: dict[str, str],
    pk: int | None = None,
) -> LoanApplication:
    """`pk`: an id reserved ahead (`leadcore.statement.ids_reserved`), so that nothing waits for the
    INSERT; `client_id` may be the statement's stand-in for a client it finds or makes. With a
    reserved id, the application returned holds what `contract_draft_create` reads, its other
    fields deferred (`leadcore.inserts.row_insert_values`)."""
    application = row_insert_values(
        LoanApplication, {"client_id": client_id, "extra_fields": extra_fields, **fields}, pk=pk, kept=_DRAWN_FROM
    )
    rows_insert_values(LeadDebt, debts, application=application)
    rows_insert_values(Goods, goods, application=application)
    return application


@atomic_unless_held
def contract_draft_create(
    *,
    application: LoanApplication,
    fields: dict[str, Any],
    extra_fields: dict[str, str],
    pk: int | None = None,
) -> Contract:
    """A draft contract for the application, numbered after it: `<legal entity prefix>-<application id>`.
    With a reserved id, the contract returned holds its application, client and number, its other
    fields deferred (`leadcore.inserts.row_insert_values`)."""
    legal_entity = application.legal_entity
    prefix = legal_entity.contract_prefix if legal_entity else DEFAULT_CONTRACT_PREFIX
    values = {
        "application_id": application.pk,
        "client_id": application.client_id,
        "number": computed_from(
            application.pk,
            CONTRACT_NUMBER_SQL,
            (prefix,),
            lambda application_id: contract_number(prefix=prefix, application_id=application_id),
        ),
        "legal_entity": legal_entity,
        "credit_product_id": application.credit_product_id,
        "amount": application.amount,
        "period": application.period,
        "period_unit": application.period_unit,
        "extra_fields": extra_fields,
        **fields,
    }
    return row_insert_values(Contract, values, pk=pk, kept=("application_id", "client_id", "number"))
