"""An operator's working day in a real browser at 1440 px: the dashboard, a lead's page, decisions on
the record pages, duplicate groups. Each screen is saved for docs/screenshots (`make screenshots`)."""

import json
from pathlib import Path

import pytest

from clients.models import AddressKind, Contract, ContractStatus, LoanApplication, LoanApplicationStatus
from leads.models import ClientMatch
from tests.backoffice.factories import LeadFactory
from tests.browser.support import log_in
from tests.factories import (
    AddressFactory,
    ClientFactory,
    CreditProductFactory,
    IdentityDocumentFactory,
)

WIDTH = 1440
EXAMPLE = Path(__file__).resolve().parents[1] / "leads" / "examples" / "individual-full.json"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def page(browser_page):
    browser_page.set_viewport_size({"width": WIDTH, "height": 900})
    browser_page.set_default_timeout(10_000)
    return browser_page


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, page.url
    # A change list scrolls inside its own box: nothing may be clipped there either.
    clipped = page.evaluate("[...document.querySelectorAll('.results')].some(e => e.scrollWidth > e.clientWidth)")
    assert not clipped, page.url


def _shows_no_codes(text: str) -> None:
    for wrong in ("object (", "null", '{"', "None"):
        assert wrong not in text


def _stored_payload() -> dict:
    """The full example as the lead table keeps it: CVC dropped, card masked."""
    payload = json.loads(EXAMPLE.read_text())
    payload.pop("cardCvc", None)
    payload["cardNumber"] = "411111******1111"
    return payload


def _full_lead(**client_fields):
    client = ClientFactory(last_name="Филатов", first_name="Филат", patronymic="Филимонович", **client_fields)
    IdentityDocumentFactory(client=client, series="4008", number="503682")
    AddressFactory(client=client, kind=AddressKind.ACTUAL)
    AddressFactory(client=client, kind=AddressKind.REGISTRATION)
    return LeadFactory(
        client=client,
        contract__application__client=client,
        contract__application__status=LoanApplicationStatus.NEW,
        contract__application__credit_product=CreditProductFactory(name="Короткий займ до зарплаты"),
        contract__card_number_masked="411111******1111",
        client_match=ClientMatch.CREATED,
        payload=_stored_payload(),
    )


def test_it_opens_on_a_dashboard_whose_counts_lead_to_the_lists(page, live_server, screenshots):
    _full_lead()
    _full_lead()
    ClientFactory(mobile_phone="79160000001")
    ClientFactory(mobile_phone="79160000001")
    log_in(page, live_server, "Operators")

    assert page.inner_text("#dashboard-new_leads .count") == "2"
    assert page.inner_text("#dashboard-applications_to_decide .count") == "2"
    assert page.inner_text("#dashboard-duplicate_groups .count") == "1"
    assert page.inner_text("#dashboard-addresses_to_verify .count") == "0"
    page.screenshot(path=str(screenshots / "dashboard.png"), full_page=True)

    page.click("#dashboard-applications_to_decide")
    page.wait_for_selector("#result_list")
    assert page.locator("#result_list tbody tr").count() == 2
    page.screenshot(path=str(screenshots / "applications-to-decide.png"), full_page=True)
    _fits(page)


def test_it_shows_a_lead_in_sections_with_names_not_ids(page, live_server, screenshots):
    lead = _full_lead(inn="500100732259")
    earlier = ClientFactory(last_name="Другой", first_name="Клиент", inn="500100732259")
    log_in(page, live_server, "Operators")

    page.goto(f"{live_server.url}/admin/leads/lead/{lead.pk}/change/")

    person = page.inner_text("#lead-section-person")
    assert "Мужской" in person
    assert "101251" not in person
    assert "Москва" in page.inner_text("#lead-section-addresses")
    for section in ("passport", "relatives", "debts", "goods", "card", "extra", "checks"):
        assert page.locator(f"#lead-section-{section}").count() == 1, section
    assert "••••••••••••1111" in page.inner_text("#lead-section-card")
    assert "Новый клиент: такого клиента не было" in page.inner_text(".lead-why")
    assert f"клиент №{earlier.pk}" in page.inner_text(".lead-matches")
    _shows_no_codes(page.inner_text("#content-main"))
    page.screenshot(path=str(screenshots / "lead-page.png"), full_page=True)
    _fits(page)


def test_it_approves_rejects_with_a_reason_and_signs_from_the_record_pages(page, live_server, screenshots):
    first, second = _full_lead(), _full_lead()
    log_in(page, live_server, "Operators")

    page.goto(f"{live_server.url}/admin/clients/loanapplication/{first.loan_application_id}/change/")
    _shows_no_codes(page.inner_text("#content-main"))
    page.screenshot(path=str(screenshots / "application-page.png"), full_page=True)
    _fits(page)
    page.click("#decide-approve")
    page.wait_for_selector(".messagelist")
    assert LoanApplication.objects.get(pk=first.loan_application_id).status == LoanApplicationStatus.APPROVED

    page.goto(f"{live_server.url}/admin/clients/contract/{second.contract_id}/change/")
    page.click("#decide-sign")
    page.wait_for_selector(".messagelist .error")
    assert "нельзя подписать" in page.inner_text(".messagelist")
    assert Contract.objects.get(pk=second.contract_id).status == ContractStatus.DRAFT

    page.goto(f"{live_server.url}/admin/clients/loanapplication/{second.loan_application_id}/change/")
    page.click("#decide-reject")
    page.select_option("#id_reason", label="Неполные данные")
    page.screenshot(path=str(screenshots / "application-reject.png"), full_page=True)
    page.click("#confirm-reject")
    page.wait_for_selector(".messagelist")
    rejected = LoanApplication.objects.get(pk=second.loan_application_id)
    assert (rejected.status, rejected.denial_reason.name) == (LoanApplicationStatus.REJECTED, "Неполные данные")
    assert "Неполные данные" in page.inner_text("#content-main")

    page.goto(f"{live_server.url}/admin/clients/contract/{first.contract_id}/change/")
    _shows_no_codes(page.inner_text("#content-main"))
    _fits(page)
    page.click("#decide-sign")
    page.wait_for_selector(".messagelist .success")
    assert Contract.objects.get(pk=first.contract_id).status == ContractStatus.SIGNED
    page.screenshot(path=str(screenshots / "contract-page.png"), full_page=True)


def test_it_fits_the_client_page_into_1440_px(page, live_server, screenshots):
    lead = _full_lead()
    LeadFactory(client=lead.client, contract__application__client=lead.client)
    log_in(page, live_server, "Operators")

    page.goto(f"{live_server.url}/admin/clients/client/{lead.client_id}/change/")

    page.wait_for_selector("#applications-group")
    _shows_no_codes(page.inner_text("#content-main"))
    page.screenshot(path=str(screenshots / "client-page.png"), full_page=True)
    _fits(page)
    for name, url in (("client-list", "/admin/clients/client/"), ("contract-list", "/admin/clients/contract/"),
                      ("lead-list", "/admin/leads/lead/")):  # fmt: skip
        page.goto(f"{live_server.url}{url}")
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
        _fits(page)


def test_it_groups_four_records_of_one_person_as_one_group(page, live_server, screenshots):
    a = ClientFactory(last_name="Иванов", first_name="Иван", mobile_phone="79160000001", inn="500100732259")
    b = ClientFactory(last_name="Иванов", first_name="Ваня", mobile_phone="79160000001")
    c = ClientFactory(last_name="Петров", first_name="Пётр", inn="500100732259")
    d = ClientFactory(last_name="Сидоров", first_name="Сидор", mobile_phone="79160000001")
    ClientFactory(last_name="Козлов", first_name="Козьма", snils="11223344595")
    ClientFactory(last_name="Козлова", first_name="Анна", snils="11223344595")
    log_in(page, live_server, "Administrators")

    page.goto(f"{live_server.url}/admin/clients/client/{b.pk}/change/")
    page.click("a.client-duplicates")

    groups = page.locator(".duplicate-group")
    assert groups.count() == 1
    assert groups.first.get_attribute("data-clients") == f"{a.pk},{b.pk},{c.pk},{d.pk}"
    assert page.locator(".duplicate-group td.differs").count() > 0
    page.click("text=Все группы")
    assert page.locator(".duplicate-group").count() == 2
    assert "ИНН" in page.inner_text(".duplicate-group h2 >> nth=0")
    page.screenshot(path=str(screenshots / "duplicates.png"), full_page=True)
    _fits(page)
