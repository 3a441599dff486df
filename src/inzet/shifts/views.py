"""PLACEHOLDER: replaced by the real views before this lands."""

from django.http import HttpResponse


def agenda(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def attendance(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def feed(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def feed_renew(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def organisation_statistics(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def plan_manage(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def roster(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def roster_export(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def schedule(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def shift_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def shift_delete(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def shift_edit(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def signup_cancel(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def signup_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)

