import uuid

from django.core.management import call_command

from clients.models import AddressVerification
from tests.factories import AddressFactory
from tests.gar.fake_dadata import Reply, suggestion

FLAT_89 = "f26b876b-6857-4951-b060-ec6559f04a9a"


def unverified(**fields):
    defaults = {
        "fias_id": uuid.UUID(FLAT_89),
        "full_address_text": "Москва, Сухонская ул., дом 11, кв. 89",
        "region_name": "",
        "locality_name": "",
        "street_name": "",
        "house_no": "",
        "verification": AddressVerification.UNVERIFIED,
    }
    return AddressFactory(**(defaults | fields))


def test_it_completes_unverified_addresses_from_the_directory(gar_sample, capsys):
    address = unverified()
    by_parts = AddressFactory()

    call_command("verify_addresses")

    address.refresh_from_db()
    assert address.verification == AddressVerification.VERIFIED
    assert (address.postal_code, address.street_name, address.house_no, address.apartment_no) == (
        "127642",
        "ул Сухонская",
        "11",
        "89",
    )
    assert address.full_address_text == "Москва, Сухонская ул., дом 11, кв. 89"
    assert address.fias_chain["id"] == FLAT_89
    assert address.time_zone == "UTC+3"
    by_parts.refresh_from_db()
    assert by_parts.verification == AddressVerification.BY_PARTS
    assert "verified 1, not found 0, mismatch 0" in capsys.readouterr().out


def test_it_leaves_unknown_and_mismatching_addresses_as_they_are(gar_sample, capsys):
    unknown = unverified(fias_id=uuid.uuid4())
    mismatch = unverified(full_address_text="г Москва, ул Сухонская, д 11, кв 90", house_no="11")

    call_command("verify_addresses")

    for address in (unknown, mismatch):
        address.refresh_from_db()
        assert address.verification == AddressVerification.UNVERIFIED
    assert mismatch.house_no == "11"
    assert mismatch.postal_code == ""
    out = capsys.readouterr().out
    assert f"address {unknown.pk}" in out
    assert f"address {mismatch.pk}" in out
    assert "not found 1, mismatch 1" in out
    assert "2 of 2 still unverified" in out


def test_it_stops_and_keeps_addresses_while_the_directory_is_down(dadata_down, db, capsys):
    first, second = unverified(), unverified()

    call_command("verify_addresses")

    for address in (first, second):
        address.refresh_from_db()
        assert address.verification == AddressVerification.UNVERIFIED
    assert "directory unreachable 1; 2 of 2 still unverified" in capsys.readouterr().out


def test_it_completes_them_once_dadata_answers_again(fake_dadata, db):
    address = unverified()
    fake_dadata.replies += [Reply(503, {}), Reply(200, {"suggestions": [suggestion()]})]

    call_command("verify_addresses")

    address.refresh_from_db()
    assert address.verification == AddressVerification.VERIFIED
    assert address.postal_code == "127642"
