"""POST /api/v1/leads/validate: what a real submission would do, creating and changing nothing."""

from clients.models import Client, LoanApplication
from leads.models import Lead
from tests.leads.conftest import person, post_lead


def validate(api, body):
    return api.post("/api/v1/leads/validate", body, format="json")


def test_it_reports_the_same_problems_as_a_real_submission(api):
    body = {"inn": "500100732250", "sexId": 999}

    dry = validate(api, body)
    real = post_lead(api, body)

    assert dry.status_code == real.status_code == 400
    assert dry.json()["errors"] == real.json()["errors"]


def test_it_says_a_new_client_would_be_created_and_creates_nothing(api):
    response = validate(api, person())

    assert response.status_code == 200
    assert response.json()["data"] == {"valid": True, "matchedClientId": None, "clientMatch": "created"}
    assert Lead.objects.count() == Client.objects.count() == LoanApplication.objects.count() == 0


def test_it_names_the_known_client_a_lead_would_be_attached_to(api):
    client_id = Lead.objects.get(pk=post_lead(api, person()).json()["data"]).client_id

    response = validate(api, person(lastName="ФИЛАТОВ"))

    assert response.json()["data"] == {"valid": True, "matchedClientId": client_id, "clientMatch": "matched"}
    assert Lead.objects.count() == 1
