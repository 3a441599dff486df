import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inzet.core.language import language_cookie_set

from .forms import AccountDeleteForm, ProfileForm
from .selectors import dashboard_for_user
from .services import user_check_can_erase, user_erase, user_export_data, user_update_profile


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/dashboard.html", {"dashboard": dashboard_for_user(user=request.user)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {
        "name": user.name,
        "postcode": user.postcode,
        "preferred_language": user.preferred_language,
    }
    form = ProfileForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user_update_profile(user=user, **form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
        language_cookie_set(response, user.preferred_language)
        return response
    return render(request, "accounts/profile_form.html", {"form": form})


@login_required
@require_GET
def personal_data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/personal_data.html")


@login_required
@require_GET
def personal_data_download(request: HttpRequest) -> HttpResponse:
    data = user_export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"inzet-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    blocked_reason = None
    try:
        user_check_can_erase(user=request.user)
    except ValidationError as exc:
        blocked_reason = exc.messages[0]
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and blocked_reason is None and form.is_valid():
        user_erase(user=request.user)
        logout(request)
        messages.success(request, _("Your account and your personal data have been deleted."))
        return redirect("core:home")
    return render(
        request, "accounts/account_delete.html", {"form": form, "blocked_reason": blocked_reason}
    )
