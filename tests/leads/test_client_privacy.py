"""An integrator learns nothing of clients known through another integrator (issue #8)."""

import pytest

from leads.models import Lead
from tests.factories import ApiUserFactory, StaffUserFactory
from tests.leads.conftest import person, post_lead
from tests.support import api_client_for


def data(response):
    assert response.status_code == 200, response.content
    return response.json()["data"]


@pytest.fixture
def first_client_id(api):
    """Integrator A's lead created the person's client."""
    return data(api.get(f"/api/v1/leads/{data(post_lead(api, person()))}"))["clientId"]


@pytest.fixture
def other(db):
    return api_client_for(ApiUserFactory())


@pytest.fixture
def other_lead(other, first_client_id):
    """Integrator B's lead for the same person, and what B reads of it."""
    lead_id = data(post_lead(other, person()))
    return data(other.get(f"/api/v1/leads/{lead_id}"))


def test_it_hides_the_match_from_another_integrator_on_validate(other, first_client_id):
    preview = data(other.post("/api/v1/leads/validate", person(), format="json"))

    assert preview == {"valid": True, "matchedClientId": None, "clientMatch": None}


def test_it_answers_another_integrators_create_with_the_lead_id_alone(other, first_client_id):
    created = data(post_lead(other, person()))

    assert isinstance(created, int)


def test_it_hides_the_client_from_another_integrator_on_read_back(other_lead):
    assert (other_lead["clientId"], other_lead["clientMatch"]) == (None, None)


def test_it_hides_the_client_from_another_integrator_on_find(other, other_lead):
    found = data(other.get(f"/api/v1/leads/find/{other_lead['id']}"))

    assert [(lead["clientId"], lead["clientMatch"]) for lead in found] == [(None, None)]


def test_it_hides_the_client_from_another_integrator_on_application_and_contract(other, other_lead):
    application = data(other.get(f"/api/v1/loan-applications/{other_lead['loanApplicationId']}"))
    contract = data(other.get(f"/api/v1/contracts/{other_lead['contractId']}"))

    assert (application["clientId"], contract["clientId"]) == (None, None)


def test_it_still_links_another_integrators_lead_to_the_known_client(other_lead, first_client_id):
    lead = Lead.objects.get(pk=other_lead["id"])

    assert (lead.client_id, lead.client_match) == (first_client_id, "matched")
    assert lead.loan_application.client_id == first_client_id


def test_it_shows_the_client_to_the_integrator_that_created_it_and_to_staff(api, other_lead, first_client_id):
    staff = api_client_for(StaffUserFactory())
    first_preview = data(api.post("/api/v1/leads/validate", person(), format="json"))
    staff_lead = data(staff.get(f"/api/v1/leads/{other_lead['id']}"))
    staff_application = data(staff.get(f"/api/v1/loan-applications/{other_lead['loanApplicationId']}"))
    staff_contract = data(staff.get(f"/api/v1/contracts/{other_lead['contractId']}"))

    assert (first_preview["matchedClientId"], first_preview["clientMatch"]) == (first_client_id, "matched")
    assert (staff_lead["clientId"], staff_lead["clientMatch"]) == (first_client_id, "matched")
    assert staff_application["clientId"] == staff_contract["clientId"] == first_client_id


ORACLE = (
    "Still open (found by the probe of issue #8): a hidden match reads null while a new person reads "
    "'created' with a client id, so B still learns that A knows the person; needs a product decision"
)


@pytest.mark.xfail(strict=True, reason=ORACLE)
def test_it_previews_a_person_known_elsewhere_like_an_unknown_person(other, first_client_id):
    known = data(other.post("/api/v1/leads/validate", person(), format="json"))
    unknown = data(other.post("/api/v1/leads/validate", {**person(), "lastName": "Неизвестнов"}, format="json"))

    assert known == unknown


@pytest.mark.xfail(strict=True, reason=ORACLE)
def test_it_reads_back_a_person_known_elsewhere_like_an_unknown_person(other, other_lead):
    unknown = data(other.get(f"/api/v1/leads/{data(post_lead(other, {**person(), 'lastName': 'Неизвестнов'}))}"))

    assert (other_lead["clientId"] is None, other_lead["clientMatch"]) == (
        unknown["clientId"] is None,
        unknown["clientMatch"],
    )
