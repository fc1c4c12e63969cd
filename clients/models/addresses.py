from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clients.models.base import reference
from clients.models.choices import AddressKind, AddressVerification
from leadcore.models import TimeStamped


class Address(TimeStamped):
    """An address of a client: residence, registration, or one of the additional ones."""

    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="addresses"
    )
    kind = models.CharField(_("kind"), max_length=15, choices=AddressKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), null=True, blank=True)
    purpose = reference(_("purpose"))
    country = reference(_("country"))
    # Not indexed: no address is looked up by it (the verification reads the unverified ones).
    fias_id = models.UUIDField(_("FIAS id"), null=True, blank=True)
    full_address_text = models.TextField(_("full address"), blank=True)
    fias_chain = models.JSONField(_("FIAS chain"), null=True, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    region_name = models.CharField(_("region"), max_length=255, blank=True)
    locality_name = models.CharField(_("locality"), max_length=255, blank=True)
    street_name = models.CharField(_("street"), max_length=255, blank=True)
    house_no = models.CharField(_("house"), max_length=50, blank=True)
    block_no = models.CharField(_("block"), max_length=50, blank=True)
    building_no = models.CharField(_("building"), max_length=50, blank=True)
    apartment_no = models.CharField(_("apartment"), max_length=50, blank=True)
    housing_type = models.CharField(_("housing type"), max_length=100, blank=True)
    metro_station = models.CharField(_("metro station"), max_length=100, blank=True)
    old_address_text = models.TextField(_("previous address"), blank=True)
    reg_date = models.DateField(_("registered since"), null=True, blank=True)
    telephone = models.CharField(_("telephone"), max_length=20, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=50, blank=True)
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    verification = models.CharField(
        verbose_name=_("verification"),
        max_length=12,
        choices=AddressVerification.choices,
        default=AddressVerification.BY_PARTS,
    )

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["client", "kind", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "kind"],
                condition=~Q(kind=AddressKind.ADDITIONAL),
                name="address_one_actual_one_registration",
            ),
        ]
        indexes = [
            models.Index(
                fields=["verification"],
                condition=Q(verification=AddressVerification.UNVERIFIED),
                name="address_unverified_idx",
            )
        ]

    def __str__(self) -> str:
        return self.full_address_text or ", ".join(
            p for p in (self.region_name, self.locality_name, self.street_name, self.house_no) if p
        )
