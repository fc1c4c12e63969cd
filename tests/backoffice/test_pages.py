"""Every back-office record page opens for the people who work with it."""

import pytest

from clients.models import ClientMerge, NotDuplicate
from tests.backoffice.factories import LeadFactory
from tests.factories import AddressFactory, ClientFactory, IdentityDocumentFactory, ManagerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(administrator):
    lead = LeadFactory(contract__card_number_masked="411111******1111")
    client = lead.client
    other = ClientFactory()
    return {
        "leads/lead": lead.pk,
        "clients/client": client.pk,
        "clients/loanapplication": lead.loan_application_id,
        "clients/contract": lead.contract_id,
        "clients/address": AddressFactory(client=client).pk,
        "clients/relative": client.relatives.create(first_name="Анна").pk,
        "clients/identitydocument": IdentityDocumentFactory(client=client).pk,
        "clients/clientmerge": ClientMerge.objects.create(kept=client, removed_client_id=1).pk,
        "clients/notduplicate": NotDuplicate.objects.create(client_low=client, client_high=other).pk,
        "clients/manager": ManagerFactory().pk,
    }


OPERATOR_PAGES = [
    "leads/lead",
    "clients/client",
    "clients/loanapplication",
    "clients/contract",
    "clients/address",
    "clients/relative",
    "clients/clientmerge",
    "clients/notduplicate",
]


@pytest.mark.parametrize("model", OPERATOR_PAGES)
def test_it_opens_the_record_pages_operators_work_with(as_operator, records, model):
    assert as_operator.get(f"/admin/{model}/{records[model]}/change/").status_code == 200


@pytest.mark.parametrize("model", [*OPERATOR_PAGES, "clients/identitydocument", "clients/manager"])
def test_it_opens_every_record_page_for_administrators(as_administrator, records, model):
    assert as_administrator.get(f"/admin/{model}/{records[model]}/change/").status_code == 200
    assert as_administrator.get(f"/admin/{model}/{records[model]}/history/").status_code == 200
