"""Swagger UI renders from our own files under the admin's Content-Security-Policy, offline."""

import pytest

from tests.factories import STAFF_PASSWORD, StaffUserFactory

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_renders_swagger_ui_with_nothing_from_another_origin(live_server, browser_page, screenshots):
    StaffUserFactory(username="reader")
    page = browser_page
    elsewhere = []
    page.on(
        "request", lambda request: None if request.url.startswith(live_server.url) else elsewhere.append(request.url)
    )

    page.goto(f"{live_server.url}/admin/login/?next=/api/docs/")
    page.fill("#id_username", "reader")
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15_000)
    page.wait_for_selector(".opblock-summary-path[data-path='/api/v1/leads']", timeout=15_000)
    page.screenshot(path=screenshots / "swagger_ui.png", full_page=False)

    assert "LeadCore API" in page.inner_text(".swagger-ui .info .title")
    assert elsewhere == []
