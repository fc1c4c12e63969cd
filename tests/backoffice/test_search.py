"""Operators find a client or a lead by any key they are given, typed the way people type it."""

import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from clients.admin.search import client_search_q
from clients.models import Client
from tests.backoffice.factories import LeadFactory
from tests.factories import ClientFactory, ContractFactory, IdentityDocumentFactory, LoanApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wanted():
    client = ClientFactory(
        last_name="Филатов",
        first_name="Филат",
        patronymic="Филимонович",
        mobile_phone="79660175445",
        inn="500100732259",
        snils="11223344595",
    )
    IdentityDocumentFactory(client=client, series="4008", number="503682")
    return client


@pytest.fixture
def others():
    # Share no key with `wanted`; one shares the series, one the phone's prefix.
    first = ClientFactory(last_name="Петров", mobile_phone="79660175446", inn="7707083893")
    IdentityDocumentFactory(client=first, series="4008", number="503683")
    second = ClientFactory(last_name="Сидоров", snils="11223344596")
    return [first, second]


SEARCH_TERMS = [
    pytest.param("Филатов", id="surname"),
    pytest.param("филат филимонович", id="name-words-any-case"),
    pytest.param("79660175445", id="phone"),
    pytest.param("+7 (966) 017-54-45", id="phone-formatted"),
    pytest.param("8 966 017 54 45", id="phone-with-8"),
    pytest.param("9660175445", id="phone-without-country"),
    pytest.param("4008 503682", id="passport-series-and-number"),
    pytest.param("500100732259", id="inn"),
    pytest.param("112-233-445 95", id="snils"),
]


def _found(response) -> set[int]:
    assert response.status_code == 200
    return {row.pk for row in response.context["cl"].result_list}


@pytest.mark.parametrize("term", SEARCH_TERMS)
def test_it_finds_a_client_by_each_key(as_operator, wanted, others, term):
    assert _found(as_operator.get("/admin/clients/client/", {"q": term})) == {wanted.pk}


def test_it_finds_a_client_by_id(as_operator, wanted, others):
    assert _found(as_operator.get("/admin/clients/client/", {"q": str(wanted.pk)})) == {wanted.pk}


@pytest.mark.parametrize("term", SEARCH_TERMS)
def test_it_finds_the_leads_of_a_client_by_each_key(as_operator, wanted, others, term):
    lead = LeadFactory(client=wanted, contract__application__client=wanted)
    LeadFactory(client=others[0], contract__application__client=others[0])

    assert _found(as_operator.get("/admin/leads/lead/", {"q": term})) == {lead.pk}


def test_it_finds_a_lead_by_its_id(as_operator, others):
    leads = [LeadFactory(client=c, contract__application__client=c) for c in others]

    assert _found(as_operator.get("/admin/leads/lead/", {"q": str(leads[1].pk)})) == {leads[1].pk}


def test_it_finds_applications_and_contracts_by_the_clients_passport(as_operator, wanted, others):
    application = LoanApplicationFactory(client=wanted)
    contract = ContractFactory(application__client=wanted, number="LC-000777")
    LoanApplicationFactory(client=others[0])

    found_applications = _found(as_operator.get("/admin/clients/loanapplication/", {"q": "4008 503682"}))

    assert found_applications == {application.pk, contract.application_id}
    assert _found(as_operator.get("/admin/clients/contract/", {"q": "4008 503682"})) == {contract.pk}
    assert _found(as_operator.get("/admin/clients/contract/", {"q": "lc-000777"})) == {contract.pk}


def test_it_finds_nothing_for_an_unknown_key(as_operator, wanted, others):
    assert _found(as_operator.get("/admin/clients/client/", {"q": "0000 000000"})) == set()
    assert _found(as_operator.get("/admin/clients/client/", {"q": "Несуществующий"})) == set()


@pytest.mark.parametrize(
    ("stored", "term"),
    [
        ("74951234567", "495 123-45-67"),
        ("74951234567", "8 (495) 123-45-67"),
        ("79161234567", "007 916 123 45 67"),
        ("375291234567", "+375 29 123-45-67"),
        ("375291234567", "810 375 29 123 45 67"),
        ("37369123456", "+373 69 123 456"),
    ],
)
def test_it_reads_a_phone_query_the_way_the_intake_reads_a_phone(as_operator, stored, term):
    client = ClientFactory(mobile_phone=stored)
    ClientFactory(mobile_phone="79161234568")

    assert _found(as_operator.get("/admin/clients/client/", {"q": term})) == {client.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans")
@pytest.mark.parametrize(
    ("term", "indexes"),
    [
        ("79660175445", {"client_mobile_phone_idx", "client_inn_idx", "client_snils_idx"}),
        ("4008503682", {"clients_client_pkey", "document_number_idx"}),
    ],
)
def test_it_looks_a_phone_an_inn_a_snils_and_a_passport_up_by_their_indexes(term, indexes):
    with CaptureQueriesContext(connection) as before:  # a passport's clients are read first
        found = Client.objects.filter(client_search_q(term))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = found.explain()
        for query in before.captured_queries:
            cursor.execute(f"EXPLAIN {query['sql']}")
            plan += "\n".join(row[0] for row in cursor.fetchall())

    assert {name for name in indexes if name in plan} == indexes, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans")
@pytest.mark.parametrize("full_identity", [False, True])
@pytest.mark.parametrize("term", ["79660175445", "4008503682", "503682"])
def test_it_finds_a_client_by_a_number_without_reading_the_whole_clients_table(wanted, term, full_identity):
    found = Client.objects.filter(client_search_q(term, full_identity=full_identity))
    with transaction.atomic(), connection.cursor() as cursor:
        # A whole-table plan stays possible but costs 10^10 more: only a search the indexes cannot
        # answer still takes one.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = json.loads(found.explain(format="json"))[0]["Plan"]

    assert plan["Total Cost"] < 1e9, plan
    assert list(found) == ([wanted] if term != "503682" or full_identity else [])
