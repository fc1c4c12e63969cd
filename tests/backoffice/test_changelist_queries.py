"""Long lists stay fast: a changelist costs the same number of queries for 3 rows as for 15."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clients.models import ClientMerge, NotDuplicate
from tests.backoffice.factories import LeadFactory
from tests.factories import (
    AddressFactory,
    ClientFactory,
    CreditProductFactory,
    IdentityDocumentFactory,
    LegalEntityFactory,
    ManagerFactory,
)

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "/admin/leads/lead/",
    "/admin/clients/client/",
    "/admin/clients/client/duplicates/",
    "/admin/clients/loanapplication/",
    "/admin/clients/contract/",
    "/admin/clients/identitydocument/",
    "/admin/clients/address/",
    "/admin/clients/relative/",
    "/admin/clients/clientmerge/",
    "/admin/clients/notduplicate/",
    "/admin/clients/legalentity/",
    "/admin/clients/manager/",
    "/admin/clients/creditproduct/",
]


def _add_rows(count: int, administrator) -> None:
    entity, product = LegalEntityFactory(), CreditProductFactory()
    for _ in range(count):
        client = ClientFactory(legal_entity=entity, mobile_phone="79160000001")
        LeadFactory(
            client=client,
            legal_entity=entity,
            contract__application__client=client,
            contract__application__credit_product=product,
            contract__application__legal_entity=entity,
            contract__credit_product=product,
            contract__legal_entity=entity,
        )
        IdentityDocumentFactory(client=client)
        AddressFactory(client=client)
        client.relatives.create(first_name="Анна")
        ClientMerge.objects.create(kept=client, removed_client_id=client.pk + 100000, merged_by=administrator)
        other = ClientFactory()
        NotDuplicate.objects.create(client_low=client, client_high=other, decided_by=administrator)
        ManagerFactory(legal_entity=entity)
        CreditProductFactory()
        LegalEntityFactory()


def _queries(browser, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = browser.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("url", CHANGELISTS)
def test_it_lists_many_rows_with_as_many_queries_as_few(as_administrator, administrator, url):
    _add_rows(2, administrator)
    _queries(as_administrator, url)  # warm the per-process caches (content types, sessions)
    few = _queries(as_administrator, url)

    _add_rows(4, administrator)  # a query per row would show as four more
    many = _queries(as_administrator, url)

    assert many == few, f"{url}: {few} queries for 2 rows, {many} for 6"


@pytest.mark.parametrize("url", CHANGELISTS[:5])
def test_it_keeps_the_operators_lists_constant_too(as_operator, administrator, url):
    _add_rows(2, administrator)
    _queries(as_operator, url)
    few = _queries(as_operator, url)

    _add_rows(4, administrator)

    assert _queries(as_operator, url) == few
