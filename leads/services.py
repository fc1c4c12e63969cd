"""Writes of the leads app: a lead becomes a client, a loan application and a draft contract."""

import logging
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from clients.models import Contract, LoanApplication
from clients.services.lending import contract_draft_create, loan_application_create
from clients.services.matching import MatchResult, client_match_or_create
from leadcore.inserts import ReservedIds, row_insert, statements_batched
from leads.idempotency import idempotency_complete
from leads.intake import mapping
from leads.intake.stored import stored_body
from leads.intake.validate import ValidLead, validate_lead
from leads.models import ClientMatch, IdempotencyKey, Lead

logger = logging.getLogger(__name__)


def lead_create(
    *, payload: dict[str, Any], api_user: User | None, idempotency_key: IdempotencyKey | None = None
) -> Lead:
    """Validate, then convert in one transaction: a failure anywhere stores nothing.

    Validation runs before the transaction opens, so no transaction waits on the address
    directory's HTTP calls.
    """
    lead = validate_lead(payload, user=api_user)
    return lead_convert(lead=lead, api_user=api_user, idempotency_key=idempotency_key)


@transaction.atomic
def lead_convert(*, lead: ValidLead, api_user: User | None, idempotency_key: IdempotencyKey | None = None) -> Lead:
    data = lead.data
    legal_entity = lead.legal_entity
    extra = mapping.split_extra_fields(lead.extra_fields)

    with statements_batched():
        # Drawn ahead so that no INSERT below waits for its answer; sent with the client's statement.
        reserved = ReservedIds((LoanApplication, Contract, Lead))
        if lead.linked_client is not None:
            match = MatchResult(lead.linked_client, True, ("clientId",), "")
            outcome = ClientMatch.LINKED
        else:
            client = mapping.client_data(
                data, address_verification=lead.address_verification, extra_fields=extra["client"]
            )
            match = client_match_or_create(data=client, legal_entity=legal_entity, created_by=api_user)
            outcome = ClientMatch.MATCHED if match.matched else ClientMatch.CREATED
        application_id, contract_id, lead_id = reserved.ids()

        application_fields = mapping.pick(data, mapping.APPLICATION_FIELDS)
        application = loan_application_create(
            client=match.client,
            fields={**application_fields, "manager": lead.manager, "legal_entity": legal_entity},
            debts=[mapping.pick(d, mapping.DEBT_FIELDS) for d in data.get("leadDebts") or ()],
            goods=[mapping.pick(g, mapping.GOODS_FIELDS) for g in data.get("goods") or ()],
            extra_fields=extra["loan_application"],
            pk=application_id,
        )
        contract = contract_draft_create(
            application=application,
            fields=mapping.contract_fields(data),
            extra_fields=extra["contract"],
            pk=contract_id,
        )
        body = stored_body(lead.payload)
        created = Lead(
            pk=lead_id,
            api_user=api_user,
            payload=body.payload,
            ignored_properties=body.ignored,
            client=match.client,
            client_match=outcome,
            match_details={"fields": list(match.matched_fields), "scope": match.scope},
            loan_application=application,
            contract=contract,
            manager=lead.manager,
            legal_entity=legal_entity,
            extra_fields=extra["lead"],
            **mapping.pick(data, mapping.LEAD_FIELDS),
        )
        row_insert(created)
    if idempotency_key is not None:
        idempotency_complete(key=idempotency_key, lead=created)
    logger.info(
        "Lead %s: client %s (%s), application %s, contract %s",
        created.pk, match.client.pk, outcome, application.pk, contract.pk,
    )  # fmt: skip
    return created
