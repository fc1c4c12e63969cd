"""Merging two clients: everything of the removed one ends up on the kept one, in one transaction."""

from datetime import date
from unittest import mock

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client as BrowserClient

from clients.errors import ClientErrorCode
from clients.models import AddressKind, Client, ClientKind, ClientMerge, NotDuplicate
from clients.services.merge import client_merge, clients_mark_not_duplicates
from leadcore.errors import DomainError
from leads.models import Lead
from tests.backoffice.factories import LeadFactory
from tests.factories import (
    AddressFactory,
    ClientFactory,
    IdentityDocumentFactory,
    LoanApplicationFactory,
    StaffUserFactory,
)

pytestmark = pytest.mark.django_db


def _lead(client):
    return LeadFactory(client=client, contract__application__client=client)


@pytest.fixture
def pair():
    keep = ClientFactory(
        last_name="Филатов", first_name="Филат", inn="", email="", identity_key="person:keep", birth_date=None
    )
    remove = ClientFactory(
        last_name="Филатов",
        first_name="Филат",
        inn="500100732259",
        email="filatov@example.com",
        identity_key="person:remove",
        birth_date=date(1984, 7, 3),
        extra_fields={"favouriteContactTime": "evening", "source": "old"},
    )
    keep.extra_fields = {"source": "new"}
    keep.save()
    _lead(keep)
    for _ in range(2):
        _lead(remove)
    LoanApplicationFactory(client=remove)
    IdentityDocumentFactory(client=keep, series="4008", number="503682")
    IdentityDocumentFactory(client=remove, series="4008", number="503683")
    AddressFactory(client=keep, kind=AddressKind.ACTUAL, street_name="ул Тверская")
    AddressFactory(client=remove, kind=AddressKind.ACTUAL, street_name="ул Сухонская")
    AddressFactory(client=remove, kind=AddressKind.REGISTRATION, street_name="пр-кт Невский")
    remove.relatives.create(first_name="Анна")
    return keep, remove


def _counts(client) -> dict[str, int]:
    return {
        "leads": Lead.objects.filter(client=client).count(),
        "applications": client.applications.count(),
        "contracts": client.contracts.count(),
        "documents": client.documents.count(),
        "addresses": client.addresses.count(),
        "relatives": client.relatives.count(),
    }


def test_it_moves_everything_to_the_kept_client_and_loses_nothing(pair, administrator):
    keep, remove = pair
    before_keep, before_remove = _counts(keep), _counts(remove)
    removed_id = remove.pk

    record = client_merge(keep=keep, remove=remove, user=administrator)

    assert not Client.objects.filter(pk=removed_id).exists()
    after = _counts(keep)
    assert after == {name: before_keep[name] + before_remove[name] for name in after}
    assert after == {"leads": 3, "applications": 4, "contracts": 3, "documents": 2, "addresses": 3, "relatives": 1}
    assert record.moved == {
        "leads.Lead": 2,
        "clients.LoanApplication": 3,
        "clients.Contract": 2,
        "clients.IdentityDocument": 1,
        "clients.Address": 2,
        "clients.Relative": 1,
    }
    assert (record.kept, record.removed_client_id, record.merged_by) == (keep, removed_id, administrator)
    assert record.removed_snapshot["inn"] == "500100732259"
    assert "identity_key" not in record.removed_snapshot


def test_it_keeps_the_kept_clients_identity_and_fills_only_its_empty_fields(pair, administrator):
    keep, remove = pair
    client_merge(keep=keep, remove=remove, user=administrator)

    keep.refresh_from_db()
    assert keep.identity_key == "person:keep"
    assert (keep.inn, keep.email, keep.birth_date) == ("500100732259", "filatov@example.com", date(1984, 7, 3))
    assert keep.extra_fields == {"favouriteContactTime": "evening", "source": "new"}
    assert keep.mobile_phone != remove.mobile_phone


def test_it_keeps_one_residence_address_and_the_removed_one_as_additional(pair, administrator):
    keep, remove = pair

    client_merge(keep=keep, remove=remove, user=administrator)

    kinds = dict(keep.addresses.values_list("street_name", "kind"))
    assert kinds == {
        "ул Тверская": AddressKind.ACTUAL,
        "ул Сухонская": AddressKind.ADDITIONAL,
        "пр-кт Невский": AddressKind.REGISTRATION,
    }


def test_it_records_the_merge_in_the_kept_clients_history(pair, administrator):
    keep, remove = pair
    removed_id = remove.pk

    client_merge(keep=keep, remove=remove, user=administrator)

    entry = LogEntry.objects.get(object_id=str(keep.pk), content_type__model="client")
    assert entry.user == administrator
    assert f"Merged client #{removed_id} into this one" in entry.get_change_message()
    assert "leads.Lead: 2" in entry.get_change_message()


def test_it_changes_nothing_when_the_merge_fails_halfway(pair, administrator):
    keep, remove = pair
    before_keep, before_remove = _counts(keep), _counts(remove)

    with (
        mock.patch.object(ClientMerge.objects, "create", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        client_merge(keep=keep, remove=remove, user=administrator)

    assert Client.objects.filter(pk=remove.pk).exists()
    assert (_counts(keep), _counts(remove)) == (before_keep, before_remove)


def test_it_refuses_to_merge_a_client_into_itself_or_a_person_into_a_company(administrator):
    person = ClientFactory()
    company = ClientFactory(kind=ClientKind.COMPANY, title="ООО Ромашка")

    with pytest.raises(DomainError) as same:
        client_merge(keep=person, remove=person, user=administrator)
    with pytest.raises(DomainError) as kinds:
        client_merge(keep=person, remove=company, user=administrator)

    assert same.value.problems[0].code == ClientErrorCode.MERGE_SAME_CLIENT
    assert kinds.value.problems[0].code == ClientErrorCode.MERGE_KIND_MISMATCH
    assert Client.objects.filter(pk__in=[person.pk, company.pk]).count() == 2


def test_it_forgets_not_duplicate_decisions_about_the_removed_client(pair, administrator):
    keep, remove = pair
    third = ClientFactory()
    clients_mark_not_duplicates(first=third, second=remove, user=administrator)

    client_merge(keep=keep, remove=remove, user=administrator)

    assert not NotDuplicate.objects.exists()


def test_it_stores_a_not_duplicates_decision_once_per_pair(administrator):
    first, second = ClientFactory(), ClientFactory()

    clients_mark_not_duplicates(first=second, second=first, user=administrator)
    clients_mark_not_duplicates(first=first, second=second, user=administrator)

    decision = NotDuplicate.objects.get()
    assert (decision.client_low, decision.client_high, decision.decided_by) == (first, second, administrator)


def test_it_merges_from_the_admin_and_shows_the_kept_client(pair, as_operator):
    keep, remove = pair
    url = "/admin/clients/client/duplicates/merge/"

    confirmation = as_operator.get(url, {"keep": keep.pk, "remove": remove.pk})
    response = as_operator.post(url, {"keep": keep.pk, "remove": remove.pk})

    assert confirmation.status_code == 200
    assert "лиды: 2" in confirmation.content.decode()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/clients/client/{keep.pk}/change/"
    assert not Client.objects.filter(pk=remove.pk).exists()
    assert Lead.objects.filter(client=keep).count() == 3


def test_it_lets_only_those_with_the_merge_permission_merge(pair):
    keep, remove = pair
    browser = BrowserClient()
    browser.force_login(StaffUserFactory())

    response = browser.post("/admin/clients/client/duplicates/merge/", {"keep": keep.pk, "remove": remove.pk})

    assert response.status_code == 403
    assert Client.objects.filter(pk=remove.pk).exists()


def test_it_shows_why_the_admin_refused_a_merge_in_the_operators_language(as_operator):
    person = ClientFactory()
    company = ClientFactory(kind=ClientKind.COMPANY, title="ООО Ромашка")

    response = as_operator.post(
        "/admin/clients/client/duplicates/merge/", {"keep": person.pk, "remove": company.pk}, follow=True
    )

    assert [str(m) for m in response.context["messages"]] == ["Физическое лицо и компанию объединить нельзя."]
    assert Client.objects.filter(pk__in=[person.pk, company.pk]).count() == 2
