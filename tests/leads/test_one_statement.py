"""The lead's one statement (PostgreSQL, `leadcore.statement`) stores exactly the rows the ORM path
stores (the path SQLite takes, here run on PostgreSQL): every column of every row of a lead, for a
new client, a matched one, a company and a lead linked by `clientId`; and the lead it returns holds
what was stored."""

import re
import threading
import time
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, DataError, connection, connections, transaction
from django.utils import timezone

from clients.models import Client, Contract, Goods, LoanApplication
from clients.services.lending import CONTRACT_NUMBER_SQL, contract_number
from leadcore import statement, statement_text
from leadcore.db import round_trips_counted
from leadcore.insert_columns import insert_head
from leadcore.inserts import _values_params
from leadcore.statement import Computed, ids_reserved, one_statement, row_hold
from leads import services
from leads.intake.validate import validate_lead
from leads.models import Lead
from leads.services import lead_convert
from tests.factories import ClientFactory, LoanApplicationFactory
from tests.leads.conftest import example, person
from tests.support import api_client_for

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the one statement is PostgreSQL's"),
]

# Set by the database on every insert, and the references, compared as relations instead.
UNCOMPARED = {"id", "created_at", "updated_at", "client_id", "application_id", "loan_application_id", "contract_id"}


def _values(rows) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in UNCOMPARED} for row in rows.order_by("id").values()]


def stored(lead_id: int) -> dict[str, Any]:
    """Every row the lead wrote or points to, without ids and times, its references checked."""
    lead = Lead.objects.get(pk=lead_id)
    application, contract, client = lead.loan_application, lead.contract, lead.client
    assert application.client_id == contract.client_id == client.pk
    assert contract.application_id == application.pk
    assert contract.number == contract_number(prefix=contract.number.split("-")[0], application_id=application.pk)
    contract_rows = Contract.objects.filter(pk=contract.pk)
    return {
        "lead": _values(Lead.objects.filter(pk=lead.pk)),
        "client": _values(Client.objects.filter(pk=client.pk)),
        "documents": _values(client.documents.all()),
        "addresses": _values(client.addresses.all()),
        "relatives": _values(client.relatives.all()),
        "application": _values(LoanApplication.objects.filter(pk=application.pk)),
        "debts": _values(application.debts.all()),
        "goods": _values(application.goods.all()),
        "contract": [{**row, "number": row["number"].split("-")[0]} for row in _values(contract_rows)],
    }  # fmt: skip


def converted(payload: dict, user) -> Lead:
    return lead_convert(lead=validate_lead(payload, user=user), api_user=user)


def by_orm(payload: dict, user, monkeypatch) -> dict[str, Any]:
    """The rows the ORM path stores for `payload` now, rolled back after."""
    with monkeypatch.context() as patched, transaction.atomic():
        valid = validate_lead(payload, user=user)
        patched.setattr(connection, "vendor", "sqlite")
        lead = lead_convert(lead=valid, api_user=user)
        patched.undo()
        rows = stored(lead.pk)
        transaction.set_rollback(True)
    return rows


def assert_returned_as_stored(lead: Lead) -> None:
    fresh = Lead.objects.select_related("loan_application", "contract").get(pk=lead.pk)
    assert (lead.client_id, lead.client.pk, lead.client_match, lead.match_details) == (
        fresh.client_id, fresh.client_id, fresh.client_match, fresh.match_details,
    )  # fmt: skip
    assert (lead.loan_application.pk, lead.loan_application.client_id) == (fresh.loan_application_id, fresh.client_id)
    assert (lead.contract.pk, lead.contract.number, lead.contract.application_id, lead.contract.client_id) == (
        fresh.contract_id, fresh.contract.number, fresh.loan_application_id, fresh.client_id,
    )  # fmt: skip
    # The columns the lead was not returned with are read from the database: the stored row's.
    assert every_column(lead) == every_column(fresh)


def every_column(instance) -> dict[str, Any]:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def full_lead(number: str = "503682") -> dict:
    lead = example("individual-full")
    lead["passport"]["no"] = number
    for key in ("relatives", "leadDebts", "goods", "addresses"):
        lead[key] = [{**lead[key][0]} for _ in range(3)]
    for i, (address, relative) in enumerate(zip(lead["addresses"], lead["relatives"], strict=True)):
        address["position"], relative["firstName"] = i, f"{relative['firstName']}{i}"
    return lead


@pytest.fixture
def user(api_user, demo_manager, gar_sample):
    return api_user


@pytest.mark.parametrize(
    ("name", "second"),
    # The minimal lead has no passport, so no identity key: its person is never matched.
    [("individual-full", "matched"), ("company", "matched"), ("minimal", "created")],
)
def test_it_stores_what_the_orm_stores_for_a_new_and_a_matched_client(name, second, user, monkeypatch):
    payload = full_lead() if name == "individual-full" else example(name)

    expected_new = by_orm(payload, user, monkeypatch)
    new = converted(payload, user)
    expected_matched = by_orm(payload, user, monkeypatch)
    matched = converted(payload, user)

    assert stored(new.pk) == expected_new
    assert stored(matched.pk) == expected_matched
    assert (new.client_match, matched.client_match) == ("created", second)
    assert (matched.client_id == new.client_id) is (second == "matched")
    assert Client.objects.count() == (1 if second == "matched" else 2)
    assert_returned_as_stored(new)
    assert_returned_as_stored(matched)


def test_a_lead_that_matched_a_known_client_reads_that_clients_row(user):
    # The Client instance the statement wrote from was built from the lead; once the client's id is
    # known, the lead and its application read the stored row instead (Django drops a related
    # instance whose id changes).
    converted(full_lead(), user)
    again = full_lead()
    again["email"], again["mobilePhone"] = "other@example.com", "79160000000"

    matched = converted(again, user)

    assert matched.client_match == "matched"
    assert (matched.client.email, matched.loan_application.client.email) == ("filatov@example.com",) * 2
    assert Client.objects.get().email == "filatov@example.com"


def test_it_stores_what_the_orm_stores_for_a_lead_linked_by_client_id(user, monkeypatch):
    known = ClientFactory(created_by=user)
    payload = person(clientId=known.pk, passport={"seria": "4008", "no": "111111"})

    expected = by_orm(payload, user, monkeypatch)
    lead = converted(payload, user)

    assert stored(lead.pk) == expected
    assert (lead.client_match, lead.client_id) == ("linked", known.pk)
    assert_returned_as_stored(lead)


def test_the_application_and_contract_returned_hold_what_was_stored(user, monkeypatch):
    returned: list = []

    def kept(create):
        def run(**kwargs):
            returned.append(create(**kwargs))
            return returned[-1]

        return run

    for name in ("loan_application_create", "contract_draft_create"):
        monkeypatch.setattr(f"leads.services.{name}", kept(getattr(services, name)))

    lead = converted(full_lead(), user)

    application, contract = returned
    assert (application.pk, contract.pk) == (lead.loan_application_id, lead.contract_id)
    assert every_column(application) == every_column(LoanApplication.objects.get(pk=application.pk))
    assert every_column(contract) == every_column(Contract.objects.get(pk=contract.pk))
    assert application.legal_entity == lead.legal_entity is not None


def test_every_row_of_a_lead_takes_the_statements_time(user):
    before = timezone.now()
    lead = converted(full_lead(), user)
    after = timezone.now()

    client = Client.objects.get(pk=lead.client_id)
    application = LoanApplication.objects.get(pk=lead.loan_application_id)
    rows = [
        Lead.objects.get(pk=lead.pk), client, application, Contract.objects.get(pk=lead.contract_id),
        *client.documents.all(), *client.addresses.all(), *client.relatives.all(),
        *application.debts.all(), *application.goods.all(),
    ]  # fmt: skip
    times = {row.created_at for row in rows} | {row.updated_at for row in rows if hasattr(row, "updated_at")}
    assert len(rows) == 19  # full_lead's three relatives, debts, goods and additional addresses
    assert len(times) == 1
    assert before <= times.pop() <= after


def test_the_lead_returned_defers_what_only_would(user):
    lead = converted(full_lead(), user)

    only = Lead.objects.only(*services._RETURNED).get(pk=lead.pk)
    assert lead.get_deferred_fields() == only.get_deferred_fields() != set()
    assert (lead._state.adding, lead._state.db) == (only._state.adding, only._state.db)


@pytest.fixture
def sent(monkeypatch) -> list[str]:
    """The texts of the statements sent, in order (each built for its shape as it is sent)."""
    texts: list[str] = []
    shaped = statement_text.sql

    def kept(shape):
        texts.append(shaped(shape))
        return texts[-1]

    monkeypatch.setattr(statement_text, "sql", kept)
    return texts


def test_a_collection_is_one_insert_whose_rows_take_their_ids_in_the_leads_order(user, sent):

    lead = converted(full_lead(), user)

    tables = re.findall(r'INSERT INTO "(\w+)"', sent[0])
    assert len(tables) == len(set(tables)) == 9, tables  # the client, its 3 records' tables, 5 more
    client = Client.objects.get(pk=lead.client_id)
    # The lead's other two addresses (registration, residence) have no position.
    assert [a.position for a in client.addresses.order_by("id") if a.position is not None] == [0, 1, 2]
    assert [r.first_name[-1] for r in client.relatives.order_by("id")] == ["0", "1", "2"]
    assert lead.loan_application.debts.count() == lead.loan_application.goods.count() == 3


def test_a_service_is_atomic_but_inside_the_statement(db):
    @statement.atomic_unless_held
    def in_atomic_block() -> bool:
        return connection.in_atomic_block

    with statement.one_statement():
        held = in_atomic_block()

    assert (held, in_atomic_block()) == (False, True)


def test_the_statement_keeps_its_cursor_while_its_connection_lives(user):
    def kept():
        return connections[DEFAULT_DB_ALIAS].__dict__["_leadcore_cursor"][1]

    converted(full_lead("100001"), user)
    first = kept()
    converted(full_lead("100002"), user)
    assert kept() is first
    connection.close()

    lead = converted(full_lead("100003"), user)

    assert kept() is not first
    assert not kept().closed
    assert Lead.objects.filter(pk=lead.pk).exists()


def test_a_statement_draws_its_ids_from_the_sequences_it_looked_up_the_first_time(user, sent, monkeypatch):
    monkeypatch.setattr(statement, "_SEQUENCES", {})

    first = converted(full_lead("100001"), user)
    second = converted(full_lead("100002"), user)

    assert ["pg_get_serial_sequence" in sql for sql in sent] == [True, False]
    with connection.cursor() as cursor:
        for (_database, table, column), name in statement._SEQUENCES.items():
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
            assert cursor.fetchone() == (name,)
    assert {table for _database, table, _column in statement._SEQUENCES} == {
        "clients_loanapplication", "clients_contract", "leads_lead",
    }  # fmt: skip
    drawn = (second.loan_application_id, second.contract_id, second.pk)
    assert drawn == (first.loan_application_id + 1, first.contract_id + 1, first.pk + 1)
    assert_returned_as_stored(second)


def test_it_converts_a_lead_in_one_round_trip_and_keeps_nothing_of_a_refused_one(user):
    valid = validate_lead(full_lead(), user=user)

    with round_trips_counted() as trips:
        lead_convert(lead=valid, api_user=user)

    assert trips.count == 1
    refused = validate_lead(full_lead("777777"), user=user)
    # Longer than its column: refused by the database, in a row written after the new client's.
    refused.data["relatives"][2]["firstName"] = "Я" * 300
    with pytest.raises(DataError, match="too long"):
        lead_convert(lead=refused, api_user=user)
    assert Lead.objects.count() == Client.objects.count() == LoanApplication.objects.count() == 1


@pytest.mark.parametrize("application_id", [1, 42, 999_999_999, 1_000_000_000, 12_345_678_901])
def test_the_statement_numbers_a_contract_as_python_does(application_id):
    sql = CONTRACT_NUMBER_SQL.format(f"{application_id:d}::bigint")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sql}", ["DEMO"])
        (number,) = cursor.fetchone()

    assert number == contract_number(prefix="DEMO", application_id=application_id)


def test_a_statement_that_lost_the_race_for_a_new_client_runs_again_and_matches_it(user):
    """A simultaneous lead inserts the same person after the statement's snapshot: ON CONFLICT
    waits for it, writes nothing, and the statement runs again, which finds that client."""
    inserted, release = threading.Event(), threading.Event()
    results: dict[str, Lead] = {}

    def in_thread(name, convert):
        def run():
            try:
                results[name] = convert()
            finally:
                connection.close()

        return threading.Thread(target=run)

    def first_uncommitted():
        with transaction.atomic():
            lead = converted(full_lead(), user)
            inserted.set()
            release.wait(10)
        return lead

    first = in_thread("first", first_uncommitted)
    second = in_thread("second", lambda: converted(full_lead(), user))
    first.start()
    assert inserted.wait(10)
    second.start()
    _wait_for_a_lock_wait()
    release.set()
    first.join(10)
    second.join(10)

    assert (results["first"].client_match, results["second"].client_match) == ("created", "matched")
    assert results["second"].client_id == results["first"].client_id
    assert Client.objects.count() == 1
    assert Lead.objects.count() == Contract.objects.count() == 2
    assert_returned_as_stored(results["second"])


def _wait_for_a_lock_wait() -> None:
    """Until a server process of this database waits for a lock (the second lead's ON CONFLICT)."""
    with connection.cursor() as cursor:
        for _attempt in range(200):
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the second lead never waited for the first")


def test_a_statement_that_never_settles_the_client_answers_503_and_keeps_nothing(user, monkeypatch):
    """Should every run lose its race, the integrator is told to retry, as when the database is away."""
    monkeypatch.setattr("leadcore.statement.RUNS", 0)

    response = api_client_for(user).post("/api/v1/leads", full_lead(), format="json")

    assert response.status_code == 503
    assert [e["code"] for e in response.json()["errors"]] == ["DATABASE_UNAVAILABLE"]
    assert not Lead.objects.exists()
    assert not Client.objects.exists()


def test_a_row_chained_after_a_list_of_its_table_is_written_once():
    """A row that computes a value from parameters of its own cannot join its table's VALUES list;
    it waits for that list's INSERT (a data dependence), and must still be one row, not one per
    row of the list."""
    application = LoanApplicationFactory()
    head, plan, casts = insert_head(Goods, keyed=False)

    def goods(name: str) -> list[Any]:
        return _values_params(Goods, {"application": application, "name": name}, plan, connection)

    computed = Computed("%s", ("третий",), lambda answer: "третий")
    third = goods("")
    third[[c.attname for c in plan].index("name")] = computed
    with one_statement():
        ids_reserved((Goods,))
        row_hold(head, casts, goods("первый"))
        row_hold(head, casts, goods("второй"))
        row_hold(head, casts, third)

    names = list(Goods.objects.filter(application=application).order_by("id").values_list("name", flat=True))
    assert names == ["первый", "второй", "третий"]
