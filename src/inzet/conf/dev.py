"""Local development: `make run`. Real environment variables still win."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-inzet-local-development-key-0123456789")

from .base import *  # noqa: E402
