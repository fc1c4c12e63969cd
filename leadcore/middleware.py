"""Which language a request is answered in."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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
