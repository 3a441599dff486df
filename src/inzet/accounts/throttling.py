from django.conf import settings
from django.http import HttpRequest


def login_username(request: HttpRequest, credentials: dict | None) -> str:
    """The e-mail address a login attempt was for, as django-axes counts failures per address.

    allauth authenticates with ``email=…``; the form field is ``login``.
    """
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None:
        value = request.POST.get("login", "")
    return (value or "").strip().lower()


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, for django-axes, with the same rule allauth uses for
    ``ALLAUTH_TRUSTED_PROXY_COUNT``: behind N load balancers that each append the address
    they saw, the client is the Nth entry from the right of ``X-Forwarded-For``. Entries
    further left are whatever the client sent, so they are never trusted."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        addresses = [part.strip() for part in forwarded.split(",")]
        if len(addresses) >= count and addresses[-count]:
            return addresses[-count]
    return request.META.get("REMOTE_ADDR")
