"""Admin building blocks shared by the apps' back-office screens."""

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation

# A mixin's `super()` is the admin class it is mixed into: mypy checks it against that class,
# while at run time the mixin stays a plain class.
if TYPE_CHECKING:
    AnyAdminBase = admin.options.BaseModelAdmin[Any]
    ModelAdminBase = admin.ModelAdmin[Any]
else:
    AnyAdminBase = object
    ModelAdminBase = object


class ReadOnlyAdminMixin:
    """A record of what happened (a lead, a merge, a rule change): shown, never added, edited or deleted."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class HistoryInEveryLanguageMixin(ModelAdminBase):
    """Logs changed fields by their source verbose names ("first name"), not by their capitalised
    form labels, so that the history, translated when it is read, says «Изменено имя и электронная почта»."""

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        with translation.override(None):
            labels = _source_labels(form)
            for formset in formsets or ():
                for inline_form in formset.forms:
                    labels.update(_source_labels(inline_form))
        for entry in message:
            changed = entry.get("changed")
            if isinstance(changed, dict) and "fields" in changed:
                changed["fields"] = [labels.get(label, label) for label in changed["fields"]]
        return message


def _source_labels(form) -> dict[str, str]:
    """The form's labels as Django logs them, mapped to the model field's verbose name (both untranslated)."""
    model = getattr(getattr(form, "_meta", None), "model", None)
    if model is None:
        return {}
    labels = {}
    for name in form.changed_data:
        try:
            source = str(model._meta.get_field(name).verbose_name)
        except (AttributeError, FieldDoesNotExist):
            continue
        labels[str(form[name].label)] = source
    return labels
