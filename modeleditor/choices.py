"""Enumerations of the Model Editor, free of models so the catalogue and migrations can import them."""

from django.db import models


class Target(models.TextChoices):
    """A record a lead becomes; required-field rules and extra fields belong to one."""

    CLIENT_PERSON = "client_person", "Client (person)"
    CLIENT_COMPANY = "client_company", "Client (company)"
    LOAN_APPLICATION = "loan_application", "Loan application"
    CONTRACT = "contract", "Contract"


class FieldType(models.TextChoices):
    STRING = "string", "string"
    INTEGER = "integer", "integer"
    DECIMAL = "decimal", "decimal"
    BOOLEAN = "boolean", "boolean"
    DATE = "date", "date"
    REFERENCE = "reference", "one of a reference list"
    ARRAY = "array", "array"
    OBJECT = "object", "object"


class ChangeSource(models.TextChoices):
    ADMIN = "admin", "admin"
    API = "api", "API"
    COMMAND = "command", "management command"


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
EXTRA_FIELD_PREFIX = {
    Target.CLIENT_PERSON: "client.",
    Target.CLIENT_COMPANY: "client.",
    Target.LOAN_APPLICATION: "loanApplication.",
    Target.CONTRACT: "contract.",
}
