from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from inzet.core import permissions

from .selectors import audit_action_list, audit_event_list


@login_required
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_audit_log(request.user):
        raise Http404
    query = request.GET.get("q", "").strip()[:100]
    action = request.GET.get("actie", "")[:80]
    page = Paginator(audit_event_list(query=query, action=action), 50).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "audit/event_list.html",
        {"page": page, "query": query, "action": action, "actions": audit_action_list()},
    )
