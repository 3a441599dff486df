from django.http import HttpRequest

from . import permissions


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    return {
        "nav_is_nov_staff": permissions.is_nov_staff(user),
    }
