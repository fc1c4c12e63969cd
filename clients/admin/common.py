"""Small pieces every back-office admin screen shares."""

from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from leadcore.admin_mixins import AnyAdminBase
from leadcore.formatting import EMPTY, money
from modeleditor.models import ReferenceItem


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
        return EMPTY
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text if text is not None else str(obj))


# Which reference list each reference field of our models offers, chosen by name in a dropdown.
REFERENCE_LISTS = {
    "sex": "sex",
    "birth_country": "country",
    "country": "country",
    "kinship": "kinship",
    "subdivision": "subdivision",
    "how_you_know": "how_you_know",
    "store_type": "store_type",
    "getting_money_method": "getting_money_method",
    "document_type": "document_type",
    "purpose": "address_purpose",
}


class ReferenceChoicesMixin(AnyAdminBase):
    """Reference fields as dropdowns of their own list's active items (plus the value already set)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in REFERENCE_LISTS:
            kwargs["queryset"] = ReferenceItem.objects.filter(list=REFERENCE_LISTS[db_field.name], is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def extra_fields_html(values) -> str:
    """Extra fields as `name: value` lines; nothing but the empty mark when there are none."""
    if not isinstance(values, dict) or not values:
        return EMPTY
    return format_html_join(mark_safe("<br>"), "{}: {}", sorted(values.items()))
