"""Phones typed in the back office are stored as the intake stores them: E.164 digits."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clients.validators import phone_normalize
from leadcore.admin_mixins import AnyAdminBase

PHONE_FIELDS = frozenset({"mobile_phone", "telephone"})


class PhoneFormField(forms.CharField):
    # The stored length is checked after normalising: "8 (10) 375 (29) 123-45-67" fits once read,
    # so the browser must not cut it short.
    def widget_attrs(self, widget):
        return {k: v for k, v in super().widget_attrs(widget).items() if k != "maxlength"}

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return text
        number = phone_normalize(text)
        if number is None:
            raise forms.ValidationError(_("Not a valid phone number."), code="invalid")
        return number


class PhoneFieldsMixin(AnyAdminBase):
    """For an admin or an inline whose model has `mobile_phone` or `telephone`."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in PHONE_FIELDS:
            kwargs["form_class"] = PhoneFormField
        return super().formfield_for_dbfield(db_field, request, **kwargs)
