"""An operator's fix of a name or passport keeps the client findable by the next lead."""

import pytest

from clients.identity import person_identity_key
from leads.models import Lead
from tests.backoffice.forms import change_form_data
from tests.factories import ClientFactory, IdentityDocumentFactory
from tests.leads.conftest import person, post_lead

pytestmark = pytest.mark.django_db


def test_it_matches_the_next_lead_after_an_operator_fixed_the_name(as_operator, api):
    client = ClientFactory(last_name="Филатов", first_name="Филатт", patronymic="Филимонович")
    IdentityDocumentFactory(client=client, series="4008", number="503682")
    url = f"/admin/clients/client/{client.pk}/change/"
    data = change_form_data(as_operator.get(url))
    data["first_name"] = "Филат"

    assert as_operator.post(url, data).status_code == 302

    lead = Lead.objects.get(pk=post_lead(api, person()).json()["data"])
    assert lead.client == client
    assert lead.client_match == "matched"


def test_it_keeps_the_identity_and_warns_when_the_fix_makes_a_duplicate(as_operator):
    key = person_identity_key(
        last_name="Филатов", first_name="Филат", patronymic="Филимонович", series="4008", number="503682"
    )
    ClientFactory(last_name="Филатов", first_name="Филат", patronymic="Филимонович", identity_key=key)
    client = ClientFactory(last_name="Филатов", first_name="Фома", patronymic="Филимонович")
    IdentityDocumentFactory(client=client, series="4008", number="503682")
    url = f"/admin/clients/client/{client.pk}/change/"
    data = change_form_data(as_operator.get(url))
    data["first_name"] = "Филат"

    response = as_operator.post(url, data, follow=True)

    client.refresh_from_db()
    assert client.first_name == "Филат"
    assert client.identity_key is None
    assert "Possible duplicates" in response.content.decode()
