"""PLACEHOLDER: replaced by the real views before this lands."""

from django.http import HttpResponse


def document_detail(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def document_download(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def document_new_version(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def document_upload(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def feed(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def index(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def page_create(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def page_detail(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def page_edit(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def page_history(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def page_restore(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def page_revision(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def theme_detail(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)

