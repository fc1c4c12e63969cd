from __future__ import annotations

from typing import Any

from django.db import models
from django_stubs_ext import StrOrPromise


def reference(verbose_name: StrOrPromise, **kwargs: Any) -> models.ForeignKey[Any, Any]:
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


def money(verbose_name: StrOrPromise) -> models.DecimalField[Any, Any]:
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, null=True, blank=True)


def optional_link(to: str, verbose_name: StrOrPromise, *, related_name: str) -> models.ForeignKey[Any, Any]:
    """A link a record may lack (manager, legal entity, product); the target is never deleted under it."""
    return models.ForeignKey(
        to, on_delete=models.PROTECT, null=True, blank=True, related_name=related_name, verbose_name=verbose_name
    )
