"""The company's own records: legal entities, loan officers, credit products (administrators only)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from clients.admin.common import money_display
from clients.models import CreditProduct, LegalEntity, Manager
from leadcore.admin_mixins import HistoryInEveryLanguageMixin


@admin.register(LegalEntity)
class LegalEntityAdmin(HistoryInEveryLanguageMixin, admin.ModelAdmin):
    list_display = ("name", "inn", "ogrn", "contract_prefix", "created_at")
    search_fields = ("name", "inn", "ogrn", "contract_prefix")


@admin.register(Manager)
class ManagerAdmin(HistoryInEveryLanguageMixin, admin.ModelAdmin):
    list_display = ("id", "full_name", "legal_entity", "user", "is_active")
    list_filter = ("is_active", "legal_entity")
    list_select_related = ("legal_entity", "user")
    search_fields = ("=id", "full_name")
    raw_id_fields = ("user",)


@admin.register(CreditProduct)
class CreditProductAdmin(HistoryInEveryLanguageMixin, admin.ModelAdmin):
    list_display = (
        "id",
        "name",
        "minimum",
        "maximum",
        "period_unit",
        "min_period",
        "max_period",
        "is_active",
    )
    list_filter = ("is_active", "period_unit")
    minimum = money_display("min_amount", _("minimum amount"))
    maximum = money_display("max_amount", _("maximum amount"))
    search_fields = ("=id", "name")
