"""The Model Editor's rules as the lead intake applies them (required_field_problems)."""

import pytest

from leads.intake.required import required_field_problems
from modeleditor.choices import ChangeSource
from modeleditor.services import extra_field_define, required_rules_set

pytestmark = pytest.mark.django_db

MINIMAL = {"firstName": "Фридрих", "mobilePhone": "79776200719"}


def _require(target: str, *paths: str) -> None:
    required_rules_set(target=target, required=dict.fromkeys(paths, True), changed_by=None, source=ChangeSource.COMMAND)


def _fields(problems) -> list[tuple[str, str | None, str]]:
    return [(str(p.code), p.field, p.message) for p in problems]


def test_it_accepts_a_lead_with_only_first_name_and_mobile_phone_out_of_the_box():
    assert required_field_problems(MINIMAL, natural_person=True) == []


def test_it_keeps_the_system_codes_for_first_name_and_mobile_phone():
    assert _fields(required_field_problems({}, natural_person=True)) == [
        ("NO_CLIENT_FIRST_NAME_ERROR", "firstName", "First name is required."),
        ("NO_MOBILE_PHONE_ERROR", "mobilePhone", "Mobile phone is required."),
    ]


def test_it_requires_a_company_title():
    assert _fields(required_field_problems(MINIMAL, natural_person=False)) == [
        ("METADATA__EMPTY_REQUIRED_FIELD", "title", "title is required for client_company.")
    ]
    assert required_field_problems({**MINIMAL, "title": "ООО Вектор"}, natural_person=False) == []


def test_it_reports_missing_fields_of_several_targets_together():
    _require("client_person", "passport.issueDate", "registrationAddressData.countryId", "relatives")
    _require("client_company", "inn")
    _require("loan_application", "amount", "goods")
    _require("contract", "amount", "cardNumber")

    problems = required_field_problems({"mobilePhone": "79776200719", "relatives": []}, natural_person=True)

    assert _fields(problems) == [
        ("NO_CLIENT_FIRST_NAME_ERROR", "firstName", "First name is required."),
        ("METADATA__EMPTY_REQUIRED_FIELD", "passport.issueDate", "passport.issueDate is required for client_person."),
        (
            "METADATA__EMPTY_REQUIRED_FIELD",
            "registrationAddressData.countryId",
            "registrationAddressData.countryId is required for client_person.",
        ),
        ("METADATA__EMPTY_REQUIRED_FIELD", "relatives", "relatives is required for client_person."),
        ("METADATA__EMPTY_REQUIRED_FIELD", "amount", "amount is required for loan_application, contract."),
        ("METADATA__EMPTY_REQUIRED_FIELD", "goods", "goods is required for loan_application."),
        ("METADATA__EMPTY_REQUIRED_FIELD", "cardNumber", "cardNumber is required for contract."),
    ]


def test_it_counts_nested_values_and_non_empty_arrays_as_filled():
    _require("client_person", "passport.issueDate", "registrationAddressData.countryId", "relatives")
    lead = {
        **MINIMAL,
        "passport": {"issueDate": "2014-01-23"},
        "registrationAddressData": {"countryId": 643},
        "relatives": [{"firstName": "Анна"}],
    }

    assert required_field_problems(lead, natural_person=True) == []


def test_it_applies_only_the_rules_of_the_client_kind_the_lead_creates():
    _require("client_person", "passport.seria")
    _require("client_company", "registrationNumber")

    assert [p.field for p in required_field_problems(MINIMAL, natural_person=True)] == ["passport.seria"]
    company = {**MINIMAL, "title": "ООО Вектор"}
    assert [p.field for p in required_field_problems(company, natural_person=False)] == ["registrationNumber"]


def test_it_requires_an_extra_field_by_name_or_by_definition_id():
    definition = extra_field_define(
        target="loan_application", name="promoCode", field_type="string", label="Promo code"
    )
    _require("loan_application", "extraFields[loanApplication.promoCode]")

    assert _fields(required_field_problems(MINIMAL, natural_person=True)) == [
        (
            "METADATA__EMPTY_REQUIRED_FIELD",
            "extraFields[loanApplication.promoCode]",
            "extraFields[loanApplication.promoCode] is required for loan_application.",
        )
    ]
    by_name = {**MINIMAL, "extraFields": [{"name": "loanApplication.promoCode", "value": "AUTUMN26"}]}
    by_id = {**MINIMAL, "extraFields": [{"id": definition.pk, "value": "AUTUMN26"}]}
    empty = {**MINIMAL, "extraFields": [{"name": "loanApplication.promoCode", "value": ""}]}
    assert required_field_problems(by_name, natural_person=True) == []
    assert required_field_problems(by_id, natural_person=True) == []
    assert len(required_field_problems(empty, natural_person=True)) == 1
