"""API tokens, kept as SHA-256 digests: the key itself is shown once, when it is issued."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leadcore.models import TimeStamped


class ApiToken(TimeStamped):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    # The key's first characters, to tell tokens apart in the admin and in support calls.
    prefix = models.CharField(max_length=8, editable=False)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ("-created_at",)
        constraints = [
            models.CheckConstraint(condition=models.Q(digest__regex=r"^[0-9a-f]{64}$"), name="api_token_digest_sha256"),
        ]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class RateCounter(TimeStamped):
    """Requests of one token (or address) in its current rate-limit window, when the counters live
    in the database: one row per key, counted by one statement (`throttling.window_count`).
    On PostgreSQL the table is UNLOGGED (migration 0004): a crash may restart a window."""

    key = models.CharField(max_length=200, primary_key=True)
    window_no = models.BigIntegerField()
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")

    def __str__(self) -> str:
        return f"{self.key}: {self.count} in window {self.window_no}"
