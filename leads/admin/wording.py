"""Plain sentences the lead page says about the client a lead went to."""

from django.utils.translation import gettext as _

from leads.models import ClientMatch, Lead

_NAME = {"lastName", "firstName", "patronymic"}


def _what_matched(fields: list[str]) -> str:
    parts = []
    if _NAME & set(fields):
        parts.append(_("full name"))
    if any(f.startswith("passport") for f in fields):
        parts.append(_("passport"))
    if "inn" in fields:
        parts.append(_("INN"))
    if "title" in fields:
        parts.append(_("company name"))
    if not parts:
        return _("identity")
    if len(parts) == 1:
        return parts[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


def why_this_client(lead: Lead) -> str:
    """`Matched full name and passport with client No. 3` / `New client: no such client existed`."""
    details = lead.match_details if isinstance(lead.match_details, dict) else {}
    if lead.client_match == ClientMatch.CREATED:
        sentence = _("New client: no such client existed")
    elif lead.client_match == ClientMatch.LINKED:
        sentence = _("The sender named client No. %(id)s") % {"id": lead.client_id}
    else:
        sentence = _("Matched %(what)s with client No. %(id)s") % {
            "what": _what_matched(details.get("fields") or []),
            "id": lead.client_id,
        }
    if details.get("scope") and lead.legal_entity is not None:
        sentence += " " + _("(within legal entity %(name)s)") % {"name": lead.legal_entity}
    return sentence
