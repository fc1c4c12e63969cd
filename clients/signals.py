"""A change of a manager, a legal entity or a credit product moves the Model Editor's version, so
that every process reloads its `organisation_cache` on its next request."""

from django.db.models.signals import post_delete, post_save

from clients.models import CreditProduct, LegalEntity, Manager
from modeleditor.services import config_version_bump


def _organisation_changed(**kwargs) -> None:
    config_version_bump()


def connect() -> None:
    for model in (Manager, LegalEntity, CreditProduct):
        for event, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(_organisation_changed, sender=model, dispatch_uid=f"clients.{model.__name__}.{event}")
