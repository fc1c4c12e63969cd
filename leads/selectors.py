"""Reads of leads. An integrator sees the leads it sent; staff see all."""

from datetime import datetime
from typing import Any, TypedDict

from django.contrib.auth.models import User
from django.db.models import QuerySet

from clients.models import Address, AddressVerification, LoanApplication, LoanApplicationStatus
from clients.selectors import clients_visible_to, with_client_readable
from clients.selectors.duplicates import duplicate_groups
from clients.services.matching import client_find
from leads.intake import mapping
from leads.intake.validate import validate_lead
from leads.models import ClientMatch, Lead


def leads_visible_to(user: User) -> QuerySet[Lead]:
    """With `client_readable`: a lead that matched another integrator's client does not name it."""
    leads = Lead.objects.all()
    return with_client_readable(leads if user.is_staff else leads.filter(api_user=user), user=user)


def lead_get(*, user: User, lead_id: int) -> Lead | None:
    return leads_visible_to(user).filter(pk=lead_id).first()


def leads_find(*, user: User, lead_ids: list[int]) -> list[Lead]:
    found = {lead.pk: lead for lead in leads_visible_to(user).filter(pk__in=lead_ids)}
    return [found[i] for i in dict.fromkeys(lead_ids) if i in found]


class LeadPreview(TypedDict):
    valid: bool
    matchedClientId: int | None
    clientMatch: str | None


def lead_preview(*, payload: dict[str, Any], user: User) -> LeadPreview:
    """What `POST /api/v1/leads` would do with this body, creating nothing (raises on invalid input).

    Whether a client matches, and which, is told only to a sender that may read that client.
    """
    lead = validate_lead(payload, user=user)
    if lead.linked_client is not None:
        return {"valid": True, "matchedClientId": lead.linked_client.pk, "clientMatch": ClientMatch.LINKED}
    client = mapping.client_data(lead.data, address_verification=lead.address_verification, extra_fields={})
    known = client_find(data=client, legal_entity=lead.legal_entity)
    readable = known is not None and clients_visible_to(user).filter(pk=known.pk).exists()
    if known is not None and not readable:
        return {"valid": True, "matchedClientId": None, "clientMatch": None}
    return {
        "valid": True,
        "matchedClientId": known.pk if known else None,
        "clientMatch": ClientMatch.MATCHED if known else ClientMatch.CREATED,
    }


def dashboard_counts(*, since: datetime) -> dict[str, int]:
    """What waits for the back office: a fixed number of queries, whatever the data."""
    return {
        "new_leads": Lead.objects.filter(created_at__gte=since).count(),
        "applications_to_decide": LoanApplication.objects.filter(status=LoanApplicationStatus.NEW).count(),
        "duplicate_groups": len(duplicate_groups()),
        "addresses_to_verify": Address.objects.filter(verification=AddressVerification.UNVERIFIED).count(),
    }
