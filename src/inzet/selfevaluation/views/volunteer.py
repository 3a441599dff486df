# Being written; replaced by the real views.
from django.http import Http404


def survey(request, *args, **kwargs):
    raise Http404


def thanks(request, *args, **kwargs):
    raise Http404
