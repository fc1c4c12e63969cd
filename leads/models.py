from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clients.models import Channel
from leadcore.api.json import PayloadJSONEncoder
from leadcore.models import TimeStamped


class ClientMatch(models.TextChoices):
    MATCHED = "matched", _("matched an existing client")
    CREATED = "created", _("created a new client")
    LINKED = "linked", _("linked by clientId")


class Lead(TimeStamped):
    """A lead as the contract knows it (card masked, no CVC, unknown properties dropped) and what it became."""

    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, blank=True)
    api_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="leads",
        verbose_name=_("integrator"),
    )
    payload = models.JSONField(
        verbose_name=_("request body"),
        encoder=PayloadJSONEncoder,
        help_text=_("The request body's known properties, card numbers masked, security codes removed."),
    )
    ignored_properties = models.JSONField(
        _("ignored properties"),
        default=list,
        blank=True,
        help_text=_("JSON paths of the properties the contract does not know, not stored."),
    )
    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.PROTECT, related_name="leads"
    )
    client_match = models.CharField(_("client match"), max_length=10, choices=ClientMatch.choices)
    match_details = models.JSONField(_("match details"), default=dict, blank=True)
    loan_application = models.OneToOneField(
        "clients.LoanApplication", verbose_name=_("loan application"), on_delete=models.PROTECT, related_name="lead"
    )
    contract = models.OneToOneField(
        "clients.Contract", verbose_name=_("contract"), on_delete=models.PROTECT, related_name="lead"
    )
    manager = models.ForeignKey(
        "clients.Manager",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="leads",
        verbose_name=_("manager"),
    )
    legal_entity = models.ForeignKey(
        "clients.LegalEntity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="leads",
        verbose_name=_("legal entity"),
    )
    mobile_phone_check = models.BooleanField(_("mobile phone confirmed"), null=True, blank=True)
    device_type = models.ForeignKey(
        "modeleditor.ReferenceItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # as `clients.models.base.reference`'s
        verbose_name=_("device type"),
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    mac_address = models.CharField(_("MAC address"), max_length=50, blank=True)
    ip_and_region_match = models.BooleanField(_("IP matches the region"), null=True, blank=True)
    ip_and_reg_address_match = models.BooleanField(_("IP matches the registration address"), null=True, blank=True)
    denial_reason = models.ForeignKey(
        "modeleditor.ReferenceItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # as `clients.models.base.reference`'s
        verbose_name=_("denial reason"),
    )
    approved_by_scorista = models.BooleanField(_("approved by Scorista"), null=True, blank=True)
    rosfinmonitoring_check = models.BooleanField(_("Rosfinmonitoring check"), null=True, blank=True)
    ufms_check = models.BooleanField(_("FMS passport check"), null=True, blank=True)
    extra_fields = models.JSONField(_("extra fields"), default=dict, blank=True)
    # Indexed, unlike TimeStamped's: the back office lists and filters leads by it.
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-id"]

    def __str__(self) -> str:
        return gettext("Lead #%(id)s") % {"id": self.pk}


class IdempotencyState(models.TextChoices):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class IdempotencyKey(models.Model):
    """A client-chosen key that makes a retried POST return the first answer instead of a new lead."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    state = models.CharField(max_length=12, choices=IdempotencyState.choices)
    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # The PostgreSQL server process of the request holding an in-progress claim: once that process
    # has ended, the request cannot finish, and the key is free at once.
    holder_pid = models.PositiveIntegerField(null=True, blank=True)
    # Indexed for `prune_idempotency_keys`, which deletes by age.
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Moves whenever another request claims the key: a claim holds the key while this is unchanged.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_unique_per_user"),
            models.CheckConstraint(
                condition=Q(state=IdempotencyState.IN_PROGRESS) | Q(lead__isnull=False),
                name="idempotency_completed_has_lead",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.state})"
