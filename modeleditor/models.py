from django.db import models


class ReferenceList(models.TextChoices):
    SEX = "sex", "Sex"
    COUNTRY = "country", "Country"
    SUBDIVISION = "subdivision", "Subdivision"
    KINSHIP = "kinship", "Kinship"
    DOCUMENT_TYPE = "document_type", "Document type"
    HOW_YOU_KNOW = "how_you_know", "How you know about us"
    STORE_TYPE = "store_type", "Store type"
    GETTING_MONEY_METHOD = "getting_money_method", "Getting money method"
    DEVICE_TYPE = "device_type", "Device type"
    DENIAL_REASON = "denial_reason", "Denial reason"
    ADDRESS_PURPOSE = "address_purpose", "Address purpose"


class ReferenceItem(models.Model):
    """An item of a reference list. Its id is the one integrators send (101251 male, 643 Russia)."""

    id = models.BigIntegerField(primary_key=True)
    list = models.CharField(max_length=40, choices=ReferenceList.choices, db_index=True)
    name = models.CharField(max_length=255)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["list", "name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(id__gt=0), name="reference_item_id_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class ConfigVersion(models.Model):
    """One row whose counter every Model Editor change bumps, so caches in every process know."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.BigIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="config_version_singleton"),
        ]
