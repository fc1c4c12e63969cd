"""Schemathesis against the OpenAPI schema of `/api/schema/`, in-process through the WSGI app.

Every operation runs a bounded, derandomized set of examples (positive and negative) and must pass
all of Schemathesis's checks: no 5xx, documented status codes and content types, bodies that match
the schema, invalid input rejected, valid input accepted. The examples run in the test's
transaction, so leads, status changes and rule changes they make vanish with it.
"""

import json
from contextlib import contextmanager
from pathlib import Path

import pytest
import schemathesis
from django.contrib.auth.models import Permission
from django.core import signals
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from leadcore.wsgi import application
from modeleditor import cache
from tests.factories import ApiUserFactory
from tests.leads.conftest import example
from tests.support import api_client_for

CONFIG = SchemathesisConfig.from_path(Path(__file__).with_name("schemathesis.toml"))
OPENAPI = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
schema = schemathesis.openapi.from_dict(OPENAPI, config=CONFIG)
schema.app = application

PERMISSIONS = ["change_loanapplication", "change_contract", "use_model_editor"]


@contextmanager
def connection_kept():
    """Django closes the connection when a request ends; its test client stops that, and so must
    a plain WSGI call, or the test's transaction (on PostgreSQL the connection) is lost."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def integrator(db, monkeypatch):
    """A token user who may change statuses and rules: every operation's 200 answer is reachable.

    The rule changes roll back with the test, and so does the version row; the process's snapshot of
    the rules is put back too, or a later test reaching the same version number would read them.
    """
    monkeypatch.setattr(cache, "_snapshot", cache._snapshot)
    user = ApiUserFactory(username="schemathesis")
    user.user_permissions.add(*Permission.objects.filter(codename__in=PERMISSIONS))
    return api_client_for(user)


@pytest.fixture
def known_records(integrator, demo_manager, gar_sample) -> dict:
    """Path values naming records that exist: ids Hypothesis invents almost never do, so without
    these the answers with data (nested records, nulls, money) would never be checked."""
    lead_id = integrator.post("/api/v1/leads", example("individual-full"), format="json").json()["data"]
    lead = integrator.get(f"/api/v1/leads/{lead_id}").json()["data"]
    return {
        "lead_id": lead_id,
        "lead_ids": f"{lead_id},{lead_id + 1000}",
        "client_id": lead["clientId"],
        "application_id": lead["loanApplicationId"],
        "contract_id": lead["contractId"],
        "list_code": "sex",
        "target": "loan_application",
    }


@schema.parametrize()
@settings(max_examples=5, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_it_answers_every_operation_as_the_schema_says(case, integrator, request):
    if "/addresses/fias" in case.path:
        request.getfixturevalue("gar_sample")
    headers = {"Authorization": integrator._credentials["HTTP_AUTHORIZATION"]}
    with connection_kept():
        case.call_and_validate(headers=headers)
    if case.path_parameters and case.meta.generation.mode.is_positive:
        known = request.getfixturevalue("known_records")
        case.path_parameters = {name: known[name] for name in case.path_parameters}
        with connection_kept():
            case.call_and_validate(headers=headers)
