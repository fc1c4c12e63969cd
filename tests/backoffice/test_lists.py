"""List columns: the client's name, one empty mark, phones masked or not by the same permission."""

import pytest

from clients.models import Relative
from tests.backoffice.factories import LeadFactory

pytestmark = pytest.mark.django_db

LISTS = ("/admin/clients/client/", "/admin/leads/lead/", "/admin/clients/relative/")


@pytest.fixture
def lead():
    lead = LeadFactory(
        contract__application__client__mobile_phone="79660175445",
        contract__application__client__last_name="Филатов",
        contract__application__client__first_name="Филат",
    )
    Relative.objects.create(client=lead.client, last_name="Филатова", telephone="79660175445")
    return lead


def test_it_masks_phones_in_every_list_for_an_operator(as_operator, lead):
    for url in LISTS:
        html = as_operator.get(url).content.decode()
        assert "7966•••••45" in html, url
        assert "79660175445" not in html, url


def test_it_shows_full_phones_in_every_list_to_an_administrator(as_administrator, lead):
    for url in LISTS:
        html = as_administrator.get(url).content.decode()
        assert "79660175445" in html, url


def test_it_names_the_client_in_the_lead_list(as_operator, lead):
    html = as_operator.get("/admin/leads/lead/").content.decode()

    assert f'<a href="/admin/clients/client/{lead.client_id}/change/">Филатов Филат' in html
    assert f">#{lead.client_id}<" not in html
