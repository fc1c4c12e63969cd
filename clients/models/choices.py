from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodUnit(models.TextChoices):
    DAYS = "DAYS", _("days")
    WEEKS = "WEEKS", _("weeks")
    MONTHS = "MONTHS", _("months")
    YEARS = "YEARS", _("years")


class Channel(models.TextChoices):
    PRESCORE = "PRESCORE", _("prescoring")
    GENERATOR = "GENERATOR", _("lead generator")
    SITE = "SITE", _("our website")
    ECOMM = "ECOMM", _("online shop")
    UNO_MOMENTO = "UNO_MOMENTO", _("Uno Momento")
    LOAN_APPLICATION = "LOAN_APPLICATION", _("loan application")


class ClientKind(models.TextChoices):
    PERSON = "person", _("person")
    COMPANY = "company", _("company")


class LoanApplicationStatus(models.TextChoices):
    NEW = "new", _("new")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class ContractStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SIGNED = "signed", _("signed")
    CANCELLED = "cancelled", _("cancelled")


class AddressKind(models.TextChoices):
    ACTUAL = "actual", _("actual (residence)")
    REGISTRATION = "registration", _("registration")
    ADDITIONAL = "additional", _("additional")


class AddressVerification(models.TextChoices):
    """How an address relates to the FIAS directory."""

    BY_PARTS = "by_parts", _("sent by parts, not looked up")
    VERIFIED = "verified", _("verified and completed from FIAS")
    UNVERIFIED = "unverified", _("FIAS id sent, directory unreachable: to verify later")
