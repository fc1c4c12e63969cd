"""Which language a request is answered in."""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from leadcore.api.handlers import is_api


class BackOfficeLocaleMiddleware(LocaleMiddleware):
    """The API answers in English whatever the request asks: integrators parse its messages.
    The back office speaks `LANGUAGE_CODE` unless the user chose otherwise (the language cookie
    set by /i18n/setlang/); a browser's Accept-Language does not switch an operator's screens."""

    def process_request(self, request):
        if is_api(request):
            language = "en"
        else:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # Without i18n_patterns no path carries a language (none to read, none to redirect to):
        # Django's look for one in the path, most of its time here, is left out; same headers.
        if is_language_prefix_patterns_used(getattr(request, "urlconf", settings.ROOT_URLCONF))[0]:
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
