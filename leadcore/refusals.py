"""The admin's own 403 page: in the operator's language, naming the permission that is missing.

A view names what it required by raising `PermissionDenied("app_label.codename", …)`. For the
admin's stock views (list, add, change, delete, history) the permission follows from the URL; a
model admin whose screens need something else says so in `refusal_permissions(action)`.
"""

from django.contrib import admin
from django.contrib.auth.models import Permission
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# The admin's URL names end with the view; each needs one of the model's standard permissions.
_VIEW_ACTIONS = {"changelist": "view", "history": "view", "add": "add", "delete": "delete", "change": "change"}
_ACTION_LABELS = {
    "view": _("Can view the records of “%(models)s”"),
    "add": _("Can add records to “%(models)s”"),
    "change": _("Can change the records of “%(models)s”"),
    "delete": _("Can delete the records of “%(models)s”"),
}


def _action(request: HttpRequest) -> str:
    url_name = (request.resolver_match and request.resolver_match.url_name) or ""
    action = _VIEW_ACTIONS.get(url_name.rsplit("_", 1)[-1], "view")
    # A change page is also the read-only view page: a GET needs only the view permission.
    if action == "change" and request.method in ("GET", "HEAD"):
        return "view"
    return action


def _required(request: HttpRequest, exception: Exception) -> list[str]:
    named = [arg for arg in exception.args if isinstance(arg, str) and arg.count(".") == 1]
    if named:
        return named
    match = request.resolver_match
    model_admin = getattr(match.func, "model_admin", None) if match else None
    if model_admin is None:
        return []
    action = _action(request)
    if hasattr(model_admin, "refusal_permissions"):
        return list(model_admin.refusal_permissions(action))
    opts = model_admin.opts
    return [f"{opts.app_label}.{action}_{opts.model_name}"]


def permission_label(name: str) -> str:
    """The permission as the admin's user list shows it, translated: 'Can change the records of …'."""
    app_label, codename = name.split(".")
    permission = (
        Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        .select_related("content_type")
        .first()
    )
    if permission is None:
        return name
    action, _sep, model_name = codename.partition("_")
    model = permission.content_type.model_class()
    if action in _ACTION_LABELS and model is not None and model_name == model._meta.model_name:
        return _ACTION_LABELS[action] % {"models": capfirst(model._meta.verbose_name_plural)}
    return gettext(permission.name)


def _way_back(request: HttpRequest) -> str:
    referer = request.headers.get("referer", "")
    safe = url_has_allowed_host_and_scheme(referer, {request.get_host()}, require_https=request.is_secure())
    return referer if referer and safe and referer != request.build_absolute_uri() else reverse("admin:index")


def refused_page(request: HttpRequest, exception: Exception) -> HttpResponse:
    user = request.user
    missing = [name for name in _required(request, exception) if not user.has_perm(name)]
    context = {
        **admin.site.each_context(request),
        "title": gettext("Access denied"),
        "missing": [permission_label(name) for name in missing],
        "back_url": _way_back(request),
    }
    response = TemplateResponse(request, "admin/refused.html", context, status=403)
    return response.render()
