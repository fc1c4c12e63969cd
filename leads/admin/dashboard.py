"""The admin's first page: what waits for an operator today, each count a link to its list."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leads.selectors import dashboard_counts


@dataclass(frozen=True, slots=True)
class Card:
    key: str
    label: str
    count: int
    url: str


def dashboard_cards(user) -> list[Card]:
    """The cards this user may open; counts of lists it may not see are left out."""
    today = timezone.localdate()
    start = timezone.make_aware(datetime.combine(today, datetime.min.time()))
    counts = dashboard_counts(since=start)
    day = urlencode({"created_at__day": today.day, "created_at__month": today.month, "created_at__year": today.year})
    cards = (
        ("new_leads", _("New leads today"), "leads.view_lead", reverse("admin:leads_lead_changelist") + "?" + day),
        (
            "applications_to_decide",
            _("Applications awaiting a decision"),
            "clients.view_loanapplication",
            reverse("admin:clients_loanapplication_changelist") + "?status__exact=new",
        ),
        (
            "duplicate_groups",
            _("Possible duplicates to review"),
            "clients.view_client",
            reverse("admin:clients_client_duplicates"),
        ),
        (
            "addresses_to_verify",
            _("Addresses waiting for verification"),
            "clients.view_address",
            reverse("admin:clients_address_changelist") + "?verification__exact=unverified",
        ),
    )
    return [
        Card(key, str(label), counts[key], url) for key, label, permission, url in cards if user.has_perm(permission)
    ]
