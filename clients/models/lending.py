from django.conf import settings
from django.db import models
from django.db.models import Q

from clients.models.base import TimeStamped, money, reference
from clients.models.choices import Channel, ContractStatus, LoanApplicationStatus, PeriodUnit


class LoanApplication(TimeStamped):
    """A request for a loan: one per lead."""

    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="applications")
    status = models.CharField(max_length=10, choices=LoanApplicationStatus.choices, default=LoanApplicationStatus.NEW)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set by the service when the application is rejected; one of the `denial_reason` list.
    denial_reason = reference("denial reason", limit_choices_to={"list": "denial_reason"}, editable=False)
    channel = models.CharField(max_length=20, choices=Channel.choices, blank=True)
    credit_product = models.ForeignKey(
        "clients.CreditProduct", on_delete=models.PROTECT, null=True, blank=True, related_name="applications"
    )
    amount = money("requested amount")
    period = models.PositiveIntegerField(null=True, blank=True)
    period_unit = models.CharField(max_length=10, choices=PeriodUnit.choices, blank=True)
    manager = models.ForeignKey(
        "clients.Manager", on_delete=models.PROTECT, null=True, blank=True, related_name="applications"
    )
    legal_entity = models.ForeignKey(
        "clients.LegalEntity", on_delete=models.PROTECT, null=True, blank=True, related_name="applications"
    )
    subdivision = reference("subdivision")
    how_you_know = reference("how the applicant heard of us")
    store_code = models.CharField(max_length=100, blank=True)
    store_type = reference("store type")
    order_code = models.CharField(max_length=100, blank=True)
    referral_link = models.CharField(max_length=255, blank=True)
    monthly_credit_payment = money("monthly payments on current loans")
    active_credits_count = models.PositiveIntegerField(null=True, blank=True)
    closed_credits_count = models.PositiveIntegerField(null=True, blank=True)
    active_credits_amount = money("current debt")
    active_delinquency_amount = money("current overdue amount")
    delinquency_count = models.PositiveIntegerField(null=True, blank=True)
    payed_delinquency_count = models.PositiveIntegerField(null=True, blank=True)
    written_delinquency_count = models.PositiveIntegerField(null=True, blank=True)
    extra_fields = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(amount__gt=0), name="application_amount_gt_0"),
            models.CheckConstraint(condition=Q(period__isnull=True) | Q(period__gt=0), name="application_period_gt_0"),
        ]

    def __str__(self) -> str:
        return f"Application #{self.pk}"


class LeadDebt(TimeStamped):
    """A loan the applicant has elsewhere, as declared in the lead."""

    application = models.ForeignKey(LoanApplication, on_delete=models.CASCADE, related_name="debts")
    arrears = models.BooleanField(null=True, blank=True)
    bank_name = models.CharField(max_length=255, blank=True)
    contract_number = models.CharField(max_length=100, blank=True)
    credit_amount = money("loan amount")
    credit_bank_id = models.BigIntegerField(null=True, blank=True)
    credit_name = models.CharField(max_length=255, blank=True)
    interest_rate = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    last_payment_date = models.DateField(null=True, blank=True)
    monthly_payment = money("monthly payment")
    payment_frequency = models.CharField(max_length=50, blank=True)
    remaining_debt = money("remaining debt")
    requisites = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.credit_name or self.bank_name or f"#{self.pk}"


class Goods(TimeStamped):
    """An item bought on credit (shop loans)."""

    application = models.ForeignKey(LoanApplication, on_delete=models.CASCADE, related_name="goods")
    catalogue_id = models.BigIntegerField("id in the shop's catalogue", null=True, blank=True)
    name = models.CharField(max_length=255, blank=True)
    article = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    amount = money("price of the line")
    quantity = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "goods"
        constraints = [
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(amount__gte=0), name="goods_amount_gte_0"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="goods_quantity_gte_1"),
        ]

    def __str__(self) -> str:
        return self.name or f"#{self.pk}"


class Contract(TimeStamped):
    """The loan contract drafted for an application."""

    application = models.OneToOneField(LoanApplication, on_delete=models.PROTECT, related_name="contract")
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="contracts")
    number = models.CharField(max_length=32, unique=True)
    status = models.CharField(max_length=10, choices=ContractStatus.choices, default=ContractStatus.DRAFT)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    legal_entity = models.ForeignKey(
        "clients.LegalEntity", on_delete=models.PROTECT, null=True, blank=True, related_name="contracts"
    )
    credit_product = models.ForeignKey(
        "clients.CreditProduct", on_delete=models.PROTECT, null=True, blank=True, related_name="contracts"
    )
    amount = money("amount")
    period = models.PositiveIntegerField(null=True, blank=True)
    period_unit = models.CharField(max_length=10, choices=PeriodUnit.choices, blank=True)
    getting_money_method = reference("payout method")
    # Never the full PAN: first six and last four digits only.
    card_number_masked = models.CharField(max_length=19, blank=True)
    card_holder = models.CharField(max_length=100, blank=True)
    valid_thru_month = models.CharField(max_length=2, blank=True)
    valid_thru_year = models.CharField(max_length=2, blank=True)
    extra_fields = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(amount__gt=0), name="contract_amount_gt_0"),
            models.CheckConstraint(
                condition=~Q(card_number_masked__regex=r"^[0-9]{13,19}$"), name="contract_card_never_full_pan"
            ),
        ]

    def __str__(self) -> str:
        return self.number
