"""Output shapes of clients and their records, in the lead contract's property names.

Which contract properties each output gives back, and from which model field, comes from the field
map (`modeleditor/fieldmap.py`); only the outputs' own fields (ids, kinds, statuses, links,
timestamps) are named here.
"""

from collections.abc import Mapping, Sequence

from django.db import models
from django.utils.text import capfirst
from rest_framework import serializers

from clients.models import (
    Address,
    Client,
    ClientKind,
    Contract,
    Goods,
    IdentityDocument,
    LeadDebt,
    LoanApplication,
    Relative,
)
from modeleditor.choices import Target
from modeleditor.fieldkinds import Record
from modeleditor.fieldmap import ADDITIONAL_ADDRESS, DEBT, GOODS, PASSPORT, RELATIVE, columns, record_fields


def _read_fields(
    model: type[models.Model],
    contract: Mapping[str, str],
    *,
    head: Sequence[str] = ("id",),
    tail: Sequence[str] = (),
    **sources: str,
) -> tuple[list[str], dict[str, dict[str, str]]]:
    """Meta.fields and Meta.extra_kwargs of an output: `head`, the contract's properties in the
    model's field order, then `tail`. Each property names its model field as its source (a foreign
    key by its name, not its column), so it keeps the field's type and nullability in the schema (a
    declared field would lose them); `sources` name those of the output's own fields."""
    order = {field.name: position for position, field in enumerate(model._meta.fields)}
    fields = {name: model._meta.get_field(column).name for name, column in contract.items()}
    named = sorted(fields, key=lambda name: order[fields[name]])
    every = {**fields, **sources}
    return [*head, *named, *tail], {name: {"source": field} for name, field in every.items() if field != name}


class DocumentOut(serializers.ModelSerializer):
    class Meta:
        model = IdentityDocument
        fields, extra_kwargs = _read_fields(IdentityDocument, PASSPORT.fields())


class AddressOut(serializers.ModelSerializer):
    class Meta:
        model = Address
        fields, extra_kwargs = _read_fields(
            Address, ADDITIONAL_ADDRESS.fields(), head=("id", "kind"), tail=("verification",)
        )


class ContractPassport(serializers.JSONField):
    """A relative's passport in the contract's names, each value as text, as integrators have read it."""

    def to_representation(self, value):
        return {
            name: str(value[field]) for name, field in PASSPORT.fields().items() if value.get(field) not in (None, "")
        }


class RelativeOut(serializers.ModelSerializer):
    # Stored under IdentityDocument's field names; read back in the contract's.
    passport = ContractPassport(
        allow_null=True, required=False, label=capfirst(Relative._meta.get_field("passport").verbose_name)
    )

    class Meta:
        model = Relative
        fields, extra_kwargs = _read_fields(Relative, RELATIVE.fields(), tail=("passport",))


class ClientOut(serializers.ModelSerializer):
    naturalPerson = serializers.SerializerMethodField()
    documents = DocumentOut(many=True)
    addresses = AddressOut(many=True)
    relatives = RelativeOut(many=True)

    class Meta:
        model = Client
        fields, extra_kwargs = _read_fields(
            Client,
            record_fields(Record.CLIENT),
            head=("id", "naturalPerson"),
            tail=("legalEntityId", "documents", "addresses", "relatives", "extraFields", "createdAt"),
            legalEntityId="legal_entity",
            extraFields="extra_fields",
            createdAt="created_at",
        )

    def get_naturalPerson(self, client: Client) -> bool:
        return client.kind == ClientKind.PERSON


class LeadDebtOut(serializers.ModelSerializer):
    class Meta:
        model = LeadDebt
        fields, extra_kwargs = _read_fields(LeadDebt, DEBT.fields())


class GoodsOut(serializers.ModelSerializer):
    class Meta:
        model = Goods
        # The contract's goods id is the shop's catalogue id: the row's own id is not given back.
        fields, extra_kwargs = _read_fields(Goods, GOODS.fields(), head=())


class LoanApplicationOut(serializers.ModelSerializer):
    leadDebts = LeadDebtOut(source="debts", many=True)
    goods = GoodsOut(many=True)
    clientId = serializers.SerializerMethodField()
    contractId = serializers.SerializerMethodField()

    class Meta:
        model = LoanApplication
        fields, extra_kwargs = _read_fields(
            LoanApplication,
            # Not a contract property (the manager brings it): kept in its place among the terms.
            {**columns(Target.LOAN_APPLICATION), "legalEntityId": "legal_entity"},
            head=("id", "clientId", "status"),
            tail=("leadDebts", "goods", "extraFields", "contractId", "denialReasonId", "createdAt"),
            extraFields="extra_fields",
            denialReasonId="denial_reason",
            createdAt="created_at",
        )

    def get_clientId(self, application: LoanApplication) -> int | None:
        return _readable_client_id(application)

    def get_contractId(self, application: LoanApplication) -> int | None:
        contract = getattr(application, "contract", None)
        return contract.pk if contract else None


class ContractOut(serializers.ModelSerializer):
    clientId = serializers.SerializerMethodField()

    class Meta:
        model = Contract
        fields, extra_kwargs = _read_fields(
            Contract,
            # A contract keeps the lead's manager as the manager's legal entity: legalEntityId.
            {name: column for name, column in columns(Target.CONTRACT).items() if name != "managerId"},
            head=("id", "number", "status", "loanApplicationId", "clientId", "legalEntityId"),
            tail=("extraFields", "createdAt"),
            loanApplicationId="application",
            legalEntityId="legal_entity",
            extraFields="extra_fields",
            createdAt="created_at",
        )

    def get_clientId(self, contract: Contract) -> int | None:
        return _readable_client_id(contract)


def _readable_client_id(record: LoanApplication | Contract) -> int | None:
    """The client's id only for a reader who may read that client (see `with_client_readable`)."""
    return record.client_id if getattr(record, "client_readable", False) else None
