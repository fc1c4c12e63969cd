from django.conf import settings
from django.db import models
from django.db.models import Q

from clients.models.base import TimeStamped, money, reference
from clients.models.choices import ClientKind


class Client(TimeStamped):
    """A person or a company that applied for a loan at least once."""

    kind = models.CharField(max_length=10, choices=ClientKind.choices, default=ClientKind.PERSON)
    last_name = models.CharField(max_length=50, blank=True)
    first_name = models.CharField(max_length=50, blank=True)
    patronymic = models.CharField(max_length=50, blank=True)
    title = models.CharField("company name", max_length=255, blank=True)
    registration_number = models.CharField("OGRN / OGRNIP", max_length=15, blank=True)
    sex = reference("sex")
    birth_date = models.DateField(null=True, blank=True)
    birth_place = models.CharField(max_length=255, blank=True)
    birth_country = reference("country of birth")
    mobile_phone = models.CharField(max_length=20, db_index=True)
    email = models.EmailField(blank=True)
    inn = models.CharField("INN", max_length=12, blank=True, db_index=True)
    snils = models.CharField("SNILS", max_length=11, blank=True, db_index=True)
    employer_title = models.CharField(max_length=255, blank=True)
    employer_inn = models.CharField("employer INN", max_length=12, blank=True)
    mean_income = money("average monthly income")
    average_monthly_cost = money("average monthly expenses")
    children_count = models.PositiveIntegerField(null=True, blank=True)
    adult_children_count = models.PositiveIntegerField(null=True, blank=True)
    dependents_count = models.PositiveIntegerField(null=True, blank=True)
    # Normalised name + passport (person) or INN (company); NULL when the lead lacked a part,
    # so such a client is never matched.
    identity_key = models.CharField(max_length=300, null=True, blank=True, editable=False)  # noqa: DJ001
    # "" when matching is company-wide; the legal entity's id when matching is per legal entity.
    match_scope = models.CharField(max_length=20, blank=True, default="", editable=False)
    legal_entity = models.ForeignKey(
        "clients.LegalEntity", on_delete=models.PROTECT, null=True, blank=True, related_name="clients"
    )
    # The API user whose lead created the client: the one integrator that may read it back.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    extra_fields = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["identity_key", "match_scope"],
                condition=Q(identity_key__isnull=False),
                name="client_unique_identity",
            ),
            models.CheckConstraint(
                condition=Q(mean_income__isnull=True) | Q(mean_income__gte=0), name="client_mean_income_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(average_monthly_cost__isnull=True) | Q(average_monthly_cost__gte=0),
                name="client_monthly_cost_gte_0",
            ),
        ]
        indexes = [models.Index(fields=["last_name", "first_name"], name="client_name_idx")]

    def __str__(self) -> str:
        if self.kind == ClientKind.COMPANY:
            return self.title or f"Company #{self.pk}"
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p) or f"#{self.pk}"


class IdentityDocument(TimeStamped):
    """The client's passport or other identity document, as sent with a lead."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="documents")
    document_type = reference("document type", help_text="Empty means a Russian passport.")
    series = models.CharField(max_length=25, blank=True, db_index=True)
    number = models.CharField(max_length=25, blank=True, db_index=True)
    issue_date = models.DateField(null=True, blank=True)
    close_date = models.DateField(null=True, blank=True)
    issued_by = models.CharField(max_length=255, blank=True)
    subdivision_code = models.CharField(max_length=7, blank=True)
    extra_number = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        # Shown in admin titles and history: never the whole number.
        return f"document ••{self.number[-3:]}" if self.number else "document"


class Relative(TimeStamped):
    """A relative or contact person of the client."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="relatives")
    last_name = models.CharField(max_length=50, blank=True)
    first_name = models.CharField(max_length=50, blank=True)
    patronymic = models.CharField(max_length=50, blank=True)
    kinship = reference("kinship")
    birth_date = models.DateField(null=True, blank=True)
    telephone = models.CharField(max_length=20, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    work_place = models.CharField(max_length=255, blank=True)
    rnn = models.CharField("taxpayer number", max_length=20, blank=True)
    resident = models.BooleanField(null=True, blank=True)
    verified = models.BooleanField(null=True, blank=True)
    comment = models.TextField(blank=True)
    passport = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)
