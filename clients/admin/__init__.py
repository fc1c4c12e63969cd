"""The back office: Django admin screens for clients, their records, and the company's own data."""

from django.contrib import admin

from clients.admin import clients, lending, organisation, records

admin.site.site_header = "LeadCore back office"
admin.site.site_title = "LeadCore"
admin.site.index_title = "Leads, clients, applications, contracts"

__all__ = ["clients", "lending", "organisation", "records"]
