# Being written; replaced by the real views.
from django.http import Http404


def dashboard(request, *args, **kwargs):
    raise Http404


def organisation_detail(request, *args, **kwargs):
    raise Http404


def note_add(request, *args, **kwargs):
    raise Http404


def assign(request, *args, **kwargs):
    raise Http404
