"""A lead's page: what arrived in labelled sections, what it became, and why that client."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy

from clients.admin.common import admin_link
from clients.admin.duplicates import reasons_text
from clients.admin.masking import MaskedFieldsMixin, mask_phone, payload_for, sees_full_identity
from clients.admin.search import ClientSearchMixin
from clients.selectors.duplicates import client_possible_matches
from leadcore.admin_mixins import ReadOnlyAdminMixin
from leadcore.formatting import EMPTY, moment, money
from leads.admin.sections import lead_sections
from leads.admin.wording import why_this_client
from leads.models import Lead


def _overview(lead: Lead, *, full: bool) -> str:
    application, contract = lead.loan_application, lead.contract
    matches = [
        {"client": other, "reasons": reasons_text(reasons)}
        for other, reasons in client_possible_matches(client=lead.client)
    ]
    return render_to_string(
        "admin/leads/lead/overview.html",
        {
            "lead": lead,
            "sections": lead_sections(payload_for(lead.payload, full=full)),
            "client_link": admin_link(lead.client),
            "application_link": admin_link(application),
            "application_status": application.get_status_display(),
            "contract_link": admin_link(contract),
            "contract_status": contract.get_status_display(),
            "why": why_this_client(lead),
            "matches": matches,
            "duplicates_url": reverse("admin:clients_client_duplicates") + f"?client={lead.client_id}",
            "raw_url": reverse("admin:leads_lead_payload", args=[lead.pk]),
        },
    )


@admin.register(Lead)
class LeadAdmin(ReadOnlyAdminMixin, ClientSearchMixin, MaskedFieldsMixin, admin.ModelAdmin):
    client_prefix = "client__"
    search_help_text = gettext_lazy("Lead id, or the client's name, phone, passport (series and number), INN, SNILS.")
    list_display = (
        "id",
        "created",
        "channel",
        "client_link",
        "phone",
        "product",
        "amount",
    )
    list_select_related = ("client", "loan_application__credit_product")
    list_filter = (
        "channel",
        ("created_at", admin.DateFieldListFilter),
        "legal_entity",
        ("loan_application__credit_product", admin.RelatedOnlyFieldListFilter),
    )
    list_per_page = 50

    class Media:
        css = {"all": ("clients/admin.css",)}

    date_hierarchy = "created_at"
    fieldsets = (
        (
            gettext_lazy("Intake"),
            {"fields": ("channel", "created", "api_user", "manager", "legal_entity")},
        ),
    )
    readonly_fields = ("created",)
    masked_stand_ins = {"phone": "phone_masked"}
    # The overview spans the page above the fieldsets, not squeezed into one labelled field.
    change_form_template = "admin/leads/lead/change_form.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        lead = self.get_object(request, object_id)
        overview = _overview(lead, full=sees_full_identity(request.user)) if lead is not None else ""
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "overview": overview})

    @admin.display(description=gettext_lazy("received"), ordering="created_at")
    def created(self, obj) -> str:
        return moment(obj.created_at)

    @admin.display(description=gettext_lazy("phone"))
    def phone(self, obj) -> str:
        return obj.client.mobile_phone

    @admin.display(description=gettext_lazy("phone"))
    def phone_masked(self, obj) -> str:
        return mask_phone(obj.client.mobile_phone)

    @admin.display(description=gettext_lazy("client"), ordering="client__last_name")
    def client_link(self, obj) -> str:
        return admin_link(obj.client)

    @admin.display(description=gettext_lazy("product"), ordering="loan_application__credit_product__name")
    def product(self, obj) -> str:
        return str(obj.loan_application.credit_product or EMPTY)

    @admin.display(description=gettext_lazy("amount"), ordering="loan_application__amount")
    def amount(self, obj) -> str:
        return money(obj.loan_application.amount)

    def get_urls(self):
        view = self.admin_site.admin_view(self.payload_view)
        return [path("<int:lead_id>/payload/", view, name="leads_lead_payload"), *super().get_urls()]

    def payload_view(self, request, lead_id: int):
        """The redacted body as stored, for support: masked the same way as the page."""
        lead = Lead.objects.filter(pk=lead_id).first()
        if lead is None:
            raise Http404
        if not self.has_view_permission(request, lead):
            raise PermissionDenied
        shown = payload_for(lead.payload, full=sees_full_identity(request.user))
        return JsonResponse(shown, json_dumps_params={"ensure_ascii": False, "indent": 2})
