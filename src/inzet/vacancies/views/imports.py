# Being written; replaced by the real views.
from django.http import Http404


def vacancy_import(request, *args, **kwargs):
    raise Http404
