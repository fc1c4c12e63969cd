"""Every change an operator makes is in the record's history: who, when, what changed."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.utils import translation

from tests.backoffice.forms import change_form_data
from tests.factories import AddressFactory, ClientFactory, IdentityDocumentFactory

pytestmark = pytest.mark.django_db


def test_it_lets_an_operator_fix_a_client_and_records_who_and_what(operator, as_operator):
    client = ClientFactory(first_name="Иавн", email="")
    IdentityDocumentFactory(client=client, series="4510", number="123456")
    AddressFactory(client=client)
    url = f"/admin/clients/client/{client.pk}/change/"
    data = change_form_data(as_operator.get(url))
    data.update(first_name="Иван", email="ivan@example.com")

    response = as_operator.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    client.refresh_from_db()
    assert (client.first_name, client.email) == ("Иван", "ivan@example.com")
    entry = LogEntry.objects.get(object_id=str(client.pk), content_type__model="client")
    assert (entry.user, entry.action_flag) == (operator, CHANGE)
    with translation.override("en"):
        assert entry.get_change_message() == "Changed first name and email."
    history = as_operator.get(f"/admin/clients/client/{client.pk}/history/").content.decode()
    assert operator.username in history
    assert "Изменено имя и электронная почта." in history


def test_it_does_not_spell_out_the_passport_in_the_history_of_a_document_change(as_operator):
    client = ClientFactory()
    document = IdentityDocumentFactory(client=client, series="4510", number="123456")
    url = f"/admin/clients/client/{client.pk}/change/"
    data = change_form_data(as_operator.get(url))
    data["documents-0-issued_by"] = "ОВД Тверского района"

    assert as_operator.post(url, data).status_code == 302

    document.refresh_from_db()
    assert document.issued_by == "ОВД Тверского района"
    assert (document.series, document.number) == ("4510", "123456")
    history = as_operator.get(f"/admin/clients/client/{client.pk}/history/").content.decode()
    assert "Изменено (документ, удостоверяющий личность «document ••456»): кем выдан." in history
    assert "123456" not in history
