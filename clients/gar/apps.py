from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GarConfig(AppConfig):
    name = "clients.gar"
    label = "gar"
    verbose_name = _("Address directory")
