"""An administrator makes a field required on the Model Editor page; the API then enforces it."""

import pytest
import requests
from django.contrib.auth.models import Permission

from tests.factories import STAFF_PASSWORD, ApiUserFactory, StaffUserFactory
from tests.support import api_key_for

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_makes_a_field_required_in_the_admin_and_the_api_rejects_a_lead_without_it(
    live_server, browser_page, screenshots
):
    admin_user = StaffUserFactory(username="model-editor")
    admin_user.user_permissions.add(Permission.objects.get(codename="use_model_editor"))
    key = api_key_for(ApiUserFactory())
    page = browser_page

    page.goto(f"{live_server.url}/admin/login/?next=/admin/modeleditor/requiredfieldrule/")
    page.fill("#id_username", "model-editor")
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("input[type=submit]")
    page.click("text=Редактор модели: Клиент (физическое лицо)")
    assert page.is_disabled("input[name='firstName']")
    assert page.is_checked("input[name='firstName']")
    page.check("input[name='passport.issueDate']")
    page.screenshot(path=screenshots / "model_editor_ticked.png", full_page=True)
    page.click("input[name=save]")

    assert page.inner_text("span.missing-count[data-path='passport.issueDate']") == "0"
    page.screenshot(path=screenshots / "model_editor_confirm.png", full_page=True)
    page.click("input[name=confirm]")
    assert page.inner_text("ul.messagelist") == "Сохранено: изменено 1 правило для «Клиент (физическое лицо)»."
    assert page.is_checked("input[name='passport.issueDate']")
    page.screenshot(path=screenshots / "model_editor_saved.png", full_page=True)

    response = requests.post(
        f"{live_server.url}/api/v1/leads",
        json={"firstName": "Фридрих", "mobilePhone": "79776200719"},
        headers={"Authorization": f"Token {key}"},
        timeout=10,
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "code": "METADATA__EMPTY_REQUIRED_FIELD",
            "field": "passport.issueDate",
            "message": "passport.issueDate is required for client_person.",
        }
    ]
