"""From the lead contract's camelCase properties to the records a lead becomes, as the field map says."""

from typing import Any

from clients.identity import is_russian_passport
from clients.models import AddressKind, ClientKind
from clients.services.matching import ClientData
from clients.validators import card_mask, digits
from modeleditor.choices import EXTRA_FIELD_PREFIX, Target
from modeleditor.fieldkinds import Record
from modeleditor.fieldmap import ADDITIONAL_ADDRESS, DEBT, GOODS, PASSPORT, RELATIVE, record_fields

CLIENT_FIELDS = record_fields(Record.CLIENT)
APPLICATION_FIELDS = record_fields(Record.APPLICATION)
CONTRACT_FIELDS = record_fields(Record.CONTRACT)
LEAD_FIELDS = record_fields(Record.LEAD)
PASSPORT_FIELDS = PASSPORT.fields()
ADDRESS_FIELDS = ADDITIONAL_ADDRESS.fields()
RELATIVE_FIELDS = RELATIVE.fields()
DEBT_FIELDS = DEBT.fields()
GOODS_FIELDS = GOODS.fields()

# Where the extra fields of each Model Editor target are kept until conversion.
_EXTRA_FIELD_RECORDS = {
    Target.CLIENT_PERSON: "client",
    Target.CLIENT_COMPANY: "client",
    Target.LOAN_APPLICATION: "loan_application",
    Target.CONTRACT: "contract",
}
EXTRA_FIELD_TARGETS = {EXTRA_FIELD_PREFIX[target]: record for target, record in _EXTRA_FIELD_RECORDS.items()}


def pick(source: dict | None, mapping: dict[str, str]) -> dict[str, Any]:
    if not source:
        return {}
    return {model: source[prop] for prop, model in mapping.items() if prop in source}


def passport_fields(passport: dict | None) -> dict[str, Any]:
    document = pick(passport, PASSPORT_FIELDS)
    # A Russian passport is identified by digits alone: "40 08" is "4008".
    if document and is_russian_passport(document.get("document_type_id")):
        for key in ("series", "number"):
            if key in document:
                document[key] = digits(document[key])
    return document


def address_row(address: dict, kind: str, verification: str) -> dict[str, Any]:
    row = pick(address, ADDRESS_FIELDS)
    if "fiasChainText" in address and "fias_chain" not in row:
        row["fias_chain"] = {"text": address["fiasChainText"]}
    row["kind"] = kind
    row["verification"] = verification
    return row


def split_extra_fields(named: list[tuple[str, str]]) -> dict[str, dict[str, str]]:
    """`client.X`, `loanApplication.X`, `contract.X` go to those records; other names stay on the lead."""
    placed: dict[str, dict[str, str]] = {"lead": {}, "client": {}, "loan_application": {}, "contract": {}}
    for name, value in named:
        target = next((t for prefix, t in EXTRA_FIELD_TARGETS.items() if name.startswith(prefix)), None)
        if target is None:
            placed["lead"][name] = value
        else:
            placed[target][name.split(".", 1)[1]] = value
    return placed


def client_data(data: dict, *, address_verification: dict[str, str], extra_fields: dict[str, str]) -> ClientData:
    natural_person = data.get("naturalPerson", True)
    relatives = []
    for relative in data.get("relatives") or ():
        row = pick(relative, RELATIVE_FIELDS)
        if relative.get("passport"):
            row["passport"] = passport_fields(relative["passport"])
        relatives.append(row)
    return ClientData(
        kind=ClientKind.PERSON if natural_person else ClientKind.COMPANY,
        fields=pick(data, CLIENT_FIELDS),
        document=passport_fields(data.get("passport")) or None,
        addresses=[
            address_row(address, kind, address_verification[path]) for path, kind, address in lead_addresses(data)
        ],
        relatives=relatives,
        extra_fields=extra_fields,
    )


def lead_addresses(data: dict) -> list[tuple[str, str, dict]]:
    """(JSON path, address kind, address) of every address of a validated lead."""
    found: list[tuple[str, str, dict]] = []
    if data.get("addressData"):
        found.append(("addressData", AddressKind.ACTUAL, data["addressData"]))
    if data.get("registrationAddressData"):
        found.append(("registrationAddressData", AddressKind.REGISTRATION, data["registrationAddressData"]))
    for i, address in enumerate(data.get("addresses") or ()):
        found.append((f"addresses[{i}]", AddressKind.ADDITIONAL, address))
    return found


def contract_fields(data: dict) -> dict[str, Any]:
    fields = pick(data, CONTRACT_FIELDS)
    if "cardNumber" in data:
        fields["card_number_masked"] = card_mask(data["cardNumber"])
    return fields
