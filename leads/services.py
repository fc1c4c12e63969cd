"""Writes of the leads app: a lead becomes a client, a loan application and a draft contract."""

import logging
from typing import Any

from django.contrib.auth.models import User
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from clients.models import Contract, LoanApplication
from clients.services.lending import contract_draft_create, loan_application_create
from clients.services.matching import MatchPending, client_match_or_create
from leadcore.inserts import row_insert_values
from leadcore.statement import ids_reserved, if_inserted, one_statement
from leads.idempotency import idempotency_complete
from leads.intake import mapping
from leads.intake.stored import stored_body
from leads.intake.validate import ValidLead, validate_lead
from leads.models import ClientMatch, IdempotencyKey, Lead

logger = logging.getLogger(__name__)
# What the lead's callers read of the lead returned (its id, the log line); the rest is deferred.
_RETURNED = ("client_id", "client_match", "match_details", "loan_application_id", "contract_id")


def lead_create(
    *, payload: dict[str, Any], api_user: User | None, idempotency_key: IdempotencyKey | None = None
) -> Lead:
    """Validate, then convert in one transaction: a failure anywhere stores nothing.

    Validation runs before the transaction opens, so no transaction waits on the address
    directory's HTTP calls.
    """
    lead = validate_lead(payload, user=api_user)
    return lead_convert(lead=lead, api_user=api_user, idempotency_key=idempotency_key)


def lead_convert(*, lead: ValidLead, api_user: User | None, idempotency_key: IdempotencyKey | None = None) -> Lead:
    """The lead's client (found or created), loan application, draft contract and `Lead` row, all or nothing.

    On PostgreSQL, called outside a transaction without an idempotency key, this runs in no
    atomic block, against the house rule for writes, on purpose: all of it is ONE statement
    (`leadcore.statement.one_statement`), and a statement in autocommit is atomic by itself, so a
    transaction around it would only add BEGIN and COMMIT, two round trips of three. An
    idempotency key's completion is a statement of its own that must commit with the lead; inside
    a caller's transaction a failed statement would abort that transaction, where a savepoint
    leaves it usable; SQLite writes row by row: those paths run in an atomic block.
    """
    db = connections[DEFAULT_DB_ALIAS]  # once: each read through the `connection` proxy looks it up
    if idempotency_key is None and db.vendor == "postgresql" and not db.in_atomic_block:
        created = _lead_converted(lead=lead, api_user=api_user)
    else:
        with transaction.atomic():
            created = _lead_converted(lead=lead, api_user=api_user)
            if idempotency_key is not None:
                idempotency_complete(key=idempotency_key, lead=created)
    logger.info(
        "Lead %s: client %s (%s), application %s, contract %s",
        created.pk, created.client_id, created.client_match, created.loan_application_id, created.contract_id,
    )  # fmt: skip
    return created


def _lead_converted(*, lead: ValidLead, api_user: User | None) -> Lead:
    data = lead.data
    legal_entity = lead.legal_entity
    extra = mapping.split_extra_fields(lead.extra_fields)

    with one_statement():
        # Drawn by the statement itself, so that no INSERT waits for them (None on SQLite).
        application_id, contract_id, lead_id = ids_reserved((LoanApplication, Contract, Lead))
        if lead.linked_client is not None:
            client_id = lead.linked_client.pk
            outcome = _match_columns(("clientId",), "", ClientMatch.LINKED)
        else:
            client = mapping.client_data(
                data, address_verification=lead.address_verification, extra_fields=extra["client"]
            )
            found = client_match_or_create(data=client, legal_entity=legal_entity, created_by=api_user)
            if isinstance(found, MatchPending):
                client_id = found.client_id
                created_columns = _match_columns((), found.scope, ClientMatch.CREATED)
                matched_columns = _match_columns(found.matched_fields, found.scope, ClientMatch.MATCHED)
                outcome = {name: if_inserted(created_columns[name], matched_columns[name]) for name in created_columns}
            else:
                client_id = found.client.pk
                outcome = _match_columns(
                    found.matched_fields, found.scope, ClientMatch.MATCHED if found.matched else ClientMatch.CREATED
                )

        application_fields = mapping.pick(data, mapping.APPLICATION_FIELDS)
        application = loan_application_create(
            client_id=client_id,
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
        values = {
            "api_user": api_user,
            "payload": body.payload,
            "ignored_properties": body.ignored,
            "client_id": client_id,
            "loan_application_id": application.pk,
            "contract_id": contract.pk,
            "manager": lead.manager,
            "legal_entity": legal_entity,
            "extra_fields": extra["lead"],
            **outcome,
            **mapping.pick(data, mapping.LEAD_FIELDS),
        }
        created = row_insert_values(Lead, values, pk=lead_id, kept=_RETURNED)
    return created


def _match_columns(matched_fields: tuple[str, ...], scope: str, outcome: str) -> dict[str, Any]:
    """The lead's columns that say how it found its client."""
    return {"client_match": outcome, "match_details": {"fields": list(matched_fields), "scope": scope}}
