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
