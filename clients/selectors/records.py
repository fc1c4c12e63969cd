"""Reads of clients and their records for the API.

An integrator sees the clients its own leads created and the applications and contracts its
own leads made; a lead that matched somebody else's client reads none of that client's data.
Staff, and API users granted the model's view permission (a scoring or collection system), see
every record.
"""

from typing import TypeVar

from django.contrib.auth.models import User
from django.db.models import Exists, Model, OuterRef, QuerySet

from clients.models import Client, Contract, LoanApplication

_M = TypeVar("_M", bound=Model)


def _sees_all(user: User, queryset: QuerySet[_M]) -> bool:
    meta = queryset.model._meta
    return user.is_staff or user.has_perm(f"{meta.app_label}.view_{meta.model_name}")


def clients_visible_to(user: User) -> QuerySet[Client]:
    clients = Client.objects.all()
    return clients if _sees_all(user, clients) else clients.filter(created_by=user)


def _made_by_leads_of(queryset: QuerySet[_M], user: User) -> QuerySet[_M]:
    readable = queryset if _sees_all(user, queryset) else queryset.filter(lead__api_user=user)
    return with_client_readable(readable, user=user)


def with_client_readable(queryset: QuerySet[_M], *, user: User) -> QuerySet[_M]:
    """Annotates `client_readable`: whether `user` may read the record's client. A record made by
    the user's lead may belong to a client known through another integrator, whose id it must not
    learn."""
    client_readable = Exists(clients_visible_to(user).filter(pk=OuterRef("client_id")))
    # The stubs' plugin types annotate() on a queryset of a type variable as QuerySet[Model].
    return queryset.annotate(client_readable=client_readable)  # type: ignore[return-value]


def client_get(*, user: User, client_id: int) -> Client | None:
    clients = clients_visible_to(user).prefetch_related("documents", "addresses", "relatives")
    return clients.filter(pk=client_id).first()


def loan_application_get(*, user: User, application_id: int) -> LoanApplication | None:
    applications = LoanApplication.objects.select_related("contract").prefetch_related("debts", "goods")
    return _made_by_leads_of(applications, user).filter(pk=application_id).first()


def contract_get(*, user: User, contract_id: int) -> Contract | None:
    return _made_by_leads_of(Contract.objects.all(), user).filter(pk=contract_id).first()
