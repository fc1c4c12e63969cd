"""The back office as a Russian operator sees it, in a browser that asks for English (Chromium's
default Accept-Language): Russian screens, Russian dates and amounts, and a refusal that says why."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from clients.models import Channel, Contract, ContractStatus, LoanApplication, LoanApplicationStatus
from tests.browser.support import SCREENSHOTS, log_in
from tests.factories import ClientFactory, ContractFactory, CreditProductFactory

MOSCOW = ZoneInfo("Europe/Moscow")

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser_page):
    browser_page.set_viewport_size({"width": 1440, "height": 1000})
    browser_page.set_default_timeout(10_000)
    return browser_page


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_refuses_an_operator_the_model_editor_on_a_russian_page_naming_the_permission(page, live_server):
    log_in(page, live_server, "Operators")
    clients = f"{live_server.url}/admin/clients/client/"

    response = page.goto(
        f"{live_server.url}/admin/modeleditor/requiredfieldrule/editor/client_person/", referer=clients
    )

    assert response.status == 403
    assert page.title() == "Доступ запрещён | LeadCore"
    content = page.inner_text("#content-main")
    assert "Для этой страницы нужно право, которого у вас нет:" in content
    assert page.inner_text("ul.missing-permissions") == "Может работать в Редакторе модели"
    assert page.is_visible("#user-tools")
    _shot(page, "i18n-403.png")
    page.click("#refused-back")
    page.wait_for_url(clients)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_shows_the_admin_in_russian_with_russian_dates_amounts_and_statuses(page, live_server):
    product = CreditProductFactory(name="Короткий займ до зарплаты")
    client = ClientFactory(last_name="Филатов", first_name="Филат", patronymic="Филимонович")
    contract = ContractFactory(
        application__client=client,
        application__credit_product=product,
        application__channel=Channel.GENERATOR,
        application__amount=Decimal("30000.00"),
        credit_product=product,
    )
    moment = dt.datetime(2026, 12, 1, 12, 48, tzinfo=MOSCOW)
    LoanApplication.objects.filter(pk=contract.application_id).update(created_at=moment)
    Contract.objects.filter(pk=contract.pk).update(created_at=moment, status=ContractStatus.DRAFT)
    assert contract.application.status == LoanApplicationStatus.APPROVED
    log_in(page, live_server, "Administrators")

    assert page.get_attribute("html", "lang") == "ru"
    index = page.text_content("#content-main")
    _shot(page, "i18n-index.png")
    for name in ("Клиенты", "Лиды", "Заявки на заём", "Договоры", "Редактор модели", "Пользователи", "Юрлица компании"):
        assert name in index
    _shot(page, "i18n-index.png")

    page.goto(f"{live_server.url}/admin/clients/loanapplication/")
    assert page.inner_text("#content h1") == "Выберите запись для изменения: заявка на заём"
    headers = page.text_content("#result_list thead")
    for header in ("Клиент", "Статус", "Канал", "Кредитный продукт", "Сумма", "Создан", "Статус изменён"):
        assert header in headers
    row = page.inner_text("#result_list tbody tr")
    assert "Одобрена" in row
    assert "лидогенератор" in row
    assert "30\u00a0000,00\u00a0₽" in row
    assert "01.12.2026 12:48" in row
    assert "approved" not in row
    assert "GENERATOR" not in row
    page.click("#toggle-nav-sidebar")
    _shot(page, "i18n-applications.png")

    page.goto(f"{live_server.url}/admin/clients/contract/")
    row = page.inner_text("#result_list tbody tr")
    assert "Черновик" in row
    assert "30\u00a0000,00\u00a0₽" in row
    assert "01.12.2026 12:48" in row
    assert "draft" not in row

    page.goto(f"{live_server.url}/admin/modeleditor/requiredfieldrule/editor/client_person/")
    assert page.title().startswith("Редактор модели: Клиент (физическое лицо)")
    assert page.locator("#rules thead th").all_text_contents() == ["Поле", "Путь в JSON", "Тип", "Обязательное"]
    first_name = page.inner_text("#rules tr[data-path='firstName']")
    assert first_name.split("\t")[0] == "имя"
    assert "строка" in first_name
    assert "закреплено" in first_name
    assert page.get_attribute("input[name=save]", "value") == "Сохранить"
    _shot(page, "i18n-model-editor.png")
