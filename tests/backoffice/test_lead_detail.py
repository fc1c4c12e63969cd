"""A lead's page: the body as received beside what it became, and why that client."""

import pytest
from django.test import Client as BrowserClient

from leads.models import Lead
from tests.backoffice.factories import LeadFactory
from tests.factories import StaffUserFactory
from tests.leads.conftest import assert_no_card_data, card_shapes, person, post_lead

pytestmark = pytest.mark.django_db


def test_it_shows_a_lead_from_the_api_with_its_records_and_the_matched_fields(api, as_operator):
    post_lead(api, person())
    response = post_lead(api, person(cardNumber="4111111111111111", cardCvc="123", validThruMonth="09"))
    lead = Lead.objects.get(pk=response.json()["data"])

    page = as_operator.get(f"/admin/leads/lead/{lead.pk}/change/")

    assert page.status_code == 200
    html = page.content.decode()
    assert f'href="/admin/clients/client/{lead.client_id}/change/"' in html
    assert f'href="/admin/clients/loanapplication/{lead.loan_application_id}/change/"' in html
    assert f'href="/admin/clients/contract/{lead.contract_id}/change/"' in html
    assert "найден существующий клиент" in html
    assert "matched on: lastName, firstName, patronymic, passport.seria, passport.no" in html
    assert "&quot;cardNumber&quot;: &quot;••••••••••••1111&quot;" in html
    assert "cardCvc" not in html
    assert "503682" not in html


@pytest.mark.parametrize("viewer", ["superuser", "as_administrator", "as_operator"])
def test_it_shows_no_card_number_and_no_cvc_on_the_lead_page_whatever_shape_they_came_in(api, request, viewer):
    if viewer == "superuser":
        browser = BrowserClient()
        browser.force_login(StaffUserFactory(is_superuser=True))
    else:
        browser = request.getfixturevalue(viewer)
    lead_id = post_lead(api, card_shapes()).json()["data"]

    page = browser.get(f"/admin/leads/lead/{lead_id}/change/")

    assert page.status_code == 200
    html = page.content.decode()
    assert_no_card_data(html)
    assert "cvv" not in html
    assert "8648" in html


def test_it_lists_leads_with_the_phone_masked(as_operator):
    lead = LeadFactory(contract__application__client__mobile_phone="79660175445")

    page = as_operator.get("/admin/leads/lead/")

    html = page.content.decode()
    assert "7966•••••45" in html
    assert "79660175445" not in html
    assert [row.pk for row in page.context["cl"].result_list] == [lead.pk]
