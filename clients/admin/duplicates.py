"""The possible-duplicates screen: review pairs, merge one client into the other, or keep both."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clients.admin.masking import mask_passport, mask_phone, sees_full_identity
from clients.models import Client, IdentityDocument
from clients.selectors import duplicates
from clients.selectors.duplicates import client_records_count, duplicate_groups
from clients.services.merge import client_merge, clients_mark_not_duplicates
from leadcore.errors import DomainError
from leadcore.formatting import EMPTY

REASON_LABELS = {
    duplicates.SAME_PHONE: gettext_lazy("the same phone"),
    duplicates.SAME_INN: gettext_lazy("the same INN"),
    duplicates.SAME_SNILS: gettext_lazy("the same SNILS"),
    duplicates.SAME_PASSPORT_OTHER_NAME: gettext_lazy("the same passport under another name"),
    duplicates.SAME_NAME_BIRTH_OTHER_PASSPORT: gettext_lazy("the same name and birth date, another passport"),
    duplicates.SAME_NAME_BIRTH_PASSPORT: gettext_lazy("the same name, birth date and passport"),
    duplicates.SAME_NAME_BIRTH: gettext_lazy("the same name and birth date"),
}

MERGE_PERMISSION = "clients.add_clientmerge"
DECIDE_PERMISSION = "clients.add_notduplicate"


def _passports(request, client_ids) -> dict[int, str]:
    full = sees_full_identity(request.user)
    shown: dict[int, list[str]] = {}
    documents = IdentityDocument.objects.filter(client_id__in=client_ids).exclude(number="")
    for client_id, series, number in documents.values_list("client_id", "series", "number"):
        text = f"{series} {number}".strip() if full else mask_passport(series, number)
        shown.setdefault(client_id, []).append(text)
    return {client_id: ", ".join(texts) for client_id, texts in shown.items()}


def _context(model_admin, request, **extra) -> dict:
    return {**model_admin.admin_site.each_context(request), "opts": Client._meta, **extra}


def _list_url() -> str:
    return reverse("admin:clients_client_duplicates")


def reasons_text(reasons) -> str:
    return ", ".join(str(REASON_LABELS.get(reason, reason)) for reason in reasons)


def _comparison(request, group, passports: dict[int, str]) -> list[dict]:
    """One row per compared value; `differs` when the group's clients disagree on it."""
    full = sees_full_identity(request.user)
    values = (
        (_("Full name or title"), lambda c: str(c)),
        (_("Phone"), lambda c: c.mobile_phone if full else mask_phone(c.mobile_phone)),
        (_("Birth date"), lambda c: c.birth_date.strftime("%d.%m.%Y") if c.birth_date else ""),
        (_("INN"), lambda c: c.inn),
        (_("SNILS"), lambda c: c.snils),
        (_("Passport"), lambda c: passports.get(c.pk, "")),
    )
    rows = []
    for label, value_of in values:
        cells = [value_of(client) or EMPTY for client in group.clients]
        rows.append({"label": label, "cells": cells, "differs": len(set(cells)) > 1})
    return rows


def pair_list(model_admin):
    def view(request):
        if not model_admin.has_view_permission(request):
            raise PermissionDenied("clients.view_client")
        client_id = request.GET.get("client", "")
        only = int(client_id) if client_id.isascii() and client_id.isdigit() else None
        groups = duplicate_groups(client_id=only)
        passports = _passports(request, {c.pk for group in groups for c in group.clients})
        shown = [
            {
                "clients": group.clients,
                "ids": ",".join(str(c.pk) for c in group.clients),
                "reasons": reasons_text(group.reasons),
                "comparison": _comparison(request, group, passports),
                "pairs": [
                    {"first": pair.first, "second": pair.second, "reasons": reasons_text(pair.reasons)}
                    for pair in group.pairs
                ],
            }
            for group in groups
        ]
        can_merge = request.user.has_perm(MERGE_PERMISSION) and model_admin.has_change_permission(request)
        return TemplateResponse(
            request,
            "admin/clients/client/duplicates.html",
            _context(
                model_admin,
                request,
                title=_("Possible duplicates"),
                groups=shown,
                only=only,
                can_merge=can_merge,
                can_decide=request.user.has_perm(DECIDE_PERMISSION),
            ),
        )

    return view


def _client_or_404(client_id: str | None) -> Client:
    """The client named by a form's id; anything but a plain number is simply not found."""
    if not (client_id and client_id.isascii() and client_id.isdigit()):
        raise Http404("No such client.")
    return get_object_or_404(Client, pk=int(client_id))


def merge(model_admin):
    def view(request):
        if not (request.user.has_perm(MERGE_PERMISSION) and model_admin.has_change_permission(request)):
            raise PermissionDenied(MERGE_PERMISSION, "clients.change_client")
        source = request.POST if request.method == "POST" else request.GET
        keep = _client_or_404(source.get("keep"))
        remove = _client_or_404(source.get("remove"))
        if request.method == "POST":
            try:
                client_merge(keep=keep, remove=remove, user=request.user)
            except DomainError as rejected:
                for problem in rejected.problems:
                    model_admin.message_user(request, problem.message, messages.ERROR)
                return HttpResponseRedirect(_list_url())
            model_admin.message_user(
                request,
                _("Client #%(remove)s was merged into %(keep)s (#%(id)s).")
                % {"remove": remove.pk, "keep": keep, "id": keep.pk},
            )
            return HttpResponseRedirect(reverse("admin:clients_client_change", args=[keep.pk]))
        passports = _passports(request, {keep.pk, remove.pk})
        return TemplateResponse(
            request,
            "admin/clients/client/merge_confirm.html",
            _context(
                model_admin,
                request,
                title=_("Merge client #%(remove)s into #%(keep)s") % {"remove": remove.pk, "keep": keep.pk},
                keep=keep,
                remove=remove,
                keep_passports=passports.get(keep.pk, ""),
                remove_passports=passports.get(remove.pk, ""),
                moving=client_records_count(client=remove),
            ),
        )

    return view


def not_duplicates(model_admin):
    def view(request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm(DECIDE_PERMISSION):
            raise PermissionDenied(DECIDE_PERMISSION)
        first = _client_or_404(request.POST.get("first"))
        second = _client_or_404(request.POST.get("second"))
        try:
            clients_mark_not_duplicates(first=first, second=second, user=request.user)
        except DomainError as rejected:
            for problem in rejected.problems:
                model_admin.message_user(request, problem.message, messages.ERROR)
        else:
            model_admin.message_user(
                request,
                _("Clients #%(first)s and #%(second)s are not duplicates.") % {"first": first.pk, "second": second.pk},
            )
        return HttpResponseRedirect(_list_url())

    return view
