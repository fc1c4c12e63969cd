"""Reads of clients and their records for the API.

An integrator sees what its own leads made; staff, and API users granted the model's view
permission (a scoring or collection system), see every record.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from clients.models import Client, Contract, LoanApplication


def _visible(queryset: QuerySet, user: AbstractBaseUser, lead_path: str) -> QuerySet:
    meta = queryset.model._meta
    if user.is_staff or user.has_perm(f"{meta.app_label}.view_{meta.model_name}"):
        return queryset
    return queryset.filter(**{f"{lead_path}__api_user": user}).distinct()


def client_get(*, user: AbstractBaseUser, client_id: int) -> Client | None:
    clients = Client.objects.prefetch_related("documents", "addresses", "relatives")
    return _visible(clients, user, "leads").filter(pk=client_id).first()


def loan_application_get(*, user: AbstractBaseUser, application_id: int) -> LoanApplication | None:
    applications = LoanApplication.objects.select_related("contract").prefetch_related("debts", "goods")
    return _visible(applications, user, "lead").filter(pk=application_id).first()


def contract_get(*, user: AbstractBaseUser, contract_id: int) -> Contract | None:
    return _visible(Contract.objects.all(), user, "lead").filter(pk=contract_id).first()
