"""A process answers a FIAS id it has looked up from memory until the directory changes
(`tests/leads/test_directory_changes.py`: changed by another process)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clients.gar.models import GarObject
from clients.gar.services import gar_import, gar_region_drop
from clients.gar.verification import check_fias_address
from tests.gar.conftest import SAMPLE
from tests.gar.test_verification import FLAT_89, HOUSE_11

pytestmark = pytest.mark.django_db

FLAT_89_TEXT = "г Москва, ул Сухонская, д 11, кв 89"
HOUSE_11_TEXT = "г Москва, ул Сухонская, д 11"


def directory_reads(run) -> int:
    """How many statements of `run()` read the GAR objects' table."""
    with CaptureQueriesContext(connection) as queries:
        run()
    return sum(GarObject._meta.db_table in q["sql"] for q in queries.captured_queries)


def check(fias_id: str, text: str):
    return check_fias_address({"fiasId": fias_id, "fullAddressText": text})


def test_it_reads_the_directory_once_for_an_id_it_has_looked_up(gar_sample):
    first = check(FLAT_89, FLAT_89_TEXT)

    assert directory_reads(lambda: check(FLAT_89, FLAT_89_TEXT)) == 0
    assert directory_reads(lambda: check(FLAT_89, "г Москва, ул Сухонская, д 11, кв 88")) == 0
    assert check(FLAT_89, FLAT_89_TEXT) == first
    assert check(FLAT_89, "г Москва, ул Сухонская, д 11, кв 88").problems[0].code == "FIAS_ADDRESS_MISMATCH"


def test_it_reads_an_unknown_id_every_time(gar_sample):
    unknown = "00000000-0000-4000-8000-000000000001"

    reads = [directory_reads(lambda: check(unknown, FLAT_89_TEXT)) for _ in range(2)]

    assert reads[1] == reads[0] > 0
    assert check(unknown, FLAT_89_TEXT).problems[0].code == "FIAS_NOT_FOUND"


def test_it_forgets_what_it_kept_when_the_directory_is_imported_again(gar_sample):
    check(FLAT_89, FLAT_89_TEXT)

    gar_import(path=SAMPLE)

    assert directory_reads(lambda: check(FLAT_89, FLAT_89_TEXT)) > 0


def test_it_answers_not_found_for_a_kept_id_once_its_region_is_dropped(gar_sample):
    assert check(FLAT_89, FLAT_89_TEXT).verification == "verified"

    gar_region_drop(region="77")

    assert [p.code for p in check(FLAT_89, FLAT_89_TEXT).problems] == ["FIAS_NOT_FOUND"]


def test_it_keeps_at_most_the_configured_number_of_ids(gar_sample, settings):
    settings.GAR_LOOKUP_CACHE_SIZE = 1
    check(FLAT_89, FLAT_89_TEXT)
    check(HOUSE_11, HOUSE_11_TEXT)

    assert directory_reads(lambda: check(HOUSE_11, HOUSE_11_TEXT)) == 0
    assert directory_reads(lambda: check(FLAT_89, FLAT_89_TEXT)) > 0


def test_it_reads_every_time_when_the_size_is_zero(gar_sample, settings):
    settings.GAR_LOOKUP_CACHE_SIZE = 0
    check(FLAT_89, FLAT_89_TEXT)

    assert directory_reads(lambda: check(FLAT_89, FLAT_89_TEXT)) > 0
