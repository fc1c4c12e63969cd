"""The back office in a real browser: an operator finds a client by passport, an administrator merges."""

import pytest

from clients.models import AddressKind, Client
from leads.models import ClientMatch, Lead
from tests.backoffice.factories import LeadFactory
from tests.browser.support import log_in
from tests.factories import (
    AddressFactory,
    ClientFactory,
    CreditProductFactory,
    IdentityDocumentFactory,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser_page):
    browser_page.set_viewport_size({"width": 1400, "height": 1000})
    browser_page.set_default_timeout(10_000)
    return browser_page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_lets_an_operator_find_a_client_by_passport_and_see_the_leads_application(page, live_server, screenshots):
    client = ClientFactory(last_name="Филатов", first_name="Филат", patronymic="Филимонович")
    IdentityDocumentFactory(client=client, series="4008", number="503682")
    AddressFactory(client=client)
    lead = LeadFactory(
        client=client,
        contract__application__client=client,
        contract__application__credit_product=CreditProductFactory(name="Короткий займ до зарплаты"),
        contract__card_number_masked="411111******1111",
        client_match=ClientMatch.MATCHED,
        match_details={"fields": ["lastName", "firstName", "patronymic", "passport.seria", "passport.no"]},
        payload={
            "lastName": "Филатов",
            "firstName": "Филат",
            "mobilePhone": "+7 (966) 017-54-45",
            "passport": {"seria": "4008", "no": "503682"},
            "cardNumber": "411111******1111",
        },
    )
    ClientFactory(last_name="Петров")
    log_in(page, live_server, "Operators")

    page.goto(f"{live_server.url}/admin/clients/client/")
    page.fill("#searchbar", "4008 503682")
    page.press("#searchbar", "Enter")
    page.wait_for_selector("#result_list")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1
    assert "Филатов Филат Филимонович" in rows.first.inner_text()

    rows.first.locator("a", has_text="Филатов").click()
    page.wait_for_selector("#applications-group")
    body = page.inner_text("body")
    assert f"Заявка №{lead.loan_application_id}" in body
    assert "Короткий займ до зарплаты" in body
    assert page.locator("#documents-group input[value='503682']").count() == 0
    assert "503682" not in page.inner_text("#documents-group")
    assert "•••• •••682" in page.inner_text("#documents-group")
    page.screenshot(path=str(screenshots / "backoffice-client-page.png"), full_page=True)

    page.goto(f"{live_server.url}/admin/leads/lead/{lead.pk}/change/")
    became = page.inner_text(".lead-became")
    assert f"Заявка №{lead.loan_application_id}" in became
    assert f"Совпали ФИО и паспорт с клиентом №{client.pk}" in became
    received = page.inner_text(".lead-sections")
    assert "••••••••••••1111" in received
    assert "503682" not in received
    page.screenshot(path=str(screenshots / "backoffice-lead-detail.png"), full_page=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_lets_an_administrator_merge_two_duplicates(page, live_server, screenshots):
    keep = ClientFactory(last_name="Иванов", first_name="Иван", mobile_phone="79160000001")
    remove = ClientFactory(last_name="Иванов", first_name="Ваня", mobile_phone="79160000001", inn="500100732259")
    AddressFactory(client=keep, kind=AddressKind.ACTUAL)
    AddressFactory(client=remove, kind=AddressKind.ACTUAL)
    LeadFactory(client=keep, contract__application__client=keep)
    LeadFactory(client=remove, contract__application__client=remove)
    log_in(page, live_server, "Administrators")

    page.goto(f"{live_server.url}/admin/clients/client/")
    page.click("text=Возможные дубли")
    pair = page.locator(f".duplicate-pair[data-first='{keep.pk}']")
    assert "тот же телефон" in pair.inner_text()
    page.screenshot(path=str(screenshots / "backoffice-duplicates.png"), full_page=True)

    pair.locator(".merge-keep-first").click()
    assert "лиды: 1" in page.inner_text("#content-main")
    page.click("#confirm-merge")
    page.wait_for_selector(".messagelist")

    assert f"Клиент №{remove.pk} объединён с клиентом" in page.inner_text(".messagelist")
    assert page.url.endswith(f"/admin/clients/client/{keep.pk}/change/")
    assert not Client.objects.filter(pk=remove.pk).exists()
    assert Lead.objects.filter(client=keep).count() == 2
    keep.refresh_from_db()
    assert keep.inn == "500100732259"
    page.screenshot(path=str(screenshots / "backoffice-after-merge.png"), full_page=True)
