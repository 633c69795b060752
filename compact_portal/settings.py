"""Settings for the Compact compliance portal.

Every value comes from the environment, read once here (see `.env.example`). The defaults make
`make run` work on a laptop: SQLite, Celery tasks run in-process, mail printed to the console.
Production (DEBUG=false) has no default for anything secret and refuses to start without it.
"""

from fractions import Fraction
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(str(BASE_DIR / ".env"))


def env_bool(name: str, default: bool) -> bool:
    # django-environ reads "yes", "on", "ok"… as true and anything else as false: a typo such as
    # DEBUG=flase would silently turn debug off (or on). Accept only the two spellings we document.
    raw = env.str(name, default=str(default)).strip().lower()
    if raw in ("true", "1"):
        return True
    if raw in ("false", "0"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-never-used-when-debug-is-false"
SECRET_KEY = env.str("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY == _DEV_SECRET_KEY
    or SECRET_KEY.startswith("django-insecure")
):
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is false")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Absolute address of the portal, for links in emails sent by Celery tasks (no request there).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Apps that belong to this project, in dependency order: each may import only those before it
# (docs/architecture.md). Celery beat schedules are collected from `<app>/schedule.py`.
LOCAL_APPS = [
    "accounts",
    "organisations",
    "undertakings",
    "funding",
    "consultations",
    "representation",
    "complaints",
    "reviews",
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    *LOCAL_APPS,
    "audit",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must be last: it turns a locked-out login into its lock-out response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "compact_portal.urls"
WSGI_APPLICATION = "compact_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "organisations.context_processors.portal_roles",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits on the public forms count in the cache: use a shared one (Redis) when several web
# processes serve the portal, or each process counts on its own.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Lock an account (per email and address) after 5 failed sign-ins for an hour.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The sign-in form posts the email in Django's standard "username" field; axes would otherwise look
# for USERNAME_FIELD ("email") and record every failure under no username at all.
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded evidence lives outside the static root and is only ever served through views that
# check permission, so there is deliberately no public MEDIA_URL route.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "/media-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Compact portal <no-reply@compact.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The BME-led test (Plymouth Code 1.3): at least this share of the board of BME origin.
# Kept as an exact fraction: "0.75" becomes 3/4 and is never compared as a float.
try:
    BME_LED_THRESHOLD = Fraction(env.str("BME_LED_THRESHOLD", default="0.75"))
except ValueError as exc:
    raise ImproperlyConfigured("BME_LED_THRESHOLD must be a decimal such as 0.75") from exc
if not 0 < BME_LED_THRESHOLD <= 1:
    raise ImproperlyConfigured("BME_LED_THRESHOLD must be above 0 and at most 1")
# A board declaration counts for this many months after its effective date.
BOARD_DECLARATION_VALID_MONTHS = 12

# Celery. Without a broker (make run, plain make test) tasks run in-process, so the portal needs
# nothing but Python on a laptop; CI and production set CELERY_BROKER_URL to Redis.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a killed worker leaves its task on the queue for another
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {}  # filled from each app's schedule.py by compact_portal/celery.py

# Complaints (UK Complaint Handling Code timescales are fixed in complaints/deadlines.py).
COMPLAINT_ESCALATION_WORKING_DAYS = env.int("COMPLAINT_ESCALATION_WORKING_DAYS", default=20)
COMPLAINT_RATE_LIMIT = env.int("COMPLAINT_RATE_LIMIT", default=5)
COMPLAINT_RATE_WINDOW_SECONDS = env.int("COMPLAINT_RATE_WINDOW_SECONDS", default=3600)
COMPLAINT_CONFIRMATION_MAX_AGE = env.int("COMPLAINT_CONFIRMATION_MAX_AGE", default=3 * 24 * 3600)

# How many proxies in front of the portal append the client's address to X-Forwarded-For (e.g. 1 for
# a TLS-terminating load balancer). 0: the connection's own address is the client's. The public forms'
# rate limits count per client address, so behind a proxy this must be set or everyone shares one count.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)

# Consultations: anonymous comments allowed per address per hour (the form also has a honeypot).
CONSULTATION_ANONYMOUS_COMMENTS_PER_HOUR = env.int("CONSULTATION_ANONYMOUS_COMMENTS_PER_HOUR", default=5)
# Representation: a person holding more seats than this at once is flagged as overloaded (Code §5.5).
REPRESENTATION_MAX_SEATS = env.int("REPRESENTATION_MAX_SEATS", default=3)

# Annual review builds: Celery's hard time limit for one build, when a job still "running" counts as
# stuck (the sweep requeues it), and how many attempts a job gets before it is marked failed.
REVIEWS_BUILD_TIME_LIMIT = env.int("REVIEWS_BUILD_TIME_LIMIT", default=600)
REVIEWS_BUILD_STALE_AFTER = env.int("REVIEWS_BUILD_STALE_AFTER", default=REVIEWS_BUILD_TIME_LIMIT + 120)
REVIEWS_BUILD_MAX_ATTEMPTS = env.int("REVIEWS_BUILD_MAX_ATTEMPTS", default=3)
# `load_demo` builds and publishes one annual review so the public list has something to show.
DEMO_BUILD_ANNUAL_REVIEW = env_bool("DEMO_BUILD_ANNUAL_REVIEW", default=True)

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Content Security Policy: nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # pikepdf announces its C++ logging bridge at INFO on first use.
        "pikepdf": {"level": "WARNING"},
    },
}
if CELERY_TASK_ALWAYS_EAGER:
    # Tasks run in-process: a line per finished task, and kombu's note about the in-memory broker's
    # missing host name, would only bury the demo accounts and the runserver output.
    LOGGING["loggers"] |= {"celery.app.trace": {"level": "WARNING"}, "kombu.connection": {"level": "ERROR"}}

# Prefix for identifiers the portal issues to organisations with no registered number, and for
# 360Giving grant identifiers of awards recorded here (360G-<prefix>-<id>).
PORTAL_ORG_ID_PREFIX = env.str("PORTAL_ORG_ID_PREFIX", default="XI-COMPACT")
# 360Giving export: withdrawn awards published at the amount after withdrawal with the reason
# ("reduce") or left out ("omit"), and the licence the open data carries.
THREESIXTY_WITHDRAWN = env.str("THREESIXTY_WITHDRAWN", default="reduce")
THREESIXTY_LICENCE = env.str("THREESIXTY_LICENCE", default="https://creativecommons.org/licenses/by/4.0/")
GRANT_ID_PREFIX = env.str("GRANT_ID_PREFIX", default="360G-compactportal")
