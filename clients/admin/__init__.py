"""The back office: Django admin screens for clients, their records, and the company's own data."""

from clients.admin import clients, groups, lending, organisation, records

__all__ = ["clients", "groups", "lending", "organisation", "records"]
