"""Folding a duplicate client into the one that stays."""

import json
from typing import Any

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import ManyToOneRel, Q
from django.utils.translation import gettext

from clients.errors import ClientErrorCode
from clients.models import AddressKind, Client, ClientMerge, NotDuplicate
from clients.services.matching import client_identity_refresh
from leadcore.errors import DomainError, Problem

# Never copied from the removed client: the kept one keeps its kind, its identity and its timestamps.
_NOT_FILLED = {"id", "kind", "identity_key", "match_scope", "created_at", "updated_at", "extra_fields"}


def _reject(code: ClientErrorCode, message: str) -> DomainError:
    return DomainError([Problem(code, "remove", message)])


def _snapshot(client: Client) -> dict[str, Any]:
    # The identity key spells out the passport and is derived anyway: not kept.
    values = {
        field.attname: getattr(client, field.attname)
        for field in Client._meta.concrete_fields
        if field.name not in ("identity_key", "match_scope")
    }
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _move_rows(*, keep: Client, remove: Client) -> dict[str, int]:
    """Point every row that references the removed client at the kept one; counts per model."""
    moved: dict[str, int] = {}
    # Every reverse foreign key, so leads (an app clients cannot import) and later models move too.
    for relation in Client._meta.get_fields(include_hidden=True):
        if not (isinstance(relation, ManyToOneRel) and relation.one_to_many) or relation.related_model is NotDuplicate:
            continue
        name = relation.field.name
        count = relation.related_model._base_manager.filter(**{name: remove}).update(**{name: keep})
        if count:
            moved[relation.related_model._meta.label] = count
    return moved


@transaction.atomic
def client_merge(*, keep: Client, remove: Client, user: User | None) -> ClientMerge:
    """Move leads, applications, contracts, documents, addresses and relatives of `remove` to `keep`,
    fill `keep`'s empty fields from `remove`, delete `remove`, and record the merge."""
    if keep.pk == remove.pk:
        raise _reject(ClientErrorCode.MERGE_SAME_CLIENT, gettext("A client cannot be merged into itself."))
    # Both rows locked in id order, so two merges of overlapping pairs cannot deadlock or interleave.
    rows = Client.objects.select_for_update().filter(pk__in=[keep.pk, remove.pk]).order_by("pk")
    locked = {client.pk: client for client in rows}
    keep, remove = locked[keep.pk], locked[remove.pk]
    if keep.kind != remove.kind:
        raise _reject(ClientErrorCode.MERGE_KIND_MISMATCH, gettext("A person and a company cannot be merged."))

    snapshot = _snapshot(remove)
    # One residence and one registration address per client: the kept client's win, the removed
    # client's stay as additional addresses.
    taken = keep.addresses.exclude(kind=AddressKind.ADDITIONAL).values_list("kind", flat=True)
    remove.addresses.filter(kind__in=list(taken)).update(kind=AddressKind.ADDITIONAL)
    NotDuplicate.objects.filter(Q(client_low=remove) | Q(client_high=remove)).delete()
    moved = _move_rows(keep=keep, remove=remove)

    filled = []
    for field in Client._meta.concrete_fields:
        if field.name in _NOT_FILLED:
            continue
        if getattr(keep, field.attname) in (None, "") and getattr(remove, field.attname) not in (None, ""):
            setattr(keep, field.attname, getattr(remove, field.attname))
            filled.append(field.name)
    keep.extra_fields = {**(remove.extra_fields or {}), **(keep.extra_fields or {})}

    removed_id = remove.pk
    remove.delete()
    keep.save()
    if keep.identity_key is None:
        # The kept client may now hold the passport it lacked: the next lead must find it.
        client_identity_refresh(client=keep)
    record = ClientMerge.objects.create(
        kept=keep, removed_client_id=removed_id, removed_snapshot=snapshot, moved=moved, merged_by=user
    )
    if user is not None:
        moved_text = ", ".join(f"{label}: {count}" for label, count in sorted(moved.items())) or "nothing"
        LogEntry.objects.log_actions(
            user_id=user.pk,
            queryset=[keep],
            action_flag=CHANGE,
            change_message=(
                f"Merged client #{removed_id} into this one. Moved {moved_text}. "
                f"Filled from it: {', '.join(filled) or 'nothing'}."
            ),
            single_object=True,
        )
    return record


@transaction.atomic
def clients_mark_not_duplicates(*, first: Client, second: Client, user: User | None) -> NotDuplicate:
    """Record that two clients are different people, so the duplicates list stops showing them."""
    if first.pk == second.pk:
        raise _reject(ClientErrorCode.MERGE_SAME_CLIENT, gettext("A client is always its own duplicate."))
    low, high = sorted((first.pk, second.pk))
    decision, _ = NotDuplicate.objects.get_or_create(
        client_low_id=low, client_high_id=high, defaults={"decided_by": user}
    )
    return decision
