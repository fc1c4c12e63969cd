"""Finding a known client again, or creating a new one, safely under concurrent leads."""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, connection, transaction

from clients.identity import company_identity_key, person_identity_key
from clients.models import Address, Client, ClientKind, IdentityDocument, LegalEntity, Relative
from leadcore.inserts import insert_unless_found, rows_insert_values

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


@transaction.atomic(savepoint=False)
def client_match_or_create(
    *, data: ClientData, legal_entity: LegalEntity | None, created_by: User | None = None
) -> MatchResult:
    """Attach to the known client (its data left as it is) or create the client with its records.

    The unique constraint on (identity_key, match_scope) decides races: of N simultaneous leads for
    one new person, one insert wins and the others find its row once it commits. On PostgreSQL the
    look-up and the insert are one statement (`INSERT … ON CONFLICT DO NOTHING`, no savepoint).
    """
    key = client_identity(data)
    scope = match_scope(legal_entity)
    fields = COMPANY_MATCH_FIELDS if data.kind == ClientKind.COMPANY else PERSON_MATCH_FIELDS
    client = Client(
        kind=data.kind,
        identity_key=key,
        match_scope=scope,
        legal_entity=legal_entity,
        created_by=created_by,
        extra_fields=data.extra_fields,
        **data.fields,
    )
    if key is not None and connection.vendor == "postgresql":
        lookup = {"identity_key": key, "match_scope": scope}
        stored = insert_unless_found(client, lookup=lookup, conflict=_UNIQUE_IDENTITY)
        if stored is None:
            return MatchResult(Client.objects.get(identity_key=key, match_scope=scope), True, fields, scope)
        client, created = stored
        if not created:
            return MatchResult(client, True, fields, scope)
    else:
        if key is not None:
            existing = Client.objects.filter(identity_key=key, match_scope=scope).first()
            if existing is not None:
                return MatchResult(existing, True, fields, scope)
        try:
            with transaction.atomic():
                client.save(force_insert=True)
        except IntegrityError:
            existing = Client.objects.filter(identity_key=key, match_scope=scope).first() if key else None
            if existing is None:
                raise
            return MatchResult(existing, True, fields, scope)
    _client_records_create(client=client, data=data)
    return MatchResult(client, False, (), scope)


def _client_records_create(*, client: Client, data: ClientData) -> None:
    """One INSERT per table, from the rows' field values; inside `statements_batched` they are held
    and go to the server with the lead's other INSERTs as one statement."""
    if data.document:
        rows_insert_values(IdentityDocument, [data.document], client=client)
    rows_insert_values(Address, data.addresses, client=client)
    rows_insert_values(Relative, data.relatives, client=client)


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
