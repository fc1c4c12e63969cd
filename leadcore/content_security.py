"""The Content-Security-Policy header, built once rather than on every response.

django-csp's middleware builds the policy from the settings on each response (≈30 µs a lead: the
directives copied, sorted and joined). A response that brings no policy of its own (no
`@csp_update`, `@csp_replace` or `@csp` decorator) to a request that used no nonce gets the
settings' policy as it is, so that text is kept until the settings change. Anything else is left
to django-csp, which builds it as before.
"""

from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BuildingCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

# Where a response keeps the policy its view asked for (django-csp's decorators).
_RESPONSE_PARTS = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")
_SETTING = {False: "CONTENT_SECURITY_POLICY", True: "CONTENT_SECURITY_POLICY_REPORT_ONLY"}  # by report_only
# django-csp leaves the debug pages of these statuses alone.
_DEBUG_PAGES = (404, 500)


@cache
def settings_policy(*, report_only: bool) -> str:
    """The policy the settings give (report-only or enforced), as django-csp writes it."""
    return build_policy(report_only=report_only)


@receiver(setting_changed, dispatch_uid="leadcore.content_security.settings_policy")
def _settings_changed(*, setting: str, **kwargs: object) -> None:
    if setting in _SETTING.values():
        settings_policy.cache_clear()


class CSPMiddleware(BuildingCSPMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, part, None) is not None for part in _RESPONSE_PARTS
        ):
            return super().process_response(request, response)
        if response.status_code in _DEBUG_PAGES and settings.DEBUG:
            return response
        _write(request, response, report_only=False)
        _write(request, response, report_only=True)
        # As django-csp does: a nonce asked for once the header is written could not be in it.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response


def _write(request: HttpRequest, response: HttpResponseBase, *, report_only: bool) -> None:
    """The header as django-csp writes it: not over one already set, nor on an exempt response or
    an excluded path."""
    header, exempt = (HEADER_REPORT_ONLY, "_csp_exempt_ro") if report_only else (HEADER, "_csp_exempt")
    policy = settings_policy(report_only=report_only)
    if not policy or header in response or getattr(response, exempt, False) is not False:
        return
    config = getattr(settings, _SETTING[report_only], None) or {}
    if not request.path_info.startswith(tuple(config.get("EXCLUDE_URL_PREFIXES", None) or ())):
        response[header] = policy
