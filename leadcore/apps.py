from django.apps import AppConfig


class LeadcoreConfig(AppConfig):
    """The project's own plumbing (settings, API, back-office pages); registered for its commands."""

    name = "leadcore"
    verbose_name = "LeadCore"
