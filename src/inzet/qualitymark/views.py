# Being written; replaced by the real views.
from django.http import Http404


def register(request, *args, **kwargs):
    raise Http404


def badge(request, *args, **kwargs):
    raise Http404


def badge_check(request, *args, **kwargs):
    raise Http404


def apply(request, *args, **kwargs):
    raise Http404


def application_list(request, *args, **kwargs):
    raise Http404


def application_detail(request, *args, **kwargs):
    raise Http404


def application_assign(request, *args, **kwargs):
    raise Http404


def application_assess(request, *args, **kwargs):
    raise Http404


def application_decide(request, *args, **kwargs):
    raise Http404
