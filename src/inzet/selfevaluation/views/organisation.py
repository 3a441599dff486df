# Being written; replaced by the real views.
from django.http import Http404


def index(request, *args, **kwargs):
    raise Http404


def evaluation_start(request, *args, **kwargs):
    raise Http404


def evaluation_detail(request, *args, **kwargs):
    raise Http404


def evaluation_part(request, *args, **kwargs):
    raise Http404


def answer_save(request, *args, **kwargs):
    raise Http404


def evaluation_history(request, *args, **kwargs):
    raise Http404


def evidence_add(request, *args, **kwargs):
    raise Http404


def evidence_download(request, *args, **kwargs):
    raise Http404


def evidence_delete(request, *args, **kwargs):
    raise Http404


def volunteer_invite(request, *args, **kwargs):
    raise Http404


def evaluation_close(request, *args, **kwargs):
    raise Http404
