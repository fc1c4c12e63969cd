"""Who sees what: operators work on clients; administrators see everything, passports included."""

import pytest
from django.contrib.auth.models import Group, Permission

from tests.backoffice.factories import LeadFactory
from tests.factories import ClientFactory, ContractFactory, IdentityDocumentFactory

pytestmark = pytest.mark.django_db

MODEL_EDITOR_PAGES = (
    "/admin/modeleditor/requiredfieldrule/",
    "/admin/modeleditor/requiredfieldrule/editor/client_person/",
    "/admin/modeleditor/referenceitem/",
)
COMPANY_PAGES = (
    "/admin/auth/user/",
    "/admin/clients/creditproduct/",
    "/admin/clients/legalentity/",
    "/admin/clients/manager/",
)

OPERATOR_CODENAMES = {
    "leads.view_lead",
    "clients.view_client",
    "clients.change_client",
    "clients.view_identitydocument",
    "clients.change_identitydocument",
    "clients.add_identitydocument",
    "clients.view_address",
    "clients.change_address",
    "clients.add_address",
    "clients.view_relative",
    "clients.change_relative",
    "clients.add_relative",
    "clients.view_loanapplication",
    "clients.change_loanapplication",
    "clients.view_contract",
    "clients.change_contract",
    "clients.view_leaddebt",
    "clients.view_goods",
    "clients.view_clientmerge",
    "clients.add_clientmerge",
    "clients.view_notduplicate",
    "clients.add_notduplicate",
}


def _codenames(group: Group) -> set[str]:
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_it_creates_the_operators_group_with_day_to_day_permissions_only():
    assert _codenames(Group.objects.get(name="Operators")) == OPERATOR_CODENAMES


def test_it_gives_administrators_every_permission():
    administrators = Group.objects.get(name="Administrators")

    assert _codenames(administrators) >= {
        "clients.view_full_identity",
        "modeleditor.change_referenceitem",
        "auth.change_user",
        "clients.change_creditproduct",
        "modeleditor.use_model_editor",
    }
    assert set(administrators.permissions.all()) == set(Permission.objects.all())


def test_it_keeps_the_model_editor_reference_lists_and_users_from_operators(operator, as_operator):
    assert not operator.has_perm("modeleditor.use_model_editor")
    assert not any(perm.startswith(("modeleditor.", "auth.")) for perm in operator.get_all_permissions())
    for url in (*MODEL_EDITOR_PAGES, *COMPANY_PAGES):
        assert as_operator.get(url).status_code == 403, url
    assert as_operator.get("/admin/modeleditor/").status_code == 404

    index = as_operator.get("/admin/")
    assert index.status_code == 200
    assert {app["app_label"] for app in index.context["app_list"]} == {"clients", "leads"}


def test_it_shows_administrators_the_model_editor_and_the_company_records(as_administrator):
    for url in (*MODEL_EDITOR_PAGES, *COMPANY_PAGES):
        assert as_administrator.get(url).status_code == 200, url


def test_it_shows_operators_only_the_last_digits_of_a_passport(as_operator, as_administrator):
    document = IdentityDocumentFactory(series="4510", number="123456")
    url = f"/admin/clients/client/{document.client_id}/change/"

    seen_by_operator = as_operator.get(url).content.decode()
    seen_by_admin = as_administrator.get(url).content.decode()

    assert "123456" not in seen_by_operator
    assert "4510" not in seen_by_operator
    assert "•••• •••456" in seen_by_operator
    assert 'value="123456"' in seen_by_admin
    assert 'value="4510"' in seen_by_admin


def test_it_keeps_operators_off_the_document_pages_that_name_passports(as_operator, as_administrator):
    document = IdentityDocumentFactory(series="4510", number="123456")

    for url in ("/admin/clients/identitydocument/", f"/admin/clients/identitydocument/{document.pk}/change/"):
        assert as_operator.get(url).status_code == 403, url
        assert as_administrator.get(url).status_code == 200, url


def test_it_shows_operators_only_the_last_four_card_digits(as_operator, as_administrator):
    contract = ContractFactory(card_number_masked="411111******1111")
    url = f"/admin/clients/contract/{contract.pk}/change/"

    seen_by_operator = as_operator.get(url).content.decode()

    assert "411111" not in seen_by_operator
    assert "••••••••••••1111" in seen_by_operator
    assert "411111******1111" in as_administrator.get(url).content.decode()


def test_it_masks_the_card_and_passport_in_the_lead_payload_for_operators(as_operator, as_administrator):
    client = ClientFactory()
    lead = LeadFactory(
        client=client,
        contract__application__client=client,
        payload={
            "firstName": "Филат",
            "mobilePhone": "79660175445",
            "cardNumber": "411111******1111",
            "cardCvc": "123",
            "passport": {"seria": "4008", "no": "503682"},
            "relatives": [{"firstName": "Анна", "passport": {"seria": "4010", "no": "777888"}}],
        },
    )
    url = f"/admin/leads/lead/{lead.pk}/change/"

    seen_by_operator = as_operator.get(url).content.decode()
    seen_by_admin = as_administrator.get(url).content.decode()

    for secret in ("411111", "503682", "4008", "777888", "cardCvc"):
        assert secret not in seen_by_operator, secret
    assert "••••••••••••1111" in seen_by_operator
    assert "•••682" in seen_by_operator
    assert "411111******1111" in seen_by_admin
    assert "503682" in seen_by_admin
    assert "cardCvc" not in seen_by_admin


def test_it_does_not_show_the_identity_key_to_operators(as_operator, as_administrator):
    client = ClientFactory(identity_key="person:иванов|иван|иванович|4510|123456")
    url = f"/admin/clients/client/{client.pk}/change/"

    assert "123456" not in as_operator.get(url).content.decode()
    assert "4510|123456" in as_administrator.get(url).content.decode()


def test_it_sends_anonymous_visitors_to_the_login_page(client):
    response = client.get("/admin/clients/client/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_it_masks_a_relatives_passport_for_operators(as_operator, as_administrator):
    client = ClientFactory()
    relative = client.relatives.create(first_name="Анна", passport={"series": "4010", "number": "777888"})

    for url in (f"/admin/clients/client/{client.pk}/change/", f"/admin/clients/relative/{relative.pk}/change/"):
        seen_by_operator = as_operator.get(url).content.decode()
        assert "777888" not in seen_by_operator, url
        assert "•••• •••888" in seen_by_operator, url
        assert "777888" in as_administrator.get(url).content.decode(), url
