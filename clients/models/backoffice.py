"""Records the back office keeps about clients: merges done and pairs judged not duplicates."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ClientMerge(models.Model):
    """One client folded into another: who did it, when, and what moved."""

    kept = models.ForeignKey(
        "clients.Client", verbose_name=_("kept client"), on_delete=models.PROTECT, related_name="merges_kept"
    )
    # The removed client's row is gone; its id and a snapshot of its fields stay here.
    removed_client_id = models.BigIntegerField(_("removed client"), db_index=True)
    removed_snapshot = models.JSONField(_("removed client's data"), default=dict)
    moved = models.JSONField(_("moved records"), default=dict, help_text=_("Rows moved to the kept client, per model."))
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("merged by"),
    )
    merged_at = models.DateTimeField(_("merged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("client merge")
        verbose_name_plural = _("client merges")
        ordering = ["-id"]
        permissions = [("view_full_identity", _("Can see full passport numbers and card data"))]

    def __str__(self) -> str:
        return f"#{self.removed_client_id} → #{self.kept_id}"


class NotDuplicate(models.Model):
    """An operator's decision that two clients flagged as possible duplicates are different people."""

    # Stored as an ordered pair (lower id first) so each pair is decided once.
    client_low = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="+"
    )
    client_high = models.ForeignKey(
        "clients.Client", verbose_name=_("other client"), on_delete=models.CASCADE, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("not-duplicates decision")
        verbose_name_plural = _("not-duplicates decisions")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["client_low", "client_high"], name="not_duplicate_unique_pair"),
            models.CheckConstraint(condition=Q(client_low__lt=F("client_high")), name="not_duplicate_ordered_pair"),
        ]

    def __str__(self) -> str:
        return f"#{self.client_low_id} ≠ #{self.client_high_id}"
