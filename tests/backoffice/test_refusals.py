"""A staff member refused an admin page gets the admin's own page, in Russian, naming what is missing."""

import re

from clients.models import IdentityDocument
from tests.factories import IdentityDocumentFactory


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_it_tells_an_operator_which_permission_a_list_needs(as_operator):
    response = as_operator.get("/admin/clients/legalentity/")

    assert response.status_code == 403
    text = _text(response)
    assert "Доступ запрещён" in text
    assert "Для этой страницы нужно право, которого у вас нет: Может просматривать раздел «Юрлица компании»" in text
    assert "LeadCore: бэк-офис" in text
    assert 'id="refused-back" href="/admin/"' in response.content.decode()


def test_it_names_only_the_permission_the_operator_lacks(as_operator):
    document = IdentityDocumentFactory()
    assert IdentityDocument.objects.filter(pk=document.pk).exists()

    response = as_operator.get(f"/admin/clients/identitydocument/{document.pk}/change/")

    assert response.status_code == 403
    text = _text(response)
    assert "Может видеть паспортные данные и данные карт полностью" in text
    assert "Может просматривать раздел" not in text


def test_it_names_the_model_editor_permission_for_its_screens(as_operator):
    for path in ("/admin/modeleditor/requiredfieldrule/", "/admin/modeleditor/referenceitem/"):
        response = as_operator.get(path, HTTP_REFERER="http://testserver/admin/clients/client/")

        assert response.status_code == 403
        assert "Может работать в Редакторе модели" in _text(response)
        assert 'href="http://testserver/admin/clients/client/"' in response.content.decode()


def test_it_does_not_send_a_refused_operator_back_to_another_site(as_operator):
    response = as_operator.get("/admin/clients/legalentity/", HTTP_REFERER="https://evil.example/")

    assert 'id="refused-back" href="/admin/"' in response.content.decode()


def test_it_keeps_the_envelope_in_english_for_the_apis_refusals(api):
    response = api.patch(
        "/api/v1/model-editor/rules/client_person", {"required": {}}, format="json", HTTP_ACCEPT_LANGUAGE="ru"
    )

    assert response.status_code == 403
    body = response.json()
    assert body["status"] == "error"
    assert [error["code"] for error in body["errors"]] == ["PERMISSION_DENIED"]
    assert body["errors"][0]["message"].isascii()
