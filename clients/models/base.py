from django.db import models


def reference(verbose_name: str, **kwargs) -> models.ForeignKey:
    """A nullable link to a Model Editor reference item; items are deactivated, never deleted."""
    return models.ForeignKey(
        "modeleditor.ReferenceItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
        **kwargs,
    )


def money(verbose_name: str) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, null=True, blank=True)
