"""On-call pages: pools for volunteers, urgent requests for coordinators, the answer link."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.core import permissions
from inzet.core.forms import form_add_validation_error
from inzet.volunteers.selectors import volunteer_profile_get

from . import selectors, services
from .constants import InvitationStatus
from .forms import PlacesForm, PoolForm, PoolJoinForm, RequestForm
from .models import OnCallRequest

# The form fields that carry the service's errors about the request's times.
REQUEST_FIELD_NAMES = {"starts_at": "start_time", "ends_at": "end_time"}


# --- pools


@login_required
@require_GET
def pool_list(request: HttpRequest) -> HttpResponse:
    mine = list(selectors.pool_list_for_member(user=request.user))
    mine_ids = {pool.pk for pool in mine}
    return render(
        request,
        "oncall/pool_list.html",
        {
            "open_pools": [p for p in selectors.pool_list_open() if p.pk not in mine_ids],
            "my_pools": mine,
            "coordinated_pools": selectors.pool_list_for_coordinator(user=request.user),
            "pool_owners": selectors.pool_owners_for_user(user=request.user),
        },
    )


def _pool_form_page(request, form, *, owner, pool=None, status=200):
    return render(
        request,
        "oncall/pool_form.html",
        {"form": form, "owner": owner, "pool": pool},
        status=status,
    )


def _pool_create(request: HttpRequest, owner) -> HttpResponse:
    form = PoolForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                pool = services.pool_create(
                    owner=owner,
                    actor=request.user,
                    name=form.cleaned_data["name"],
                    description=form.cleaned_data["description"],
                )
            except ValidationError as exc:
                form_add_validation_error(form, exc)
            else:
                messages.success(request, _("The pool has been created."))
                return redirect(pool.get_absolute_url())
        return _pool_form_page(request, form, owner=owner, status=422)
    return _pool_form_page(request, form, owner=owner)


@login_required
@require_http_methods(["GET", "POST"])
def pool_create_for_organisation(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_pool_create(
        user=request.user, organisation_id=organisation_id
    )
    return _pool_create(request, organisation)


@login_required
@require_http_methods(["GET", "POST"])
def pool_create_for_centre(request: HttpRequest, centre_id: UUID) -> HttpResponse:
    centre = selectors.centre_get_for_pool_create(user=request.user, centre_id=centre_id)
    return _pool_create(request, centre)


@login_required
@require_http_methods(["GET", "POST"])
def pool_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    pool = selectors.pool_get_for_coordinator(user=request.user, public_id=public_id)
    initial = {"name": pool.name, "description": pool.description, "is_active": pool.is_active}
    form = PoolForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.pool_update(pool=pool, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form_add_validation_error(form, exc)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect(pool.get_absolute_url())
        return _pool_form_page(request, form, owner=pool.owner, pool=pool, status=422)
    return _pool_form_page(request, form, owner=pool.owner, pool=pool)


@login_required
@require_GET
def pool_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    pool = selectors.pool_get_for_viewer(user=request.user, public_id=public_id)
    can_coordinate = permissions.can_coordinate_pool(request.user, pool)
    context = {
        "pool": pool,
        "membership": selectors.pool_membership_get(pool=pool, user=request.user),
        "can_join": permissions.can_join_pool(request.user, pool),
        "can_coordinate": can_coordinate,
    }
    if can_coordinate:
        context["member_count"] = pool.memberships.count()
        context["requests"] = selectors.pool_request_list(pool=pool)
    return render(request, "oncall/pool_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pool_join(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Join a pool, or change when and how far you can be called."""
    pool = selectors.pool_get_for_joining(user=request.user, public_id=public_id)
    membership = selectors.pool_membership_get(pool=pool, user=request.user)
    if request.method == "POST":
        form = PoolJoinForm(request.POST)
        if form.is_valid():
            try:
                if membership is None:
                    services.pool_join(pool=pool, volunteer=request.user, **form.to_kwargs())
                    messages.success(request, _("You are now in this pool."))
                else:
                    services.pool_membership_update(membership=membership, **form.to_kwargs())
                    messages.success(request, _("The changes have been saved."))
            except ValidationError as exc:
                form_add_validation_error(form, exc)
            else:
                return redirect(pool.get_absolute_url())
        status = 422
    else:
        profile = volunteer_profile_get(user=request.user)
        form = PoolJoinForm(
            initial=PoolJoinForm.initial_for(membership=membership, profile=profile)
        )
        status = 200
    return render(
        request,
        "oncall/pool_join.html",
        {"pool": pool, "form": form, "membership": membership},
        status=status,
    )


@login_required
@require_POST
def pool_leave(request: HttpRequest, public_id: UUID) -> HttpResponse:
    pool = selectors.pool_get_for_joining(user=request.user, public_id=public_id)
    try:
        services.pool_leave(pool=pool, volunteer=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("You have left the pool."))
    return redirect("oncall:pool-list")


@login_required
@require_GET
def pool_members(request: HttpRequest, public_id: UUID) -> HttpResponse:
    from inzet.volunteers.selectors import slot_keys_from_mask

    pool = selectors.pool_get_for_coordinator(user=request.user, public_id=public_id)
    members = list(selectors.pool_member_list(pool=pool))
    rows = [
        {"membership": m, "slot_count": len(slot_keys_from_mask(m.availability))}
        for m in members
    ]
    return render(request, "oncall/pool_members.html", {"pool": pool, "rows": rows})


# --- urgent requests (coordinators)


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request: HttpRequest, public_id: UUID) -> HttpResponse:
    pool = selectors.pool_get_for_coordinator(user=request.user, public_id=public_id)
    owner = pool.owner
    initial = {"postcode": getattr(owner, "postcode", "") or "", "keep_reserve_list": True}
    form = RequestForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                oncall_request = services.request_issue(
                    pool=pool, actor=request.user, **form.to_kwargs()
                )
            except ValidationError as exc:
                _request_errors_on_form(form, exc)
            else:
                messages.success(
                    request, _("The request has been sent to the members who can help.")
                )
                return redirect(oncall_request.get_absolute_url())
        return render(
            request, "oncall/request_form.html", {"pool": pool, "form": form}, status=422
        )
    return render(request, "oncall/request_form.html", {"pool": pool, "form": form})


def _request_errors_on_form(form: RequestForm, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        exc = ValidationError(
            {REQUEST_FIELD_NAMES.get(name, name): errors for name, errors in exc.error_dict.items()}
        )
    form_add_validation_error(form, exc)


def _progress_context(oncall_request: OnCallRequest) -> dict:
    return {
        "oncall_request": oncall_request,
        "progress": selectors.request_progress(oncall_request=oncall_request),
        "confirmed": selectors.request_confirmed_list(oncall_request=oncall_request),
        "reserve": selectors.request_reserve_list(oncall_request=oncall_request),
        "is_live": selectors.request_is_live(oncall_request=oncall_request),
    }


def _request_page(request, oncall_request, *, places_form=None, status=200):
    context = _progress_context(oncall_request)
    context["places_form"] = places_form or PlacesForm(initial={"places": oncall_request.places})
    return render(request, "oncall/request_detail.html", context, status=status)


@login_required
@require_GET
def request_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    oncall_request = selectors.request_get_for_coordinator(user=request.user, public_id=public_id)
    return _request_page(request, oncall_request)


@login_required
@require_GET
def request_progress(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The live region of the detail page, fetched by oncall.js every few seconds."""
    oncall_request = selectors.request_get_for_coordinator(user=request.user, public_id=public_id)
    response = render(
        request, "oncall/_request_progress.html", _progress_context(oncall_request)
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def request_add_places(request: HttpRequest, public_id: UUID) -> HttpResponse:
    oncall_request = selectors.request_get_for_coordinator(user=request.user, public_id=public_id)
    form = PlacesForm(request.POST)
    if form.is_valid():
        try:
            services.request_set_places(
                oncall_request=oncall_request,
                actor=request.user,
                places=form.cleaned_data["places"],
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The number of places has been changed."))
            return redirect(oncall_request.get_absolute_url())
    return _request_page(request, oncall_request, places_form=form, status=422)


def _request_end(request: HttpRequest, public_id: UUID, service, done: str) -> HttpResponse:
    oncall_request = selectors.request_get_for_coordinator(user=request.user, public_id=public_id)
    try:
        service(oncall_request=oncall_request, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, done)
    return redirect(oncall_request.get_absolute_url())


@login_required
@require_POST
def request_close(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _request_end(
        request, public_id, services.request_close, _("The request is closed.")
    )


@login_required
@require_POST
def request_cancel(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _request_end(
        request,
        public_id,
        services.request_cancel,
        _("The request is cancelled. The people who were coming have been told."),
    )


# --- volunteers


@require_http_methods(["GET", "POST"])
def invitation_answer(request: HttpRequest, token: str) -> HttpResponse:
    """The one-click link from the e-mail; no login needed, the signed token is the key.

    GET only shows the request and two buttons and never changes anything: mail scanners
    and link previews fetch links in e-mails, and must not accept on someone's behalf.
    """
    try:
        invitation = selectors.invitation_from_token(token)
    except ValidationError as exc:
        status = 410 if exc.code == "expired" else 400
        return render(request, "oncall/invitation_invalid.html", {"code": exc.code}, status=status)
    oncall_request = invitation.request
    context = {"invitation": invitation, "oncall_request": oncall_request, "token": token}
    if request.method == "POST":
        answer = request.POST.get("answer")
        already_answered = invitation.status != InvitationStatus.INVITED
        try:
            if answer == "accept":
                invitation = services.invitation_accept(invitation=invitation)
            elif answer == "decline":
                invitation = services.invitation_decline(invitation=invitation)
            else:
                context["error"] = _("Choose one of the two buttons.")
                return render(request, "oncall/invitation_answer.html", context, status=422)
        except ValidationError:
            context["closed"] = True
            return render(request, "oncall/invitation_answer.html", context, status=409)
        context["invitation"] = invitation
        context["just_answered"] = not already_answered
        return render(request, "oncall/invitation_answer.html", context)
    context["closed"] = not selectors.request_is_live(oncall_request=oncall_request)
    return render(request, "oncall/invitation_answer.html", context)


@login_required
@require_GET
def my_requests(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "oncall/my_requests.html",
        {
            "invitations": selectors.open_invitations_for_user(request.user),
            "confirmed": selectors.confirmed_assignments_for_user(request.user),
            "reserve": selectors.reserve_assignments_for_user(request.user),
        },
    )

