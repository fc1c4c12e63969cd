from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from leadcore.models import TimeStamped
from modeleditor.choices import EXTRA_FIELD_PREFIX, EXTRA_FIELD_TYPES, ChangeSource, FieldType, Target
from modeleditor.fieldmap import system_required

# The custom permission of RequiredFieldRule that opens every Model Editor screen and write API.
MODEL_EDITOR_PERMISSION = "modeleditor.use_model_editor"


class ReferenceList(models.TextChoices):
    SEX = "sex", _("Sex")
    COUNTRY = "country", _("Country")
    SUBDIVISION = "subdivision", _("Subdivision")
    KINSHIP = "kinship", _("Kinship")
    DOCUMENT_TYPE = "document_type", _("Document type")
    HOW_YOU_KNOW = "how_you_know", _("How you know about us")
    STORE_TYPE = "store_type", _("Store type")
    GETTING_MONEY_METHOD = "getting_money_method", _("Getting money method")
    DEVICE_TYPE = "device_type", _("Device type")
    DENIAL_REASON = "denial_reason", _("Denial reason")
    ADDRESS_PURPOSE = "address_purpose", _("Address purpose")


class ReferenceItem(TimeStamped):
    """An item of a reference list. Its id is the one integrators send (101251 male, 643 Russia)."""

    id = models.BigIntegerField(_("id"), primary_key=True)
    list = models.CharField(_("list"), max_length=40, choices=ReferenceList.choices, db_index=True)
    name = models.CharField(_("name"), max_length=255)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("reference item")
        verbose_name_plural = _("reference items")
        ordering = ["list", "name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(id__gt=0), name="reference_item_id_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class ConfigVersion(models.Model):
    """One row whose counter every Model Editor change bumps, so caches in every process know."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.BigIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="config_version_singleton"),
        ]

    def __str__(self) -> str:
        return f"version {self.version}"


def _system_required() -> Q:
    rows = Q()
    for target in Target.values:
        if paths := system_required(target):
            rows |= Q(target=target, path__in=paths)
    return rows


class RequiredFieldRule(TimeStamped):
    """Whether a lead must carry one field (a JSON path) of a target; a missing row means optional."""

    target = models.CharField(_("target"), max_length=20, choices=Target.choices)
    path = models.CharField(_("path"), max_length=255)
    is_required = models.BooleanField(_("required"), default=False)

    class Meta:
        verbose_name = _("required field rule")
        verbose_name_plural = _("required field rules")
        ordering = ["target", "id"]
        permissions = [("use_model_editor", _("Can use the Model Editor"))]
        constraints = [
            models.UniqueConstraint(fields=["target", "path"], name="required_rule_unique_path"),
            # The system-required fields stay required whatever writes the row.
            models.CheckConstraint(
                condition=Q(is_required=True) | ~_system_required(),
                name="required_rule_locked_stay_required",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target}: {self.path}"


class RuleChange(models.Model):
    """One change of a required-field rule: who made it, when, and from what to what."""

    target = models.CharField(_("target"), max_length=20, choices=Target.choices)
    path = models.CharField(_("path"), max_length=255)
    was_required = models.BooleanField(_("was required"))
    is_required = models.BooleanField(_("required"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    source = models.CharField(_("source"), max_length=10, choices=ChangeSource.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("rule change")
        verbose_name_plural = _("rule changes")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.target}: {self.path} {self.was_required} → {self.is_required}"


class ExtraFieldDefinition(TimeStamped):
    """An additional field of a target; integrators send it as `extraFields` `{name: "client.NAME"}`."""

    target = models.CharField(_("target"), max_length=20, choices=Target.choices)
    name = models.CharField(
        verbose_name=_("name"),
        max_length=100,
        validators=[RegexValidator(r"^[A-Za-z][A-Za-z0-9_]*$", _("Latin letters, digits and _, a letter first."))],
        help_text=_("Without the prefix: favouriteContactTime, sent as client.favouriteContactTime."),
    )
    type = models.CharField(_("type"), max_length=10, choices=[(t.value, t.label) for t in EXTRA_FIELD_TYPES])
    reference_list = models.CharField(
        verbose_name=_("reference list"),
        max_length=40,
        choices=ReferenceList.choices,
        blank=True,
        help_text=_("Only for the type reference."),
    )
    label = models.CharField(_("label"), max_length=255)

    class Meta:
        verbose_name = _("extra field")
        verbose_name_plural = _("extra fields")
        ordering = ["target", "name"]
        constraints = [
            models.UniqueConstraint(fields=["target", "name"], name="extra_field_unique_name"),
            models.CheckConstraint(
                condition=(Q(type=FieldType.REFERENCE) & ~Q(reference_list=""))
                | (~Q(type=FieldType.REFERENCE) & Q(reference_list="")),
                name="extra_field_reference_list_iff_reference",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{EXTRA_FIELD_PREFIX[self.target]}{self.name}"
