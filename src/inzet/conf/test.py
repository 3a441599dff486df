"""Test settings: SQLite by default, PostgreSQL when DATABASE_URL says so."""

import os
import warnings

os.environ.setdefault("SECRET_KEY", "test-only")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("EMAIL_URL", "memorymail://")
os.environ.setdefault("AXES_FAILURE_LIMIT", "5")

from .base import *  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not :memory:, so the live server thread of browser tests sees the same data;
    # one per process, so two test runs on one machine never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")}
warnings.filterwarnings("error", r"DateTimeField .* received a naive datetime")
