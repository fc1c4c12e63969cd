"""Records the back office keeps about clients: merges done and pairs judged not duplicates."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class ClientMerge(models.Model):
    """One client folded into another: who did it, when, and what moved."""

    kept = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="merges_kept")
    # The removed client's row is gone; its id and a snapshot of its fields stay here.
    removed_client_id = models.BigIntegerField(db_index=True)
    removed_snapshot = models.JSONField(default=dict)
    moved = models.JSONField(default=dict, help_text="Rows moved to the kept client, per model.")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        permissions = [("view_full_identity", "Can see full passport numbers and card data")]

    def __str__(self) -> str:
        return f"#{self.removed_client_id} → #{self.kept_id}"


class NotDuplicate(models.Model):
    """An operator's decision that two clients flagged as possible duplicates are different people."""

    # Stored as an ordered pair (lower id first) so each pair is decided once.
    client_low = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="+")
    client_high = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = "not-duplicates decision"
        constraints = [
            models.UniqueConstraint(fields=["client_low", "client_high"], name="not_duplicate_unique_pair"),
            models.CheckConstraint(condition=Q(client_low__lt=F("client_high")), name="not_duplicate_ordered_pair"),
        ]

    def __str__(self) -> str:
        return f"#{self.client_low_id} ≠ #{self.client_high_id}"
