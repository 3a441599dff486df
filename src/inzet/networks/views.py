"""Network pages. Everything inside a network goes through a members-only gatekeeper in
``selectors`` (404 for everyone else); only the list and the detail page show a network's
name and description to non-members, so that they can ask to join."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.core.forms import form_add_validation_error
from inzet.core.permissions import (
    can_edit_knowledge_item,
    can_manage_networks,
    can_moderate_network,
)

from . import selectors, services
from .constants import POST_EDIT_WINDOW_MINUTES
from .forms import (
    FolderForm,
    InvitationForm,
    JoinRequestForm,
    NetworkCreateForm,
    NetworkEditForm,
    NotificationForm,
    PostEditForm,
    PostForm,
    RoleForm,
    ThreadForm,
    UploadForm,
    VersionForm,
)
from .models import Network

THREADS_PER_PAGE = 25


def _error_message(exc: ValidationError) -> str:
    return exc.messages[0] if exc.messages else _("That did not work. Try again.")


def _status(form) -> int:
    return 422 if form.is_bound and form.errors else 200


# --- Networks


@login_required
@require_GET
def network_list(request: HttpRequest) -> HttpResponse:
    mine = list(selectors.networks_for_user(user=request.user))
    others = list(selectors.networks_other_for_user(user=request.user))
    pending = selectors.pending_request_network_ids(user=request.user)
    return render(
        request,
        "networks/network_list.html",
        {
            "mine": mine,
            "others": [(network, network.pk in pending) for network in others],
            "can_create": can_manage_networks(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def network_create(request: HttpRequest) -> HttpResponse:
    if not can_manage_networks(request.user):
        raise Http404
    form = NetworkCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The network is ready. Invite the first members."))
            return redirect(network.get_absolute_url())
    return render(
        request, "networks/network_form.html", {"form": form, "network": None}, status=_status(form)
    )


@login_required
@require_http_methods(["GET", "POST"])
def network_edit(request: HttpRequest, slug: str) -> HttpResponse:
    is_staff = can_manage_networks(request.user)
    if is_staff:
        network = selectors.network_get_for_manager(user=request.user, slug=slug)
    else:
        network = selectors.network_get_for_moderator(user=request.user, slug=slug)
    initial = {
        "name": network.name,
        "description": network.description,
        "accepts_join_requests": network.accepts_join_requests,
    }
    form = NetworkEditForm(request.POST or None, initial=initial, can_appoint=is_staff)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        add_moderators = data.pop("add_moderators", [])
        try:
            services.network_update(
                network=network, actor=request.user, add_moderators=add_moderators, **data
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The network is saved."))
            return redirect(network.get_absolute_url())
    return render(
        request,
        "networks/network_form.html",
        {"form": form, "network": network},
        status=_status(form),
    )


def _render_outside(request, network: Network, form=None, status: int = 200) -> HttpResponse:
    """What a non-member sees: name, description and the way in. No content."""
    return render(
        request,
        "networks/network_outside.html",
        {
            "network": network,
            "pending": selectors.pending_request_for(user=request.user, network=network),
            "form": form or JoinRequestForm(),
        },
        status=status,
    )


@login_required
@require_GET
def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    from inzet.knowledge.selectors import document_list_for_network, page_list_for_network

    try:
        network = selectors.network_get_for_member(user=request.user, slug=slug)
    except Http404:
        return _render_outside(request, selectors.network_get_public_info(slug=slug))
    return render(
        request,
        "networks/network_detail.html",
        {
            "network": network,
            "threads": selectors.recent_threads(user=request.user, network=network),
            "documents": list(
                document_list_for_network(network=network).order_by("-updated_at")[:5]
            ),
            "pages": list(page_list_for_network(network=network)),
            "is_moderator": can_moderate_network(request.user, network),
            "can_edit": can_moderate_network(request.user, network)
            or can_manage_networks(request.user),
            "pending_count": selectors.join_requests_pending(network=network).count(),
        },
    )


# --- Membership


@login_required
@require_POST
def join_request_create(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get_public_info(slug=slug)
    form = JoinRequestForm(request.POST)
    if form.is_valid():
        try:
            services.join_request_create(
                network=network, user=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as exc:
            if exc.code in ("already_member", "already_requested"):
                messages.info(request, _error_message(exc))
                return redirect("networks:network-detail", slug=network.slug)
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request, _("Your request has been sent. We e-mail you when a moderator decides.")
            )
            return redirect("networks:network-detail", slug=network.slug)
    return _render_outside(request, network, form=form, status=422)


@login_required
@require_GET
def join_request_list(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get_for_moderator(user=request.user, slug=slug)
    return render(
        request,
        "networks/join_request_list.html",
        {"network": network, "join_requests": selectors.join_requests_pending(network=network)},
    )


@login_required
@require_POST
def join_request_decide(request: HttpRequest, public_id: UUID) -> HttpResponse:
    join_request = selectors.join_request_get_for_moderator(user=request.user, public_id=public_id)
    decision = request.POST.get("decision")
    if decision not in ("approve", "decline"):
        messages.error(request, _("Choose to approve or decline the request."))
    else:
        try:
            services.join_request_decide(
                join_request=join_request, actor=request.user, approve=decision == "approve"
            )
        except ValidationError as exc:
            messages.error(request, _error_message(exc))
        else:
            name = join_request.user.display_name
            if decision == "approve":
                messages.success(request, _("%(name)s is now a member.") % {"name": name})
            else:
                messages.success(
                    request, _("The request of %(name)s is declined.") % {"name": name}
                )
    return redirect("networks:join-request-list", slug=join_request.network.slug)


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get_for_moderator(user=request.user, slug=slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                network=network, email=form.cleaned_data["email"], actor=request.user
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("The invitation is sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("networks:invite", slug=network.slug)
    return render(
        request, "networks/invite.html", {"network": network, "form": form}, status=_status(form)
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.invitation_get_by_token(token=token)
    error = None
    if request.method == "POST":
        try:
            services.invitation_accept(token=token, user=request.user)
        except ValidationError as exc:
            error = _error_message(exc)
        else:
            messages.success(
                request,
                _("Welcome! You are now a member of %(network)s.")
                % {"network": invitation.network.name},
            )
            return redirect(invitation.network.get_absolute_url())
    return render(
        request,
        "networks/invitation_accept.html",
        {"invitation": invitation, "network": invitation.network, "error": error},
        status=422 if error else 200,
    )


@csrf_exempt  # RFC 8058 one-click: mail clients POST without a session or CSRF token.
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    membership = selectors.membership_get_by_unsubscribe_token(token=token)
    done = False
    if request.method == "POST":
        services.notification_unsubscribe(membership=membership)
        done = True
    return render(
        request,
        "networks/unsubscribe.html",
        {"membership": membership, "network": membership.network, "done": done},
    )


@login_required
@require_GET
def member_directory(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get_for_member(user=request.user, slug=slug)
    return render(
        request,
        "networks/member_directory.html",
        {
            "network": network,
            "memberships": selectors.member_directory(network=network),
            "is_moderator": can_moderate_network(request.user, network),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_manage(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    network = selectors.network_get_for_moderator(user=request.user, slug=slug)
    membership = selectors.membership_get_for_moderator(
        network=network, user=request.user, membership_id=membership_id
    )
    form = RoleForm(initial={"role": membership.role})
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "role":
            form = RoleForm(request.POST, initial={"role": membership.role})
        try:
            if action == "remove":
                services.membership_remove(membership=membership, actor=request.user)
                messages.success(
                    request,
                    _("%(name)s is no longer a member.") % {"name": membership.user.display_name},
                )
                return redirect("networks:member-directory", slug=network.slug)
            if action == "role" and form.is_valid():
                services.membership_update_role(
                    membership=membership, actor=request.user, role=form.cleaned_data["role"]
                )
                messages.success(request, _("The role is changed."))
                return redirect("networks:member-directory", slug=network.slug)
            if action not in ("role", "remove"):
                form.add_error(None, _("Choose what you want to change."))
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        status = 422
    return render(
        request,
        "networks/member_manage.html",
        {"network": network, "membership": membership, "form": form},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_settings(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get_for_member(user=request.user, slug=slug)
    membership = selectors.membership_for(user=request.user, network=network)
    form = NotificationForm(request.POST or None, initial={"notification": membership.notification})
    if request.method == "POST" and form.is_valid():
        try:
            services.notification_choice_set(
                membership=membership, choice=form.cleaned_data["notification"]
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Your e-mail choice is saved."))
            return redirect("networks:my-settings", slug=network.slug)
    return render(
        request,
        "networks/my_settings.html",
        {"network": network, "membership": membership, "form": form},
        status=_status(form),
    )


@login_required
@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get_for_member(user=request.user, slug=slug)
    try:
        services.network_leave(network=network, user=request.user)
    except ValidationError as exc:
        messages.error(request, _error_message(exc))
        return redirect("networks:my-settings", slug=network.slug)
    messages.success(request, _("You left %(network)s.") % {"network": network.name})
    return redirect("networks:network-list")


# --- Discussions


@login_required
@require_GET
def thread_list(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get_for_member(user=request.user, slug=slug)
    threads = selectors.thread_list_for_member(user=request.user, network=network)
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(request, "networks/thread_list.html", {"network": network, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def thread_create(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get_for_member(user=request.user, slug=slug)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.thread_create(
                network=network,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Your discussion is started."))
            return redirect(thread.get_absolute_url())
    return render(
        request,
        "networks/thread_form.html",
        {"network": network, "form": form},
        status=_status(form),
    )


def _render_thread(request, network, thread, form=None, status=200) -> HttpResponse:
    is_moderator = can_moderate_network(request.user, network)
    posts = list(thread.posts.all())
    editable = {post.pk for post in posts if services.post_can_edit(post=post, user=request.user)}
    return render(
        request,
        "networks/thread_detail.html",
        {
            "network": network,
            "thread": thread,
            "posts": posts,
            "editable": editable,
            "is_moderator": is_moderator,
            "form": form or PostForm(),
            "edit_minutes": POST_EDIT_WINDOW_MINUTES,
        },
        status=status,
    )


@login_required
@require_GET
def thread_detail(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    network = selectors.network_get_for_member(user=request.user, slug=slug)
    thread = selectors.thread_get_for_member(
        user=request.user, network=network, public_id=public_id
    )
    return _render_thread(request, network, thread)


@login_required
@require_POST
def post_create(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    network = selectors.network_get_for_member(user=request.user, slug=slug)
    thread = selectors.thread_get_for_member(
        user=request.user, network=network, public_id=public_id
    )
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            post = services.post_create(
                thread=thread, author=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Your reply is posted."))
            return redirect(f"{thread.get_absolute_url()}#post-{post.public_id}")
    # The typed reply stays in the form (also when the thread was locked meanwhile).
    thread = selectors.thread_get_for_member(
        user=request.user, network=network, public_id=public_id
    )
    return _render_thread(request, network, thread, form=form, status=422)


@login_required
@require_POST
def thread_moderate(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    network = selectors.network_get_for_moderator(user=request.user, slug=slug)
    thread = selectors.thread_get_for_moderator(
        user=request.user, network=network, public_id=public_id
    )
    action = request.POST.get("action", "")
    try:
        services.thread_moderate(thread=thread, actor=request.user, action=action)
    except ValidationError as exc:
        messages.error(request, _error_message(exc))
    else:
        done = {
            "lock": _("The discussion is closed for replies."),
            "unlock": _("The discussion is open for replies again."),
            "hide": _("The discussion is hidden for members."),
            "unhide": _("The discussion is visible again."),
        }
        messages.success(request, done[action])
    return redirect(thread.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    post = selectors.post_get_for_author(user=request.user, public_id=public_id)
    thread = post.thread
    form = PostEditForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(post=post, actor=request.user, body=form.cleaned_data["body"])
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("Your message is changed."))
            return redirect(f"{thread.get_absolute_url()}#post-{post.public_id}")
    return render(
        request,
        "networks/post_edit.html",
        {
            "network": thread.network,
            "thread": thread,
            "post": post,
            "form": form,
            "edit_minutes": POST_EDIT_WINDOW_MINUTES,
        },
        status=_status(form),
    )


@login_required
@require_POST
def post_hide(request: HttpRequest, public_id: UUID) -> HttpResponse:
    post = selectors.post_get_for_moderator(user=request.user, public_id=public_id)
    hidden = request.POST.get("hidden", "1") != "0"
    services.post_hide(post=post, actor=request.user, hidden=hidden)
    if hidden:
        messages.success(request, _("The message is hidden for members."))
    else:
        messages.success(request, _("The message is visible again."))
    return redirect(f"{post.thread.get_absolute_url()}#post-{post.public_id}")


# --- Library


@login_required
@require_GET
def library(request: HttpRequest, slug: str) -> HttpResponse:
    from inzet.knowledge.selectors import document_list_for_network

    network = selectors.network_get_for_member(user=request.user, slug=slug)
    documents = list(document_list_for_network(network=network))
    folders = list(selectors.folder_list(network=network))
    by_folder: dict[int | None, list] = {}
    for document in documents:
        document.current_version = (document.current_versions or [None])[0]
        document.can_add_version = can_edit_knowledge_item(request.user, document)
        by_folder.setdefault(document.folder_id, []).append(document)
    tree = [
        {
            "folder": folder,
            "documents": by_folder.get(folder.pk, []),
            "children": [
                {"folder": child, "documents": by_folder.get(child.pk, [])}
                for child in folders
                if child.parent_id == folder.pk
            ],
        }
        for folder in folders
        if folder.parent_id is None
    ]
    return render(
        request,
        "networks/library.html",
        {
            "network": network,
            "loose_documents": by_folder.get(None, []),
            "tree": tree,
            "has_documents": bool(documents),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def folder_create(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get_for_member(user=request.user, slug=slug)
    form = FolderForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            services.folder_create(
                network=network,
                actor=request.user,
                name=form.cleaned_data["name"],
                parent=form.cleaned_data["parent"],
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The folder is made."))
            return redirect("networks:library", slug=network.slug)
    return render(
        request,
        "networks/folder_form.html",
        {"network": network, "form": form},
        status=_status(form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def library_upload(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get_for_member(user=request.user, slug=slug)
    initial = {}
    if (folder_id := request.GET.get("map", "")).isdigit():
        initial["folder"] = selectors.folder_get_for_member(
            user=request.user, network=network, folder_id=int(folder_id)
        )
    form = UploadForm(request.POST or None, request.FILES or None, network=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.library_document_upload(
                network=network,
                actor=request.user,
                uploaded_file=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                folder=form.cleaned_data["folder"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The document is added to the library."))
            return redirect("networks:library", slug=network.slug)
    return render(
        request,
        "networks/library_upload.html",
        {"network": network, "form": form},
        status=_status(form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def library_new_version(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    network = selectors.network_get_for_member(user=request.user, slug=slug)
    document = selectors.library_document_get_for_editor(
        user=request.user, network=network, public_id=public_id
    )
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.library_document_add_version(
                document=document, actor=request.user, uploaded_file=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("The new version is saved."))
            return redirect("networks:library", slug=network.slug)
    return render(
        request,
        "networks/library_version.html",
        {
            "network": network,
            "document": document,
            "form": form,
            "cancel_url": reverse("networks:library", args=[network.slug]),
        },
        status=_status(form),
    )
