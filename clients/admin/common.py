"""Small pieces every back-office admin screen shares."""

from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html

from leadcore.formatting import money


def count_of(model, field: str = "client"):
    """The number of `model` rows pointing at each row, as one correlated subquery (no join fan-out)."""
    rows = (
        model._base_manager.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def money_display(field: str, description):
    """A list column or read-only field showing a money field as `30 000,00 ₽`."""

    @admin.display(description=description, ordering=field)
    def show(self, obj) -> str:
        return money(getattr(obj, field))

    return show


def admin_link(obj, text: str | None = None) -> str:
    """A link to the object's admin page, built from what is already loaded (no query)."""
    if obj is None:
        return "—"
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text if text is not None else str(obj))
