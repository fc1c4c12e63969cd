"""Decisions on loan applications and contracts: approve or reject (with a reason) an application,
sign or cancel a contract. One mechanism per record kind serves both the buttons of the record's own
page and the list's bulk actions (`decision_action`); each calls the record's status service."""

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from clients.models import ContractStatus, LoanApplicationStatus
from clients.services.status import contract_set_status, loan_application_set_status
from leadcore.errors import DomainError
from modeleditor.models import ReferenceItem, ReferenceList


def denial_reasons():
    return ReferenceItem.objects.filter(list=ReferenceList.DENIAL_REASON, is_active=True)


class RejectForm(forms.Form):
    reason = forms.ModelChoiceField(queryset=denial_reasons(), label=gettext_lazy("Denial reason"))


class RejectActionForm(ActionForm):
    """The list's action bar, with the reason the bulk "reject" action needs."""

    reason = forms.ModelChoiceField(
        queryset=denial_reasons(), required=False, label=gettext_lazy("Denial reason (to reject)")
    )


def _refused(model_admin, request, rejected: DomainError) -> None:
    for problem in rejected.problems:
        model_admin.message_user(request, problem.message, messages.ERROR)


def decision_action(decision: str, description) -> Callable:
    """A bulk action of the list that takes `decision` on every selected record, as its page's button does."""

    @admin.action(description=description, permissions=["change"])
    def action(model_admin, request, queryset) -> None:
        model_admin.decisions_class(model_admin).decide_all(request, queryset, decision)

    action.__name__ = decision
    return action


class Decisions(ABC):
    """A record kind's decisions: views added to its model admin (`<id>/decide/<decision>/`, POST only
    but for the reject form) and the bulk actions of its list."""

    decisions: dict[str, LoanApplicationStatus | ContractStatus] = {}

    @abstractmethod
    def change(self, *args: Any, **kwargs: Any) -> None:
        """Calls the record's status service: `(record, status, user, **the decision's extras)`."""

    def __init__(self, model_admin) -> None:
        self.model_admin = model_admin

    def urls(self) -> list:
        meta = self.model_admin.model._meta
        view = self.model_admin.admin_site.admin_view(self.view)
        return [path("<int:pk>/decide/<str:decision>/", view, name=f"{meta.app_label}_{meta.model_name}_decide")]

    def _record(self, request, pk: int):
        record = self.model_admin.get_queryset(request).filter(pk=pk).first()
        if record is None:
            raise Http404
        if not self.model_admin.has_change_permission(request, record):
            raise PermissionDenied
        return record

    def _back(self, record) -> HttpResponseRedirect:
        meta = record._meta
        return HttpResponseRedirect(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk]))

    def view(self, request, pk: int, decision: str):
        if decision not in self.decisions:
            raise Http404
        record = self._record(request, pk)
        if request.method != "POST" and decision != "reject":
            return HttpResponseNotAllowed(["POST"])
        return self.decide(request, record, decision)

    def _apply(self, request, record, decision: str, **kwargs):
        try:
            self.change(record, self.decisions[decision], request.user, **kwargs)
        except DomainError as rejected:
            _refused(self.model_admin, request, rejected)
        else:
            done = _("%(record)s: %(status)s.") % {"record": record, "status": self.label(decision)}
            self.model_admin.message_user(request, done, messages.SUCCESS)
        return self._back(record)

    def decide(self, request, record, decision: str):
        return self._apply(request, record, decision)

    def label(self, decision: str) -> str:
        return str(self.decisions[decision].label)

    def bulk_arguments(self, request, decision: str) -> dict:
        """What the list's action bar adds to a decision (a rejection's reason)."""
        return {}

    def decide_all(self, request, queryset, decision: str) -> None:
        """One status service call per selected row; a refused row does not stop the others."""
        arguments = self.bulk_arguments(request, decision)
        changed, refused = 0, []
        for record in queryset:
            try:
                self.change(record, self.decisions[decision], request.user, **arguments)
            except DomainError as rejected:
                refused += [problem.message for problem in rejected.problems]
            else:
                changed += 1
        if changed:
            done = ngettext(
                "%(count)d record now has the status “%(status)s”.",
                "%(count)d records now have the status “%(status)s”.",
                changed,
            )
            self.model_admin.message_user(
                request, done % {"count": changed, "status": self.label(decision)}, messages.SUCCESS
            )
        for message in refused:
            self.model_admin.message_user(request, message, messages.WARNING)


class ApplicationDecisions(Decisions):
    decisions = {"approve": LoanApplicationStatus.APPROVED, "reject": LoanApplicationStatus.REJECTED}

    def bulk_arguments(self, request, decision: str) -> dict:
        if decision != "reject":
            return {}
        reason = request.POST.get("reason") or ""
        return {"reason": int(reason) if reason.isascii() and reason.isdigit() else None}

    def change(self, record, status, user, reason=None):
        loan_application_set_status(application=record, status=status, user=user, reason=reason)

    def decide(self, request, record, decision: str):
        if decision == "approve":
            return self._apply(request, record, decision)
        form = RejectForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            return self._apply(request, record, decision, reason=form.cleaned_data["reason"].pk)
        return TemplateResponse(
            request,
            "admin/clients/loanapplication/reject.html",
            {
                **self.model_admin.admin_site.each_context(request),
                "opts": record._meta,
                "original": record,
                "title": _("Reject %(record)s") % {"record": record},
                "form": form,
            },
        )


class ContractDecisions(Decisions):
    decisions = {"sign": ContractStatus.SIGNED, "cancel": ContractStatus.CANCELLED}

    def change(self, record, status, user):
        contract_set_status(contract=record, status=status, user=user)
