"""Loan applications and contracts: lists, read-only summaries, and decisions through the status services."""

from typing import ClassVar

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clients.admin.common import ReferenceChoicesMixin, admin_link, extra_fields_html
from clients.admin.decisions import (
    ApplicationDecisions,
    ContractDecisions,
    Decisions,
    RejectActionForm,
    decision_action,
)
from clients.admin.masking import MaskedFieldsMixin, mask_card
from clients.admin.search import ClientSearchMixin
from clients.models import Contract, Goods, LeadDebt, LoanApplication
from leadcore.admin_mixins import HistoryInEveryLanguageMixin, ReadOnlyAdminMixin
from leadcore.formatting import EMPTY, moment, money

_DATES = ("created_at", admin.DateFieldListFilter)


class _ReadOnlyLinesInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Lines the lead declared: shown compactly, never edited here."""

    extra = 0


class LeadDebtInline(_ReadOnlyLinesInline):
    model = LeadDebt
    fields = ("bank_name", "credit_name", "credit_amount_shown", "remaining_debt_shown", "monthly_payment_shown",
              "arrears", "last_payment_date")  # fmt: skip
    readonly_fields = fields

    @admin.display(description=gettext_lazy("loan amount"))
    def credit_amount_shown(self, obj) -> str:
        return money(obj.credit_amount)

    @admin.display(description=gettext_lazy("remaining debt"))
    def remaining_debt_shown(self, obj) -> str:
        return money(obj.remaining_debt)

    @admin.display(description=gettext_lazy("monthly payment"))
    def monthly_payment_shown(self, obj) -> str:
        return money(obj.monthly_payment)


class GoodsInline(_ReadOnlyLinesInline):
    model = Goods
    fields = ("name", "article", "quantity", "amount_shown", "description")
    readonly_fields = fields

    @admin.display(description=gettext_lazy("price of the line"))
    def amount_shown(self, obj) -> str:
        return money(obj.amount)


class _LendingAdmin(HistoryInEveryLanguageMixin, ReferenceChoicesMixin, ClientSearchMixin, admin.ModelAdmin):
    client_prefix = "client__"
    list_select_related = ("client", "credit_product", "legal_entity")
    list_filter: ClassVar[tuple[str | tuple[str, type[admin.FieldListFilter]], ...]] = (
        "status",
        "credit_product",
        "legal_entity",
        _DATES,
    )
    list_per_page = 50
    decisions_class: type[Decisions]

    class Media:
        css = {"all": ("clients/admin.css",)}

    @admin.display(description=gettext_lazy("client"), ordering="client__last_name")
    def client_link(self, obj) -> str:
        return admin_link(obj.client)

    @admin.display(description=gettext_lazy("period"), ordering="period")
    def term(self, obj) -> str:
        return f"{obj.period} {obj.get_period_unit_display()}" if obj.period else EMPTY

    @admin.display(description=gettext_lazy("amount"), ordering="amount")
    def amount_shown(self, obj) -> str:
        return money(obj.amount)

    @admin.display(description=gettext_lazy("created"), ordering="created_at")
    def created(self, obj) -> str:
        return moment(obj.created_at)

    @admin.display(description=gettext_lazy("status changed"), ordering="status_changed_at")
    def status_changed(self, obj) -> str:
        if obj.status_changed_at is None:
            return EMPTY
        by = obj.status_changed_by
        return f"{moment(obj.status_changed_at)}, {by}" if by else moment(obj.status_changed_at)

    @admin.display(description=gettext_lazy("extra fields"))
    def extra_fields_shown(self, obj) -> str:
        return extra_fields_html(obj.extra_fields)

    def get_urls(self):
        return [*self.decisions_class(self).urls(), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        record = self.get_object(request, object_id)
        can_decide = record is not None and self.has_change_permission(request, record)
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "decisions": can_decide})


@admin.register(LoanApplication)
class LoanApplicationAdmin(_LendingAdmin):
    # Legal entity and period are filters and details: the list fits 1440 px without scrolling.
    list_display = ("id", "client_link", "status", "channel", "credit_product", "amount_shown", "created",
                    "status_changed")  # fmt: skip
    list_filter = ("status", "channel", "credit_product", "legal_entity", _DATES)
    readonly_fields = ("client_link", "status", "denial_reason", "status_changed", "channel", "legal_entity",
                       "extra_fields_shown", "created", "credit_history")  # fmt: skip
    fieldsets = (
        (None, {"fields": (("client_link", "status"), ("denial_reason", "status_changed"), ("channel", "created"))}),
        (
            gettext_lazy("Loan requested"),
            {"fields": (("credit_product", "amount"), ("period", "period_unit"), ("manager", "legal_entity"))},
        ),
        (
            gettext_lazy("Where it came from"),
            {
                "fields": (
                    ("subdivision", "how_you_know"),
                    ("store_code", "store_type"),
                    ("order_code", "referral_link"),
                )
            },
        ),
        (gettext_lazy("Credit history"), {"fields": ("credit_history",)}),
        (gettext_lazy("Extra fields"), {"fields": ("extra_fields_shown",)}),
    )
    inlines = (LeadDebtInline, GoodsInline)
    actions = ("approve", "reject")
    action_form = RejectActionForm
    decisions_class = ApplicationDecisions
    approve = decision_action("approve", gettext_lazy("Approve the selected applications"))
    reject = decision_action("reject", gettext_lazy("Reject the selected applications"))

    @admin.display(description=gettext_lazy("credit history"))
    def credit_history(self, obj) -> str:
        figures = (obj.active_credits_count, obj.closed_credits_count, obj.active_credits_amount,
                   obj.active_delinquency_amount, obj.monthly_credit_payment)  # fmt: skip
        if all(figure is None for figure in figures):
            return EMPTY
        return _(
            "open loans: %(active)s, repaid: %(closed)s; current debt %(debt)s, overdue %(overdue)s; "
            "monthly payments %(monthly)s"
        ) % {
            "active": EMPTY if obj.active_credits_count is None else obj.active_credits_count,
            "closed": EMPTY if obj.closed_credits_count is None else obj.closed_credits_count,
            "debt": money(obj.active_credits_amount),
            "overdue": money(obj.active_delinquency_amount),
            "monthly": money(obj.monthly_credit_payment),
        }


@admin.register(Contract)
class ContractAdmin(MaskedFieldsMixin, _LendingAdmin):
    list_display = ("number", "client_link", "status", "credit_product", "amount_shown", "created",
                    "status_changed")  # fmt: skip
    search_help_text = gettext_lazy("Contract number, or the client's name, phone, passport, INN, SNILS.")
    fieldsets = (
        (None, {"fields": (("number", "status"), ("client_link", "application_link"), ("status_changed", "created"))}),
        (
            gettext_lazy("Loan"),
            {"fields": (("legal_entity", "credit_product"), ("amount", "period", "period_unit"))},
        ),
        (
            gettext_lazy("Payout"),
            {
                "fields": (
                    "getting_money_method",
                    ("card_number_masked", "card_holder"),
                    ("valid_thru_month", "valid_thru_year"),
                )
            },
        ),
        (gettext_lazy("Extra fields"), {"fields": ("extra_fields_shown",)}),
    )
    readonly_fields = ("number", "client_link", "application_link", "status", "status_changed",
                       "card_number_masked", "created", "extra_fields_shown")  # fmt: skip
    masked_stand_ins = {"card_number_masked": "card"}
    actions = ("sign", "cancel")
    decisions_class = ContractDecisions
    sign = decision_action("sign", gettext_lazy("Sign the selected contracts"))
    cancel = decision_action("cancel", gettext_lazy("Cancel the selected contracts"))

    @admin.display(description=gettext_lazy("card"))
    def card(self, obj) -> str:
        return mask_card(obj.card_number_masked)

    @admin.display(description=gettext_lazy("loan application"))
    def application_link(self, obj) -> str:
        application = obj.application
        return admin_link(application, f"{application} · {application.get_status_display()}")

    def get_search_results(self, request, queryset, search_term):
        by_client, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if not search_term.strip():
            return by_client, may_have_duplicates
        return by_client | queryset.filter(number__iexact=search_term.strip()), may_have_duplicates
