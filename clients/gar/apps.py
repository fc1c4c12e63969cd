from django.apps import AppConfig


class GarConfig(AppConfig):
    name = "clients.gar"
    label = "gar"
    verbose_name = "FIAS / GAR address directory"
