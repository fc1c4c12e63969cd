"""Finding a known client again, or creating a new one, safely under concurrent leads."""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from clients.identity import company_identity_key, person_identity_key
from clients.models import Address, Client, ClientKind, IdentityDocument, LegalEntity, Relative
from leadcore.inserts import insert_unless_found, rows_insert_values
from leadcore.statement import MADE_CLIENT_ID, atomic_unless_held, in_statement

PERSON_MATCH_FIELDS = ("lastName", "firstName", "patronymic", "passport.seria", "passport.no")
COMPANY_MATCH_FIELDS = ("inn",)
# The ON CONFLICT target of the constraint `client_unique_identity` (a partial unique index).
_UNIQUE_IDENTITY = '("identity_key", "match_scope") WHERE "identity_key" IS NOT NULL'


@dataclass
class ClientData:
    """A client as a lead describes it, in model field names."""

    kind: str
    fields: dict[str, Any]
    document: dict[str, Any] | None = None
    addresses: list[dict[str, Any]] = field(default_factory=list)
    relatives: list[dict[str, Any]] = field(default_factory=list)
    extra_fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MatchResult:
    client: Client
    matched: bool
    matched_fields: tuple[str, ...]
    scope: str


@dataclass(frozen=True)
class MatchPending:
    """The client of a lead's statement (`leadcore.statement.one_statement`): found or created by
    it, which of the two decided there. `client_id` is the statement's stand-in for its id;
    `matched_fields` what matched, should it be found (`leadcore.statement.if_inserted`)."""

    client_id: Any
    matched_fields: tuple[str, ...]
    scope: str


def client_identity(data: ClientData) -> str | None:
    if data.kind == ClientKind.COMPANY:
        return company_identity_key(inn=data.fields.get("inn"))
    document = data.document or {}
    return person_identity_key(
        last_name=data.fields.get("last_name"),
        first_name=data.fields.get("first_name"),
        patronymic=data.fields.get("patronymic"),
        series=document.get("series"),
        number=document.get("number"),
        document_type_id=document.get("document_type_id"),
    )


def match_scope(legal_entity: LegalEntity | None) -> str:
    """ "" matches across the company; a legal entity's id keeps its clients to itself."""
    if settings.CLIENT_MATCH_PER_LEGAL_ENTITY and legal_entity is not None:
        return str(legal_entity.pk)
    return ""


def client_find(*, data: ClientData, legal_entity: LegalEntity | None) -> Client | None:
    key = client_identity(data)
    if key is None:
        return None
    return Client.objects.filter(identity_key=key, match_scope=match_scope(legal_entity)).first()


@atomic_unless_held
def client_match_or_create(
    *, data: ClientData, legal_entity: LegalEntity | None, created_by: User | None = None
) -> MatchResult | MatchPending:
    """Attach to the known client (its data left as it is) or create the client with its records.

    The unique constraint on (identity_key, match_scope) decides races: of N simultaneous leads for
    one new person, one insert wins and the others find its row once it commits. On PostgreSQL,
    inside the lead's statement (`leadcore.statement.one_statement`), the look-up, the insert
    (`INSERT … ON CONFLICT DO NOTHING`, no savepoint) and the new client's records are part of
    that statement, and which case it was is decided there: `MatchPending`. A client without an
    identity key is looked up by NULL, which finds none, and always inserted.
    """
    key = client_identity(data)
    scope = match_scope(legal_entity)
    fields = COMPANY_MATCH_FIELDS if data.kind == ClientKind.COMPANY else PERSON_MATCH_FIELDS
    values = {
        "kind": data.kind,
        "identity_key": key,
        "match_scope": scope,
        "legal_entity": legal_entity,
        "created_by": created_by,
        "extra_fields": data.extra_fields,
        **data.fields,
    }
    if in_statement():
        lookup = {"identity_key": key, "match_scope": scope}
        client_id = insert_unless_found(Client, values, lookup=lookup, conflict=_UNIQUE_IDENTITY)
        _client_records_create(client_id=MADE_CLIENT_ID, data=data)
        return MatchPending(client_id, fields, scope)
    if key is not None:
        existing = Client.objects.filter(identity_key=key, match_scope=scope).first()
        if existing is not None:
            return MatchResult(existing, True, fields, scope)
    client = Client(**values)
    try:
        with transaction.atomic():
            client.save(force_insert=True)
    except IntegrityError:
        existing = Client.objects.filter(identity_key=key, match_scope=scope).first() if key else None
        if existing is None:
            raise
        return MatchResult(existing, True, fields, scope)
    _client_records_create(client_id=client.pk, data=data)
    return MatchResult(client, False, (), scope)


def _client_records_create(*, client_id: Any, data: ClientData) -> None:
    """One INSERT per table, from the rows' field values; inside the lead's statement they are held
    and written with it, only where it inserted the client (`client_id` is then its stand-in)."""
    if data.document:
        rows_insert_values(IdentityDocument, [data.document], client_id=client_id)
    rows_insert_values(Address, data.addresses, client_id=client_id)
    rows_insert_values(Relative, data.relatives, client_id=client_id)


@transaction.atomic
def client_identity_refresh(*, client: Client) -> bool:
    """Recompute the matching key after an operator edited names or the passport.

    False (the key left as it was) when another client already has the new identity: the two
    are the same person and belong merged, not matched at random.
    """
    document = client.documents.order_by("-id").first()
    data = ClientData(
        kind=client.kind,
        fields={"last_name": client.last_name, "first_name": client.first_name, "patronymic": client.patronymic,
                "inn": client.inn},
        document=(
            {"series": document.series, "number": document.number, "document_type_id": document.document_type_id}
            if document
            else None
        ),
    )  # fmt: skip
    key = client_identity(data)
    if key == client.identity_key:
        return True
    try:
        with transaction.atomic():
            Client.objects.filter(pk=client.pk).update(identity_key=key)
    except IntegrityError:
        return False
    client.identity_key = key
    return True
