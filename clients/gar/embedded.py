"""The embedded provider: the GAR tables imported into our own database (works offline)."""

from collections.abc import Mapping

from clients.gar.directory import FIAS_LEVELS, ChainLink, DirectoryAddress, DirectoryUnavailable, region_time_zone
from clients.gar.lookup_cache import kept_lookup
from clients.gar.models import GarObject, GarObjectKind
from clients.gar.selectors import (
    ChainObject,
    gar_directory_is_empty,
    gar_object_with_chain,
    gar_objects_by_ids,
    gar_objects_search,
)

_LOCALITY_LEVELS = (5, 6)
_STREET_LEVELS = (7, 8)
# A flat takes these from its house; the region's own codes describe the whole region, not the house.
_FROM_HOUSE = ("okato", "oktmo", "ifns")


class EmbeddedDirectory:
    def suggest(self, query: str, count: int) -> list[DirectoryAddress]:
        found = gar_objects_search(query=query, count=count)
        if not found:
            self._refuse_if_empty()
        known = gar_objects_by_ids(object_ids={i for o in found for i in o.path_ids})
        return [to_directory_address(o, known) for o in found]

    @staticmethod
    def _refuse_if_empty() -> None:
        # Nothing imported yet is a directory we cannot ask, not an address that does not exist.
        if gar_directory_is_empty():
            raise DirectoryUnavailable("the embedded GAR directory is empty: run `manage.py import_gar`")

    def find_by_id(self, fias_id: str) -> DirectoryAddress | None:
        return kept_lookup(fias_id, self._read_by_id)

    def _read_by_id(self, fias_id: str) -> DirectoryAddress | None:
        found, chain = gar_object_with_chain(fias_id=fias_id)
        if found is None:
            self._refuse_if_empty()
            return None
        return to_directory_address(found, chain)


def to_directory_address(
    obj: GarObject | ChainObject, known: Mapping[int, GarObject | ChainObject]
) -> DirectoryAddress:
    """The address of `obj`, its parts from the objects of its chain in `known`: instances (a
    search's) or the rows of the FIAS look-up, which reads no more of them than this does."""
    chain = [known[i] for i in obj.path_ids if i in known] or [obj]
    region = next((o for o in chain if o.gar_level == 1), None)
    locality = next((o for o in reversed(chain) if o.gar_level in _LOCALITY_LEVELS), None)
    if locality is None and region is not None and region.type_name == "г":
        locality = region  # a federal city is its own locality
    street = next((o for o in reversed(chain) if o.gar_level in _STREET_LEVELS), None)
    house = next((o for o in reversed(chain) if o.kind == GarObjectKind.HOUSE), None)
    flat = obj if obj.kind == GarObjectKind.APARTMENT else None
    own_or_house = [o for o in (flat, house) if o is not None]
    codes = {
        **{name: next((getattr(o, name) for o in own_or_house if getattr(o, name)), "") for name in _FROM_HOUSE},
        "kladrId": next((o.kladr_code for o in reversed(chain) if o.kladr_code), ""),
        "cadastralNumber": obj.cadastral_number,
    }
    former = street.former_names.split("|") if street else []
    return DirectoryAddress(
        fias_id=str(obj.guid),
        fias_level=FIAS_LEVELS.get(obj.gar_level, obj.gar_level),
        full_address=obj.full_address,
        postal_code=next((o.postal_code for o in reversed(chain) if o.postal_code), ""),
        region_name=region.own_text if region else "",
        locality_name=locality.own_text if locality else "",
        street_name=street.own_text if street else "",
        house_no=house.house_no if house else "",
        block_no=house.block_no if house else "",
        building_no=house.building_no if house else "",
        apartment_no=flat.name if flat else "",
        time_zone=region_time_zone(obj.region_code),
        chain=tuple(
            ChainLink(str(o.guid), FIAS_LEVELS.get(o.gar_level, o.gar_level), o.name, o.type_name) for o in chain
        ),
        codes={k: v for k, v in codes.items() if v},
        former_street_names=tuple(n for n in former if n and n != street.own_text) if street else (),
    )
