from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clients.models.base import money, optional_link, reference
from clients.models.choices import Channel, ContractStatus, LoanApplicationStatus, PeriodUnit
from leadcore.models import TimeStamped


class LoanApplication(TimeStamped):
    """A request for a loan: one per lead."""

    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=LoanApplicationStatus.choices, default=LoanApplicationStatus.NEW
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("status changed by"),
    )
    # Set by the service when the application is rejected; one of the `denial_reason` list.
    denial_reason = reference(_("denial reason"), limit_choices_to={"list": "denial_reason"}, editable=False)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, blank=True)
    credit_product = optional_link("clients.CreditProduct", _("credit product"), related_name="applications")
    amount = money(_("requested amount"))
    period = models.PositiveIntegerField(_("period"), null=True, blank=True)
    period_unit = models.CharField(_("period unit"), max_length=10, choices=PeriodUnit.choices, blank=True)
    manager = optional_link("clients.Manager", _("manager"), related_name="applications")
    legal_entity = optional_link("clients.LegalEntity", _("legal entity"), related_name="applications")
    subdivision = reference(_("subdivision"))
    how_you_know = reference(_("how the applicant heard of us"))
    store_code = models.CharField(_("store code"), max_length=100, blank=True)
    store_type = reference(_("store type"))
    order_code = models.CharField(_("order code"), max_length=100, blank=True)
    referral_link = models.CharField(_("referral link"), max_length=255, blank=True)
    monthly_credit_payment = money(_("monthly payments on current loans"))
    active_credits_count = models.PositiveIntegerField(_("active loans"), null=True, blank=True)
    closed_credits_count = models.PositiveIntegerField(_("closed loans"), null=True, blank=True)
    active_credits_amount = money(_("current debt"))
    active_delinquency_amount = money(_("current overdue amount"))
    delinquency_count = models.PositiveIntegerField(_("overdue payments"), null=True, blank=True)
    payed_delinquency_count = models.PositiveIntegerField(_("repaid overdue payments"), null=True, blank=True)
    written_delinquency_count = models.PositiveIntegerField(_("written-off overdue payments"), null=True, blank=True)
    extra_fields = models.JSONField(_("extra fields"), default=dict, blank=True)

    class Meta:
        verbose_name = _("loan application")
        verbose_name_plural = _("loan applications")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(amount__gt=0), name="application_amount_gt_0"),
            models.CheckConstraint(condition=Q(period__isnull=True) | Q(period__gt=0), name="application_period_gt_0"),
        ]

    def __str__(self) -> str:
        return gettext("Application #%(id)s") % {"id": self.pk}


class LeadDebt(TimeStamped):
    """A loan the applicant has elsewhere, as declared in the lead."""

    application = models.ForeignKey(
        LoanApplication, verbose_name=_("application"), on_delete=models.CASCADE, related_name="debts"
    )
    arrears = models.BooleanField(_("arrears"), null=True, blank=True)
    bank_name = models.CharField(_("bank name"), max_length=255, blank=True)
    contract_number = models.CharField(_("contract number"), max_length=100, blank=True)
    credit_amount = money(_("loan amount"))
    credit_bank_id = models.BigIntegerField(_("bank id"), null=True, blank=True)
    credit_name = models.CharField(_("loan name"), max_length=255, blank=True)
    interest_rate = models.DecimalField(_("interest rate"), max_digits=7, decimal_places=3, null=True, blank=True)
    last_payment_date = models.DateField(_("last payment date"), null=True, blank=True)
    monthly_payment = money(_("monthly payment"))
    payment_frequency = models.CharField(_("payment frequency"), max_length=50, blank=True)
    remaining_debt = money(_("remaining debt"))
    requisites = models.TextField(_("requisites"), blank=True)

    class Meta:
        verbose_name = _("declared debt")
        verbose_name_plural = _("declared debts")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.credit_name or self.bank_name or f"#{self.pk}"


class Goods(TimeStamped):
    """An item bought on credit (shop loans)."""

    application = models.ForeignKey(
        LoanApplication, verbose_name=_("application"), on_delete=models.CASCADE, related_name="goods"
    )
    catalogue_id = models.BigIntegerField(_("id in the shop's catalogue"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=255, blank=True)
    article = models.CharField(_("article"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    amount = money(_("price of the line"))
    quantity = models.PositiveIntegerField(_("quantity"), default=1)

    class Meta:
        verbose_name = _("goods item")
        verbose_name_plural = _("goods")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(amount__gte=0), name="goods_amount_gte_0"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="goods_quantity_gte_1"),
        ]

    def __str__(self) -> str:
        return self.name or f"#{self.pk}"


class Contract(TimeStamped):
    """The loan contract drafted for an application."""

    application = models.OneToOneField(
        LoanApplication, verbose_name=_("application"), on_delete=models.PROTECT, related_name="contract"
    )
    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.PROTECT, related_name="contracts"
    )
    number = models.CharField(_("number"), max_length=32, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=ContractStatus.choices, default=ContractStatus.DRAFT)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("status changed by"),
    )
    legal_entity = optional_link("clients.LegalEntity", _("legal entity"), related_name="contracts")
    credit_product = optional_link("clients.CreditProduct", _("credit product"), related_name="contracts")
    amount = money(_("amount"))
    period = models.PositiveIntegerField(_("period"), null=True, blank=True)
    period_unit = models.CharField(_("period unit"), max_length=10, choices=PeriodUnit.choices, blank=True)
    getting_money_method = reference(_("payout method"))
    # Never the full PAN: first six and last four digits only.
    card_number_masked = models.CharField(_("card number"), max_length=19, blank=True)
    card_holder = models.CharField(_("card holder"), max_length=100, blank=True)
    valid_thru_month = models.CharField(_("card valid through (month)"), max_length=2, blank=True)
    valid_thru_year = models.CharField(_("card valid through (year)"), max_length=2, blank=True)
    extra_fields = models.JSONField(_("extra fields"), default=dict, blank=True)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(amount__gt=0), name="contract_amount_gt_0"),
            models.CheckConstraint(
                condition=~Q(card_number_masked__regex=r"^[0-9]{13,19}$"), name="contract_card_never_full_pan"
            ),
        ]

    def __str__(self) -> str:
        return self.number
