import re

import pytest
from pytest_django.asserts import assertInHTML

from modeleditor.models import ExtraFieldDefinition, ReferenceItem, RequiredFieldRule, RuleChange
from modeleditor.selectors import editor_rows
from tests.factories import ClientFactory, IdentityDocumentFactory

pytestmark = pytest.mark.django_db

EDITOR = "/admin/modeleditor/requiredfieldrule/editor/{}/"


def _ticked(target: str, **changes: bool) -> dict[str, str]:
    """The form as the browser posts it: the ticked boxes of the page, with `changes` applied."""
    state = {row.path: row.is_required for row in editor_rows(target)} | changes
    return {path: "on" for path, ticked in state.items() if ticked}


@pytest.fixture
def editor(client, editor_user):
    client.force_login(editor_user)
    return client


def test_it_hides_the_model_editor_from_operators(client, operator_user):
    client.force_login(operator_user)

    assert "Model Editor" not in client.get("/admin/").content.decode()
    assert client.get(EDITOR.format("client_person")).status_code == 403
    assert client.post(EDITOR.format("contract"), {"cardNumber": "on"}).status_code == 403
    assert client.get("/admin/modeleditor/referenceitem/").status_code == 403
    assert not RequiredFieldRule.objects.get(target="contract", path="cardNumber").is_required


def test_it_shows_the_fields_of_a_target_with_the_locked_ones_locked(editor):
    response = editor.get(EDITOR.format("client_person"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "passport.issueDate" in page
    assert "registrationAddressData.countryId" in page
    assertInHTML('<input type="checkbox" name="firstName" id="id_firstName" checked disabled>', page)
    assertInHTML('<input type="checkbox" name="lastName" id="id_lastName">', page)
    assert page.count("locked-mark") == 2


def test_it_shows_how_many_records_lack_a_field_before_making_it_required(editor):
    IdentityDocumentFactory(issue_date="2014-01-23")
    ClientFactory.create_batch(2)
    ClientFactory(kind="company", title="ООО Вектор")

    response = editor.post(EDITOR.format("client_person"), _ticked("client_person", **{"passport.issueDate": True}))

    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'data-path="passport.issueDate">2</span>\s+имеющиеся записи не содержат его\.', page)
    assert "Подтвердить и сохранить" in page
    assert not RequiredFieldRule.objects.get(target="client_person", path="passport.issueDate").is_required


def test_it_saves_a_confirmed_change_and_records_who_made_it(editor, editor_user):
    data = _ticked("client_person", **{"passport.issueDate": True}) | {"confirmed": "1"}

    response = editor.post(EDITOR.format("client_person"), data)

    assert response.status_code == 302
    assert RequiredFieldRule.objects.get(target="client_person", path="passport.issueDate").is_required
    change = RuleChange.objects.get()
    assert (change.path, change.was_required, change.is_required, change.changed_by, change.source) == (
        "passport.issueDate",
        False,
        True,
        editor_user,
        "admin",
    )
    assert "passport.issueDate" in editor.get("/admin/modeleditor/rulechange/").content.decode()


def test_it_saves_making_a_field_optional_without_confirmation(editor):
    RequiredFieldRule.objects.filter(target="contract", path="cardNumber").update(is_required=True)

    response = editor.post(EDITOR.format("contract"), _ticked("contract", cardNumber=False))

    assert response.status_code == 302
    assert not RequiredFieldRule.objects.get(target="contract", path="cardNumber").is_required


def test_it_keeps_locked_fields_required_whatever_the_form_posts(editor):
    data = _ticked("client_company", firstName=False, mobilePhone=False, title=False, inn=True)

    response = editor.post(EDITOR.format("client_company"), data | {"confirmed": "1"})

    assert response.status_code == 302
    rules = dict(RequiredFieldRule.objects.filter(target="client_company").values_list("path", "is_required"))
    assert (rules["firstName"], rules["mobilePhone"], rules["title"], rules["inn"]) == (True, True, True, True)
    assert list(RuleChange.objects.values_list("path", flat=True)) == ["inn"]


def test_it_defines_an_extra_field_that_then_has_a_rule(editor):
    response = editor.post(
        "/admin/modeleditor/extrafielddefinition/add/",
        {"target": "contract", "name": "signMethod", "type": "string", "reference_list": "", "label": "Sign method"},
    )

    assert response.status_code == 302
    assert ExtraFieldDefinition.objects.get().full_name == "contract.signMethod"
    assert "extraFields[contract.signMethod]" in editor.get(EDITOR.format("contract")).content.decode()


def test_it_asks_for_the_list_of_a_reference_extra_field(editor):
    response = editor.post(
        "/admin/modeleditor/extrafielddefinition/add/",
        {"target": "contract", "name": "shop", "type": "reference", "reference_list": "", "label": "Shop"},
    )

    assert response.status_code == 200
    assert "Выберите справочник, из которого берутся значения." in response.content.decode()
    assert not ExtraFieldDefinition.objects.exists()


def test_it_renames_adds_and_deactivates_reference_items(editor, api):
    renamed = editor.post(
        "/admin/modeleditor/referenceitem/102411/change/", {"name": "Электроника и техника", "is_active": "on"}
    )
    added = editor.post(
        "/admin/modeleditor/referenceitem/add/",
        {"id": "102415", "list": "store_type", "name": "Сад", "is_active": "on"},
    )
    deactivated = editor.post(
        "/admin/modeleditor/referenceitem/", {"action": "deactivate", "_selected_action": ["102412"]}
    )

    assert (renamed.status_code, added.status_code, deactivated.status_code) == (302, 302, 302)
    assert not ReferenceItem.objects.get(pk=102412).is_active
    items = api.get("/api/v1/lookups/store_type").json()["data"]
    assert {"id": 102411, "name": "Электроника и техника"} in items
    assert {"id": 102415, "name": "Сад"} in items
    assert 102412 not in {item["id"] for item in items}


def test_it_never_deletes_a_reference_item(editor):
    response = editor.post("/admin/modeleditor/referenceitem/101251/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert ReferenceItem.objects.filter(pk=101251).exists()
