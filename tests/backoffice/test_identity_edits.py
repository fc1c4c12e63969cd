"""An operator's fix of a name or passport keeps the client findable by the next lead."""

import pytest

from clients.identity import person_identity_key
from clients.services.merge import client_merge
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
    assert "проверьте их в разделе «Возможные дубли» и объедините" in response.content.decode()


def test_it_gives_the_kept_client_the_identity_of_the_passport_a_merge_brought(administrator, api):
    kept = ClientFactory(last_name="Филатов", first_name="Филат", patronymic="Филимонович")
    removed = Lead.objects.get(pk=post_lead(api, person()).json()["data"]).client

    client_merge(keep=kept, remove=removed, user=administrator)

    lead = Lead.objects.get(pk=post_lead(api, person()).json()["data"])
    assert (lead.client, lead.client_match) == (kept, "matched")


def test_it_follows_a_passport_corrected_on_the_documents_own_page(as_administrator, api):
    lead = Lead.objects.get(pk=post_lead(api, person(passport={"seria": "4008", "no": "111111"})).json()["data"])
    document = lead.client.documents.get()
    url = f"/admin/clients/identitydocument/{document.pk}/change/"
    data = change_form_data(as_administrator.get(url))
    data["number"] = "503682"

    assert as_administrator.post(url, data).status_code == 302

    again = Lead.objects.get(pk=post_lead(api, person()).json()["data"])
    assert (again.client, again.client_match) == (lead.client, "matched")


@pytest.mark.parametrize("query", ["keep=abc&remove=1", "keep=1&remove=²", "keep=&remove=1"])
def test_it_answers_404_to_a_merge_page_with_odd_ids(as_administrator, query):
    assert as_administrator.get(f"/admin/clients/client/duplicates/merge/?{query}").status_code == 404
