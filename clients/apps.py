from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ClientsConfig(AppConfig):
    name = "clients"
    verbose_name = _("Clients")

    def ready(self) -> None:
        from clients import signals
        from clients.groups import groups_sync

        post_migrate.connect(groups_sync, dispatch_uid="clients.groups_sync")
        signals.connect()
