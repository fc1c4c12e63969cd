"""A phone an operator types in the back office is stored as the intake stores it: E.164 digits."""

import pytest

from clients.models import Address, Relative
from tests.backoffice.forms import change_form_data
from tests.factories import AddressFactory, ClientFactory

pytestmark = pytest.mark.django_db


def test_it_stores_the_phone_an_operator_typed_as_e164_digits(as_operator):
    client = ClientFactory(mobile_phone="79161234567")
    url = f"/admin/clients/client/{client.pk}/change/"
    data = change_form_data(as_operator.get(url))
    data["mobile_phone"] = "8 (495) 123-45-67"

    assert as_operator.post(url, data).status_code == 302

    client.refresh_from_db()
    assert client.mobile_phone == "74951234567"


def test_it_refuses_a_phone_that_cannot_exist_and_keeps_the_old_one(as_operator):
    client = ClientFactory(mobile_phone="79161234567")
    url = f"/admin/clients/client/{client.pk}/change/"
    data = change_form_data(as_operator.get(url))
    data["mobile_phone"] = "+7 (000) 000-00-00"

    response = as_operator.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"mobile_phone": ["Неверный номер телефона."]}
    client.refresh_from_db()
    assert client.mobile_phone == "79161234567"


def test_it_stores_a_relatives_and_an_addresss_phone_as_e164_digits(as_administrator):
    relative = Relative.objects.create(client=ClientFactory(), first_name="Анна", telephone="79161234567")
    address = AddressFactory(telephone="")
    cases: list[tuple[str, Relative | Address, str, str]] = [
        ("relative", relative, "8 (10) 375 (29) 123-45-67", "375291234567"),
        ("address", address, "495 123 45 67", "74951234567"),
    ]
    for path, record, typed, stored in cases:
        url = f"/admin/clients/{path}/{record.pk}/change/"
        data = change_form_data(as_administrator.get(url))
        data["telephone"] = typed

        assert as_administrator.post(url, data).status_code == 302

        record.refresh_from_db()
        assert record.telephone == stored
