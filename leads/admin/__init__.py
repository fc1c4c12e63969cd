"""Leads in the back office: the lead's page and the dashboard the admin opens on."""

from leads.admin import leads

__all__ = ["leads"]
