"""How the back office writes amounts and moments: the way a Russian operator reads them."""

from datetime import datetime
from decimal import Decimal

from django.utils import formats, timezone

EMPTY = "—"


def money(value: Decimal | None) -> str:
    """`30 000,00 ₽` in Russian; an empty cell is the admin's one empty mark."""
    if value is None:
        return EMPTY
    return f"{formats.number_format(value, 2, use_l10n=True, force_grouping=True)}\u00a0₽"


def moment(value: datetime | None) -> str:
    """`01.12.2026 12:48` in the project's time zone."""
    if value is None:
        return EMPTY
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
