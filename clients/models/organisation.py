from django.conf import settings
from django.db import models

from clients.models.base import TimeStamped
from clients.models.choices import PeriodUnit


class LegalEntity(TimeStamped):
    """One of the company's own legal entities, under which applications and contracts are made."""

    name = models.CharField(max_length=255, unique=True)
    inn = models.CharField("INN", max_length=12, blank=True)
    ogrn = models.CharField("OGRN", max_length=15, blank=True)
    contract_prefix = models.CharField(max_length=10, unique=True, help_text="Prefix of contract numbers, e.g. LC.")

    class Meta:
        verbose_name_plural = "legal entities"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Manager(TimeStamped):
    """A loan officer; the id is the one integrators send as `managerId`."""

    id = models.BigIntegerField(primary_key=True)
    full_name = models.CharField(max_length=255)
    legal_entity = models.ForeignKey(LegalEntity, on_delete=models.PROTECT, related_name="managers")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="manager"
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["full_name"]
        constraints = [models.CheckConstraint(condition=models.Q(id__gt=0), name="manager_id_positive")]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.id})"


class CreditProduct(TimeStamped):
    """A credit product; the id is the one integrators send as `creditProductId`."""

    id = models.BigIntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    min_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    max_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    period_unit = models.CharField(max_length=10, blank=True, choices=PeriodUnit.choices)
    min_period = models.PositiveIntegerField(null=True, blank=True)
    max_period = models.PositiveIntegerField(null=True, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
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
