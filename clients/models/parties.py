from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clients.models.base import money, reference
from clients.models.choices import ClientKind
from leadcore.models import TimeStamped


class Client(TimeStamped):
    """A person or a company that applied for a loan at least once."""

    kind = models.CharField(_("kind"), max_length=10, choices=ClientKind.choices, default=ClientKind.PERSON)
    last_name = models.CharField(_("last name"), max_length=50, blank=True)
    first_name = models.CharField(_("first name"), max_length=50, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=50, blank=True)
    title = models.CharField(_("company name"), max_length=255, blank=True)
    registration_number = models.CharField(_("OGRN / OGRNIP"), max_length=15, blank=True)
    sex = reference(_("sex"))
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    birth_place = models.CharField(_("birth place"), max_length=255, blank=True)
    birth_country = reference(_("country of birth"))
    mobile_phone = models.CharField(_("mobile phone"), max_length=20)
    email = models.EmailField(_("email"), blank=True)
    inn = models.CharField(_("INN"), max_length=12, blank=True)
    snils = models.CharField(_("SNILS"), max_length=11, blank=True)
    employer_title = models.CharField(_("employer"), max_length=255, blank=True)
    employer_inn = models.CharField(_("employer INN"), max_length=12, blank=True)
    mean_income = money(_("average monthly income"))
    average_monthly_cost = money(_("average monthly expenses"))
    children_count = models.PositiveIntegerField(_("children"), null=True, blank=True)
    adult_children_count = models.PositiveIntegerField(_("adult children"), null=True, blank=True)
    dependents_count = models.PositiveIntegerField(_("dependants"), null=True, blank=True)
    # Normalised name + passport (person) or INN (company); NULL when the lead lacked a part,
    # so such a client is never matched.
    identity_key = models.CharField(_("matching identity"), max_length=300, null=True, blank=True, editable=False)  # noqa: DJ001
    # "" when matching is company-wide; the legal entity's id when matching is per legal entity.
    match_scope = models.CharField(_("matching scope"), max_length=20, blank=True, default="", editable=False)
    legal_entity = models.ForeignKey(
        "clients.LegalEntity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clients",
        verbose_name=_("legal entity"),
    )
    # The API user whose lead created the client: the one integrator that may read it back.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )
    extra_fields = models.JSONField(_("extra fields"), default=dict, blank=True)

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
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
        indexes = [
            models.Index(fields=["last_name", "first_name"], name="client_name_idx"),
            # For the search box's and the duplicate check's exact look-ups. Declared here, not as
            # db_index, which on PostgreSQL adds a second index for LIKE 'prefix%' that no query asks.
            models.Index(fields=["mobile_phone"], name="client_mobile_phone_idx"),
            models.Index(fields=["inn"], name="client_inn_idx"),
            models.Index(fields=["snils"], name="client_snils_idx"),
        ]

    def __str__(self) -> str:
        if self.kind == ClientKind.COMPANY:
            return self.title or gettext("Company #%(id)s") % {"id": self.pk}
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p) or f"#{self.pk}"


class IdentityDocument(TimeStamped):
    """The client's passport or other identity document, as sent with a lead."""

    client = models.ForeignKey(Client, verbose_name=_("client"), on_delete=models.CASCADE, related_name="documents")
    series = models.CharField(_("series"), max_length=25, blank=True)
    number = models.CharField(_("number"), max_length=25, blank=True)
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    close_date = models.DateField(_("valid until"), null=True, blank=True)
    issued_by = models.CharField(_("issued by"), max_length=255, blank=True)
    subdivision_code = models.CharField(_("subdivision code"), max_length=7, blank=True)
    extra_number = models.CharField(_("additional number"), max_length=50, blank=True)
    document_type = reference(_("document type"), help_text=_("Empty means a Russian passport."))

    class Meta:
        verbose_name = _("identity document")
        verbose_name_plural = _("identity documents")
        ordering = ["-id"]
        # As the client's: the passport look-ups are exact, no LIKE index beside these.
        indexes = [
            models.Index(fields=["series"], name="document_series_idx"),
            models.Index(fields=["number"], name="document_number_idx"),
        ]

    def __str__(self) -> str:
        # Shown in admin titles and history: never the whole number.
        if self.number:
            return gettext("document ••%(tail)s") % {"tail": self.number[-3:]}
        return gettext("document")


class Relative(TimeStamped):
    """A relative or contact person of the client."""

    client = models.ForeignKey(Client, verbose_name=_("client"), on_delete=models.CASCADE, related_name="relatives")
    last_name = models.CharField(_("last name"), max_length=50, blank=True)
    first_name = models.CharField(_("first name"), max_length=50, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=50, blank=True)
    kinship = reference(_("kinship"))
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    telephone = models.CharField(_("telephone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.TextField(_("address"), blank=True)
    work_place = models.CharField(_("work place"), max_length=255, blank=True)
    rnn = models.CharField(_("taxpayer number"), max_length=20, blank=True)
    resident = models.BooleanField(_("resident"), null=True, blank=True)
    verified = models.BooleanField(_("verified"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    # Keyed as the client's IdentityDocument ({"series": …, "number": …, "issue_date": …}), so every
    # passport has one shape and one masking (`document`).
    passport = models.JSONField(_("passport"), null=True, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("relative")
        verbose_name_plural = _("relatives")
        ordering = ["id"]

    def __str__(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def document(self) -> IdentityDocument | None:
        """The passport as an identity document of the client's kind (never saved: it is the relative's)."""
        if not isinstance(self.passport, dict):
            return None
        known = {f.attname for f in IdentityDocument._meta.concrete_fields}
        return IdentityDocument(**{key: value for key, value in self.passport.items() if key in known})
