"""A lead's page: the body as received beside what it became, and why that client."""

import pytest
from django.test import Client as BrowserClient

from leads.admin.sections import lead_sections
from leads.models import Lead
from tests.backoffice.factories import LeadFactory
from tests.factories import ClientFactory, StaffUserFactory
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
    assert f"Совпали ФИО и паспорт с клиентом №{lead.client_id}" in html
    assert "created from" not in html
    assert "••••••••••••1111" in html
    assert "&quot;cardNumber&quot;" not in html
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


def test_it_shows_what_a_lead_received_in_sections_with_names_not_ids(api, as_operator):
    body = person(
        sexId=101251,
        birthCountryId=643,
        birthDate="1984-07-03",
        amount="30000",
        addressData={"countryId": 643, "regionName": "Москва", "streetName": "Тверская", "houseNo": "1"},
        relatives=[{"lastName": "Филатова", "firstName": "Анна", "kinshipTypeId": 102141}],
        goods=[{"name": "Телефон", "amount": "30000", "quantity": 1}],
        ipAddress="10.0.0.1",
    )
    lead = Lead.objects.get(pk=post_lead(api, body).json()["data"])

    page = as_operator.get(f"/admin/leads/lead/{lead.pk}/change/")

    assert page.status_code == 200
    sections = {s.key: s for s in lead_sections(lead.payload)}
    assert {"person", "passport", "addresses", "relatives", "goods", "checks"} <= set(sections)
    person_rows = dict(sections["person"].blocks[0].rows)
    assert (person_rows["Пол"], person_rows["Страна рождения"], person_rows["Дата рождения"]) == (
        "Мужской",
        "Российская Федерация",
        "03.07.1984",
    )
    assert dict(sections["addresses"].blocks[0].rows)["Страна"] == "Российская Федерация"
    assert dict(sections["relatives"].blocks[0].rows)["Степень родства"] == "Жена"
    html = page.content.decode()
    assert "Мужской" in html
    assert "Жена" in html
    assert "101251" not in html
    assert "{&quot;" not in html
    assert '{"' not in html
    assert f'href="/admin/leads/lead/{lead.pk}/payload/"' in html


def test_it_keeps_the_raw_redacted_payload_one_link_away(api, as_operator):
    lead = Lead.objects.get(pk=post_lead(api, person(cardNumber="4111111111111111", cardCvc="123")).json()["data"])

    raw = as_operator.get(f"/admin/leads/lead/{lead.pk}/payload/").json()

    assert raw["cardNumber"] == "••••••••••••1111"
    assert raw["passport"] == {"seria": "••••", "no": "•••682"}
    assert "cardCvc" not in raw


def test_it_renders_an_unexpected_payload_without_failing():
    lead_payload = {"firstName": "А", "passport": "not an object", "relatives": [1, None], "newThing": {"a": 1}}

    sections = {s.key: s for s in lead_sections(lead_payload)}

    assert dict(sections["other"].blocks[0].rows) == {"newThing": "a: 1"}
    assert dict(sections["person"].blocks[0].rows) == {"Имя": "А"}


def test_it_says_a_new_client_was_created_and_names_a_possible_duplicate(api, as_operator):
    earlier = ClientFactory(last_name="Другой", first_name="Человек", mobile_phone="79660175445")
    lead = Lead.objects.get(pk=post_lead(api, person()).json()["data"])

    html = as_operator.get(f"/admin/leads/lead/{lead.pk}/change/").content.decode()

    assert "Новый клиент: такого клиента не было" in html
    assert f"возможный дубль: клиент №{earlier.pk}" in html
    assert "тот же телефон" in html
    assert f'href="/admin/clients/client/{earlier.pk}/change/"' in html
    assert f"/admin/clients/client/duplicates/?client={lead.client_id}" in html


def test_it_lists_leads_with_the_phone_masked(as_operator):
    lead = LeadFactory(contract__application__client__mobile_phone="79660175445")

    page = as_operator.get("/admin/leads/lead/")

    html = page.content.decode()
    assert "7966•••••45" in html
    assert "79660175445" not in html
    assert [row.pk for row in page.context["cl"].result_list] == [lead.pk]
