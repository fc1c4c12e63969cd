"""Leads in the back office: the lead's page and the dashboard the admin opens on."""

from django.contrib import admin

from leads.admin import leads

__all__ = ["leads"]

admin.site.index_template = "admin/dashboard_index.html"
