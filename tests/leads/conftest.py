import json
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
