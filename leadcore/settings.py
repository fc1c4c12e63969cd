"""Settings: everything that differs between machines comes from the environment (or `.env`)."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(str(BASE_DIR / ".env"))

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY is not set: put it in the environment or in .env")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "leadcore.sqlite"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "leadcore.apps.LeadcoreConfig",
    "modeleditor",
    "clients",
    "clients.gar",
    "leads",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside CommonMiddleware, which would give its 411 a Content-Length (see its docstring).
    "leadcore.api.middleware.LengthRequiredMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "leadcore.middleware.BackOfficeLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "leadcore.urls"
WSGI_APPLICATION = "leadcore.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "leadcore" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The back office speaks Russian; English stays available (LANGUAGE_CODE=en, or the language
# cookie set by /i18n/setlang/). The API always answers in English: integrators parse it.
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="ru")
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as 01.12.2026 12:48 (Django's Russian default spells the month out).
FORMAT_MODULE_PATH = ["leadcore.formats"]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "static"

# Behind TLS in production; `make run` and the test server speak plain HTTP with DEBUG on.
SECURE_HTTPS = env.bool("SECURE_HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_HTTPS else None
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# The lead body limit is enforced by the API's own parser (413 in the envelope); Django's
# own limit only guards the admin's form posts.
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=3 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "leadcore.api.authentication.BsAuthAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["leadcore.api.parsers.BoundedJSONParser"],
    "EXCEPTION_HANDLER": "leadcore.api.exceptions.envelope_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    # The lead contract: money is a JSON number (docs/lead-schema.md), in answers as in requests.
    "COERCE_DECIMAL_TO_STRING": False,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "LeadCore API",
    "DESCRIPTION": "Lead intake and back-office records of LeadCore.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["leadcore.api.routing.drop_slash_twins"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "leadcore.api.schema.document_common_errors",
        "leads.schema.widen_lead_components",
    ],
    # Integrators fetch the schema with their token; staff read Swagger UI after the admin login.
    "SERVE_AUTHENTICATION": [
        "rest_framework.authentication.TokenAuthentication",
        "leadcore.api.authentication.BsAuthAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "ENUM_NAME_OVERRIDES": {
        "EnvelopeStatusEnum": ["ok"],
        "ErrorStatusEnum": ["error"],
        "LoanApplicationStatusEnum": "clients.models.LoanApplicationStatus",
        "ContractStatusEnum": "clients.models.ContractStatus",
    },
}

# An Idempotency-Key is remembered this long (seconds) after its first use; then it is new again,
# and `manage.py prune_idempotency_keys` deletes it.
IDEMPOTENCY_KEY_TTL = env.int("IDEMPOTENCY_KEY_TTL", default=24 * 60 * 60)

# Client matching: when on, a person known to one legal entity is unknown to another.
CLIENT_MATCH_PER_LEGAL_ENTITY = env.bool("CLIENT_MATCH_PER_LEGAL_ENTITY", default=False)

# Address directory: "embedded" (GAR tables in our database) or "dadata" (HTTP).
ADDRESS_DIRECTORY = env.str("ADDRESS_DIRECTORY", default="embedded")
DADATA_BASE_URL = env.str("DADATA_BASE_URL", default="")
DADATA_API_KEY = env.str("DADATA_API_KEY", default="")
DADATA_TIMEOUT_SECONDS = env.float("DADATA_TIMEOUT_SECONDS", default=2.0)
DADATA_RETRIES = env.int("DADATA_RETRIES", default=2)
# The first retry waits this long; each further one twice as long.
DADATA_BACKOFF_SECONDS = env.float("DADATA_BACKOFF_SECONDS", default=0.2)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
