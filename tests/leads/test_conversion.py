"""Where each value of a full lead lands: client, document, addresses, application, contract, lead."""

import datetime
from decimal import Decimal

from leads.models import Lead
from tests.leads.conftest import example, post_lead


def test_it_lands_every_value_of_a_full_lead_on_its_record(api, demo_manager, gar_sample):
    lead = Lead.objects.get(pk=post_lead(api, example("individual-full")).json()["data"])
    client, application, contract = lead.client, lead.loan_application, lead.contract

    assert (client.kind, client.last_name, client.first_name, client.patronymic) == (
        "person", "Филатов", "Филат", "Филимонович"
    )  # fmt: skip
    assert (client.sex_id, client.birth_date, client.birth_place) == (101251, datetime.date(1984, 7, 3), "г. Серпухов")
    assert (client.mobile_phone, client.email) == ("79660175445", "filatov@example.com")
    assert (client.inn, client.snils) == ("500100732259", "11223344595")
    assert (client.employer_title, client.employer_inn) == ("ООО Ромашка", "7707083893")
    assert (client.mean_income, client.average_monthly_cost) == (Decimal("85000"), Decimal("38000"))
    assert (client.children_count, client.dependents_count) == (1, 1)
    assert client.legal_entity == demo_manager.legal_entity

    document = client.documents.get()
    assert (document.series, document.number, document.issue_date) == ("4008", "503682", datetime.date(2014, 1, 23))
    assert (document.subdivision_code, document.issued_by[:5]) == ("780-070", "ТП № ")

    actual = client.addresses.get(kind="actual")
    assert actual.verification == "verified"
    assert (actual.postal_code, actual.street_name, actual.house_no, actual.apartment_no) == (
        "127642", "ул Сухонская", "11", "89"
    )  # fmt: skip
    registration = client.addresses.get(kind="registration")
    assert registration.verification == "by_parts"
    assert registration.fias_id is None
    assert (registration.street_name, registration.reg_date) == ("пр-кт Невский", datetime.date(2010, 5, 14))
    additional = client.addresses.get(kind="additional")
    assert (additional.purpose_id, additional.position, additional.postal_code) == (103011, 0, "125009")

    assert [(r.kinship_id, r.first_name, r.work_place) for r in client.relatives.all()] == [
        (102141, "Анна", "ООО Ромашка"),
        (102144, "Пётр", ""),
    ]

    assert (application.channel, application.credit_product_id, application.amount) == ("SITE", 101339, 30000)
    assert (application.period, application.period_unit) == (30, "DAYS")
    assert (application.subdivision_id, application.how_you_know_id) == (101792, 102176)
    assert (application.manager, application.legal_entity) == (demo_manager, demo_manager.legal_entity)
    assert (application.active_credits_count, application.closed_credits_count) == (1, 3)
    assert application.active_credits_amount == 64000
    assert application.monthly_credit_payment == 7300
    assert application.referral_link == "https://partner.example/ref/42"
    debt = application.debts.get()
    assert (debt.bank_name, debt.interest_rate, debt.remaining_debt) == ("Сбербанк", Decimal("17.5"), 64000)
    goods = application.goods.get()
    assert (goods.catalogue_id, goods.name, goods.amount, goods.quantity) == (5501, "Смартфон", 32990, 1)

    assert (contract.card_number_masked, contract.valid_thru_month, contract.valid_thru_year) == (
        "411111******1111", "09", "29"
    )  # fmt: skip
    assert (contract.amount, contract.period, contract.credit_product_id) == (30000, 30, 101339)

    assert (lead.channel, lead.ip_address, lead.manager) == ("SITE", "203.0.113.7", demo_manager)
    assert lead.extra_fields == {"utmSource": "partner-42"}
