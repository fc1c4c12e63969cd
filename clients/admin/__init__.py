"""The back office: Django admin screens for clients, their records, and the company's own data."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from clients.admin import clients, lending, organisation, records
from leadcore.formatting import EMPTY

admin.site.site_header = _("LeadCore back office")
admin.site.site_title = _("LeadCore")
admin.site.index_title = _("Leads, clients, applications, contracts")
# One mark for an empty cell everywhere, the same one the formatting helpers write.
admin.site.empty_value_display = EMPTY

__all__ = ["clients", "lending", "organisation", "records"]
