"""PLACEHOLDER: replaced by the real views before this lands."""

from django.http import HttpResponse


def folder_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def invitation_accept(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def invite(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def join_request_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def join_request_decide(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def join_request_list(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def leave(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def library(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def library_upload(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def member_directory(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def member_manage(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def my_settings(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def network_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def network_detail(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def network_edit(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def network_list(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def post_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def post_edit(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def post_hide(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def thread_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def thread_detail(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def thread_list(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def thread_moderate(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def unsubscribe(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)

