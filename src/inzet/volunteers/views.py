# Being written; replaced by the real view.
from django.http import Http404


def profile_edit(request, *args, **kwargs):
    raise Http404
