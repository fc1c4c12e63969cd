"""A lead from a known person (or company) is attached to that client, never duplicated."""

import threading

import pytest
from django.db import connection

from clients.models import Client, LoanApplication
from leads.models import Lead
from tests.factories import ApiUserFactory, LegalEntityFactory, ManagerFactory
from tests.leads.conftest import person, post_lead
from tests.support import api_client_for


def client_of(response) -> Client:
    return Lead.objects.get(pk=response.json()["data"]).client


@pytest.mark.parametrize(
    "variant",
    [
        {"lastName": "ФИЛАТОВ", "firstName": "филат", "patronymic": "ФилимоноВич"},
        {"lastName": "  Филатов ", "firstName": "Филат", "patronymic": "Филимонович "},
        {"lastName": "Филатов", "firstName": "Филат", "patronymic": "Филимонoвич"},  # Latin "o"
        {"passport": {"seria": "40 08", "no": "503 682"}},
        {"passport": {"seria": 4008, "no": 503682}},
        {"passport": {"seria": "４００８", "no": "５０３６８２"}},  # fullwidth digits
    ],
)
def test_it_attaches_a_lead_of_a_known_person_to_that_client(api, variant):
    first = client_of(post_lead(api, person()))

    second = client_of(post_lead(api, person(**variant)))

    assert second == first
    assert Client.objects.count() == 1
    assert LoanApplication.objects.filter(client=first).count() == 2
    assert Lead.objects.filter(client=first, client_match="matched").count() == 1


def test_it_folds_yo_and_hyphens_in_names(api):
    first = client_of(post_lead(api, person(lastName="Алёшина-Петрова", firstName="Пётр")))

    second = client_of(post_lead(api, person(lastName="алешина петрова", firstName="петр")))

    assert second == first


def test_it_does_not_overwrite_the_known_clients_data(api):
    first = client_of(post_lead(api, person(email="old@example.com", mobilePhone="79160000001")))

    post_lead(api, person(email="new@example.com", mobilePhone="79160000002", lastName="ФИЛАТОВ"))

    first.refresh_from_db()
    assert (first.email, first.mobile_phone, first.last_name) == ("old@example.com", "79160000001", "Филатов")


def test_it_records_which_fields_matched(api):
    post_lead(api, person())

    lead = Lead.objects.get(pk=post_lead(api, person()).json()["data"])

    assert lead.client_match == "matched"
    assert lead.match_details["fields"] == [
        "lastName",
        "firstName",
        "patronymic",
        "passport.seria",
        "passport.no",
    ]


@pytest.mark.parametrize(
    "change",
    [
        {"patronymic": None},
        {"passport": {"seria": "4008"}},
        {"passport": None},
        {"lastName": ""},
    ],
)
def test_it_never_matches_a_lead_missing_one_of_the_five_fields(api, change):
    post_lead(api, person(**change))

    post_lead(api, person(**change))

    assert Client.objects.count() == 2


def test_it_tells_different_people_apart(api):
    post_lead(api, person())

    post_lead(api, person(passport={"seria": "4008", "no": "503683"}))
    post_lead(api, person(firstName="Фома"))

    assert Client.objects.count() == 3


def test_it_matches_a_company_on_its_inn(api):
    company = {"naturalPerson": False, "title": "ООО Вектор", "inn": "7707083893", "firstName": "Ольга",
               "mobilePhone": "79031234567"}  # fmt: skip

    first = client_of(post_lead(api, company))
    second = client_of(post_lead(api, {**company, "title": "Вектор, ООО"}))

    assert second == first
    assert first.kind == "company"


def test_it_keeps_legal_entities_apart_when_matching_is_scoped(api, settings):
    settings.CLIENT_MATCH_PER_LEGAL_ENTITY = True
    manager_a = ManagerFactory(legal_entity=LegalEntityFactory())
    manager_b = ManagerFactory(legal_entity=LegalEntityFactory())

    at_a = client_of(post_lead(api, person(managerId=manager_a.pk)))
    again_at_a = client_of(post_lead(api, person(managerId=manager_a.pk)))
    at_b = client_of(post_lead(api, person(managerId=manager_b.pk)))

    assert again_at_a == at_a
    assert at_b != at_a


def test_it_matches_across_legal_entities_by_default(api):
    manager_a = ManagerFactory(legal_entity=LegalEntityFactory())
    manager_b = ManagerFactory(legal_entity=LegalEntityFactory())

    at_a = client_of(post_lead(api, person(managerId=manager_a.pk)))
    at_b = client_of(post_lead(api, person(managerId=manager_b.pk)))

    assert at_b == at_a


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_creates_one_client_for_simultaneous_leads_of_a_new_person():
    user = ApiUserFactory()
    # As many as issue #11 holds the fast path to: one client for 24 simultaneous leads of one person.
    threads_count = 24
    barrier = threading.Barrier(threads_count)
    statuses = []

    def send():
        client = api_client_for(user)
        barrier.wait()
        try:
            statuses.append(post_lead(client, person()).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [200] * threads_count
    assert Client.objects.count() == 1
    assert Lead.objects.count() == LoanApplication.objects.count() == threads_count
    assert Lead.objects.filter(client_match="created").count() == 1


def test_it_matches_a_foreign_passport_by_its_letters_and_never_a_russian_one_by_digits(api):
    foreign = {"seria": "AB", "no": "1234567", "complementaryDocTypeId": 102123}
    first = client_of(post_lead(api, person(passport=foreign)))

    again = client_of(post_lead(api, person(passport=foreign | {"seria": "ab"})))
    other_series = client_of(post_lead(api, person(passport=foreign | {"seria": "AC"})))
    licence = client_of(post_lead(api, person(passport=foreign | {"complementaryDocTypeId": 102121})))

    assert again == first
    assert len({first.pk, other_series.pk, licence.pk}) == 3
