from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inzet.core.forms import form_add_validation_error

from . import selectors, services
from .forms import VolunteerProfileForm


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    profile = selectors.volunteer_profile_get(user=request.user)
    form = VolunteerProfileForm(
        request.POST if request.method == "POST" else None,
        initial=VolunteerProfileForm.initial_for(profile),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.volunteer_profile_save(user=request.user, data=form.to_data())
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and "forms" in exc.error_dict:
                exc.error_dict["work_forms"] = exc.error_dict.pop("forms")
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request, _("Your volunteer profile is saved. We use it to suggest work for you.")
            )
            return redirect("volunteers:profile")
    return render(
        request,
        "volunteers/profile_form.html",
        {"form": form, "profile": profile},
    )
