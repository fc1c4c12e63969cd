"""Reads of the embedded GAR directory."""

import uuid

from django.db import connection
from django.db.models import BooleanField, F, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Length

from clients.gar.models import GarObject, GarObjectKind
from clients.gar.normalize import is_number, tokens

# Looked through in this order until `count` addresses are found: a query is far more often
# the start of a street than of a flat, and the flats' table is the large one.
SEARCH_STAGES = (GarObjectKind.ADDRESS_OBJECT, GarObjectKind.HOUSE, GarObjectKind.APARTMENT)
MAX_QUERY_TOKENS = 12

# Must stay identical to the expression of the GIN indexes in the migration
# `0002_search_indexes_postgresql`, or PostgreSQL will not use them.
SEARCH_VECTOR_SQL = "array_to_tsvector(string_to_array(search_text, ' '))"


def gar_object_by_guid(*, fias_id: str) -> GarObject | None:
    try:
        guid = uuid.UUID(str(fias_id))
    except ValueError:
        return None
    return GarObject.objects.filter(guid=guid).exclude(full_address="").first()


def gar_objects_by_ids(*, object_ids: set[int]) -> dict[int, GarObject]:
    return {o.object_id: o for o in GarObject.objects.filter(object_id__in=object_ids)}


def gar_objects_search(*, query: str, count: int) -> list[GarObject]:
    """The addresses whose words start with the query's words; fewest extra words first.

    Numbers must match whole, except the last token, which may still be being typed.
    """
    terms = tokens(query)[:MAX_QUERY_TOKENS]
    if not terms:
        return []
    found: list[GarObject] = []
    for kind in SEARCH_STAGES:
        found += _search_kind(kind=kind, terms=terms, limit=count - len(found))
        if len(found) >= count:
            break
    return found


def _search_kind(*, kind: str, terms: list[str], limit: int) -> list[GarObject]:
    rows = GarObject.objects.filter(kind=kind).exclude(search_text="")
    last = len(terms) - 1
    if connection.vendor == "postgresql":
        parts = [f"'{t}'" if is_number(t) and i != last else f"'{t}':*" for i, t in enumerate(terms)]
        match = RawSQL(f"{SEARCH_VECTOR_SQL} @@ %s::tsquery", (" & ".join(parts),), output_field=BooleanField())
        rows = rows.filter(match)
    else:
        rows = rows.alias(padded=Concat(Value(" "), F("search_text"), Value(" "), output_field=TextField()))
        for i, term in enumerate(terms):
            whole = is_number(term) and i != last
            rows = rows.filter(padded__contains=f" {term} " if whole else f" {term}")
    return list(rows.order_by("token_count", Length("search_text"), "full_address")[:limit])
