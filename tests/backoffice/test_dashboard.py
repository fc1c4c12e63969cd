"""The admin opens on what waits for an operator today, each count a link to the filtered list."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clients.models import AddressVerification, LoanApplicationStatus
from leads.models import Lead
from tests.backoffice.factories import LeadFactory
from tests.factories import AddressFactory, ClientFactory

pytestmark = pytest.mark.django_db


def _world(size: int) -> None:
    for n in range(size):
        LeadFactory(contract__application__status=LoanApplicationStatus.NEW)
        AddressFactory(verification=AddressVerification.UNVERIFIED)
        ClientFactory(mobile_phone=f"7916555{n:04d}")
        ClientFactory(mobile_phone=f"7916555{n:04d}")


def test_it_counts_what_waits_and_links_each_count_to_its_list(as_operator):
    _world(2)
    yesterday = LeadFactory(contract__application__status=LoanApplicationStatus.APPROVED)
    Lead.objects.filter(pk=yesterday.pk).update(created_at=timezone.now() - timedelta(days=2))
    today = timezone.localdate()

    html = as_operator.get("/admin/").content.decode()

    assert '<span class="count">2</span><span class="label">Новые лиды сегодня</span>' in html
    assert '<span class="count">2</span><span class="label">Заявки, ожидающие решения</span>' in html
    assert '<span class="count">2</span><span class="label">Возможные дубли на проверку</span>' in html
    assert '<span class="count">2</span><span class="label">Адреса, ожидающие проверки</span>' in html
    assert (
        f'href="/admin/leads/lead/?created_at__day={today.day}&amp;created_at__month={today.month}'
        f'&amp;created_at__year={today.year}"' in html
    )
    assert 'href="/admin/clients/loanapplication/?status__exact=new"' in html
    assert 'href="/admin/clients/client/duplicates/"' in html
    assert 'href="/admin/clients/address/?verification__exact=unverified"' in html


def test_it_costs_the_same_number_of_queries_whatever_the_data(as_operator):
    _world(1)
    with CaptureQueriesContext(connection) as few:
        as_operator.get("/admin/")
    _world(5)
    with CaptureQueriesContext(connection) as many:
        as_operator.get("/admin/")

    assert len(many) == len(few)
