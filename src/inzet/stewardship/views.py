"""PLACEHOLDER: replaced by the real views before this lands."""

from django.http import HttpResponse


def bulk_action(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def dormant_accounts(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def failed_searches(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def keep_account(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def orphan_documents(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def overview(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def quiet_networks(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def stale_content(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)


def unviewed_pages(request, **kwargs):  # PLACEHOLDER
    return HttpResponse(status=501)

