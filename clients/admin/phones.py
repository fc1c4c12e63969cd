"""Phones typed in the back office are stored as the intake stores them: E.164 digits."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clients.validators import phone_normalize

PHONE_FIELDS = frozenset({"mobile_phone", "telephone"})


class PhoneFormField(forms.CharField):
    def to_python(self, value):
        # Normalised before the length is checked: "8 (10) 375 (29) 123-45-67" fits once read.
        text = super().to_python(value)
        if not text:
            return text
        number = phone_normalize(text)
        if number is None:
            raise forms.ValidationError(_("Not a valid phone number."), code="invalid")
        return number


class PhoneFieldsMixin:
    """For an admin or an inline whose model has `mobile_phone` or `telephone`."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in PHONE_FIELDS:
            return db_field.formfield(form_class=PhoneFormField, **kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
