from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.core import permissions
from inzet.core.forms import form_add_validation_error
from inzet.geo.selectors import municipality_list

from . import selectors, services
from .forms import CentreLookupForm, InvitationForm, MembershipRoleForm, OrganisationForm


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    municipality = request.GET.get("gemeente", "")[:6]
    page = Paginator(
        selectors.organisation_list(query=query, municipality_code=municipality), 20
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "organisations/organisation_list.html",
        {
            "page": page,
            "query": query,
            "municipality": municipality,
            "municipalities": municipality_list(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_register(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_register(user=request.user, data=form.to_data())
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("%(name)s is registered. You are its administrator.") % {"name": organisation},
            )
            return redirect(organisation)
    return render(request, "organisations/organisation_form.html", {"form": form, "is_new": True})


@require_GET
def organisation_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get(public_id=public_id)
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "can_edit": permissions.can_edit_organisation(request.user, organisation),
            "can_view_members": permissions.can_view_organisation_members(
                request.user, organisation
            ),
            "can_view_evaluations": permissions.can_view_evaluations(request.user, organisation),
            "can_assign_adviser": permissions.can_assign_adviser(request.user, organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_editing(user=request.user, public_id=public_id)
    form = OrganisationForm(
        request.POST if request.method == "POST" else None,
        initial=OrganisationForm.initial_for(organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                organisation=organisation, actor=request.user, data=form.to_data()
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(organisation)
    return render(
        request,
        "organisations/organisation_form.html",
        {"form": form, "organisation": organisation, "is_new": False},
    )


def _members_page(request, organisation, invitation_form=None, status=200) -> HttpResponse:
    can_manage = permissions.can_manage_organisation_members(request.user, organisation)
    if permissions.is_nov_staff(request.user) and not permissions.organisation_role(
        request.user, organisation
    ):
        services.organisation_members_viewed(organisation=organisation, actor=request.user)
    return render(
        request,
        "organisations/member_list.html",
        {
            "organisation": organisation,
            "memberships": selectors.membership_list(organisation=organisation),
            "invitations": selectors.invitation_list_open(organisation=organisation)
            if can_manage
            else [],
            "can_manage": can_manage,
            "invitation_form": invitation_form or (InvitationForm() if can_manage else None),
            "role_form": MembershipRoleForm(),
        },
        status=status,
    )


@login_required
@require_GET
def member_list(request: HttpRequest, public_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_members(user=request.user, public_id=public_id)
    return _members_page(request, organisation)


@login_required
@require_POST
def invitation_create(request: HttpRequest, public_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_member_management(
        user=request.user, public_id=public_id
    )
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                organisation=organisation, inviter=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request, _("We have sent an invitation to %(email)s.") % {"email": invitation.email}
            )
            return redirect("organisations:member-list", public_id=organisation.public_id)
    return _members_page(request, organisation, invitation_form=form, status=422)


@login_required
@require_POST
def membership_role_change(
    request: HttpRequest, public_id: UUID, membership_id: int
) -> HttpResponse:
    organisation = selectors.organisation_get(public_id=public_id)
    membership = selectors.membership_get_for_management(
        user=request.user, organisation=organisation, membership_id=membership_id
    )
    form = MembershipRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
    else:
        try:
            services.membership_change_role(
                membership=membership, actor=request.user, role=form.cleaned_data["role"]
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(
                request, _("The role of %(name)s has been changed.") % {"name": membership.user}
            )
    return redirect("organisations:member-list", public_id=organisation.public_id)


@login_required
@require_POST
def membership_remove(request: HttpRequest, public_id: UUID, membership_id: int) -> HttpResponse:
    organisation = selectors.organisation_get(public_id=public_id)
    membership = selectors.membership_get_for_management(
        user=request.user, organisation=organisation, membership_id=membership_id
    )
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
    return redirect("organisations:member-list", public_id=organisation.public_id)


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: UUID) -> HttpResponse:
    invitation = selectors.invitation_get(token=token)
    error = None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as exc:
            error = exc.messages[0]
        else:
            messages.success(request, _("Welcome to %(name)s!") % {"name": invitation.organisation})
            return redirect(invitation.organisation)
    return render(
        request,
        "organisations/invitation_accept.html",
        {"invitation": invitation, "error": error},
        status=422 if error else 200,
    )


@require_GET
def centre_list(request: HttpRequest) -> HttpResponse:
    form = CentreLookupForm(request.GET if "postcode" in request.GET else None)
    found = None
    if form.is_bound and form.is_valid():
        found = selectors.centre_list_for_postcode(postcode=form.cleaned_data["postcode"])
    return render(
        request,
        "organisations/centre_list.html",
        {"form": form, "found": found, "centres": selectors.centre_list()},
    )


@require_GET
def centre_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    centre = selectors.centre_get(public_id=public_id)
    return render(
        request,
        "organisations/centre_detail.html",
        {"centre": centre, "is_staff": permissions.is_centre_staff(request.user, centre)},
    )


@require_GET
def company_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    company = selectors.company_get(public_id=public_id)
    return render(
        request,
        "organisations/company_detail.html",
        {"company": company, "is_member": permissions.is_company_member(request.user, company)},
    )
