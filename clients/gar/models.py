"""The embedded FIAS/GAR directory: the current version of every address object, house and flat.

Only current records (ISACTUAL=1 and ISACTIVE=1) are kept; history stays in the official export.
`full_address` and `search_text` are derived from the administrative hierarchy at import, so a
look-up or a verification reads one row (plus its chain for the parts).
"""

from django.db import models


class GarObjectKind(models.TextChoices):
    ADDRESS_OBJECT = "addr_obj", "address object (region, town, street…)"
    HOUSE = "house", "house"
    APARTMENT = "apartment", "flat or premises"


class GarObject(models.Model):
    object_id = models.BigIntegerField("GAR OBJECTID", primary_key=True)
    guid = models.UUIDField("FIAS id (OBJECTGUID)", unique=True)
    kind = models.CharField(max_length=10, choices=GarObjectKind.choices)
    gar_level = models.PositiveSmallIntegerField()
    region_code = models.CharField(max_length=3)
    name = models.CharField(max_length=255, help_text="NAME of an address object, house or flat number")
    type_name = models.CharField(max_length=50, blank=True, help_text="short type without its dot: г, ул, д, кв")
    own_text = models.CharField(max_length=300, help_text="this object's part of the address: 'ул Сухонская'")
    own_tokens = models.CharField(max_length=300, blank=True)
    own_token_count = models.PositiveSmallIntegerField(default=0)
    house_no = models.CharField(max_length=50, blank=True)
    block_no = models.CharField(max_length=50, blank=True)
    building_no = models.CharField(max_length=50, blank=True)
    former_names = models.TextField(
        blank=True, help_text="names of the object's earlier records ('ул Горького'), '|'-separated"
    )

    # Administrative hierarchy (AS_ADM_HIERARCHY) and municipal one (AS_MUN_HIERARCHY).
    parent_id = models.BigIntegerField(null=True, blank=True)
    adm_path = models.CharField(max_length=255, blank=True)
    mun_path = models.CharField(max_length=255, blank=True)
    depth = models.PositiveSmallIntegerField(null=True, blank=True)

    # This object's own current params; a flat takes the missing ones from its house.
    postal_code = models.CharField(max_length=6, blank=True)
    okato = models.CharField(max_length=11, blank=True)
    oktmo = models.CharField(max_length=11, blank=True)
    ifns = models.CharField(max_length=4, blank=True)
    kladr_code = models.CharField(max_length=17, blank=True)
    cadastral_number = models.CharField(max_length=100, blank=True)

    # Derived from the hierarchy; empty when the object has no current place in it.
    full_address = models.TextField(blank=True)
    search_text = models.TextField(blank=True)
    token_count = models.PositiveSmallIntegerField(default=0)

    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["region_code", "depth"], name="gar_object_region_depth_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["addr_obj", "house", "apartment"]), name="gar_object_kind_valid"
            )
        ]

    def __str__(self) -> str:
        return self.full_address or self.own_text

    @property
    def path_ids(self) -> list[int]:
        return [int(part) for part in self.adm_path.split(".") if part]


class GarTypeTable(models.TextChoices):
    HOUSE = "house", "AS_HOUSE_TYPES"
    ADDHOUSE = "addhouse", "AS_ADDHOUSE_TYPES"
    APARTMENT = "apartment", "AS_APARTMENT_TYPES"


class GarType(models.Model):
    """A row of the reference tables that house and flat records point at by number."""

    table = models.CharField(max_length=10, choices=GarTypeTable.choices)
    type_id = models.PositiveIntegerField()
    name = models.CharField(max_length=100)
    short_name = models.CharField(max_length=30)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["table", "type_id"], name="gar_type_unique")]

    def __str__(self) -> str:
        return f"{self.table} {self.type_id}: {self.name}"
