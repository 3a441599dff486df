# Being written; replaced by the real views.
from django.http import Http404


def vacancy_search(request, *args, **kwargs):
    raise Http404


def recommendations(request, *args, **kwargs):
    raise Http404


def my_responses(request, *args, **kwargs):
    raise Http404


def my_proposals(request, *args, **kwargs):
    raise Http404


def saved_search_list(request, *args, **kwargs):
    raise Http404


def saved_search_create(request, *args, **kwargs):
    raise Http404


def saved_search_delete(request, *args, **kwargs):
    raise Http404


def saved_search_unsubscribe(request, *args, **kwargs):
    raise Http404


def response_withdraw(request, *args, **kwargs):
    raise Http404


def vacancy_detail(request, *args, **kwargs):
    raise Http404


def response_create(request, *args, **kwargs):
    raise Http404
