import shutil
import zipfile

import pytest
from django.core.management import call_command

from clients.gar.embedded import EmbeddedDirectory
from clients.gar.gar_files import table_of
from clients.gar.models import GarObject, GarObjectKind
from clients.gar.services import gar_import
from tests.gar.conftest import EXPECTED, SAMPLE

ACTIVE = [a for a in EXPECTED["addresses"] if a["active"]]
LEAD_KEYS = (
    "fullAddressText",
    "postalCode",
    "regionName",
    "localityName",
    "streetName",
    "houseNo",
    "blockNo",
    "buildingNo",
    "apartmentNo",
)


@pytest.mark.parametrize("expected", ACTIVE, ids=lambda a: a["full_address"])
def test_it_imports_every_active_sample_address_as_expected(gar_sample, expected):
    found = EmbeddedDirectory().find_by_id(expected["guid"])

    assert found is not None
    assert found.fias_id == expected["guid"]
    assert found.fias_level == expected["fias_level"]
    assert found.full_address == expected["full_address"]
    parts = found.lead_parts()
    assert {k: parts[k] or None for k in LEAD_KEYS} == {k: expected["lead_parts"][k] for k in LEAD_KEYS}
    assert [link.fias_id for link in found.chain] == [c["guid"] for c in expected["chain"]]
    assert found.codes.get("okato") == expected["okato"]
    assert found.codes.get("oktmo") == expected["oktmo"]
    assert found.codes.get("ifns") == expected["ifns"]
    assert found.codes.get("cadastralNumber") == expected["cadastral_number"]
    assert found.codes.get("kladrId") == expected["street"]["kladr_code"]
    assert found.time_zone == "UTC+3"
    assert GarObject.objects.get(guid=expected["guid"]).mun_path == expected["mun_path"]


def test_it_does_not_offer_the_retired_house(gar_sample):
    retired = EXPECTED["checks"]["retired_house"]

    assert EmbeddedDirectory().find_by_id(retired["guid"]) is None
    assert not GarObject.objects.filter(object_id=retired["objectid"]).exists()
    assert EmbeddedDirectory().suggest("Снежная 20", 10) == []


def test_it_keeps_one_current_record_per_object(gar_sample):
    counts = EXPECTED["checks"]["counts"]

    assert GarObject.objects.filter(kind=GarObjectKind.ADDRESS_OBJECT).count() == counts["addr_obj_objects"]
    assert GarObject.objects.filter(kind=GarObjectKind.HOUSE).count() == counts["active_houses"]
    assert GarObject.objects.filter(kind=GarObjectKind.APARTMENT).count() == counts["flats"]
    street = GarObject.objects.get(guid=EXPECTED["checks"]["renamed_street"]["guid"])
    assert street.own_text == EXPECTED["checks"]["renamed_street"]["current_name"]
    house = GarObject.objects.get(guid=EXPECTED["checks"]["postal_code_change"]["house_guid"])
    assert house.postal_code == EXPECTED["checks"]["postal_code_change"]["current"]


def test_it_reports_rows_and_speed(gar_sample):
    assert gar_sample.version == "2026.02.17"
    assert gar_sample.rows_read > 100
    assert gar_sample.rows_per_second > 0


def test_it_gives_the_same_tables_when_run_again(gar_sample):
    before = list(GarObject.objects.order_by("object_id").values())

    gar_import(path=SAMPLE)

    after = list(GarObject.objects.order_by("object_id").values())
    assert [{k: v for k, v in row.items() if k != "updated_at"} for row in after] == [
        {k: v for k, v in row.items() if k != "updated_at"} for row in before
    ]


def test_it_writes_nothing_when_the_export_has_not_changed(gar_sample):
    before = dict(GarObject.objects.values_list("object_id", "updated_at"))

    gar_import(path=SAMPLE)

    assert dict(GarObject.objects.values_list("object_id", "updated_at")) == before


def test_it_carries_a_renamed_street_into_its_houses_and_flats(gar_sample, tmp_path):
    later = tmp_path / "later"
    shutil.copytree(SAMPLE, later)
    objects = next((later / "77").glob("AS_ADDR_OBJ_2*.XML"))
    text = objects.read_text(encoding="utf-8-sig")
    objects.write_text(text.replace('NAME="Сухонская"', 'NAME="Новосухонская"'), encoding="utf-8-sig")

    gar_import(path=later)

    directory = EmbeddedDirectory()
    flat = directory.find_by_id("f26b876b-6857-4951-b060-ec6559f04a9a")
    assert flat is not None
    assert flat.full_address == "г Москва, ул Новосухонская, д 11, кв 89"
    assert flat.street_name == "ул Новосухонская"
    assert [a.fias_id for a in directory.suggest("новосухонская 11 89", 10)] == [flat.fias_id]
    moscow = directory.find_by_id("0c5b2444-70a0-4932-980c-b4dc0d3f02b5")
    assert moscow is not None
    assert moscow.full_address == "г Москва"


def test_it_imports_a_zip_one_region_at_a_time(db, tmp_path):
    archive = tmp_path / "gar_xml.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in SAMPLE.rglob("*"):
            if path.is_file():
                zipped.write(path, path.relative_to(SAMPLE).as_posix())

    gar_import(path=archive, regions=["78"])

    assert set(GarObject.objects.values_list("region_code", flat=True)) == {"78"}
    spb = [a for a in ACTIVE if a["region"]["code"] == "78"]
    for expected in spb:
        found = EmbeddedDirectory().find_by_id(expected["guid"])
        assert found is not None
        assert found.full_address == expected["full_address"]


def test_it_refuses_a_region_the_export_does_not_have(db):
    with pytest.raises(ValueError, match="no region 50"):
        gar_import(path=SAMPLE, regions=["50"])


def test_it_drops_an_object_a_later_export_retires(gar_sample, tmp_path):
    later = tmp_path / "later"
    shutil.copytree(SAMPLE, later)
    houses = next((later / "77").glob("AS_HOUSES_2*.XML"))
    text = houses.read_text(encoding="utf-8-sig")
    retired = text.replace(
        'HOUSENUM="13" HOUSETYPE="2" OPERTYPEID="10" PREVID="0" NEXTID="0" UPDATEDATE="2019-07-16" '
        'STARTDATE="2012-02-07" ENDDATE="2079-06-06" ISACTUAL="1" ISACTIVE="1"',
        'HOUSENUM="13" HOUSETYPE="2" OPERTYPEID="30" PREVID="0" NEXTID="0" UPDATEDATE="2026-01-10" '
        'STARTDATE="2026-01-10" ENDDATE="2079-06-06" ISACTUAL="1" ISACTIVE="0"',
    )
    assert retired != text
    houses.write_text(retired, encoding="utf-8-sig")

    gar_import(path=later)

    directory = EmbeddedDirectory()
    assert directory.find_by_id("9fce6cda-f249-4d6d-b0ec-c7e1ca71fc5d") is None  # Сухонская 13
    assert directory.find_by_id("d69d401a-753a-489e-b48d-3192ebc26986") is None  # its flat 5
    assert directory.suggest("сухонская 13", 10) == []
    assert directory.find_by_id("5ee84ac0-eb9a-4b42-b814-2f5f7c27c255") is not None  # Сухонская 11


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("AS_ADDR_OBJ_20260217_b6719bea-7cf0-48ba-a91b-9ba64b9cd8cf.XML", "ADDR_OBJ"),
        ("AS_ADDR_OBJ_PARAMS_20260217_60306b54-302a-4b91-ab6e-fe7f5b652e71.XML", "ADDR_OBJ_PARAMS"),
        ("AS_ADDR_OBJ_DIVISION_20260217_36ff08b5-d38b-4aec-a87e-e0445835fbd9.XML", "ADDR_OBJ_DIVISION"),
        ("AS_HOUSES_PARAMS_20260217_909f04f0-ece9-4697-93a7-92125cce7bb8.XML", "HOUSES_PARAMS"),
        ("AS_ADDHOUSE_TYPES_20260217_62154fe7-682b-4c07-870b-f97d004574c6.XML", "ADDHOUSE_TYPES"),
        ("README.md", None),
    ],
)
def test_it_reads_the_table_from_the_whole_file_name(name, table):
    assert table_of(name) == table


def test_it_imports_from_the_command_line_with_progress(db, capsys):
    call_command("import_gar", str(SAMPLE), "--region", "77")

    out = capsys.readouterr().out
    assert "77 ADDR_OBJ: 8 rows read, 7 kept" in out
    assert "rows/s" in out
    assert GarObject.objects.filter(region_code="77").count() == 22
