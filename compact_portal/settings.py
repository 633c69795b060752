"""Settings for the Compact compliance portal.

Every value comes from the environment, read once here (see `.env.example`). The defaults make
`make run` work on a laptop: SQLite, Celery tasks run in-process, mail printed to the console.
Production (DEBUG=false) has no default for anything secret and refuses to start without it.
"""

from fractions import Fraction
from pathlib import Path
from typing import Any

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
    "simple_history",
    "axes",
    "csp",
    *LOCAL_APPS,
    "audit",
    "demo",
]

MIDDLEWARE = [
    "common.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "common.middleware.NoStoreMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: it tells the person why they were signed out.
    "accounts.middleware.SessionTimeoutMiddleware",
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
                "common.context_processors.contacts",
            ],
            # common is not an app (it has no models); its tags are named here instead.
            "libraries": {"glossary": "common.templatetags.glossary"},
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    # A kept connection is checked before each request reuses it, so after PostgreSQL restarts the
    # portal reconnects instead of failing the first request of every process (docs/operations.md).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits on the public forms count in the cache: use a shared one (Redis) when several web
# processes serve the portal, or each process counts on its own.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Redis down must not fail the pages that count: it is treated as an empty cache (common/cache.py).
    CACHES["default"]["BACKEND"] = "common.cache.ForgivingRedisCache"

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
# Emails the sign-in pages send (password reset links, sign-up confirmations and "you already have an
# account" notes), per address they are sent to and per client address, per hour. Past the limit the
# page says the same and sends nothing, so it reveals neither the limit nor whether an account exists.
ACCOUNT_EMAILS_PER_ACCOUNT_PER_HOUR = env.int("ACCOUNT_EMAILS_PER_ACCOUNT_PER_HOUR", default=3)
ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR = env.int("ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR", default=10)
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Failed sign-ins are counted per account and, separately, per address; either count reaching the
# limit locks for an hour (accounts/lockout.py). The email is counted lower-cased and stripped, as
# sign-in reads it, so changing its letter case does not start a new count.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "accounts.lockout.username_for_lockout"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip_for_lockout"
AXES_HANDLER = "accounts.lockout.AccountLockoutHandler"
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
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640
# With a bucket named, uploaded files and generated PDFs live in S3-compatible object storage (AWS,
# MinIO, Ceph…), so any number of web and worker containers share them without a shared disk.
# The bucket stays private: files are read by the portal and served through the same views that
# check permission (no public or signed bucket addresses are ever given out).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _endpoint = env.str("AWS_S3_ENDPOINT_URL", default="")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": _endpoint or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "location": env.str("AWS_LOCATION", default=""),
            # A self-hosted server is addressed as endpoint/bucket, not bucket.endpoint.
            "addressing_style": env.str("AWS_S3_ADDRESSING_STYLE", default="") or ("path" if _endpoint else "auto"),
            "default_acl": None,
            "querystring_auth": True,
            # Never write over another file of the same name (a rebuilt review gets a new name).
            "file_overwrite": False,
            # A file read for a download is held in memory up to this size, then on local disk.
            "max_memory_size": 2 * 1024 * 1024,
        },
    }
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)

# Development prints mail to the console. Production has no default: a portal that silently printed
# complaint acknowledgements and reset links to its own log would look as if it worked.
_EMAIL_URL = env.str("EMAIL_URL", default="consolemail://" if DEBUG else "")
if not DEBUG and not _EMAIL_URL.startswith(("smtp://", "smtps://", "smtp+tls://", "smtp+ssl://")):
    raise ImproperlyConfigured("EMAIL_URL must name a real mail server (smtp+tls://…) when DEBUG is false")
EMAIL_CONFIG = env.email_url_config(_EMAIL_URL)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Compact portal <no-reply@compact.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where people write to the portal's team: printed on the about, accessibility and error pages.
CONTACT_EMAIL = env.str("CONTACT_EMAIL", default="compact@example.org" if DEBUG else "")
ACCESSIBILITY_EMAIL = env.str("ACCESSIBILITY_EMAIL", default="") or CONTACT_EMAIL
if not DEBUG and not CONTACT_EMAIL:
    raise ImproperlyConfigured("CONTACT_EMAIL must be set when DEBUG is false: the about and error pages print it")

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
# Without a broker, long tasks (the annual review build) may run in a background thread instead of
# inside the request (common.background); `make run` turns this on, tests leave it off.
IN_PROCESS_TASKS_IN_BACKGROUND = env_bool("IN_PROCESS_TASKS_IN_BACKGROUND", False)
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a killed worker leaves its task on the queue for another
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A pool process that holds more than this (KiB) after a task is replaced by a fresh one before its
# next (prefork pool only). The annual review's PDF is drawn in a child process of its own
# (reviews.pdf_process); this catches whatever else a long task leaves behind, such as the heap of a
# metro Compact's review dataset (about 70 MB over a worker's 100 MB at rest).
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=250_000)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {}  # filled from each app's schedule.py by compact_portal/celery.py

# Complaints (UK Complaint Handling Code timescales are fixed in complaints/deadlines.py).
COMPLAINT_ESCALATION_WORKING_DAYS = env.int("COMPLAINT_ESCALATION_WORKING_DAYS", default=20)
COMPLAINT_RATE_LIMIT = env.int("COMPLAINT_RATE_LIMIT", default=5)
COMPLAINT_RATE_WINDOW_SECONDS = env.int("COMPLAINT_RATE_WINDOW_SECONDS", default=3600)
COMPLAINT_CONFIRMATION_MAX_AGE = env.int("COMPLAINT_CONFIRMATION_MAX_AGE", default=3 * 24 * 3600)
# Files a visitor who is not signed in may add to complaint drafts per address per day, and how old a
# draft's files get before the hourly clean-up removes them if the complaint was never sent.
COMPLAINT_ANONYMOUS_FILES_PER_DAY = env.int("COMPLAINT_ANONYMOUS_FILES_PER_DAY", default=10)
COMPLAINT_DRAFT_MAX_AGE_HOURS = env.int("COMPLAINT_DRAFT_MAX_AGE_HOURS", default=24)
# A closed complaint keeps the complainant's name, email and account link this many months, then
# they are removed and the complaint kept (complaints/retention.py, daily).
COMPLAINT_CONTACT_RETENTION_MONTHS = env.int("COMPLAINT_CONTACT_RETENTION_MONTHS", default=12)

# How many proxies in front of the portal append the client's address to X-Forwarded-For (e.g. 1 for
# a TLS-terminating load balancer). 0: the connection's own address is the client's. The public forms'
# rate limits count per client address, so behind a proxy this must be set or everyone shares one count.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)

# Consultations: anonymous comments allowed per address per hour (the form also has a honeypot).
CONSULTATION_ANONYMOUS_COMMENTS_PER_HOUR = env.int("CONSULTATION_ANONYMOUS_COMMENTS_PER_HOUR", default=5)
# Representation: a person holding more seats than this at once is flagged as overloaded (Code §5.5).
REPRESENTATION_MAX_SEATS = env.int("REPRESENTATION_MAX_SEATS", default=3)
# Disclosure control (common/disclosure.py): published counts of people below this are shown as
# "fewer than N", so a small number cannot point at a named person's ethnicity.
DISCLOSURE_THRESHOLD = env.int("DISCLOSURE_THRESHOLD", default=5)

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
# A signed-in session ends after this many seconds without a request (sliding), and this many after
# signing in whatever happens (accounts/middleware.py); the cookie lasts no longer than the latter.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_ABSOLUTE_TIMEOUT", default=12 * 3600)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
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

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's own default config gives "django" a console handler of its own while DEBUG is on;
        # with that and the root handler every django.* line printed twice. One handler, no propagation.
        "django": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO"), "propagate": False},
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
