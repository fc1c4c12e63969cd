"""A lead sees the address directory as it is now, though its process kept an earlier look-up."""

import pytest

from clients.gar.models import GarObject
from leads.models import Lead
from modeleditor.models import ConfigVersion
from tests.leads.conftest import example, post_lead

pytestmark = pytest.mark.django_db


def test_it_sees_another_process_change_the_directory_on_its_next_request(gar_sample, demo_manager, api):
    lead = example("individual-full")
    assert post_lead(api, lead).status_code == 200
    fias_id = lead["addressData"]["fiasId"]

    # Another process's import retired the flat and moved the version; nothing told this process.
    GarObject.objects.filter(guid=fias_id).delete()
    ConfigVersion.objects.filter(pk=1).update(version=ConfigVersion.objects.get(pk=1).version + 7)
    lead["passport"]["no"] = "700001"
    response = post_lead(api, lead)

    assert response.status_code == 400
    assert [(e["code"], e["field"]) for e in response.json()["errors"]] == [("FIAS_NOT_FOUND", "addressData.fiasId")]
    assert Lead.objects.count() == 1
