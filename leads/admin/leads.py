"""Leads in the back office: what arrived, what it became, and why that client."""

import json

from django.contrib import admin
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html, format_html_join

from clients.admin.common import admin_link
from clients.admin.masking import MaskedFieldsMixin, mask_phone, payload_for
from clients.admin.search import ClientSearchMixin
from leadcore.admin_mixins import ReadOnlyAdminMixin
from leads.models import ClientMatch, Lead

_MATCH_EXPLAINED = {
    ClientMatch.MATCHED: "An existing client had the same identity; matched on",
    ClientMatch.CREATED: "No client had this identity, so a new client was created from",
    ClientMatch.LINKED: "The lead named the client explicitly by",
}


def _why(lead: Lead) -> str:
    details = lead.match_details if isinstance(lead.match_details, dict) else {}
    fields = details.get("fields") or []
    if lead.client_match == ClientMatch.LINKED and not fields:
        fields = ["clientId"]
    scope = details.get("scope") or ""
    where = f" (within legal entity {scope})" if scope else " (company-wide)"
    return f"{_MATCH_EXPLAINED.get(lead.client_match, lead.client_match)}: {', '.join(fields) or '—'}{where}."


def _overview(lead: Lead, *, full: bool) -> str:
    body = json.dumps(payload_for(lead.payload, full=full), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    application, contract = lead.loan_application, lead.contract
    became = format_html_join(
        "",
        "<tr><th>{}</th><td>{}</td></tr>",
        (
            ("Client", format_html("{} — {}", admin_link(lead.client), lead.get_client_match_display())),
            ("Loan application", format_html("{} — {}", admin_link(application), application.status)),
            ("Contract", format_html("{} — {}", admin_link(contract), contract.status)),
            ("Why this client", _why(lead)),
        ),
    )
    return format_html(
        '<div class="lead-overview" style="display:flex;gap:2em;align-items:flex-start">'
        '<div style="flex:1;min-width:0"><h3>Received</h3>'
        '<pre class="lead-payload" style="white-space:pre-wrap;max-height:40em;overflow:auto">{}</pre></div>'
        '<div style="flex:1"><h3>Became</h3><table class="lead-became">{}</table></div></div>',
        body,
        became,
    )


@admin.register(Lead)
class LeadAdmin(ReadOnlyAdminMixin, ClientSearchMixin, MaskedFieldsMixin, admin.ModelAdmin):
    client_prefix = "client__"
    search_help_text = "Lead id, or the client's name, phone, passport (series and number), INN, SNILS."
    list_display = (
        "id",
        "created_at",
        "channel",
        "name",
        "phone",
        "status",
        "client_link",
        "product",
        "amount",
    )
    list_select_related = ("client", "loan_application__credit_product")
    list_filter = (
        "channel",
        "status",
        ("created_at", admin.DateFieldListFilter),
        "legal_entity",
        ("loan_application__credit_product", admin.RelatedOnlyFieldListFilter),
    )
    list_per_page = 50
    date_hierarchy = "created_at"
    fieldsets = (
        (None, {"fields": ("overview",)}),
        (
            "Intake",
            {
                "fields": (
                    "status",
                    "channel",
                    "created_at",
                    "api_user",
                    "manager",
                    "legal_entity",
                    "extra_fields",
                )
            },
        ),
        (
            "Checks and device",
            {
                "classes": ("collapse",),
                "fields": (
                    "mobile_phone_check",
                    "device_type",
                    "ip_address",
                    "mac_address",
                    "ip_and_region_match",
                    "ip_and_reg_address_match",
                    "denial_reason",
                    "approved_by_scorista",
                    "rosfinmonitoring_check",
                    "ufms_check",
                ),
            },
        ),
    )
    readonly_fields = ("overview",)
    masked_stand_ins = {"overview": "overview_masked"}

    @admin.display(description="lead")
    def overview(self, obj) -> str:
        return _overview(obj, full=True)

    @admin.display(description="lead")
    def overview_masked(self, obj) -> str:
        return _overview(obj, full=False)

    @admin.display(description="name", ordering="client__last_name")
    def name(self, obj) -> str:
        return str(obj.client)

    @admin.display(description="phone")
    def phone(self, obj) -> str:
        return mask_phone(obj.client.mobile_phone)

    @admin.display(description="client", ordering="client")
    def client_link(self, obj) -> str:
        return admin_link(obj.client, f"#{obj.client_id}")

    @admin.display(description="product", ordering="loan_application__credit_product__name")
    def product(self, obj) -> str:
        return str(obj.loan_application.credit_product or "—")

    @admin.display(description="amount", ordering="loan_application__amount")
    def amount(self, obj):
        return obj.loan_application.amount
