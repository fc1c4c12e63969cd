"""The Model Editor in the admin: required fields per target, extra fields, reference lists, history.

Every write goes through modeleditor.services, so each one is recorded and bumps the version
that every server process checks.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from leadcore.admin_mixins import HistoryInEveryLanguageMixin, ReadOnlyAdminMixin
from leadcore.errors import DomainError
from modeleditor.choices import ChangeSource, FieldType, Target
from modeleditor.models import (
    MODEL_EDITOR_PERMISSION,
    ExtraFieldDefinition,
    ReferenceItem,
    RequiredFieldRule,
    RuleChange,
)
from modeleditor.selectors import editor_rows, extra_field_conflict, records_lacking
from modeleditor.services import (
    extra_field_define,
    extra_field_delete,
    extra_field_update,
    reference_item_save,
    reference_items_set_active,
    required_rules_set,
)


class ModelEditorPermission:
    """Only holders of the Model Editor permission (superusers have it) see these screens."""

    def refusal_permissions(self, action: str) -> tuple[str, ...]:
        return (MODEL_EDITOR_PERMISSION,)

    def has_module_permission(self, request):
        return request.user.has_perm(MODEL_EDITOR_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(MODEL_EDITOR_PERMISSION)

    def has_add_permission(self, request):
        return request.user.has_perm(MODEL_EDITOR_PERMISSION)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(MODEL_EDITOR_PERMISSION)

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(MODEL_EDITOR_PERMISSION)


def _rules_form(rows, data=None) -> forms.Form:
    form = forms.Form(data)
    for row in rows:
        # A disabled field ignores what the browser posts, so a locked row stays required.
        form.fields[row.path] = forms.BooleanField(required=False, initial=row.is_required, disabled=row.is_locked)
    return form


@admin.register(RequiredFieldRule)
class RequiredFieldRuleAdmin(ModelEditorPermission, admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("editor/<str:target>/", self.admin_site.admin_view(self.editor_view), name="modeleditor_editor"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied(MODEL_EDITOR_PERMISSION)
        targets = [(label, reverse("admin:modeleditor_editor", args=[value])) for value, label in Target.choices]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Model Editor"),
            "targets": targets,
        }
        return TemplateResponse(request, "admin/modeleditor/index.html", context)

    def editor_view(self, request, target: str):
        if not self.has_view_permission(request):
            raise PermissionDenied(MODEL_EDITOR_PERMISSION)
        if target not in Target.values:
            raise Http404
        rows = editor_rows(target)
        newly_required = []
        if request.method == "POST":
            if not self.has_change_permission(request):
                raise PermissionDenied(MODEL_EDITOR_PERMISSION)
            form = _rules_form(rows, request.POST)
            if form.is_valid():
                changed = {
                    r.path: form.cleaned_data[r.path] for r in rows if form.cleaned_data[r.path] != r.is_required
                }
                newly_required = [
                    (row, records_lacking(target, row.path)) for row in rows if changed.get(row.path) is True
                ]
                if not newly_required or request.POST.get("confirmed"):
                    return self._save_rules(request, target, changed)
        else:
            form = _rules_form(rows)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": format_lazy("{}: {}", _("Model Editor"), Target(target).label),
            "target": target,
            "target_label": Target(target).label,
            "rows": [(row, form[row.path]) for row in rows],
            "newly_required": newly_required,
        }
        return TemplateResponse(request, "admin/modeleditor/editor.html", context)

    def _save_rules(self, request, target: str, changed: dict[str, bool]):
        try:
            changes = required_rules_set(
                target=target, required=changed, changed_by=request.user, source=ChangeSource.ADMIN
            )
        except DomainError as exc:
            for problem in exc.problems:
                self.message_user(request, problem.message, messages.ERROR)
        else:
            saved = ngettext(
                "Saved: %(count)d rule of “%(target)s” changed.",
                "Saved: %(count)d rules of “%(target)s” changed.",
                len(changes),
            )
            self.message_user(
                request, saved % {"count": len(changes), "target": Target(target).label}, messages.SUCCESS
            )
        return redirect("admin:modeleditor_editor", target)


@admin.register(RuleChange)
class RuleChangeAdmin(ReadOnlyAdminMixin, ModelEditorPermission, admin.ModelAdmin):
    list_display = ["created_at", "target", "path", "was_required", "is_required", "changed_by", "source"]
    list_filter = ["target", "source"]
    search_fields = ["path"]
    list_select_related = ["changed_by"]


class ExtraFieldDefinitionForm(forms.ModelForm):
    class Meta:
        model = ExtraFieldDefinition
        fields = ["target", "name", "type", "reference_list", "label"]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        field_type = data.get("type") or self.instance.type
        if field_type == FieldType.REFERENCE and not data.get("reference_list"):
            self.add_error("reference_list", _("Choose the reference list the values come from."))
        elif field_type != FieldType.REFERENCE:
            data["reference_list"] = ""
            self.instance.reference_list = ""
        target = data.get("target") or self.instance.target
        name = data.get("name") or self.instance.name
        if target and name and field_type:
            conflict = extra_field_conflict(
                target=target,
                name=name,
                field_type=field_type,
                reference_list=data.get("reference_list", ""),
                exclude_pk=self.instance.pk,
            )
            if conflict:
                self.add_error("name", conflict)
        return data


@admin.register(ExtraFieldDefinition)
class ExtraFieldDefinitionAdmin(HistoryInEveryLanguageMixin, ModelEditorPermission, admin.ModelAdmin):
    form = ExtraFieldDefinitionForm
    list_display = ["full_name", "target", "type", "reference_list", "label"]
    list_filter = ["target", "type"]
    search_fields = ["name", "label"]
    actions = None

    def get_readonly_fields(self, request, obj=None):
        return ["target", "name"] if obj else []

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            extra_field_update(
                definition=obj, field_type=data["type"], label=data["label"], reference_list=data["reference_list"]
            )
        else:
            obj.pk = extra_field_define(
                target=data["target"],
                name=data["name"],
                field_type=data["type"],
                label=data["label"],
                reference_list=data["reference_list"],
            ).pk

    def delete_model(self, request, obj):
        extra_field_delete(definition=obj, changed_by=request.user, source=ChangeSource.ADMIN)


@admin.register(ReferenceItem)
class ReferenceItemAdmin(HistoryInEveryLanguageMixin, ModelEditorPermission, admin.ModelAdmin):
    list_display = ["id", "name", "list", "is_active"]
    list_filter = ["list", "is_active"]
    search_fields = ["name", "=id"]
    fields = ["id", "list", "name", "is_active"]
    actions = ["deactivate", "activate"]

    def has_delete_permission(self, request, obj=None):
        # Leads and clients point at items; an item is deactivated, never deleted.
        return False

    def get_readonly_fields(self, request, obj=None):
        return ["id", "list"] if obj else []

    def save_model(self, request, obj, form, change):
        reference_item_save(item_id=obj.id, list_code=obj.list, name=obj.name, is_active=obj.is_active)

    @admin.action(description=_("Deactivate the selected items (refused in new leads)"))
    def deactivate(self, request, queryset):
        count = reference_items_set_active(item_ids=queryset.values_list("pk", flat=True), is_active=False)
        done = ngettext("%(count)d item deactivated.", "%(count)d items deactivated.", count)
        self.message_user(request, done % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Activate the selected items"))
    def activate(self, request, queryset):
        count = reference_items_set_active(item_ids=queryset.values_list("pk", flat=True), is_active=True)
        done = ngettext("%(count)d item activated.", "%(count)d items activated.", count)
        self.message_user(request, done % {"count": count}, messages.SUCCESS)
