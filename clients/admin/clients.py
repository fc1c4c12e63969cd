"""Clients: a person or a company, with everything known about them on one page."""

from django.contrib import admin, messages
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clients.admin import duplicates
from clients.admin.common import count_of, money_display
from clients.admin.masking import (
    MaskedFieldsMixin,
    mask_card,
    mask_passport,
    mask_passport_json,
    mask_tail,
    sees_full_identity,
)
from clients.admin.phones import PhoneFieldsMixin
from clients.admin.search import ClientSearchMixin
from clients.models import Address, Client, Contract, IdentityDocument, LoanApplication, Relative
from clients.services.matching import client_identity_refresh
from leadcore.admin_mixins import HistoryInEveryLanguageMixin

_DOCUMENT_FIELDS = (
    "document_type",
    "series",
    "number",
    "issue_date",
    "close_date",
    "issued_by",
    "subdivision_code",
    "extra_number",
)


class IdentityDocumentInline(MaskedFieldsMixin, admin.TabularInline):
    model = IdentityDocument
    fields = _DOCUMENT_FIELDS
    raw_id_fields = ("document_type",)
    masked_stand_ins = {"series": "passport", "number": "passport"}
    template = "admin/clients/client/documents_inline.html"
    extra = 0

    @admin.display(description=_("series and number"))
    def passport(self, obj) -> str:
        return mask_passport(obj.series, obj.number)

    def has_add_permission(self, request, obj=None):
        # A document without its series and number makes no sense; operators see them masked.
        return super().has_add_permission(request, obj) and sees_full_identity(request.user)


class AddressInline(admin.TabularInline):
    """The fields operators fix; the rest (FIAS chain, attributes, …) on the address's own page."""

    model = Address
    fields = (
        "kind",
        "full_address_text",
        "postal_code",
        "region_name",
        "locality_name",
        "street_name",
        "house_no",
        "apartment_no",
        "verification",
    )
    verbose_name_plural = _("addresses")
    show_change_link = True
    extra = 0


class RelativeInline(PhoneFieldsMixin, MaskedFieldsMixin, admin.TabularInline):
    model = Relative
    fields = (
        "last_name",
        "first_name",
        "patronymic",
        "kinship",
        "birth_date",
        "telephone",
        "work_place",
        "verified",
        "passport",
    )
    show_change_link = True
    raw_id_fields = ("kinship",)
    masked_stand_ins = {"passport": "passport_masked"}
    extra = 0

    @admin.display(description=_("passport"))
    def passport_masked(self, obj) -> str:
        return mask_passport_json(obj.passport)


class _RecordsInline(admin.TabularInline):
    """The client's applications or contracts: shown here, changed on their own pages."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("credit_product", "legal_entity")


class LoanApplicationInline(_RecordsInline):
    model = LoanApplication
    fields = (
        "status",
        "channel",
        "credit_product",
        "requested_amount",
        "period",
        "period_unit",
        "legal_entity",
        "created_at",
    )
    readonly_fields = fields
    requested_amount = money_display("amount", _("requested amount"))


class ContractInline(MaskedFieldsMixin, _RecordsInline):
    model = Contract
    fields = (
        "number",
        "status",
        "credit_product",
        "contract_amount",
        "period",
        "period_unit",
        "legal_entity",
        "card_number_masked",
        "created_at",
    )
    readonly_fields = fields
    contract_amount = money_display("amount", _("amount"))
    masked_stand_ins = {"card_number_masked": "card"}

    @admin.display(description=_("card"))
    def card(self, obj) -> str:
        return mask_card(obj.card_number_masked)


@admin.register(Client)
class ClientAdmin(
    HistoryInEveryLanguageMixin, PhoneFieldsMixin, ClientSearchMixin, MaskedFieldsMixin, admin.ModelAdmin
):
    list_display = (
        "id",
        "kind",
        "name",
        "mobile_phone",
        "inn",
        "birth_date",
        "lead_count",
        "application_count",
        "created_at",
    )
    list_display_links = ("id", "name")
    list_filter = ("kind", "legal_entity", ("created_at", admin.DateFieldListFilter))
    list_per_page = 50
    raw_id_fields = ("sex", "birth_country", "legal_entity")
    readonly_fields = ("identity_key", "match_scope", "created_at", "updated_at")
    # The identity key spells out the passport: operators do not see it.
    masked_stand_ins = {"identity_key": None}
    fieldsets = (
        (None, {"fields": ("kind", "last_name", "first_name", "patronymic", "title", "registration_number")}),
        (_("Contacts and identifiers"), {"fields": ("mobile_phone", "email", "inn", "snils")}),
        (_("Personal"), {"fields": ("sex", "birth_date", "birth_place", "birth_country")}),
        (
            _("Work, income, family"),
            {
                "fields": (
                    "employer_title",
                    "employer_inn",
                    "mean_income",
                    "average_monthly_cost",
                    "children_count",
                    "adult_children_count",
                    "dependents_count",
                )
            },
        ),
        (_("Extra fields"), {"fields": ("extra_fields",)}),
        (_("Matching"), {"fields": ("legal_entity", "identity_key", "match_scope", "created_at", "updated_at")}),
    )
    inlines = (LoanApplicationInline, ContractInline, IdentityDocumentInline, AddressInline, RelativeInline)

    def get_queryset(self, request):
        leads = Client._meta.get_field("leads").related_model
        return (
            super()
            .get_queryset(request)
            .annotate(lead_count=count_of(leads), application_count=count_of(LoanApplication))
        )

    @admin.display(description=_("name"), ordering="last_name")
    def name(self, obj) -> str:
        return str(obj)

    @admin.display(description=_("leads"), ordering="lead_count")
    def lead_count(self, obj) -> int:
        return obj.lead_count

    @admin.display(description=_("applications"), ordering="application_count")
    def application_count(self, obj) -> int:
        return obj.application_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not client_identity_refresh(client=form.instance):
            messages.warning(
                request,
                gettext(
                    "Another client has the same name and passport (or INN): review them under Possible duplicates "
                    "and merge. This client keeps its previous matching identity."
                ),
            )

    def construct_change_message(self, request, form, formsets, add=False):
        # A document's name is its series and number; the history must not spell them out.
        message = super().construct_change_message(request, form, formsets, add)
        document = str(IdentityDocument._meta.verbose_name)
        for entry in message:
            for details in entry.values():
                if isinstance(details, dict) and details.get("name") == document:
                    details["object"] = mask_tail(details.get("object"), visible=3)
        return message

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("duplicates/", view(duplicates.pair_list(self)), name="clients_client_duplicates"),
            path("duplicates/merge/", view(duplicates.merge(self)), name="clients_client_merge"),
            path(
                "duplicates/not-duplicates/",
                view(duplicates.not_duplicates(self)),
                name="clients_client_not_duplicates",
            ),
            *super().get_urls(),
        ]
