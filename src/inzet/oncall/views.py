"""PLACEHOLDER: replaced by the real views before this lands."""

from django.http import HttpResponse


def invitation_answer(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def my_requests(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def pool_create_for_centre(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def pool_create_for_organisation(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def pool_detail(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def pool_edit(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def pool_join(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def pool_leave(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def pool_list(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def pool_members(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def request_add_places(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def request_cancel(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def request_close(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def request_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def request_detail(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def request_progress(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)

