import json
from pathlib import Path

import pytest

from clients.gar.services import gar_import
from tests.gar.fake_dadata import FakeDadata

SAMPLE = Path(__file__).resolve().parents[2] / "clients" / "gar" / "fixtures" / "sample"
EXPECTED = json.loads((Path(__file__).parent / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def gar_sample(db):
    return gar_import(path=SAMPLE)


@pytest.fixture
def fake_dadata(settings):
    fake = FakeDadata()
    settings.ADDRESS_DIRECTORY = "dadata"
    settings.DADATA_BASE_URL = fake.start()
    settings.DADATA_API_KEY = "test-key"
    settings.DADATA_TIMEOUT_SECONDS = 0.3
    settings.DADATA_RETRIES = 2
    settings.DADATA_BACKOFF_SECONDS = 0.01
    yield fake
    fake.stop()


@pytest.fixture
def dadata_down(settings):
    """DaData settings pointing at a port where nothing listens any more."""
    fake = FakeDadata()
    settings.ADDRESS_DIRECTORY = "dadata"
    settings.DADATA_BASE_URL = fake.start()
    settings.DADATA_API_KEY = "test-key"
    settings.DADATA_TIMEOUT_SECONDS = 0.3
    settings.DADATA_BACKOFF_SECONDS = 0.01
    fake.stop()
    return fake
