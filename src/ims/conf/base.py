"""Settings shared by every environment; every value that varies comes from the environment.

Modelled on the split used by Open Zaak: ``base`` reads ``IMS_*`` variables with safe localhost
defaults, and ``dev``/``ci``/``production`` only change what differs.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
CHECKOUT_DIR = PACKAGE_DIR.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_classification(name: str, default: str) -> int:
    """A classification level from the environment, by the code `ims createuser --clearance` takes
    (``departmental_confidential``) or by its number (1); a value that is neither stops the start with its reason
    rather than leaving uploads at a level nobody chose."""
    from ims.core.classification import Classification  # a plain enum: safe before Django is set up

    value = os.environ.get(name, default).strip()
    if value.isdigit() and int(value) in Classification.values:
        return int(value)
    try:
        return int(Classification.from_code(value))
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None


DATA_DIR = Path(os.environ.get("IMS_DATA_DIR", CHECKOUT_DIR / "var")).resolve()

# A development key so that a fresh checkout runs; production.py refuses to start with it.
INSECURE_DEV_KEY = "ims-insecure-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("IMS_SECRET_KEY", INSECURE_DEV_KEY)
# Keys the audit trail's hash chain; must stay the same for the life of the trail.
IMS_AUDIT_KEY = os.environ.get("IMS_AUDIT_KEY", SECRET_KEY)
DEBUG = env_bool("IMS_DEBUG", False)
# Reading a classified model without a user or level raises (ims.core.gate) instead of returning every row.
# On in development (dev.py) and always in the tests (ci.py); off here and so in production (see there).
IMS_GATE_STRICT_READS = env_bool("IMS_GATE_STRICT_READS", False)
ALLOWED_HOSTS = env_list("IMS_ALLOWED_HOSTS", "127.0.0.1,localhost")

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("IMS_DATABASE_URL", f"sqlite:///{DATA_DIR / 'ims.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while a command writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;"
    )
    # A write transaction takes the write lock when it begins, so that two gunicorn workers saving at once wait
    # for each other (busy_timeout) instead of one failing when it upgrades a read to a write.
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "ims.core.apps.IMSAdminConfig",  # django.contrib.admin, on a site that asks the permissions matrix
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "ims.core.apps.AxesConfig",  # django-axes, named in Dutch in the admin
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "ims.core",
    "ims.accounts",
    "ims.register",
    "ims.ingest",
    "ims.assessment",
    "ims.reporting",
    "ims.search",
    "ims.monitoring",
    "ims.api",
    "ims.transfer",
]

MIDDLEWARE = [
    # Outermost, so that it sees every response: under /api/ an error is JSON, whichever layer made it.
    "ims.api.middleware.ApiErrorsAsJson",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ims.core.middleware.IdleSessionMiddleware",
    "ims.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ims.core.audit.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Puts request.user on every history row written during the request (admin and web alike).
    "simple_history.middleware.HistoryRequestMiddleware",
    "ims.core.middleware.ContentSecurityPolicyMiddleware",
    # Last, so that it sees the outcome of the login view.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: after five failures a username-and-address pair waits a quarter of an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("IMS_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# No inline script or style anywhere: every script and stylesheet is a file the application serves.
IMS_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
           "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")

# Where the API lives: there, errors are JSON and Accept-Language chooses the language (see ims.api).
IMS_API_PREFIX = "/api/"

# The REST API (ims.api): token or session (with CSRF) login, JSON only, permissions from the matrix, and the
# register's own errors as 400s with field errors. No browsable API: its pages would need inline script.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so that an anonymous request gets 401 with a WWW-Authenticate header rather than 403.
        "rest_framework.authentication.TokenAuthentication",
        "ims.api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["ims.api.permissions.RegisterPermission"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["ims.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "ims.api.pagination.PagePagination",
    "DEFAULT_SCHEMA_CLASS": "ims.api.schema.RegisterSchema",
    "EXCEPTION_HANDLER": "ims.api.exceptions.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "IMS API",
    "DESCRIPTION": "Het register internationale militaire samenwerking, alleen wat uw screening toelaat.",
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "COMPONENT_SPLIT_REQUEST": True,
    # Request bodies refuse unknown fields and an empty change; the schema says so (see ims.api.schema).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "ims.api.schema.postprocess"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Several fields are called kind or status with different vocabularies; name each enum after its own.
    "ENUM_NAME_OVERRIDES": {
        f"{name}Enum": f"ims.register.vocab.{name}"
        for name in ("Ring", "PartnerKind", "Kind", "AgreementKind", "Status", "MilestoneStatus", "SpendingStatus",
                     "CommitmentStatus", "DatePrecision", "Form", "Origin", "GoalCategory", "ParticipantRole")
    },
}

ROOT_URLCONF = "ims.urls"
# A form sent with a stale security token gets IMS's explanation, not Django's English page.
CSRF_FAILURE_VIEW = "ims.core.views.csrf_failure"
WSGI_APPLICATION = "ims.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # the dashboard for BIA members, the initiatives for others
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ims.core.context_processors.permissions",
            ],
        },
    }
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Only production collects static files; elsewhere WhiteNoise serves them from the finders.
STATIC_ROOT = os.environ.get("IMS_STATIC_ROOT") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the finders so that a checkout works without collectstatic.
WHITENOISE_USE_FINDERS = True

# Idle timeout: a session lapses after this many minutes without a request. Requests renew it, at most once a
# minute (ims.core.middleware.IdleSessionMiddleware), so that reading a page does not write the session each time.
SESSION_COOKIE_AGE = int(os.environ.get("IMS_SESSION_IDLE_MINUTES", "60")) * 60
IMS_SESSION_RENEW_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Background jobs: "inprocess" (a thread; the embedded default) or "celery" (a worker with the Redis broker).
IMS_TASKS = os.environ.get("IMS_TASKS", "inprocess")
CELERY_BROKER_URL = os.environ.get("IMS_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True  # a job whose worker dies is handed out again; ingestion is idempotent
# On a server, `celery -A ims.celery beat` sends the BIA's weekly digest on Monday mornings (the embedded default
# has no beat: the README gives a cron line for `ims digest` instead).
CELERY_BEAT_SCHEDULE = {
    "weekly-milestone-digest": {
        "task": "ims.monitoring.weekly_digest",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
    },
}
CELERY_TIMEZONE = "Europe/Amsterdam"

# E-mail (the weekly digest): SMTP when IMS_SMTP_HOST is set, else the console (development, the demo).
EMAIL_HOST = os.environ.get("IMS_SMTP_HOST", "")
EMAIL_BACKEND = ("django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
                 else "django.core.mail.backends.console.EmailBackend")
EMAIL_PORT = int(os.environ.get("IMS_SMTP_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("IMS_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("IMS_SMTP_PASSWORD", "")
EMAIL_USE_TLS = env_bool("IMS_SMTP_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("IMS_MAIL_FROM", "ims@localhost")
UPLOAD_DIR = DATA_DIR / "uploads"
IMS_UPLOAD_MAX_BYTES = int(os.environ.get("IMS_UPLOAD_MAX_MB", "50")) * 1024 * 1024
# The classification an uploaded letter gets unless the uploader chooses another; never above the uploader's own
# clearance.
IMS_UPLOAD_CLASSIFICATION = env_classification("IMS_UPLOAD_CLASSIFICATION", "unclassified")
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

IMS_SHARED_DIR = Path(os.environ.get("IMS_SHARED_DIR", CHECKOUT_DIR.parent / "shared")).resolve()
IMS_PAGE_SIZES = (10, 25, 50, 100)
# The BIA's monitoring: a milestone is "due soon" this many days ahead (ims.monitoring.status).
IMS_DUE_SOON_DAYS = int(os.environ.get("IMS_DUE_SOON_DAYS", "90"))
# The user guide the header links to, shown as a page; it lives with the other guides in the checkout's docs/.
IMS_USER_GUIDE = Path(os.environ.get("IMS_USER_GUIDE", CHECKOUT_DIR / "docs" / "gebruikershandleiding.md"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("IMS_LOG_LEVEL", "WARNING")},
}
