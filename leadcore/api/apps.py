from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The API's shared plumbing; an app only because API tokens are rows."""

    name = "leadcore.api"
    label = "api"
    verbose_name = "API"
