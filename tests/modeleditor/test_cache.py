"""The per-process snapshot: reloaded when another process moved the version, and only then."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from modeleditor.cache import config_snapshot
from modeleditor.models import ConfigVersion, RequiredFieldRule

pytestmark = pytest.mark.django_db


def test_it_sees_a_change_another_process_committed_on_its_next_read():
    assert "cardNumber" not in config_snapshot().required_paths["contract"]

    # What another server process's service does: change the row, move the version.
    RequiredFieldRule.objects.filter(target="contract", path="cardNumber").update(is_required=True)
    ConfigVersion.objects.filter(pk=1).update(version=F("version") + 1)

    assert "cardNumber" in config_snapshot().required_paths["contract"]


def test_it_reads_only_the_version_while_nothing_changed():
    config_snapshot()

    with CaptureQueriesContext(connection) as queries:
        config_snapshot()
        config_snapshot()

    assert len(queries.captured_queries) == 2
    assert all("modeleditor_configversion" in q["sql"] for q in queries.captured_queries)
