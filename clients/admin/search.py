"""The back office's one search box: a name, a phone, a passport, an INN, a SNILS or an id."""

import re
from typing import ClassVar

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from clients.admin.masking import sees_full_identity
from clients.models import IdentityDocument
from clients.validators import digits, phone_normalize
from leadcore.admin_mixins import ModelAdminBase

_NUMERIC = re.compile(r"^[\d\s()+\-]+$")


def _phones(term: str, number: str) -> set[str]:
    # Read the way the intake reads a phone (8 916 …, 916 …, 810 375 …), so the stored E.164
    # digits match; the bare digits too, for rows stored before phones were normalised so.
    normalised = phone_normalize(term)
    return {number, normalised} if normalised else {number}


def _passport(number: str, client_ref: str, *, full_identity: bool) -> Q:
    # Screens mask passports for those who may not see them whole: a number alone would let them
    # test guesses against a masked one, so they find a passport only by series and number.
    documents = Q(series=number[:4], number=number[4:]) if len(number) == 10 else None
    if full_identity:
        documents = Q(number=number) if documents is None else documents | Q(number=number)
    if documents is None:
        return Q(pk__in=[])
    # The clients' ids read first (by the documents' indexes): a subquery in the search's OR
    # leaves PostgreSQL no index for the whole OR, and it read every client (5 s at a million).
    clients = IdentityDocument.objects.filter(documents).values_list("client_id", flat=True)
    return Q(**{f"{client_ref}__in": list(clients)})


def client_search_q(term: str, *, prefix: str = "", full_identity: bool = False) -> Q | None:
    """A filter for clients, or for rows reaching a client through `prefix` ("client__");
    None when the term is blank. A numeric term also matches the row's own id."""
    term = term.strip()
    if not term:
        return None
    client_ref = f"{prefix}pk" if prefix else "pk"
    number = digits(term)
    if number and _NUMERIC.match(term):
        query = (
            Q(**{f"{prefix}mobile_phone__in": _phones(term, number)})
            | Q(**{f"{prefix}inn": number})
            | Q(**{f"{prefix}snils": number})
            | _passport(number, client_ref, full_identity=full_identity)
        )
        if len(number) <= 18:
            query |= Q(pk=int(number))
        return query
    query = Q()
    for word in term.split():
        query &= (
            Q(**{f"{prefix}last_name__icontains": word})
            | Q(**{f"{prefix}first_name__icontains": word})
            | Q(**{f"{prefix}patronymic__icontains": word})
            | Q(**{f"{prefix}title__icontains": word})
        )
    return query


class ClientSearchMixin(ModelAdminBase):
    """Replaces the admin's field-by-field search with `client_search_q`."""

    client_prefix = ""
    search_fields: ClassVar[tuple[str, ...]] = ("pk",)
    search_help_text: ClassVar[StrOrPromise | None] = _("Name, phone, passport (series and number), INN, SNILS or id.")

    def get_search_results(self, request, queryset, search_term):
        query = client_search_q(search_term, prefix=self.client_prefix, full_identity=sees_full_identity(request.user))
        if query is None:
            return queryset, False
        return queryset.filter(query), False
