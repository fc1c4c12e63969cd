"""Settings: everything that differs between machines comes from the environment (or `.env`)."""

from datetime import timedelta
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
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "leadcore.postgresql"
    # The statements a lead repeats are parsed and planned once per connection: with server-side
    # binding psycopg prepares a statement after DB_PREPARE_THRESHOLD runs. Measured in-process on
    # individual-full.json, PostgreSQL's CPU per lead fell from 2.8 to 1.45 ms. A pooler that
    # cannot keep prepared statements (PgBouncer in transaction mode before 1.21) needs 0: off.
    if prepare_threshold := env.int("DB_PREPARE_THRESHOLD", default=5):
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=prepare_threshold
        )
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
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "leadcore.apps.LeadcoreConfig",
    "leadcore.api",
    "modeleditor",
    "clients",
    "clients.gar",
    "leads",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # gunicorn serves no files: the admin's and Swagger UI's come from STATIC_ROOT through this.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outermost of ours, so that every API answer (a 411 included) is marked no-store.
    "leadcore.api.headers.ApiNoStoreMiddleware",
    # Outside CommonMiddleware, which would give its 411 a Content-Length (see its docstring).
    "leadcore.api.middleware.LengthRequiredMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "leadcore.middleware.BackOfficeLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "leadcore.content_security.CSPMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]
# What only the back office uses: requests to the API's endpoints that bring no cookie skip these
# (`leadcore/handler.py`). The API's answers keep every header they had: the security headers,
# no-store, its language, Content-Length, X-Frame-Options and the CSP.
BACK_OFFICE_MIDDLEWARE = [
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "axes.middleware.AxesMiddleware",
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
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# --- Headers and sessions: HTTPS only once SECURE_HTTPS, a CSP, admin sessions that idle out ---
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SECURE_HTTPS)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600 if SECURE_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=SECURE_HTTPS)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=SECURE_HTTPS)
# An admin session ends after this much inactivity: each request moves the expiry on.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=8 * 3600)
SESSION_SAVE_EVERY_REQUEST = True
# Everything the admin, the Model Editor and Swagger UI load is ours; nothing inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The one inline style of Django's admin (a change list without actions), by its hash.
        "style-src": ["'self'", "'sha256-blvLUW3UscWqsXGByNOqdBboM+ShWAuugp2mC/wbafU='"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
# -------------------------------------------------------------------------------------------

# The lead body limit is enforced by the API's own parser (413 in the envelope); Django's
# own limit only guards the admin's form posts.
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=3 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Abuse limits: rate limits, API tokens, admin login lockout ---------------------------
# DRF rate syntax ("6000/min"): per API token, and per client address for requests that bring
# no valid token (none, or a wrong, revoked or expired one).
API_THROTTLE_RATE = env.str("API_THROTTLE_RATE", default="6000/min")
API_ANON_THROTTLE_RATE = env.str("API_ANON_THROTTLE_RATE", default="60/min")
# How many proxies in front of us append to X-Forwarded-For; 0 trusts only REMOTE_ADDR.
NUM_PROXIES = env.int("NUM_PROXIES", default=0)
# Tokens issued from now on expire after this many days; 0: never.
API_TOKEN_TTL = timedelta(days=env.int("API_TOKEN_TTL_DAYS", default=0)) or None
# Counters every server process shares: the database by default, Redis with
# CACHE_URL=redis://host:6379/0. `migrate` creates the database cache table.
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://leadcore_cache")}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ADMIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "leadcore.api.throttling.client_address"
# ---------------------------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "leadcore.api.authentication.ApiTokenAuthentication",
        "leadcore.api.authentication.BsAuthAuthentication",
        "leadcore.api.authentication.AnonymousAddressLimit",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["leadcore.api.throttling.TokenRateThrottle"],
    "NUM_PROXIES": NUM_PROXIES,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["leadcore.api.parsers.BoundedJSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "leadcore.api.negotiation.RememberingContentNegotiation",
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
        "leadcore.api.authentication.ApiTokenAuthentication",
        "leadcore.api.authentication.BsAuthAuthentication",
        "rest_framework.authentication.SessionAuthentication",
        "leadcore.api.authentication.AnonymousAddressLimit",
    ],
    # The address limit is no way to sign in: the schema does not list it.
    "AUTHENTICATION_WHITELIST": [
        "leadcore.api.authentication.ApiTokenAuthentication",
        "leadcore.api.authentication.BsAuthAuthentication",
    ],
    # Swagger UI's files come from our own static files, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "ENUM_NAME_OVERRIDES": {
        "EnvelopeStatusEnum": ["ok"],
        "ErrorStatusEnum": ["error"],
        "LoanApplicationStatusEnum": "clients.models.LoanApplicationStatus",
        "ContractStatusEnum": "clients.models.ContractStatus",
        "LeadStatusEnum": ["CONVERTED"],
    },
}

# An Idempotency-Key is remembered this long (seconds) after its first use; then it is new again,
# and `manage.py prune_idempotency_keys` deletes it.
IDEMPOTENCY_KEY_TTL = env.int("IDEMPOTENCY_KEY_TTL", default=24 * 60 * 60)

# Client matching: when on, a person known to one legal entity is unknown to another.
CLIENT_MATCH_PER_LEGAL_ENTITY = env.bool("CLIENT_MATCH_PER_LEGAL_ENTITY", default=False)

# Address directory: "embedded" (GAR tables in our database) or "dadata" (HTTP).
ADDRESS_DIRECTORY = env.str("ADDRESS_DIRECTORY", default="embedded")
# FIAS look-ups answered by the embedded directory that each server process keeps until the next
# import (`clients/gar/lookup_cache.py`): about 3.4 KB each (tracemalloc, the sample's addresses),
# 7 MB at most. 0 reads the directory for every address.
GAR_LOOKUP_CACHE_SIZE = env.int("GAR_LOOKUP_CACHE_SIZE", default=2048)
DADATA_BASE_URL = env.str("DADATA_BASE_URL", default="")
DADATA_API_KEY = env.str("DADATA_API_KEY", default="")
DADATA_TIMEOUT_SECONDS = env.float("DADATA_TIMEOUT_SECONDS", default=2.0)
DADATA_RETRIES = env.int("DADATA_RETRIES", default=2)
# The first retry waits this long; each further one twice as long.
DADATA_BACKOFF_SECONDS = env.float("DADATA_BACKOFF_SECONDS", default=0.2)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Standard output, the process's event stream (twelve-factor), as the process manager collects
    # it; standard error stays the server's own (gunicorn's error log). A supervisor that pipes
    # stderr and reads it only on failure (the side-by-side benchmark does) would otherwise
    # block every worker once ~64 KB of per-lead lines filled the pipe.
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes announces its configuration at every start, management commands included.
    "loggers": {"axes.apps": {"level": "WARNING"}},
}
