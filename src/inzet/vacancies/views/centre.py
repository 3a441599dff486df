# Being written; replaced by the real views.
from django.http import Http404


def overview(request, *args, **kwargs):
    raise Http404


def approvals(request, *args, **kwargs):
    raise Http404


def vacancy_review(request, *args, **kwargs):
    raise Http404


def settings_edit(request, *args, **kwargs):
    raise Http404
