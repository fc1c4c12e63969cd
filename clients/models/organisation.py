from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clients.models.choices import PeriodUnit
from leadcore.models import TimeStamped


class LegalEntity(TimeStamped):
    """One of the company's own legal entities, under which applications and contracts are made."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    inn = models.CharField(_("INN"), max_length=12, blank=True)
    ogrn = models.CharField(_("OGRN"), max_length=15, blank=True)
    contract_prefix = models.CharField(
        _("contract prefix"), max_length=10, unique=True, help_text=_("Prefix of contract numbers, e.g. LC.")
    )

    class Meta:
        verbose_name = _("legal entity")
        verbose_name_plural = _("legal entities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Manager(TimeStamped):
    """A loan officer; the id is the one integrators send as `managerId`."""

    id = models.BigIntegerField(_("id"), primary_key=True)
    full_name = models.CharField(_("full name"), max_length=255)
    legal_entity = models.ForeignKey(
        LegalEntity, verbose_name=_("legal entity"), on_delete=models.PROTECT, related_name="managers"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="manager",
        verbose_name=_("user"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("loan officer")
        verbose_name_plural = _("loan officers")
        ordering = ["full_name"]
        constraints = [models.CheckConstraint(condition=models.Q(id__gt=0), name="manager_id_positive")]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.id})"


class CreditProduct(TimeStamped):
    """A credit product; the id is the one integrators send as `creditProductId`."""

    id = models.BigIntegerField(_("id"), primary_key=True)
    name = models.CharField(_("name"), max_length=255)
    min_amount = models.DecimalField(_("minimum amount"), max_digits=14, decimal_places=2, null=True, blank=True)
    max_amount = models.DecimalField(_("maximum amount"), max_digits=14, decimal_places=2, null=True, blank=True)
    period_unit = models.CharField(_("period unit"), max_length=10, blank=True, choices=PeriodUnit.choices)
    min_period = models.PositiveIntegerField(_("minimum period"), null=True, blank=True)
    max_period = models.PositiveIntegerField(_("maximum period"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("credit product")
        verbose_name_plural = _("credit products")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(id__gt=0), name="credit_product_id_positive"),
            models.CheckConstraint(
                condition=models.Q(min_amount__isnull=True)
                | models.Q(max_amount__isnull=True)
                | models.Q(min_amount__lte=models.F("max_amount")),
                name="credit_product_amount_range",
            ),
            models.CheckConstraint(
                condition=models.Q(min_period__isnull=True)
                | models.Q(max_period__isnull=True)
                | models.Q(min_period__lte=models.F("max_period")),
                name="credit_product_period_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name
