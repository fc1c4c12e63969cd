"""Every check of a lead, shape first and business rules after, all problems collected at once."""

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from clients.gar.verification import AddressCheck, check_fias_address
from clients.identity import is_russian_passport
from clients.models import AddressVerification, Client, CreditProduct, LegalEntity, Manager
from clients.organisation_cache import active_credit_product, active_manager
from clients.selectors import clients_visible_to
from clients.validators import digits
from leadcore.api.errors import ApiErrorCode, DomainError, Problem
from leadcore.api.exceptions import validation_problems
from leads.errors import LeadErrorCode
from leads.intake.card_data import NESTED, mask_card_numbers, means_security_code, scrub
from leads.intake.extra_fields import extra_field_name, extra_field_problems
from leads.intake.fast import fast_shape
from leads.intake.mapping import lead_addresses
from leads.intake.references import reference_problems
from leads.intake.required import required_field_problems
from leads.intake.shape import LEAD_IN
from leads.intake.stored import NOT_CARD_DATA
from modeleditor.cache import config_snapshot


@dataclass
class ValidLead:
    """A lead that passed every check, with what the checks looked up, ready to convert."""

    payload: dict
    data: dict
    manager: Manager | None = None
    product: CreditProduct | None = None
    linked_client: Client | None = None
    address_verification: dict[str, str] = field(default_factory=dict)
    extra_fields: list[tuple[str, str]] = field(default_factory=list)

    @property
    def natural_person(self) -> bool:
        return self.data.get("naturalPerson", True)

    @property
    def legal_entity(self) -> LegalEntity | None:
        """The company's own legal entity the lead belongs to: its manager's."""
        return self.manager.legal_entity if self.manager else None


def prune(value):
    """Drop null and empty values: the contract treats them as absent."""
    # Only objects and arrays are walked into: a lead's hundred leaves cost no call each.
    if isinstance(value, dict):
        return {
            k: prune(v) if isinstance(v, NESTED) else v
            for k, v in value.items()
            if v is not None and not (isinstance(v, str) and not v.strip())
        }
    if isinstance(value, list):
        return [prune(v) if isinstance(v, NESTED) else v for v in value]
    return value


def _shape(payload: dict) -> tuple[dict, list[Problem]]:
    # The compiled fast path gives the same data for a well-formed body at a fraction of DRF's
    # cost; whatever it is unsure of, the DRF tree decides and reports (`intake/fast.py`).
    fast = fast_shape(payload)
    if fast is not None:
        return fast, []
    data, problems = {}, []
    for name, shape_field in LEAD_IN.fields.items():
        if name not in payload:
            continue
        try:
            data[name] = shape_field.run_validation(payload[name])
        except ValidationError as exc:
            problems += validation_problems(exc.detail, name)
    return data, problems


def _date_problems(data: dict) -> list[Problem]:
    today = timezone.localdate()
    problems = []

    def not_future(path: str, value: datetime.date | None) -> None:
        if value and value > today:
            problems.append(Problem(ApiErrorCode.INVALID_FORMAT, path, "The date is in the future."))

    not_future("birthDate", data.get("birthDate"))
    passport = data.get("passport") or {}
    not_future("passport.issueDate", passport.get("issueDate"))
    birth, issued = data.get("birthDate"), passport.get("issueDate")
    if birth and issued and issued <= birth:
        problems.append(Problem(ApiErrorCode.INVALID_FORMAT, "passport.issueDate", "Issued before birth."))
    for i, relative in enumerate(data.get("relatives") or ()):
        not_future(f"relatives[{i}].birthDate", relative.get("birthDate"))
    return problems


RUSSIAN_PASSPORT_DIGITS = {"seria": 4, "no": 6}


def _passport_problems(passport: dict | None, path: str) -> list[Problem]:
    problems = []
    if passport and is_russian_passport(passport.get("complementaryDocTypeId")):
        for key, length in RUSSIAN_PASSPORT_DIGITS.items():
            value = passport.get(key)
            if value and (re.search(r"[^\d\s]", value) or len(digits(value)) != length):
                message = f"A Russian passport's {key} has {length} digits."
                problems.append(Problem(ApiErrorCode.INVALID_FORMAT, f"{path}.{key}", message))
    return problems


def _identity_problems(data: dict) -> list[Problem]:
    problems = []
    if data.get("naturalPerson", True) and "inn" in data and len(data["inn"]) != 12:
        problems.append(Problem(ApiErrorCode.INVALID_FORMAT, "inn", "A person's inn must have 12 digits."))
    problems += _passport_problems(data.get("passport"), "passport")
    for i, relative in enumerate(data.get("relatives") or ()):
        problems += _passport_problems(relative.get("passport"), f"relatives[{i}].passport")
    return problems


def _product_problems(lead: ValidLead) -> list[Problem]:
    product, data = lead.product, lead.data
    if product is None:
        return []
    problems = []
    amount = data.get("amount")
    if amount is not None:
        if product.min_amount is not None and amount < product.min_amount:
            problems.append(Problem(LeadErrorCode.OUT_OF_PRODUCT_LIMITS, "amount", f"Below {product.min_amount}."))
        if product.max_amount is not None and amount > product.max_amount:
            problems.append(Problem(LeadErrorCode.OUT_OF_PRODUCT_LIMITS, "amount", f"Above {product.max_amount}."))
    period = data.get("period")
    same_unit = not product.period_unit or data.get("periodUnit", product.period_unit) == product.period_unit
    if period is not None and same_unit:
        if product.min_period is not None and period < product.min_period:
            problems.append(Problem(LeadErrorCode.OUT_OF_PRODUCT_LIMITS, "period", f"Below {product.min_period}."))
        if product.max_period is not None and period > product.max_period:
            problems.append(Problem(LeadErrorCode.OUT_OF_PRODUCT_LIMITS, "period", f"Above {product.max_period}."))
    return problems


def _records_problems(lead: ValidLead, user: User | None) -> list[Problem]:
    """Manager and product from the per-process cache; the linked client in one query, when named."""
    data, problems = lead.data, []
    if "managerId" in data:
        lead.manager = active_manager(data["managerId"])
        if lead.manager is None:
            problems.append(Problem(ApiErrorCode.UNKNOWN_REFERENCE, "managerId", "No such active manager."))
    if "creditProductId" in data:
        lead.product = active_credit_product(data["creditProductId"])
        if lead.product is None:
            problems.append(Problem(ApiErrorCode.UNKNOWN_REFERENCE, "creditProductId", "No such active product."))
        else:
            problems += _product_problems(lead)
    if "clientId" in data:
        # Only a client the sender may read can be linked: linking must not open another's client.
        visible = clients_visible_to(user) if user is not None else Client.objects.none()
        lead.linked_client = visible.filter(pk=data["clientId"]).first()
        if lead.linked_client is None:
            problems.append(Problem(ApiErrorCode.UNKNOWN_REFERENCE, "clientId", "No such client."))
    return problems


def _address_problems(lead: ValidLead) -> list[Problem]:
    problems = []
    for path, _kind, address in lead_addresses(lead.data):
        if "fiasId" in address:
            check: AddressCheck = check_fias_address(address)
            problems += [Problem(p.code, f"{path}.{p.field}", p.message) for p in check.problems]
            address.update(check.parts)
            lead.address_verification[path] = check.verification
        else:
            lead.address_verification[path] = AddressVerification.BY_PARTS
    return problems


def validate_lead(payload: dict, *, user: User | None) -> ValidLead:
    """Run every check of `POST /api/v1/leads` for this sender; raise DomainError listing all problems."""
    pruned = prune(payload)
    data, problems = _shape(pruned)
    lead = ValidLead(payload=payload, data=data)
    problems += required_field_problems(pruned, natural_person=lead.natural_person)
    problems += reference_problems(data, config_snapshot())
    problems += _date_problems(data)
    problems += _identity_problems(data)
    problems += _records_problems(lead, user)
    items = data.get("extraFields") or []
    problems += extra_field_problems(items)
    lead.extra_fields = [(name, item.get("value", "")) for item in items if (name := extra_field_name(item))]
    problems += _address_problems(lead)
    if problems:
        raise DomainError(problems)
    _scrub_card_data(lead)
    return lead


def _scrub_card_data(lead: ValidLead) -> None:
    """What becomes records holds no card number in full and no security code, under any name."""
    lead.data = scrub(lead.data, numbers=False, keep=NOT_CARD_DATA)
    lead.extra_fields = [
        (name, mask_card_numbers(value) if isinstance(value, str) else value)
        for name, value in lead.extra_fields
        if not means_security_code(name)
    ]
