"""The FIAS look-up's own statement reads what the QuerySet it replaced read, in one query, each
column as the ORM reads it; the columns it leaves unread change no address it answers."""

import uuid

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext

from clients.gar.embedded import EmbeddedDirectory, to_directory_address
from clients.gar.models import GarObject, GarObjectKind
from clients.gar.selectors import (
    CHAIN_FIELDS,
    ChainObject,
    _chain_read,
    gar_object_by_guid,
    gar_object_with_chain,
    gar_objects_by_ids,
)
from clients.gar.services import gar_import
from leadcore.db import round_trips_counted
from tests.gar import gar_region
from tests.gar.conftest import SAMPLE

pytestmark = pytest.mark.django_db


def _through_the_orm(fias_id: str) -> tuple[GarObject | None, dict[int, GarObject]]:
    """The look-up as it was written before its statement was precompiled: the reference."""
    try:
        guid = uuid.UUID(str(fias_id))
    except ValueError:
        return None, {}
    if connection.vendor != "postgresql":
        found = gar_object_by_guid(fias_id=fias_id)
        return found, gar_objects_by_ids(object_ids=set(found.path_ids)) if found else {}
    chain_ids = RawSQL(
        "SELECT part::bigint FROM gar_garobject, unnest(string_to_array(adm_path, '.')) AS part "
        "WHERE guid = %s AND part <> ''",
        [guid],
    )
    rows = list(GarObject.objects.only(*CHAIN_FIELDS).filter(Q(guid=guid) | Q(object_id__in=chain_ids)))
    found = next((o for o in rows if o.guid == guid and o.full_address), None)
    if found is None:
        return None, {}
    chain = set(found.path_ids)
    return found, {o.object_id: o for o in rows if o.object_id in chain}


def _read(row: GarObject | ChainObject | None) -> list | None:
    """Each column read, its value and the value's type (a UUID is not its text)."""
    if row is None:
        return None
    return [(name, type(getattr(row, name)), getattr(row, name)) for name in CHAIN_FIELDS]


def _odd_objects() -> list[GarObject]:
    """Paths a real export does not hold: doubled and trailing dots, ids of nothing, no address."""
    common = {"kind": GarObjectKind.HOUSE, "gar_level": 10, "region_code": "99", "name": "1", "own_text": "д 1"}
    made = []
    for i, (path, address) in enumerate([("..", "г Нигде, д 1"), ("1..2.", "г Нигде, д 2"), ("", ""), ("77", "x")]):
        made.append(
            GarObject.objects.create(
                object_id=990_000_000 + i, guid=uuid.uuid4(), adm_path=path, full_address=address, **common
            )
        )
    return made


def _fias_ids() -> list[str]:
    """Every object of the sample and of a region, odd paths, and ids written in every way."""
    gar_import(path=SAMPLE)
    gar_import(path=gar_region.EXPORT)
    odd = _odd_objects()
    guids = [str(g) for g in GarObject.objects.values_list("guid", flat=True)]
    assert len(guids) > 100
    some = guids[0]
    return [
        *guids,
        *(str(o.guid) for o in odd),
        some.upper(),
        some.replace("-", ""),
        "{" + some + "}",
        "urn:uuid:" + some,
        str(uuid.uuid4()),
        "not a guid",
        "",
        "0",
    ]


def _assert_same(answer: tuple, expected: tuple, fias_id: str) -> None:
    (found, chain), (expected_found, expected_chain) = answer, expected
    assert _read(found) == _read(expected_found), fias_id
    # Neither statement orders its rows: the chain is the same objects, in whatever order.
    assert sorted(chain) == sorted(expected_chain), fias_id
    assert [_read(chain[i]) for i in sorted(chain)] == [_read(expected_chain[i]) for i in sorted(chain)], fias_id


def test_it_reads_the_same_objects_and_chains_as_the_queryset(django_assert_num_queries):
    chains = 0
    for fias_id in _fias_ids():
        with CaptureQueriesContext(connection) as reference:
            expected = _through_the_orm(fias_id)
        with django_assert_num_queries(len(reference)):
            answer = gar_object_with_chain(fias_id=fias_id)

        _assert_same(answer, expected, fias_id)
        chains += len(answer[1]) > 1
    assert chains > 50


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the kept cursor is PostgreSQL's")
def test_it_answers_through_its_kept_cursor_as_the_queryset_does_in_one_round_trip():
    # Outside a query log the read goes through the cursor it keeps. Prepared first: preparing
    # costs one more round trip, once per connection.
    fias_ids = _fias_ids()
    connection.ensure_connection()
    for _ in range((connection.connection.prepare_threshold or 0) + 1):
        gar_object_with_chain(fias_id=str(uuid.uuid4()))
    for fias_id in fias_ids:
        expected = _through_the_orm(fias_id)
        for _ in range(2):
            with round_trips_counted() as trips:
                answer = gar_object_with_chain(fias_id=fias_id)

            _assert_same(answer, expected, fias_id)
            assert trips.count == (1 if _is_guid(fias_id) else 0), fias_id

    assert "_leadcore_chain_cursor" in vars(connections[DEFAULT_DB_ALIAS])
    assert "_leadcore_chain_cursor" not in vars(connection)


def _is_guid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def test_an_address_read_with_deferred_columns_is_the_address_of_whole_rows(django_assert_num_queries, settings):
    settings.GAR_LOOKUP_CACHE_SIZE = 0  # every look-up read from the directory
    gar_import(path=SAMPLE)
    gar_import(path=gar_region.EXPORT)
    objects = {o.guid: o for o in GarObject.objects.exclude(full_address="")}
    assert len(objects) > 90
    for guid, whole in objects.items():
        expected = to_directory_address(whole, gar_objects_by_ids(object_ids=set(whole.path_ids)))
        # One query: building the address touches no deferred column (each would be a query of its own).
        with django_assert_num_queries(1 if connection.vendor == "postgresql" else 2):
            found = EmbeddedDirectory().find_by_id(str(guid))

        assert found == expected, guid


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan of the PostgreSQL statement")
def test_it_reads_the_objects_by_their_keys_not_the_whole_table():
    # A region's GAR holds millions of objects: a plan that can only scan the table is refused.
    # With sequential scans priced out, PostgreSQL picks an index wherever the statement allows one.
    read = _chain_read(connection)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {read.sql}", [uuid.uuid4()] * read.sql.count("%s"))
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Seq Scan" not in plan, plan
    assert "gar_garobject_pkey" in plan, plan
