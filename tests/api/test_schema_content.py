"""What the OpenAPI schema promises beyond what Schemathesis can see in answers."""

from tests.api.test_schema_conformance import OPENAPI

COMPONENTS = OPENAPI["components"]["schemas"]


def test_it_lists_no_card_security_code_in_the_lead_read_back():
    assert "cardCvc" in COMPONENTS["LeadInRequest"]["properties"]
    assert "cardCvc" not in COMPONENTS["LeadOut"]["properties"]


def test_it_types_money_as_a_number_in_answers():
    amount = COMPONENTS["LoanApplicationOut"]["properties"]["amount"]

    assert (amount["type"], amount.get("nullable")) == ("number", True)
    assert "pattern" not in amount
