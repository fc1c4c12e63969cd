from django.db import models


class PeriodUnit(models.TextChoices):
    DAYS = "DAYS", "days"
    WEEKS = "WEEKS", "weeks"
    MONTHS = "MONTHS", "months"
    YEARS = "YEARS", "years"


class Channel(models.TextChoices):
    PRESCORE = "PRESCORE"
    GENERATOR = "GENERATOR"
    SITE = "SITE"
    ECOMM = "ECOMM"
    UNO_MOMENTO = "UNO_MOMENTO"
    LOAN_APPLICATION = "LOAN_APPLICATION"


class ClientKind(models.TextChoices):
    PERSON = "person", "person"
    COMPANY = "company", "company"


class LoanApplicationStatus(models.TextChoices):
    NEW = "new", "new"
    APPROVED = "approved", "approved"
    REJECTED = "rejected", "rejected"


class ContractStatus(models.TextChoices):
    DRAFT = "draft", "draft"
    SIGNED = "signed", "signed"
    CANCELLED = "cancelled", "cancelled"


class AddressKind(models.TextChoices):
    ACTUAL = "actual", "actual (residence)"
    REGISTRATION = "registration", "registration"
    ADDITIONAL = "additional", "additional"


class AddressVerification(models.TextChoices):
    """How an address relates to the FIAS directory."""

    BY_PARTS = "by_parts", "sent by parts, not looked up"
    VERIFIED = "verified", "verified and completed from FIAS"
    UNVERIFIED = "unverified", "FIAS id sent, directory unreachable: to verify later"
