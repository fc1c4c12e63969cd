import json
import re
from pathlib import Path

import pytest

from tests.factories import LegalEntityFactory, ManagerFactory

EXAMPLES = Path(__file__).parent / "examples"


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def demo_manager(db):
    return ManagerFactory(id=1010812, legal_entity=LegalEntityFactory(contract_prefix="DEMO"))


@pytest.fixture
def gar_sample(db):
    """The GAR sample export in the embedded address directory, as `make run` loads it."""
    from django.core.management import call_command

    call_command("import_gar", str(Path(__file__).resolve().parents[2] / "clients/gar/fixtures/sample"))


def person(**overrides) -> dict:
    lead = {
        "firstName": "Филат",
        "lastName": "Филатов",
        "patronymic": "Филимонович",
        "mobilePhone": "79660175445",
        "passport": {"seria": "4008", "no": "503682"},
    }
    lead.update(overrides)
    return lead


def post_lead(api, body, **headers):
    return api.post("/api/v1/leads", body, format="json", **headers)


# Every shape in which a card reached the database in full (issue #8), each with its own number and CVC.
# The CVCs start with 0, so that no id, time or amount stored beside them can look like one.
CARD_NUMBERS = ("4717839200068648", "5536913771432651", "6011000990139424", "371449635398431", "5555555555554444")
CARD_CVCS = ("0149", "0271", "0718", "0314", "0592", "0864")


def card_shapes(**overrides) -> dict:
    return person(
        cardNumber="5555555555554444",
        cardCvc="0864",
        extraFields=[{"name": "cardNumber", "value": "4717839200068648"}, {"name": "cardCvc", "value": "0149"}],
        relatives=[{"firstName": "A", "cardNumber": "5536913771432651", "cardCvc": "0271"}],
        cvv="0718",
        card_number="6011000990139424",
        cardCVC="0314",
        card={"number": "371449635398431", "cvc": "0592"},
        **overrides,
    )


def assert_no_card_data(text: str) -> None:
    """No full card number, and no CVC as a value of its own (digits inside a hash or a time do not count)."""
    for number in CARD_NUMBERS:
        assert number not in text
    for cvc in CARD_CVCS:
        assert not re.search(rf"(?<![0-9A-Za-z]){cvc}(?![0-9A-Za-z])", text), cvc
