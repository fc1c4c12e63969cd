"""From the lead contract's camelCase properties to the records a lead becomes (model field names)."""

from typing import Any

from clients.addresses import LEAD_ADDRESS_FIELDS
from clients.identity import is_russian_passport
from clients.models import AddressKind, ClientKind
from clients.services.matching import ClientData
from clients.validators import card_mask, digits

CLIENT_FIELDS = {
    "lastName": "last_name",
    "firstName": "first_name",
    "patronymic": "patronymic",
    "title": "title",
    "registrationNumber": "registration_number",
    "sexId": "sex_id",
    "birthDate": "birth_date",
    "birthPlace": "birth_place",
    "birthCountryId": "birth_country_id",
    "mobilePhone": "mobile_phone",
    "email": "email",
    "inn": "inn",
    "snils": "snils",
    "employerTitle": "employer_title",
    "employerInn": "employer_inn",
    "meanIncome": "mean_income",
    "averageMonthlyCost": "average_monthly_cost",
    "childrenCount": "children_count",
    "adultChildrenCount": "adult_children_count",
    "dependentsCount": "dependents_count",
}
PASSPORT_FIELDS = {
    "seria": "series",
    "no": "number",
    "issueDate": "issue_date",
    "closeDate": "close_date",
    "manager": "issued_by",
    "subdivisionCode": "subdivision_code",
    "extraNumber": "extra_number",
    "complementaryDocTypeId": "document_type_id",
}
RELATIVE_FIELDS = {
    "lastName": "last_name",
    "firstName": "first_name",
    "patronymic": "patronymic",
    "kinshipTypeId": "kinship_id",
    "birthDate": "birth_date",
    "telephone": "telephone",
    "email": "email",
    "address": "address",
    "workPlace": "work_place",
    "rnn": "rnn",
    "resident": "resident",
    "verified": "verified",
    "comment": "comment",
}
APPLICATION_FIELDS = {
    "channel": "channel",
    "creditProductId": "credit_product_id",
    "amount": "amount",
    "period": "period",
    "periodUnit": "period_unit",
    "subdivisionId": "subdivision_id",
    "howYouKnowId": "how_you_know_id",
    "storeCode": "store_code",
    "storeTypeId": "store_type_id",
    "orderCode": "order_code",
    "referralLink": "referral_link",
    "monthlyCreditPayment": "monthly_credit_payment",
    "activeCreditsCount": "active_credits_count",
    "closedCreditsCount": "closed_credits_count",
    "activeCreditsAmount": "active_credits_amount",
    "activeDelinquencyAmount": "active_delinquency_amount",
    "delinquencyCount": "delinquency_count",
    "payedDelinquencyCount": "payed_delinquency_count",
    "writtenDelinquencyCount": "written_delinquency_count",
}
DEBT_FIELDS = {
    "arrears": "arrears",
    "bankName": "bank_name",
    "contractNumber": "contract_number",
    "creditAmount": "credit_amount",
    "creditBankId": "credit_bank_id",
    "creditName": "credit_name",
    "interestRate": "interest_rate",
    "lastPaymentDate": "last_payment_date",
    "monthlyPayment": "monthly_payment",
    "paymentFrequency": "payment_frequency",
    "remainingDebt": "remaining_debt",
    "requisites": "requisites",
}
GOODS_FIELDS = {
    "id": "catalogue_id",
    "name": "name",
    "article": "article",
    "description": "description",
    "amount": "amount",
    "quantity": "quantity",
}
CONTRACT_FIELDS = {
    "gettingMoneyMethodId": "getting_money_method_id",
    "cardHolder": "card_holder",
    "validThruMonth": "valid_thru_month",
    "validThruYear": "valid_thru_year",
}
LEAD_FIELDS = {
    "channel": "channel",
    "mobilePhoneCheck": "mobile_phone_check",
    "deviceTypeId": "device_type_id",
    "ipAddress": "ip_address",
    "macAddress": "mac_address",
    "ipAndRegionMatch": "ip_and_region_match",
    "ipAndRegAddressMatch": "ip_and_reg_address_match",
    "denialReasonId": "denial_reason_id",
    "approvedByScorista": "approved_by_scorista",
    "rosfinmonitoringCheck": "rosfinmonitoring_check",
    "ufmsCheck": "ufms_check",
}

EXTRA_FIELD_TARGETS = {"client.": "client", "loanApplication.": "loan_application", "contract.": "contract"}


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
    row = pick(address, LEAD_ADDRESS_FIELDS)
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
            row["passport"] = {
                prop: str(relative["passport"][prop]) for prop in PASSPORT_FIELDS if prop in relative["passport"]
            }
            if is_russian_passport(relative["passport"].get("complementaryDocTypeId")):
                row["passport"].update({k: digits(row["passport"][k]) for k in ("seria", "no") if k in row["passport"]})
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
    found = []
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
