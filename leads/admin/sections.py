"""What a lead received, in labelled sections an operator reads: names instead of reference ids.

The stored payload is rendered as it is: unknown keys land in "Other fields", missing ones are
simply absent, and values of an unexpected type are shown as text rather than failing the page.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from clients.models import Channel, CreditProduct, Manager, PeriodUnit
from leadcore.formatting import EMPTY, money
from modeleditor.fieldkinds import Kind, Shape
from modeleditor.fieldmap import ADDITIONAL_ADDRESS, ADDRESS, DEBT, GOODS, PASSPORT, RELATIVE, labels, names_of_kind
from modeleditor.models import ReferenceItem

# Lead properties holding a reference-list id (any nesting level), resolved to the item's name.
REFERENCE_KEYS = names_of_kind(Kind.REFERENCE)
MONEY_KEYS = names_of_kind(Kind.MONEY, Kind.POSITIVE_MONEY)
CHOICES = {"channel": dict(Channel.choices), "periodUnit": dict(PeriodUnit.choices)}

# A contract property reads as the field map labels it (as in the Model Editor). The map labels
# only what a rule can require; the rest of what a lead may carry is labelled here.
LABELS = {
    **{name: capfirst(label) for name, label in labels().items()},
    "clientId": _("Client named by the sender"),
    "position": _("Position"),
    "purposeId": _("Purpose"),
    "kinshipTypeId": _("Kinship"),
    "address": _("Address"),
    "workPlace": _("Work place"),
    "rnn": _("Taxpayer number"),
    "resident": _("Resident"),
    "verified": _("Verified"),
    "comment": _("Comment"),
    "arrears": _("Overdue now"),
    "bankName": _("Lender"),
    "contractNumber": _("Agreement number"),
    "creditAmount": _("Loan amount"),
    "creditBankId": _("Lender id"),
    "creditName": _("Loan name"),
    "interestRate": _("Interest rate, % a year"),
    "lastPaymentDate": _("Last payment"),
    "monthlyPayment": _("Monthly payment"),
    "paymentFrequency": _("Payment frequency"),
    "remainingDebt": _("Remaining debt"),
    "requisites": _("Loan details"),
    "id": _("Id"),
    "name": _("Name"),
    "article": _("Article"),
    "description": _("Description"),
    "quantity": _("Quantity"),
    "value": _("Value"),
    "mobilePhoneCheck": _("Phone verified"),
    "deviceTypeId": _("Device type"),
    "ipAddress": _("IP address"),
    "macAddress": _("MAC address"),
    "ipAndRegionMatch": _("IP region matches the residence"),
    "ipAndRegAddressMatch": _("IP region matches the registration"),
    "denialReasonId": _("Denial reason"),
    "approvedByScorista": _("Approved by Scorista"),
    "rosfinmonitoringCheck": _("Financial-monitoring check passed"),
    "ufmsCheck": _("Passport validity check passed"),
}

# Top-level properties per flat section, in reading order.
PERSON = (
    "naturalPerson", "lastName", "firstName", "patronymic", "title", "registrationNumber", "sexId", "birthDate",
    "birthPlace", "birthCountryId", "mobilePhone", "email", "inn", "snils", "employerTitle", "employerInn",
    "meanIncome", "averageMonthlyCost", "childrenCount", "adultChildrenCount", "dependentsCount",
)  # fmt: skip
LOAN = (
    "channel", "clientId", "creditProductId", "amount", "period", "periodUnit", "managerId", "subdivisionId",
    "howYouKnowId", "storeCode", "storeTypeId", "orderCode", "referralLink", "monthlyCreditPayment",
    "activeCreditsCount", "closedCreditsCount", "activeCreditsAmount", "activeDelinquencyAmount",
    "delinquencyCount", "payedDelinquencyCount", "writtenDelinquencyCount",
)  # fmt: skip
CARD = ("cardNumber", "cardHolder", "validThruMonth", "validThruYear", "gettingMoneyMethodId")
CHECKS = (
    "mobilePhoneCheck", "deviceTypeId", "ipAddress", "macAddress", "ipAndRegionMatch", "ipAndRegAddressMatch",
    "denialReasonId", "approvedByScorista", "rosfinmonitoringCheck", "ufmsCheck",
)  # fmt: skip
ADDRESS_KEYS = (("addressData", _("Residence")), ("registrationAddressData", _("Registration")))
LISTS = ("addresses", "relatives", "leadDebts", "goods", "extraFields")
# Shown elsewhere on the page or never shown: the chain is machine data, the CVC is never stored.
HIDDEN = frozenset({"id", "fiasChain", "fiasChainText", "attributes", "cardCvc"})
KNOWN = frozenset(PERSON + LOAN + CARD + CHECKS + LISTS + ("passport",) + tuple(k for k, _ in ADDRESS_KEYS))


@dataclass
class Block:
    """One card of a section: an optional heading and label/value rows."""

    title: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: str
    blocks: list[Block]


class _Names:
    """Names of every reference, product and manager the payload mentions: three queries at most."""

    def __init__(self, payload: dict) -> None:
        ids: set[int] = set()
        _collect_reference_ids(payload, ids)
        self.references: dict[int | None, str] = (
            {item.pk: item.name for item in ReferenceItem.objects.filter(pk__in=ids)} if ids else {}
        )
        product, manager = _as_int(payload.get("creditProductId")), _as_int(payload.get("managerId"))
        self.product = (
            CreditProduct.objects.filter(pk=product).values_list("name", flat=True).first() if product else None
        )
        self.manager = (
            Manager.objects.filter(pk=manager).values_list("full_name", flat=True).first() if manager else None
        )


def _as_int(value) -> int | None:
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def _collect_reference_ids(value, ids: set) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in REFERENCE_KEYS and _as_int(item) is not None:
                ids.add(_as_int(item))
            else:
                _collect_reference_ids(item, ids)
    elif isinstance(value, list):
        for item in value:
            _collect_reference_ids(item, ids)


def _date(value: str) -> str:
    try:
        return date.fromisoformat(value[:10]).strftime("%d.%m.%Y")
    except ValueError:
        return value


def _value(key: str, value, names: _Names) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if key in REFERENCE_KEYS:
        return names.references.get(_as_int(value), str(value))
    if key == "creditProductId":
        return names.product or str(value)
    if key == "managerId":
        return names.manager or str(value)
    if key in CHOICES:
        return str(CHOICES[key].get(value, value))
    if key in MONEY_KEYS:
        try:
            return money(Decimal(str(value)))
        except InvalidOperation:
            return str(value)
    if isinstance(value, str) and (key.endswith("Date") or key == "regDate"):
        return _date(value)
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {_value(k, v, names)}" for k, v in value.items() if k not in HIDDEN)
    if isinstance(value, list):
        return ", ".join(_value(key, item, names) for item in value)
    return str(value)


def _label(key: str) -> str:
    return str(LABELS.get(key, key))


def _rows(data, keys, names: _Names) -> list[tuple[str, str]]:
    if not isinstance(data, dict):
        return []
    return [(_label(key), _value(key, data[key], names)) for key in keys if key in data and key not in HIDDEN]


def _item_rows(item, names: _Names, shape: Shape) -> list[tuple[str, str]]:
    """Every property of one item in the contract's order (an item's name first), unknown ones last."""
    if not isinstance(item, dict):
        return [(str(_("Value")), str(item))]
    order = {key: n for n, key in enumerate(("name", *(prop.name for prop in shape.props)))}
    keys = sorted((key for key in item if item[key] not in (None, "")), key=lambda key: order.get(key, len(order)))
    return _rows(item, keys, names)


def _list(payload: dict, key: str) -> list:
    value = payload.get(key)
    return value if isinstance(value, list) else []


def _extra_field_rows(payload: dict) -> list[tuple[str, str]]:
    rows = []
    for item in _list(payload, "extraFields"):
        if isinstance(item, dict):
            rows.append((str(item.get("name") or item.get("id") or EMPTY), str(item.get("value", EMPTY))))
    return rows


def _numbered(payload: dict, key: str, title, names: _Names, shape: Shape) -> list[Block]:
    items = enumerate(_list(payload, key), 1)
    return [Block(str(title) % {"n": n}, _item_rows(item, names, shape)) for n, item in items]


def lead_sections(payload: dict) -> list[Section]:
    """The sections of a lead page, empty ones left out."""
    payload = payload if isinstance(payload, dict) else {}
    names = _Names(payload)
    addresses = [
        Block(str(title), _item_rows(payload[key], names, ADDRESS)) for key, title in ADDRESS_KEYS if payload.get(key)
    ]
    addresses += [
        Block(str(_("Additional address %(n)s") % {"n": n}), _item_rows(item, names, ADDITIONAL_ADDRESS))
        for n, item in enumerate(_list(payload, "addresses"), start=1)
    ]
    relatives = [
        Block(" ".join(str(item.get(k) or "") for k in ("lastName", "firstName", "patronymic")).strip()
              if isinstance(item, dict) else "", _item_rows(item, names, RELATIVE))
        for item in _list(payload, "relatives")
    ]  # fmt: skip
    other = [key for key in payload if key not in KNOWN and key not in HIDDEN]
    sections = [
        Section("person", str(_("Person")), [Block(rows=_rows(payload, PERSON, names))]),
        Section("loan", str(_("Loan requested")), [Block(rows=_rows(payload, LOAN, names))]),
        Section("passport", str(_("Passport")), [Block(rows=_item_rows(payload.get("passport"), names, PASSPORT))]),
        Section("addresses", str(_("Addresses")), addresses),
        Section("relatives", str(_("Relatives")), relatives),
        Section("debts", str(_("Loans elsewhere")), _numbered(payload, "leadDebts", _("Loan %(n)s"), names, DEBT)),
        Section("goods", str(_("Goods")), _numbered(payload, "goods", _("Item %(n)s"), names, GOODS)),
        Section("card", str(_("Card")), [Block(rows=_rows(payload, CARD, names))]),
        Section("extra", str(_("Extra fields")), [Block(rows=_extra_field_rows(payload))]),
        Section("checks", str(_("Checks and device")), [Block(rows=_rows(payload, CHECKS, names))]),
        Section("other", str(_("Other fields")), [Block(rows=_rows(payload, other, names))]),
    ]
    for section in sections:
        section.blocks = [block for block in section.blocks if block.rows]
    return [section for section in sections if section.blocks]
