"""Client records on their own lists, and the back office's own records: merges and decisions."""

from typing import ClassVar

from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clients.admin.common import ReferenceChoicesMixin, admin_link
from clients.admin.masking import (
    FULL_IDENTITY_PERMISSION,
    MaskedFieldsMixin,
    mask_document,
    mask_phone,
    sees_full_identity,
)
from clients.admin.phones import PhoneFieldsMixin
from clients.admin.search import ClientSearchMixin
from clients.models import Address, Client, ClientMerge, IdentityDocument, NotDuplicate, Relative
from clients.services.matching import client_identity_refresh
from leadcore.admin_mixins import HistoryInEveryLanguageMixin, ReadOnlyAdminMixin


class _ClientRecordAdmin(HistoryInEveryLanguageMixin, ReferenceChoicesMixin, ClientSearchMixin, admin.ModelAdmin):
    client_prefix = "client__"
    list_select_related: ClassVar[tuple[str, ...]] = ("client",)
    raw_id_fields = ("client",)
    list_per_page = 50

    @admin.display(description=_("client"), ordering="client__last_name")
    def client_link(self, obj) -> str:
        return admin_link(obj.client)


@admin.register(IdentityDocument)
class IdentityDocumentAdmin(_ClientRecordAdmin):
    list_display = ("id", "client_link", "document_type", "series", "number", "issue_date", "issued_by")
    list_select_related = ("client", "document_type")
    fields = (
        "client",
        "document_type",
        "series",
        "number",
        "issue_date",
        "close_date",
        "issued_by",
        "subdivision_code",
        "extra_number",
    )
    raw_id_fields = ("client",)

    # Page titles and history name a document by its series and number: operators reach
    # documents through the client's page, where they are masked.
    def refusal_permissions(self, action: str) -> tuple[str, ...]:
        return (f"clients.{action}_identitydocument", FULL_IDENTITY_PERMISSION)

    def has_module_permission(self, request):
        return super().has_module_permission(request) and sees_full_identity(request.user)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and sees_full_identity(request.user)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and sees_full_identity(request.user)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and sees_full_identity(request.user)

    # A passport is half of a person's matching identity: keep each affected client's key true.
    def save_model(self, request, obj, form, change):
        previous = IdentityDocument.objects.filter(pk=obj.pk).values_list("client_id", flat=True).first()
        super().save_model(request, obj, form, change)
        self._refresh(request, {obj.client_id, previous} - {None})

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._refresh(request, {obj.client_id})

    def delete_queryset(self, request, queryset):
        client_ids = set(queryset.values_list("client_id", flat=True))
        super().delete_queryset(request, queryset)
        self._refresh(request, client_ids)

    def _refresh(self, request, client_ids: set[int]) -> None:
        for client in Client.objects.filter(pk__in=client_ids):
            if not client_identity_refresh(client=client):
                self.message_user(
                    request,
                    gettext(
                        "Client #%(id)s now has the name and passport of another client: merge them under "
                        "Possible duplicates."
                    )
                    % {"id": client.pk},
                    messages.WARNING,
                )


@admin.register(Address)
class AddressAdmin(PhoneFieldsMixin, _ClientRecordAdmin):
    list_display = ("id", "client_link", "kind", "__str__", "verification", "fias_id")
    list_filter = ("kind", "verification")
    raw_id_fields = ("client",)


@admin.register(Relative)
class RelativeAdmin(PhoneFieldsMixin, MaskedFieldsMixin, _ClientRecordAdmin):
    list_display = ("id", "client_link", "__str__", "kinship", "phone")
    list_select_related = ("client", "kinship")
    raw_id_fields = ("client",)
    masked_stand_ins = {"passport": "passport_masked", "phone": "phone_masked"}

    @admin.display(description=_("phone"))
    def phone(self, obj) -> str:
        return obj.telephone

    @admin.display(description=_("phone"))
    def phone_masked(self, obj) -> str:
        return mask_phone(obj.telephone)

    @admin.display(description=_("passport"))
    def passport_masked(self, obj) -> str:
        return mask_document(obj.document) or "—"


@admin.register(ClientMerge)
class ClientMergeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("id", "merged_at", "kept_link", "removed_client_id", "merged_by", "moved")
    list_select_related = ("kept", "merged_by")
    search_fields = ("=kept__id", "=removed_client_id")
    fields = ("kept", "removed_client_id", "moved", "removed_snapshot", "merged_by", "merged_at")
    readonly_fields = fields

    @admin.display(description=_("kept client"), ordering="kept")
    def kept_link(self, obj) -> str:
        return admin_link(obj.kept)


@admin.register(NotDuplicate)
class NotDuplicateAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("id", "created_at", "client_low", "client_high", "decided_by")
    list_select_related = ("client_low", "client_high", "decided_by")
    fields = ("client_low", "client_high", "decided_by", "created_at")
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):
        # A decision taken by mistake is undone by deleting it (with the delete permission): the pair
        # is listed as possible duplicates again.
        return admin.ModelAdmin.has_delete_permission(self, request, obj)
