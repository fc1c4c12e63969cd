"""Builds the POST body an admin change page would send back unchanged, inlines included."""

from datetime import date, datetime


def _encode(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _form_values(form) -> dict:
    data = {}
    for name in form.fields:
        value = _encode(form[name].value())
        if value is not None:
            data[form.add_prefix(name)] = value
            if form.fields[name].show_hidden_initial:
                data[form.add_initial_prefix(name)] = value
    return data


def change_form_data(response) -> dict:
    """The unchanged form of an admin change page, as a dict to edit and POST."""
    data = _form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_values(formset.management_form))
        for form in formset.initial_forms:
            data.update(_form_values(form))
    return data
