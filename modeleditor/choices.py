"""Enumerations of the Model Editor, free of models so the catalogue and migrations can import them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Target(models.TextChoices):
    """A record a lead becomes; required-field rules and extra fields belong to one."""

    CLIENT_PERSON = "client_person", _("Client (person)")
    CLIENT_COMPANY = "client_company", _("Client (company)")
    LOAN_APPLICATION = "loan_application", _("Loan application")
    CONTRACT = "contract", _("Contract")


class FieldType(models.TextChoices):
    STRING = "string", _("string")
    INTEGER = "integer", _("integer")
    DECIMAL = "decimal", _("decimal")
    BOOLEAN = "boolean", _("boolean")
    DATE = "date", _("date")
    REFERENCE = "reference", _("one of a reference list")
    ARRAY = "array", _("array")
    OBJECT = "object", _("object")


class ChangeSource(models.TextChoices):
    ADMIN = "admin", _("admin")
    API = "api", _("API")
    COMMAND = "command", _("management command")


# Extra fields of these types may be defined; arrays and objects only describe lead properties.
EXTRA_FIELD_TYPES = (
    FieldType.STRING,
    FieldType.INTEGER,
    FieldType.DECIMAL,
    FieldType.BOOLEAN,
    FieldType.DATE,
    FieldType.REFERENCE,
)

# The prefix an integrator puts before an extra field's name to place it on the target's record.
EXTRA_FIELD_PREFIX: dict[str, str] = {
    Target.CLIENT_PERSON: "client.",
    Target.CLIENT_COMPANY: "client.",
    Target.LOAN_APPLICATION: "loanApplication.",
    Target.CONTRACT: "contract.",
}
