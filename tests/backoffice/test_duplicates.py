"""The possible-duplicates list: which pairs show up, why, and how an operator settles them."""

from datetime import date

import pytest

from clients.models import ClientKind
from clients.selectors.duplicates import duplicate_groups, duplicate_pairs
from clients.services.merge import clients_mark_not_duplicates
from tests.factories import ClientFactory, IdentityDocumentFactory

pytestmark = pytest.mark.django_db


def _reasons() -> dict[tuple[int, int], tuple[str, ...]]:
    return {(pair.first.pk, pair.second.pk): pair.reasons for pair in duplicate_pairs()}


def _person(last_name, first_name, *, passport=None, **fields):
    client = ClientFactory(last_name=last_name, first_name=first_name, patronymic="", **fields)
    if passport:
        IdentityDocumentFactory(client=client, series=passport[:4], number=passport[4:])
    return client


def test_it_pairs_clients_sharing_a_phone_an_inn_or_a_snils():
    a = _person("Иванов", "Иван", mobile_phone="79160000001", inn="500100732259")
    b = _person("Петров", "Пётр", mobile_phone="79160000001", inn="500100732259")
    c = _person("Сидоров", "Сидор", snils="11223344595")
    d = _person("Козлов", "Козьма", snils="11223344595")
    _person("Одинокий", "Олег", inn="7707083893")

    assert _reasons() == {(c.pk, d.pk): ("same SNILS",), (a.pk, b.pk): ("same phone", "same INN")}


def test_it_pairs_a_passport_under_another_name_but_not_under_the_same_name():
    a = _person("Иванов", "Иван", passport="4008503682")
    b = _person("Петров", "Пётр", passport="4008503682")
    _person("Сидоров", "Сидор", passport="4510111111")
    _person("СИДОРОВ", "сидор", passport="4510111111")

    assert _reasons() == {(a.pk, b.pk): ("same passport, different name",)}


def test_it_pairs_the_same_name_and_birth_date_and_says_whether_the_passports_differ():
    born = date(1984, 7, 3)
    a = _person("Филатов", "Филат", passport="4008503682", birth_date=born)
    b = _person("филатов", "ФИЛАТ", passport="4008000001", birth_date=born)
    _person("Филатов", "Филат", birth_date=date(1990, 1, 1))
    c = _person("Ёлкин", "Пётр", passport="4510111111", birth_date=born)
    d = _person("Елкин", "Петр", passport="4510111111", birth_date=born)

    reasons = _reasons()

    assert reasons == {
        (a.pk, b.pk): ("same name and birth date, different passport",),
        (c.pk, d.pk): ("same name, birth date and passport",),
    }


def test_it_leaves_out_pairs_marked_as_not_duplicates(administrator):
    a = _person("Иванов", "Иван", mobile_phone="79160000001")
    b = _person("Петров", "Пётр", mobile_phone="79160000001")
    c = _person("Сидоров", "Сидор", mobile_phone="79160000001")

    clients_mark_not_duplicates(first=b, second=a, user=administrator)

    assert set(_reasons()) == {(a.pk, c.pk), (b.pk, c.pk)}


def test_it_does_not_pair_companies_by_name_and_birth_date():
    ClientFactory(kind=ClientKind.COMPANY, title="ООО Ромашка", last_name="", first_name="", patronymic="")
    ClientFactory(kind=ClientKind.COMPANY, title="ООО Ромашка", last_name="", first_name="", patronymic="")

    assert _reasons() == {}


def test_it_lists_pairs_with_reasons_and_masked_passports_for_an_operator(as_operator):
    a = _person("Иванов", "Иван", passport="4008503682")
    b = _person("Петров", "Пётр", passport="4008503682")

    page = as_operator.get("/admin/clients/client/duplicates/")

    assert page.status_code == 200
    html = page.content.decode()
    assert "тот же паспорт под другим именем" in html
    assert f"?keep={a.pk}&amp;remove={b.pk}" in html
    assert "503682" not in html
    assert "•••• •••682" in html


def test_it_hides_a_pair_an_operator_marked_as_not_duplicates(as_operator, operator):
    a = _person("Иванов", "Иван", mobile_phone="79160000001")
    b = _person("Петров", "Пётр", mobile_phone="79160000001")

    response = as_operator.post("/admin/clients/client/duplicates/not-duplicates/", {"first": a.pk, "second": b.pk})

    assert response.status_code == 302
    assert _reasons() == {}
    assert "Возможных дублей нет." in as_operator.get("/admin/clients/client/duplicates/").content.decode()


def test_it_pairs_only_the_newest_clients_of_a_placeholder_value():
    clients = [_person(f"Клиент{n}", "Тест", mobile_phone="74951234567") for n in range(25)]

    pairs = _reasons()

    newest = {client.pk for client in clients[-20:]}
    assert len(pairs) == 20 * 19 // 2
    assert {client_id for pair in pairs for client_id in pair} == newest


def test_it_groups_four_records_of_one_person_into_one_group_strongest_evidence_first():
    born = date(1984, 7, 3)
    a = _person("Иванов", "Иван", passport="4008503682", mobile_phone="79160000001", birth_date=born)
    b = _person("Иванов", "Иван", passport="4008000001", birth_date=born)
    c = _person("Петров", "Пётр", passport="4008503682")
    d = _person("Сидоров", "Сидор", mobile_phone="79160000001")
    e = _person("Козлов", "Козьма", mobile_phone="79160000009")
    f = _person("Козлова", "Анна", mobile_phone="79160000009")

    groups = duplicate_groups()

    assert [[client.pk for client in group.clients] for group in groups] == [[a.pk, b.pk, c.pk, d.pk], [e.pk, f.pk]]
    assert groups[0].reasons == (
        "same passport, different name",
        "same name and birth date, different passport",
        "same phone",
    )
    assert len(groups[0].pairs) == 3
    assert [[c.pk for c in group.clients] for group in duplicate_groups(client_id=f.pk)] == [[e.pk, f.pk]]


def test_it_shows_a_group_with_its_differing_values_highlighted(as_operator):
    a = _person("Иванов", "Иван", mobile_phone="79160000001", inn="500100732259")
    b = _person("Петров", "Пётр", mobile_phone="79160000001")

    page = as_operator.get(f"/admin/clients/client/duplicates/?client={b.pk}")

    html = page.content.decode()
    assert f'data-clients="{a.pk},{b.pk}"' in html
    assert '<td class="differs">Иванов Иван</td>' in html
    assert "<td>7916•••••01</td>" in html
    assert "79160000001" not in html
