# Being written; replaced by the real views.
from django.http import Http404


def report(request, *args, **kwargs):
    raise Http404


def report_pdf(request, *args, **kwargs):
    raise Http404


def action_plan(request, *args, **kwargs):
    raise Http404


def action_update(request, *args, **kwargs):
    raise Http404


def progress(request, *args, **kwargs):
    raise Http404
