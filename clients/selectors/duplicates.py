"""Possible duplicate clients, for an operator to review: merge them or mark them as different."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from django.db.models import Count, Exists, ManyToOneRel, OuterRef, Q, Value
from django.db.models.functions import Lower, Replace

from clients.identity import name_normalize
from clients.models import Client, ClientKind, IdentityDocument, NotDuplicate

SAME_PHONE = "same phone"
SAME_INN = "same INN"
SAME_SNILS = "same SNILS"
SAME_PASSPORT_OTHER_NAME = "same passport, different name"
SAME_NAME_BIRTH_OTHER_PASSPORT = "same name and birth date, different passport"
SAME_NAME_BIRTH_PASSPORT = "same name, birth date and passport"
SAME_NAME_BIRTH = "same name and birth date"
_FIELD_OF = {SAME_PHONE: "mobile_phone", SAME_INN: "inn", SAME_SNILS: "snils"}

_CLIENT_NAME = ("client__last_name", "client__first_name", "client__patronymic")
_SHARED_VALUES = (("mobile_phone", SAME_PHONE), ("inn", SAME_INN), ("snils", SAME_SNILS))


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    first: Client
    second: Client
    reasons: tuple[str, ...]


# A value shared by hundreds of clients is a placeholder (a shop's own number typed for every
# customer), not a person: pairing all of them would be quadratic, so only the newest few of a
# group are paired.
MAX_GROUP = 20


def _pairs_of(groups: Mapping[Any, list[int]]) -> list[tuple[int, int]]:
    return [pair for ids in groups.values() for pair in combinations(sorted(set(ids))[-MAX_GROUP:], 2)]


def _full_name(last_name: str, first_name: str, patronymic: str) -> str:
    return " ".join(name_normalize(part) for part in (last_name, first_name, patronymic))


def _shared_value_pairs(field: str) -> list[tuple[int, int]]:
    shared = Client.objects.exclude(**{field: ""}).values(field).annotate(n=Count("id")).filter(n__gt=1).values(field)
    groups: dict[str, list[int]] = defaultdict(list)
    for client_id, value in Client.objects.filter(**{f"{field}__in": shared}).values_list("id", field):
        groups[value].append(client_id)
    return _pairs_of(groups)


def _passports_by_client(client_ids: Iterable[int]) -> dict[int, set[tuple[str, str]]]:
    passports: dict[int, set[tuple[str, str]]] = defaultdict(set)
    rows = IdentityDocument.objects.filter(client_id__in=client_ids).exclude(number="")
    for client_id, series, number in rows.values_list("client_id", "series", "number"):
        passports[client_id].add((series, number))
    return passports


def _shared_passport_pairs() -> list[tuple[int, int]]:
    shared = IdentityDocument.objects.filter(series=OuterRef("series"), number=OuterRef("number")).exclude(
        client_id=OuterRef("client_id")
    )
    rows = (
        IdentityDocument.objects.exclude(number="")
        .filter(Exists(shared))
        .values_list("client_id", "series", "number", *_CLIENT_NAME)
    )
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    names: dict[int, str] = {}
    for client_id, series, number, *name in rows:
        groups[(series, number)].append(client_id)
        names[client_id] = _full_name(*name)
    return [(a, b) for a, b in _pairs_of(groups) if names[a] != names[b]]


def _folded(field: str) -> Replace:
    return Replace(Lower(field), Value("ё"), Value("е"))


def _same_name_and_birth_pairs() -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(pairs with different passports, pairs that also share a passport)."""
    people = Client.objects.filter(kind=ClientKind.PERSON, birth_date__isnull=False).exclude(last_name="")
    shared_birth_dates = (
        people.annotate(last=_folded("last_name"), first=_folded("first_name"), middle=_folded("patronymic"))
        .values("last", "first", "middle", "birth_date")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values("birth_date")
    )
    rows = people.filter(birth_date__in=shared_birth_dates).values_list(
        "id", "birth_date", "last_name", "first_name", "patronymic"
    )
    groups: dict[tuple[date | None, str], list[int]] = defaultdict(list)
    for client_id, birth_date, *name in rows:
        groups[(birth_date, _full_name(*name))].append(client_id)
    pairs = _pairs_of(groups)
    passports = _passports_by_client({client_id for pair in pairs for client_id in pair})
    other: list[tuple[int, int]] = []
    same: list[tuple[int, int]] = []
    for a, b in pairs:
        (same if passports[a] & passports[b] else other).append((a, b))
    return other, same


def _pair_reasons() -> dict[tuple[int, int], list[str]]:
    """Every undecided pair of clients that look like one, with why; a fixed number of queries."""
    reasons: dict[tuple[int, int], list[str]] = defaultdict(list)
    for field, reason in _SHARED_VALUES:
        for pair in _shared_value_pairs(field):
            reasons[pair].append(reason)
    for pair in _shared_passport_pairs():
        reasons[pair].append(SAME_PASSPORT_OTHER_NAME)
    other_passport, same_passport = _same_name_and_birth_pairs()
    for pair in other_passport:
        reasons[pair].append(SAME_NAME_BIRTH_OTHER_PASSPORT)
    for pair in same_passport:
        reasons[pair].append(SAME_NAME_BIRTH_PASSPORT)
    if not reasons:
        return {}
    decided = NotDuplicate.objects.filter(
        Q(client_low__in={a for a, _ in reasons}) | Q(client_high__in={b for _, b in reasons})
    ).values_list("client_low_id", "client_high_id")
    for pair in decided:
        reasons.pop(pair, None)
    return reasons


def duplicate_pairs(*, limit: int = 200) -> list[DuplicatePair]:
    """Pairs of clients that look like one person or company, newest first, without the pairs an
    operator already marked as not duplicates."""
    reasons = _pair_reasons()
    chosen = sorted(reasons, key=lambda pair: (pair[1], pair[0]), reverse=True)[:limit]
    clients = Client.objects.in_bulk({client_id for pair in chosen for client_id in pair})
    return [DuplicatePair(clients[a], clients[b], tuple(reasons[(a, b)])) for a, b in chosen]


def client_records_count(*, client: Client) -> dict[str, int]:
    """How many rows of each kind point at the client (what a merge would move), by verbose name."""
    counts: dict[str, int] = {}
    for relation in Client._meta.get_fields(include_hidden=True):
        if not (isinstance(relation, ManyToOneRel) and relation.one_to_many) or relation.related_model is NotDuplicate:
            continue
        count = relation.related_model._base_manager.filter(**{relation.field.name: client}).count()
        if count:
            counts[str(relation.related_model._meta.verbose_name_plural)] = count
    return counts


# Strongest evidence first: a passport under another name is almost surely one person.
EVIDENCE_ORDER = (
    SAME_PASSPORT_OTHER_NAME,
    SAME_INN,
    SAME_SNILS,
    SAME_NAME_BIRTH_PASSPORT,
    SAME_NAME_BIRTH_OTHER_PASSPORT,
    SAME_PHONE,
)


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Clients linked by any chain of evidence: four records of one person are one group."""

    clients: tuple[Client, ...]
    pairs: tuple[DuplicatePair, ...]
    reasons: tuple[str, ...]


def _clusters(pairs: Iterable[tuple[int, int]]) -> list[set[int]]:
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in pairs:
        parent[root(a)] = root(b)
    clusters: dict[int, set[int]] = defaultdict(set)
    for node in list(parent):
        clusters[root(node)].add(node)
    return list(clusters.values())


def duplicate_groups(*, client_id: int | None = None, limit: int = 100) -> list[DuplicateGroup]:
    """Groups of possible duplicates, strongest evidence first, then newest; only the group of
    `client_id` when given. A fixed number of queries, whatever the number of groups."""
    reasons = _pair_reasons()
    clusters = _clusters(reasons)
    if client_id is not None:
        clusters = [cluster for cluster in clusters if client_id in cluster]

    def evidence(cluster: set[int]) -> set[str]:
        return {r for (a, b), rs in reasons.items() if a in cluster for r in rs}

    def rank(cluster: set[int]) -> tuple[int, int]:
        return (min(EVIDENCE_ORDER.index(r) for r in evidence(cluster)), -max(cluster))

    clusters = sorted(clusters, key=rank)[:limit]
    clients = Client.objects.in_bulk({client_id for cluster in clusters for client_id in cluster})
    groups: list[DuplicateGroup] = []
    for cluster in clusters:
        pairs = tuple(
            DuplicatePair(clients[a], clients[b], tuple(rs)) for (a, b), rs in sorted(reasons.items()) if a in cluster
        )
        found = evidence(cluster)
        groups.append(
            DuplicateGroup(
                clients=tuple(clients[pk] for pk in sorted(cluster)),
                pairs=pairs,
                reasons=tuple(r for r in EVIDENCE_ORDER if r in found),
            )
        )
    return groups


def client_possible_matches(*, client: Client, limit: int = 10) -> list[tuple[Client, tuple[str, ...]]]:
    """Other clients with the same phone, INN, SNILS, or name and birth date, not judged different."""
    same = Q(mobile_phone=client.mobile_phone) if client.mobile_phone else Q(pk__in=[])
    if client.inn:
        same |= Q(inn=client.inn)
    if client.snils:
        same |= Q(snils=client.snils)
    if client.kind == ClientKind.PERSON and client.birth_date and client.last_name:
        same |= Q(
            birth_date=client.birth_date, last_name__iexact=client.last_name, first_name__iexact=client.first_name
        )
    decided = NotDuplicate.objects.filter(Q(client_low=client) | Q(client_high=client)).values_list(
        "client_low_id", "client_high_id"
    )
    excluded = {pk for pair in decided for pk in pair} | {client.pk}
    own_name = _full_name(client.last_name, client.first_name, client.patronymic)
    matches: list[tuple[Client, tuple[str, ...]]] = []
    for other in Client.objects.filter(same).exclude(pk__in=excluded).order_by("-id")[:limit]:
        why = [reason for value, reason in ((client.mobile_phone, SAME_PHONE), (client.inn, SAME_INN),
               (client.snils, SAME_SNILS)) if value and value == getattr(other, _FIELD_OF[reason])]  # fmt: skip
        if (
            client.birth_date
            and other.birth_date == client.birth_date
            and _full_name(other.last_name, other.first_name, other.patronymic) == own_name
        ):
            why.append(SAME_NAME_BIRTH)
        if why:
            matches.append((other, tuple(why)))
    return matches
