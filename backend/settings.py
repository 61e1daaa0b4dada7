"""Sparring settings, read from the environment.

Nothing set gives the embedded default: an SQLite file and a SQLite-backed Celery broker under
``var/`` and the console e-mail backend, so the demo needs no other service. Production sets
``DATABASE_URL`` (PostgreSQL), ``CELERY_BROKER_URL`` (Redis), ``DJANGO_SECRET_KEY``,
``DJANGO_ALLOWED_HOSTS`` and ``SPARRING_HTTPS=1``. See README.md, "Running in production".
"""

import secrets
from pathlib import Path

import environ
from celery.schedules import crontab

from backend.coaching.schema import ENUM_NAME_OVERRIDES as COACHING_ENUM_NAMES
from backend.mentoring.schema import ENUM_NAME_OVERRIDES as MENTORING_ENUM_NAMES
from backend.networks.schema import ENUM_NAME_OVERRIDES as NETWORKS_ENUM_NAMES
from backend.people.schema import ENUM_NAME_OVERRIDES as PEOPLE_ENUM_NAMES

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("SPARRING_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()


def _secret_key() -> str:
    """Return the secret key: from the environment, else one generated once into ``var/``."""
    key = env.str("DJANGO_SECRET_KEY", default="")
    if key:
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "backend.people",
    "backend.privacy",
    "backend.notifications",
    "backend.identity",
    "backend.networks",
    "backend.mentoring",
    "backend.coaching",
    "backend.knowhow",
    "backend.gatherings",
    "backend.netvalue",
    "backend.catalogue",
    "onboarding",
    "seed",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "backend.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "backend.middleware.UserLanguageMiddleware",
    "backend.middleware.JsonBodyLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "backend.urls"
WSGI_APPLICATION = "backend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "backend" / "templates"],
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

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'sparring.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Server-side parameters: psycopg prepares a statement the fifth time a connection runs it,
    # and PostgreSQL plans it once (a plan item list with its joins: 9 ms of planning per read).
    # Behind a transaction-level connection pooler set DATABASE_PREPARE_THRESHOLD= (empty).
    _prepare_threshold = env.str("DATABASE_PREPARE_THRESHOLD", default="5").strip()
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": int(_prepare_threshold) if _prepare_threshold else None,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker write while the web server reads; the timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    # Tests on a file too, not SQLite's shared in-memory database: there a write that meets a
    # reader fails at once ("database table is locked") instead of waiting, and the browser
    # tests' live server answers several requests at a time.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-sparring.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"
# Local passwords (refused where an organisation turned them off, administrators excepted) and
# single sign-on with each organisation's OpenID Connect provider (backend/identity).
AUTHENTICATION_BACKENDS = [
    "backend.identity.backends.LocalPasswordBackend",
    "backend.identity.oidc.OrganisationOIDCBackend",
]
# Seconds to wait for an identity provider (discovery, token exchange, keys).
SPARRING_OIDC_TIMEOUT = env.float("SPARRING_OIDC_TIMEOUT", default=10.0)
OIDC_TIMEOUT = SPARRING_OIDC_TIMEOUT
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/admin/login/"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "backend" / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
FRONTEND_DIST = BASE_DIR / "frontend" / "dist"
STATICFILES_DIRS = [FRONTEND_DIST] if FRONTEND_DIST.exists() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# --- Security -------------------------------------------------------------------------------
HTTPS = env.bool("SPARRING_HTTPS", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env.bool("SPARRING_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
# One policy for the app, the admin and the API docs: everything from this origin, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- REST API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "backend.people.tokens.SessionAuthenticationWithTokenChallenge",
        "backend.people.tokens.CachedTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["backend.api.permissions.IsAuthenticatedUser"],
    "DEFAULT_PAGINATION_CLASS": "backend.api.pagination.Pagination",
    "DEFAULT_RENDERER_CLASSES": [
        "backend.api.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "backend.api.filters.FilterBackend",
        "backend.api.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "backend.api.exceptions.exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "backend.api.parsers.DepthLimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_RATES": {"login": env.str("SPARRING_LOGIN_RATE", default="10/min")},
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sparring API",
    "DESCRIPTION": "Leader onboarding, mentor matching and peer networks.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        **PEOPLE_ENUM_NAMES,
        **MENTORING_ENUM_NAMES,
        **NETWORKS_ENUM_NAMES,
        **COACHING_ENUM_NAMES,
    },
    # Swagger UI from the installed sidecar package: no CDN, and no inline script (CSP).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Cache -----------------------------------------------------------------------------------
# Production shares one cache between every web process: CACHE_URL=redis://host:6379/1. Without
# it each process keeps its own in memory (the demo has one).
CACHE_URL = env.str("CACHE_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Seconds an API token's user is kept in the cache (backend/people/tokens.py). Only with a shared
# cache by default: a token deleted in one process must not be honoured by another.
TOKEN_CACHE_SECONDS = env.int("SPARRING_TOKEN_CACHE_SECONDS", default=60 if CACHE_URL else 0)

# --- Celery ---------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str(
    "CELERY_BROKER_URL", default=f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}"
)
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis re-delivers an unacknowledged task after this many seconds (acks_late): longer than the
# longest task, or a slow run would be delivered twice (harmless, but wasted work). The embedded
# SQLite transport takes no such option.
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
    if CELERY_BROKER_URL.startswith(("redis://", "rediss://"))
    else {}
)
CELERY_TIMEZONE = TIME_ZONE
# Periodic jobs (celery beat). Each task lives in its app's tasks.py under this name.
CELERY_BEAT_SCHEDULE = {
    "onboarding-reminders": {"task": "onboarding.reminders_send", "schedule": 3600.0},
    "mentoring-proposals-expire": {"task": "mentoring.proposals_expire", "schedule": 3600.0},
    "mentoring-nudges": {"task": "mentoring.nudges_send", "schedule": 86400.0},
    "mentoring-enrol-new-leaders": {
        "task": "mentoring.enrolment_ensure_new_leaders",
        "schedule": 86400.0,
    },
    "mentoring-pairs-recheck": {"task": "mentoring.pairs_recheck", "schedule": 86400.0},
    "mentoring-match-runs-recover": {"task": "mentoring.match_runs_recover", "schedule": 60.0},
    "privacy-retention": {"task": "privacy.retention_apply", "schedule": 86400.0},
    "networks-roulette": {"task": "networks.roulette_run", "schedule": 86400.0},
    # Daily check; a round opens when an organisation's last one is three months old.
    "netvalue-rounds-open": {"task": "netvalue.rounds_open", "schedule": 86400.0},
    "networks-insights-refresh": {"task": "networks.insights_refresh", "schedule": 300.0},
    # The HR system's export lands in the night; HR reads the report and the digest at work.
    "identity-drop-folder-import": {
        "task": "identity.drop_folder_import",
        "schedule": crontab(hour=5, minute=0),
    },
    "notifications-digest": {"task": "notifications.digest_send", "schedule": crontab(hour=7)},
}

# Match runs (backend/mentoring/services/runs.py). Seconds after a running run's last heartbeat
# when it counts as abandoned and is taken over; seconds to pause after each phase (a test knob
# that lets the stack tests watch or kill a run mid-way; 0 in production). Empty: the default.
SPARRING_MATCH_RUN_LEASE = float(env.str("SPARRING_MATCH_RUN_LEASE", default="") or 600.0)
SPARRING_MATCH_RUN_STEP_DELAY = float(env.str("SPARRING_MATCH_RUN_STEP_DELAY", default="") or 0.0)
# A leader who has led for fewer days than this is in their first year as a leader and is not
# offered as a mentor without HR's override with a reason (backend/mentoring/eligibility.py).
SPARRING_MENTOR_MIN_LEADER_DAYS = env.int("SPARRING_MENTOR_MIN_LEADER_DAYS", default=365)

# HR's network insights (backend/networks/services/insights.py): seconds after which a requested
# computation that never finished counts as lost and is asked for again.
SPARRING_INSIGHTS_LEASE = float(env.str("SPARRING_INSIGHTS_LEASE", default="") or 900.0)
# The nightly HR export, for municipalities without SCIM: <folder>/<organisation slug>/*.csv|xlsx,
# imported each night by identity.drop_folder_import (backend/people/imports/dropfolder.py).
# Empty: no drop folder.
SPARRING_IMPORT_DROP_FOLDER = env.str("SPARRING_IMPORT_DROP_FOLDER", default="")

# --- Privacy ------------------------------------------------------------------------------
# Leaders who left are erased this many days after ``left_on`` (privacy.retention_apply).
SPARRING_RETENTION_DAYS = env.int("SPARRING_RETENTION_DAYS", default=730)

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
# SMTP (EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend): the municipality's relay.
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="sparring@localhost")
SPARRING_BASE_URL = env.str("SPARRING_BASE_URL", default="http://localhost:8000")

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
