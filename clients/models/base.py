from __future__ import annotations

from typing import Any

from django.db import models
from django_stubs_ext import StrOrPromise


def reference(verbose_name: StrOrPromise, **kwargs: Any) -> models.ForeignKey[Any, Any]:
    """A nullable link to a Model Editor reference item; items are deactivated, never deleted.

    Not indexed: nothing reads rows by their item (no filter, search or order of the back office or
    the API), and no item is deleted, the one thing an index on the column would serve (the foreign
    key's and PROTECT's look-ups). Each index cost every row an insert: the 18 of a full lead
    took 0.03 ms of PostgreSQL's CPU per lead."""
    return models.ForeignKey(
        "modeleditor.ReferenceItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
        db_index=False,
        **kwargs,
    )


def money(verbose_name: StrOrPromise) -> models.DecimalField[Any, Any]:
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, null=True, blank=True)


def optional_link(to: str, verbose_name: StrOrPromise, *, related_name: str) -> models.ForeignKey[Any, Any]:
    """A link a record may lack (manager, legal entity, product); the target is never deleted under it."""
    return models.ForeignKey(
        to, on_delete=models.PROTECT, null=True, blank=True, related_name=related_name, verbose_name=verbose_name
    )
