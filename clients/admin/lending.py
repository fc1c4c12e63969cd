"""Loan applications and contracts: lists, and status changes through the status services."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from clients.admin.common import admin_link, money_display
from clients.admin.masking import MaskedFieldsMixin, mask_card
from clients.admin.search import ClientSearchMixin
from clients.models import (
    Contract,
    ContractStatus,
    Goods,
    LeadDebt,
    LoanApplication,
    LoanApplicationStatus,
)
from clients.services.status import contract_set_status, loan_application_set_status
from leadcore.admin_mixins import HistoryInEveryLanguageMixin
from leadcore.api.errors import RequestRejected

_DATES = ("created_at", admin.DateFieldListFilter)


def _set_status(model_admin, request, queryset, *, change, status) -> None:
    """Runs one status service per selected row; a refused row does not stop the others."""
    changed, refused = 0, []
    for record in queryset:
        try:
            change(record, status, request.user)
        except RequestRejected as rejected:
            refused += [problem.message for problem in rejected.problems]
        else:
            changed += 1
    if changed:
        done = ngettext(
            "%(count)d record now has the status “%(status)s”.",
            "%(count)d records now have the status “%(status)s”.",
            changed,
        )
        model_admin.message_user(request, done % {"count": changed, "status": status.label}, messages.SUCCESS)
    for message in refused:
        model_admin.message_user(request, message, messages.WARNING)


class LeadDebtInline(admin.TabularInline):
    model = LeadDebt
    extra = 0


class GoodsInline(admin.TabularInline):
    model = Goods
    extra = 0


class _LendingAdmin(HistoryInEveryLanguageMixin, ClientSearchMixin, admin.ModelAdmin):
    client_prefix = "client__"
    list_select_related = ("client", "credit_product", "legal_entity")
    list_filter = ("status", "credit_product", "legal_entity", _DATES)
    list_per_page = 50

    @admin.display(description=_("client"), ordering="client__last_name")
    def client_link(self, obj) -> str:
        return admin_link(obj.client)

    @admin.display(description=_("period"), ordering="period")
    def term(self, obj) -> str:
        return f"{obj.period} {obj.get_period_unit_display()}" if obj.period else "—"


@admin.register(LoanApplication)
class LoanApplicationAdmin(_LendingAdmin):
    list_display = (
        "id",
        "client_link",
        "status",
        "channel",
        "credit_product",
        "requested_amount",
        "term",
        "legal_entity",
        "created_at",
        "status_changed_at",
    )
    requested_amount = money_display("amount", _("requested amount"))
    list_filter = ("status", "channel", "credit_product", "legal_entity", _DATES)
    raw_id_fields = ("manager", "subdivision", "how_you_know", "store_type")
    readonly_fields = (
        "client_link",
        "status",
        "status_changed_at",
        "status_changed_by",
        "created_at",
        "updated_at",
    )
    exclude = ("client",)
    inlines = (LeadDebtInline, GoodsInline)
    actions = ("approve", "reject")

    def _change(self, record, status, user):
        loan_application_set_status(application=record, status=status, user=user)

    @admin.action(description=_("Approve the selected applications"), permissions=["change"])
    def approve(self, request, queryset):
        _set_status(self, request, queryset, change=self._change, status=LoanApplicationStatus.APPROVED)

    @admin.action(description=_("Reject the selected applications"), permissions=["change"])
    def reject(self, request, queryset):
        _set_status(self, request, queryset, change=self._change, status=LoanApplicationStatus.REJECTED)


@admin.register(Contract)
class ContractAdmin(MaskedFieldsMixin, _LendingAdmin):
    list_display = (
        "number",
        "client_link",
        "status",
        "credit_product",
        "contract_amount",
        "term",
        "legal_entity",
        "created_at",
        "status_changed_at",
    )
    contract_amount = money_display("amount", _("amount"))
    search_help_text = _("Contract number, or the client's name, phone, passport, INN, SNILS.")
    fields = (
        "number",
        "client_link",
        "application",
        "status",
        "status_changed_at",
        "status_changed_by",
        "legal_entity",
        "credit_product",
        "amount",
        "period",
        "period_unit",
        "getting_money_method",
        "card_number_masked",
        "card_holder",
        "valid_thru_month",
        "valid_thru_year",
        "extra_fields",
        "created_at",
        "updated_at",
    )
    raw_id_fields = ("getting_money_method",)
    readonly_fields = (
        "number",
        "client_link",
        "application",
        "status",
        "status_changed_at",
        "status_changed_by",
        "card_number_masked",
        "created_at",
        "updated_at",
    )
    masked_stand_ins = {"card_number_masked": "card"}
    actions = ("sign", "cancel")

    @admin.display(description=_("card"))
    def card(self, obj) -> str:
        return mask_card(obj.card_number_masked)

    def get_search_results(self, request, queryset, search_term):
        by_client, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if not search_term.strip():
            return by_client, may_have_duplicates
        return by_client | queryset.filter(number__iexact=search_term.strip()), may_have_duplicates

    def _change(self, record, status, user):
        contract_set_status(contract=record, status=status, user=user)

    @admin.action(description=_("Sign the selected contracts"), permissions=["change"])
    def sign(self, request, queryset):
        _set_status(self, request, queryset, change=self._change, status=ContractStatus.SIGNED)

    @admin.action(description=_("Cancel the selected contracts"), permissions=["change"])
    def cancel(self, request, queryset):
        _set_status(self, request, queryset, change=self._change, status=ContractStatus.CANCELLED)
