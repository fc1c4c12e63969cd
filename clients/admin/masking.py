"""What an operator may see of passports and cards: the last digits only."""

import copy
from typing import Any

from clients.models import IdentityDocument
from leadcore.admin_mixins import ModelAdminBase

FULL_IDENTITY_PERMISSION = "clients.view_full_identity"
_HIDDEN = "•"


def sees_full_identity(user) -> bool:
    return user.has_perm(FULL_IDENTITY_PERMISSION)


def mask_tail(value: str | None, *, visible: int) -> str:
    """Hide every digit (and every `*` of an already masked card) but the last `visible` digits."""
    if not value:
        return ""
    shown = 0
    chars = []
    for char in reversed(str(value)):
        if char.isdigit() and shown < visible:
            shown += 1
            chars.append(char)
        elif char.isdigit() or char == "*":
            chars.append(_HIDDEN)
        else:
            chars.append(char)
    return "".join(reversed(chars))


def mask_passport(series: str | None, number: str | None) -> str:
    return " ".join(part for part in (mask_tail(series, visible=0), mask_tail(number, visible=3)) if part)


def mask_card(card: str | None) -> str:
    return mask_tail(card, visible=4)


def mask_phone(phone: str | None) -> str:
    """79161234567 → 7916•••••67: enough to recognise a number, not to call it."""
    if not phone or len(phone) <= 6:
        return phone or ""
    return phone[:4] + _HIDDEN * (len(phone) - 6) + phone[-2:]


def mask_document(document: IdentityDocument | None) -> str:
    """A client's identity document or a relative's passport (`Relative.document`), masked."""
    return mask_passport(document.series, document.number) if document else ""


def _mask_document(document) -> None:
    if isinstance(document, dict):
        for key in ("seria", "no"):
            if document.get(key):
                document[key] = mask_tail(str(document[key]), visible=0 if key == "seria" else 3)


def payload_for(payload, *, full: bool):
    """The stored lead body as this user may see it; a CVC never shows, even if one slipped in."""
    shown = copy.deepcopy(payload) if isinstance(payload, dict) else {}
    shown.pop("cardCvc", None)
    if full:
        return shown
    if shown.get("cardNumber"):
        shown["cardNumber"] = mask_card(str(shown["cardNumber"]))
    _mask_document(shown.get("passport"))
    for relative in shown.get("relatives") or []:
        if isinstance(relative, dict):
            _mask_document(relative.get("passport"))
    return shown


class MaskedFieldsMixin(ModelAdminBase):
    """For users without the full-identity permission, swaps fields for masked read-only stand-ins
    (or drops them, when the stand-in is None). Works for model admins and inlines alike."""

    masked_stand_ins: dict[str, str | None] = {}

    def _swap(self, request, names) -> list[Any]:
        if sees_full_identity(request.user):
            return list(names)
        swapped = []
        for name in names:
            if isinstance(name, (tuple, list)):
                row = tuple(self._swap(request, name))
                if row:
                    swapped.append(row)
                continue
            stand_in = self.masked_stand_ins.get(name, name)
            if stand_in is not None and stand_in not in swapped:
                swapped.append(stand_in)
        return swapped

    def get_fieldsets(self, request, obj=None):
        return [
            (title, {**options, "fields": self._swap(request, options["fields"])})
            for title, options in super().get_fieldsets(request, obj)
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if sees_full_identity(request.user):
            return readonly
        return self._swap(request, readonly) + [
            stand_in for stand_in in self.masked_stand_ins.values() if stand_in and stand_in not in readonly
        ]

    def get_list_display(self, request):
        return self._swap(request, super().get_list_display(request))
