"""Settings for every environment. Configure with environment variables only.

Other modules in this package change defaults (``os.environ.setdefault``) and then import
this one, so a real environment variable always wins.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import environ

BASE_DIR = Path(__file__).resolve().parents[3]
SRC_DIR = BASE_DIR / "src" / "inzet"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "inzet.core",
    "inzet.geo",
    "inzet.accounts",
    "inzet.organisations",
    "inzet.audit",
    "inzet.compliance",
    "inzet.selfevaluation",
    "inzet.qualitymark",
    "inzet.volunteers",
    "inzet.vacancies",
    "inzet.shifts",
    "inzet.oncall",
    "inzet.networks",
    "inzet.knowledge",
    "inzet.stewardship",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "inzet.accounts.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last, as django-axes asks: it turns a lockout into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "inzet.urls"
WSGI_APPLICATION = "inzet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inzet.core.context_processors.navigation",
            ],
        },
    },
]
# Every form renders its fields through components/field.html (NL Design System order).
FORM_RENDERER = "inzet.core.forms.InzetFormRenderer"

# --- Database: SQLite (WAL) when DATABASE_URL is unset, PostgreSQL in production.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'inzet.sqlite3'}")
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        # Writers queue for the lock instead of failing with "database is locked".
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON;",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory unless CACHE_URL points at Redis (needed with several web processes
# for shared login throttling state and rate limits).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# --- Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming in the browser that signed up logs in and returns to where signup started (the
# vacancy someone wanted to respond to). allauth does this only for that same session.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Inzet] "
ACCOUNT_ADAPTER = "inzet.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "signup": "inzet.accounts.forms.SignupForm",
    "login": "inzet.accounts.forms.LoginForm",
}
# django-axes throttles failed logins (stored in the database, so shared by all web
# processes); allauth's own rate limits stay on for signup, mail and password resets.
ACCOUNT_RATE_LIMITS = {"login_failed": False}
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "inzet.accounts.throttling.login_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
# Behind N load balancers the client's address is the Nth from the right in X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# django-axes and allauth read the client's address with the same rule.
AXES_CLIENT_IP_CALLABLE = "inzet.accounts.throttling.client_ip"
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# --- Mail: console in development, SMTP (or any backend) through EMAIL_URL.
# Mail is always handed to a background task; the task sends it with the real backend.
_email = env.email_url("EMAIL_URL", default="consolemail://")
INZET_DELIVERY_EMAIL_BACKEND = _email.pop("EMAIL_BACKEND")
vars().update(_email)
EMAIL_BACKEND = "inzet.core.mail.TaskEmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Inzet <noreply@inzet.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks (django-tasks: the backport of Django 6's task framework).
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# --- Internationalisation: Dutch first, English second; the user's choice, not a URL prefix.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "inzet_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media files
STATIC_URL = "/static/"
STATICFILES_DIRS = [SRC_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Security defaults that hold in every environment
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Privacy (AVG): how long we keep what.
INZET_AUDIT_RETENTION_DAYS = env.int("INZET_AUDIT_RETENTION_DAYS", default=2 * 365)
INZET_INVITATION_VALID_DAYS = 14
# Volunteer aggregates in a self-evaluation report appear only from this many answers on,
# so no single volunteer can be singled out.
INZET_VOLUNTEER_MIN_ANSWERS = env.int("INZET_VOLUNTEER_MIN_ANSWERS", default=5)
# A self-evaluation's volunteer link works this many days unless the organisation sets a date.
INZET_VOLUNTEER_LINK_DAYS = env.int("INZET_VOLUNTEER_LINK_DAYS", default=60)
# Evidence files: allowed types and the size limit.
INZET_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
# Kennisbank and network documents (PDF, DOCX, ODT, XLSX, PNG, JPEG): the size limit.
INZET_DOCUMENT_MAX_BYTES = env.int("INZET_DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
# Inactive-account care: ask after this many days without a login, deactivate when there is
# no answer within the answer period, erase personal data this long after deactivation.
INZET_DORMANT_AFTER_DAYS = env.int("INZET_DORMANT_AFTER_DAYS", default=365)
INZET_DORMANT_ANSWER_DAYS = env.int("INZET_DORMANT_ANSWER_DAYS", default=30)
INZET_DORMANT_ERASE_AFTER_DAYS = env.int("INZET_DORMANT_ERASE_AFTER_DAYS", default=365)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
