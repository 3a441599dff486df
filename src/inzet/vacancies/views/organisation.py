# Being written; replaced by the real views.
from django.http import Http404


def vacancy_list(request, *args, **kwargs):
    raise Http404


def vacancy_create(request, *args, **kwargs):
    raise Http404


def vacancy_edit(request, *args, **kwargs):
    raise Http404


def vacancy_transition(request, *args, **kwargs):
    raise Http404


def vacancy_copy(request, *args, **kwargs):
    raise Http404


def vacancy_responses(request, *args, **kwargs):
    raise Http404


def response_status(request, *args, **kwargs):
    raise Http404
