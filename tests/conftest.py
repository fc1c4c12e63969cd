import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import ApiUserFactory
from tests.support import api_client_for

_DATABASE_FIXTURES = frozenset({"db", "transactional_db", "django_db_reset_sequences", "live_server"})


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Rate-limit counters live in the cache (a table of the test database): none carries over.
    A test without the database (a file of them run alone) has no such table to clear."""
    if request.node.get_closest_marker("django_db") is None and not _DATABASE_FIXTURES & set(request.fixturenames):
        return
    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock():
        cache.clear()


@pytest.fixture(autouse=True)
def _no_kept_lookups():
    """A process keeps FIAS look-ups under the Model Editor's version (`clients.gar.lookup_cache`);
    each test's rolled-back database numbers its versions again, so nothing is kept across tests."""
    from clients.gar import lookup_cache

    with lookup_cache._lock:
        lookup_cache._kept.clear()
        lookup_cache._kept_version = None


@pytest.fixture
def api_user(db):
    return ApiUserFactory()


@pytest.fixture
def api(api_user) -> APIClient:
    """An integrator: an API user with a token, sending `Authorization: Token <key>`."""
    return api_client_for(api_user)


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


def pytest_configure(config: pytest.Config) -> None:
    """PBKDF2 is slow by design; the suite's users need no such protection. The test client speaks
    plain HTTP, which SECURE_HTTPS (on unless the environment says otherwise) would redirect."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SECURE_SSL_REDIRECT = False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that commits must restore the database as migrations left it (serialized_rollback).
    Without it, the flush after the test re-runs post_migrate, which recreates the groups under
    new ids, and the next test that restores the serialized database fails on their names: the
    suite then passes or fails by the order its files run in."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is not None and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(f"{item.nodeid}: django_db(transaction=True) needs serialized_rollback=True")
