"""Without the full-identity permission, the search box finds a passport only by series and number
together: a partial number would let an operator recover what the screens mask."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client as BrowserClient

from tests.backoffice.factories import LeadFactory
from tests.factories import ClientFactory, IdentityDocumentFactory

pytestmark = pytest.mark.django_db

PARTIAL_TERMS = ["503682", "4008", "4008 50368", "008 503682", "03682"]


@pytest.fixture
def wanted():
    client = ClientFactory(last_name="Филатов", mobile_phone="79660175445")
    IdentityDocumentFactory(client=client, series="4008", number="503682")
    return client


def _found(response) -> set[int]:
    assert response.status_code == 200
    return {row.pk for row in response.context["cl"].result_list}


@pytest.fixture
def full_identity_operator(operator) -> BrowserClient:
    operator.user_permissions.add(Permission.objects.get(codename="view_full_identity"))
    browser = BrowserClient()
    browser.force_login(operator)
    return browser


@pytest.mark.parametrize("term", PARTIAL_TERMS)
def test_it_finds_no_client_by_part_of_a_passport(as_operator, wanted, term):
    assert _found(as_operator.get("/admin/clients/client/", {"q": term})) == set()


@pytest.mark.parametrize("term", PARTIAL_TERMS)
def test_it_finds_no_lead_by_part_of_a_passport(as_operator, wanted, term):
    LeadFactory(client=wanted, contract__application__client=wanted)

    assert _found(as_operator.get("/admin/leads/lead/", {"q": term})) == set()


def test_it_finds_a_client_by_the_whole_passport(as_operator, wanted):
    assert _found(as_operator.get("/admin/clients/client/", {"q": "4008 503682"})) == {wanted.pk}


def test_it_finds_a_client_by_the_number_alone_for_an_operator_who_sees_full_identity(full_identity_operator, wanted):
    assert _found(full_identity_operator.get("/admin/clients/client/", {"q": "503682"})) == {wanted.pk}
