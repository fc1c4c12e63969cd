"""Clients: a person or a company, with everything known about them on one page."""

from django.contrib import admin, messages
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clients.admin import duplicates
from clients.admin.common import ReferenceChoicesMixin, count_of, extra_fields_html
from clients.admin.masking import (
    MaskedFieldsMixin,
    mask_card,
    mask_document,
    mask_phone,
    mask_tail,
    sees_full_identity,
)
from clients.admin.phones import PhoneFieldsMixin
from clients.admin.search import ClientSearchMixin
from clients.models import Address, Client, Contract, IdentityDocument, LoanApplication, Relative
from clients.services.matching import client_identity_refresh
from leadcore.admin_mixins import HistoryInEveryLanguageMixin, ReadOnlyAdminMixin
from leadcore.formatting import EMPTY, moment, money


class _SummaryInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Rows shown as a read-only summary; each is changed on its own page."""

    extra = 0
    show_change_link = True


class IdentityDocumentInline(ReferenceChoicesMixin, MaskedFieldsMixin, admin.TabularInline):
    model = IdentityDocument
    fields = ("document_type", "series", "number", "issue_date", "close_date", "issued_by", "subdivision_code",
              "extra_number")  # fmt: skip
    masked_stand_ins = {"series": "passport", "number": "passport"}
    template = "admin/clients/client/documents_inline.html"
    extra = 0

    @admin.display(description=_("series and number"))
    def passport(self, obj) -> str:
        return mask_document(obj)

    def has_add_permission(self, request, obj=None):
        # A document without its series and number makes no sense; operators see them masked.
        return super().has_add_permission(request, obj) and sees_full_identity(request.user)


class AddressInline(_SummaryInline):
    """One line per address; it is edited on its own page (FIAS chain, parts, attributes)."""

    model = Address
    fields = ("kind", "address", "verification")
    readonly_fields = fields

    @admin.display(description=_("address"))
    def address(self, obj) -> str:
        return str(obj) or EMPTY


class RelativeInline(MaskedFieldsMixin, _SummaryInline):
    model = Relative
    fields = ("__str__", "kinship", "birth_date", "telephone", "work_place", "verified", "passport_shown")
    readonly_fields = fields
    masked_stand_ins = {"passport_shown": "passport_masked"}

    @admin.display(description=_("passport"))
    def passport_shown(self, obj) -> str:
        document = obj.document
        return (f"{document.series} {document.number}".strip() if document else "") or EMPTY

    @admin.display(description=_("passport"))
    def passport_masked(self, obj) -> str:
        return mask_document(obj.document) or "—"


class _RecordsInline(_SummaryInline):
    """The client's applications or contracts: shown here, changed on their own pages."""

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("credit_product", "legal_entity")

    @admin.display(description=_("amount"))
    def amount_shown(self, obj) -> str:
        return money(obj.amount)

    @admin.display(description=_("period"))
    def term(self, obj) -> str:
        return f"{obj.period} {obj.get_period_unit_display()}" if obj.period else EMPTY

    @admin.display(description=_("created"))
    def created(self, obj) -> str:
        return moment(obj.created_at)


class LoanApplicationInline(_RecordsInline):
    model = LoanApplication
    fields = ("status", "channel", "credit_product", "amount_shown", "term", "legal_entity", "created")
    readonly_fields = fields
    verbose_name = _("loan application")


class ContractInline(MaskedFieldsMixin, _RecordsInline):
    model = Contract
    fields = ("number", "status", "credit_product", "amount_shown", "term", "card_number_masked", "created")
    readonly_fields = fields
    masked_stand_ins = {"card_number_masked": "card"}

    @admin.display(description=_("card"))
    def card(self, obj) -> str:
        return mask_card(obj.card_number_masked)


@admin.register(Client)
class ClientAdmin(
    HistoryInEveryLanguageMixin,
    PhoneFieldsMixin,
    ReferenceChoicesMixin,
    ClientSearchMixin,
    MaskedFieldsMixin,
    admin.ModelAdmin,
):
    list_display = ("id", "kind", "name", "phone", "inn", "birth_date", "lead_count", "application_count", "created")
    list_display_links = ("id", "name")
    list_filter = ("kind", "legal_entity", ("created_at", admin.DateFieldListFilter))
    list_per_page = 50
    readonly_fields = ("identity_key", "match_scope", "created", "extra_fields_shown", "duplicates_link")
    # The identity key spells out the passport: operators do not see it.
    masked_stand_ins = {"identity_key": None, "phone": "phone_masked"}
    fieldsets = (
        (None, {"fields": (("kind", "last_name", "first_name", "patronymic"), ("title", "registration_number"))}),
        (_("Contacts and identifiers"), {"fields": (("mobile_phone", "email"), ("inn", "snils"))}),
        (_("Personal"), {"fields": (("sex", "birth_date"), ("birth_place", "birth_country"))}),
        (
            _("Work, income, family"),
            {
                "fields": (
                    ("employer_title", "employer_inn"),
                    ("mean_income", "average_monthly_cost"),
                    ("children_count", "adult_children_count", "dependents_count"),
                )
            },
        ),
        (_("Extra fields"), {"fields": ("extra_fields_shown",)}),
        (
            _("Matching"),
            {"fields": ("duplicates_link", ("legal_entity", "created"), ("identity_key", "match_scope"))},
        ),
    )

    class Media:
        css = {"all": ("clients/admin.css",)}

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

    @admin.display(description=_("phone"))
    def phone(self, obj) -> str:
        return obj.mobile_phone

    @admin.display(description=_("phone"))
    def phone_masked(self, obj) -> str:
        return mask_phone(obj.mobile_phone)

    @admin.display(description=_("created"), ordering="created_at")
    def created(self, obj) -> str:
        return moment(obj.created_at)

    @admin.display(description=_("extra fields"))
    def extra_fields_shown(self, obj) -> str:
        return extra_fields_html(obj.extra_fields)

    @admin.display(description=_("possible duplicates"))
    def duplicates_link(self, obj) -> str:
        if obj.pk is None:
            return EMPTY
        url = reverse("admin:clients_client_duplicates") + f"?client={obj.pk}"
        return format_html(
            '<a href="{}" class="client-duplicates">{}</a>', url, gettext("Compare with possible duplicates")
        )

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
