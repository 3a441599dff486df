"""Kennisbank pages: the index with search, themes, pages (edit, history, restore),
documents (upload, versions, a checked download) and the RSS feed."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inzet.core import permissions
from inzet.core.forms import form_add_validation_error

from . import selectors, services
from .constants import SEARCH_MAX_CHARS, PageKind, Visibility
from .forms import DocumentUploadForm, DocumentVersionForm, PageForm, SearchForm
from .models import Page

# --- Reading and searching


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The kennisbank home: themes, latest changes and snackables; with ``q`` the results."""
    themes = selectors.themes_with_counts(viewer=request.user)
    form = SearchForm(request.GET or None, themes=themes)
    context: dict = {"form": form, "themes": themes, "max_chars": SEARCH_MAX_CHARS}
    query = request.GET.get("q", "").strip()
    if query:
        results = selectors.knowledge_search(
            query=query,
            viewer=request.user,
            theme=request.GET.get("thema") or None,
            kind=request.GET.get("soort") or None,
        )
        context["results"] = results
        if results.searched:
            context["page"] = results.paginate(request.GET.get("pagina"))
            # Paging on does not count as another search.
            if request.GET.get("pagina", "1") in ("", "1"):
                services.search_term_record(query=results.query, found=bool(results.hits))
    if not query or context["results"].state == "empty":
        context["latest"] = selectors.latest_pages(viewer=request.user)
        context["snackables"] = selectors.snackables(viewer=request.user)
    context["can_edit"] = permissions.can_edit_knowledge(request.user)
    return render(request, "knowledge/index.html", context)


@require_GET
def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    theme = selectors.theme_get(slug=slug)
    pages = list(selectors.theme_pages(theme=theme, viewer=request.user))
    visible_ids = {page.pk for page in pages}
    dossiers = [page for page in pages if page.kind == PageKind.DOSSIER]
    children: dict[int, list[Page]] = {}
    for page in pages:
        if page.dossier_id in visible_ids:
            children.setdefault(page.dossier_id, []).append(page)
    for dossier in dossiers:
        dossier.visible_children = children.get(dossier.pk, [])  # type: ignore[attr-defined]
    loose = [
        page
        for page in pages
        if page.kind == PageKind.PAGE and page.dossier_id not in visible_ids
    ]
    snacks = [page for page in pages if page.kind == PageKind.SNACKABLE]
    documents = selectors.visible_documents(request.user).filter(theme=theme).order_by("title")
    return render(
        request,
        "knowledge/theme_detail.html",
        {
            "theme": theme,
            "dossiers": dossiers,
            "loose_pages": loose,
            "snackables": snacks,
            "documents": documents,
        },
    )


@require_GET
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.page_get_for_viewer(user=request.user, slug=slug)
    response = render(
        request,
        "knowledge/page_detail.html",
        {
            "page": page,
            "children": selectors.page_children(page=page, viewer=request.user)
            if page.kind == PageKind.DOSSIER
            else [],
            "attachments": selectors.page_attachments(page=page, viewer=request.user),
            "can_edit": permissions.can_edit_knowledge_item(request.user, page),
        },
    )
    # Counted after the render: one cheap UPDATE on the row for today.
    services.page_view_record(page=page)
    if page.visibility != Visibility.PUBLIC:
        response["Cache-Control"] = "private"
    return response


class KnowledgeFeed(Feed):
    """Public pages, newest changes first (nothing for members or networks)."""

    title = gettext_lazy("Inzet knowledge base")
    link = reverse_lazy("knowledge:index")
    description = gettext_lazy("New and changed pages in the knowledge base.")

    def items(self):
        return selectors.public_pages_for_feed()

    def item_title(self, item: Page) -> str:
        return item.title

    def item_description(self, item: Page) -> str:
        return item.summary or item.body_text[:400]

    def item_pubdate(self, item: Page):
        return item.updated_at

    def item_updateddate(self, item: Page):
        return item.updated_at


feed = require_GET(KnowledgeFeed())


# --- Writing pages


def _page_data(form: PageForm) -> dict:
    data = form.cleaned_data
    return {
        "kind": data["kind"],
        "title": data["title"],
        "theme": data["theme"],
        "dossier": data.get("dossier"),
        "summary": data.get("summary", ""),
        "body": data.get("body", ""),
        "read_more": data.get("read_more"),
        "review_on": data["review_on"],
        "note": data.get("note", ""),
    }


@login_required
@require_http_methods(["GET", "POST"])
def page_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_edit_knowledge(request.user):
        raise PermissionDenied
    form = PageForm(request.POST or None, initial={"kind": request.GET.get("soort")})
    if request.method == "POST" and form.is_valid():
        try:
            page = services.page_create(
                actor=request.user,
                visibility=form.cleaned_data["visibility"],
                **_page_data(form),
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The page is published."))
            return redirect(page)
    status = 422 if request.method == "POST" else 200
    return render(request, "knowledge/page_form.html", {"form": form, "page": None}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.page_get_for_editor(user=request.user, slug=slug)
    conflict = None
    if request.method == "POST":
        form = PageForm(request.POST, page=page)
        if form.is_valid():
            data = _page_data(form)
            try:
                with transaction.atomic():
                    page = services.page_update(
                        page=page,
                        actor=request.user,
                        base_version=form.cleaned_data.get("base_version") or 0,
                        visibility=form.cleaned_data.get("visibility"),
                        **data,
                    )
            except ValidationError as exc:
                if getattr(exc, "code", None) == "conflict":
                    # Nothing is lost: the form keeps the user's text, the page shows the
                    # newer text next to it, and the next save starts from that version.
                    page.refresh_from_db()
                    conflict = page
                    post = request.POST.copy()
                    post["base_version"] = str(page.version)
                    form = PageForm(post, page=page)
                    form.is_valid()
                form_add_validation_error(form, exc)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(page)
        return render(
            request,
            "knowledge/page_form.html",
            {"form": form, "page": page, "conflict": conflict},
            status=422,
        )
    form = PageForm(
        page=page,
        initial={
            "kind": page.kind,
            "title": page.title,
            "theme": page.theme_id,
            "dossier": page.dossier_id,
            "summary": page.summary,
            "body": page.body,
            "read_more": page.read_more_id,
            "visibility": page.visibility,
            "review_on": page.review_on,
            "base_version": page.version,
        },
    )
    return render(request, "knowledge/page_form.html", {"form": form, "page": page})


@login_required
@require_GET
def page_history(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.page_get_for_editor(user=request.user, slug=slug)
    return render(
        request,
        "knowledge/page_history.html",
        {"page": page, "revisions": selectors.page_revisions(page=page)},
    )


@login_required
@require_GET
def page_revision(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    page = selectors.page_get_for_editor(user=request.user, slug=slug)
    revision = selectors.page_revision_get(page=page, version=version)
    return render(
        request, "knowledge/page_revision.html", {"page": page, "revision": revision}
    )


@login_required
@require_POST
def page_restore(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    page = selectors.page_get_for_editor(user=request.user, slug=slug)
    selectors.page_revision_get(page=page, version=version)
    try:
        page = services.page_restore(page=page, version=version, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("knowledge:page-history", slug=page.slug)
    messages.success(
        request,
        _("Version %(version)d is back, as version %(new)d.")
        % {"version": version, "new": page.version},
    )
    return redirect(page)


# --- Documents


@login_required
@require_http_methods(["GET", "POST"])
def document_upload(request: HttpRequest) -> HttpResponse:
    if not permissions.can_edit_knowledge(request.user):
        raise PermissionDenied
    form = DocumentUploadForm(
        request.POST or None, request.FILES or None, initial={"page": request.GET.get("pagina")}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                document = services.document_upload(
                    uploaded_file=data["file"],
                    title=data["title"],
                    owner=request.user,
                    visibility=data["visibility"],
                    theme=data.get("theme"),
                    description=data.get("description", ""),
                )
                if data.get("page") is not None:
                    services.document_link_pages(document=document, pages=[data["page"]])
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The document is uploaded."))
            return redirect(document)
    status = 422 if request.method == "POST" else 200
    return render(request, "knowledge/document_upload.html", {"form": form}, status=status)


@require_GET
def document_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    document = selectors.document_get_for_viewer(user=request.user, public_id=public_id)
    response = render(
        request,
        "knowledge/document_detail.html",
        {
            "document": document,
            "versions": document.versions.all(),
            "current": selectors.document_current_version(document=document),
            "pages": selectors.visible_pages(request.user).filter(documents=document),
            "can_edit": permissions.can_edit_knowledge_item(request.user, document),
        },
    )
    if document.visibility != Visibility.PUBLIC:
        response["Cache-Control"] = "private"
    return response


@require_GET
def document_download(request: HttpRequest, public_id: UUID) -> FileResponse:
    document = selectors.document_get_for_viewer(user=request.user, public_id=public_id)
    versions = document.versions.all()
    number = request.GET.get("versie")
    version = (
        versions.filter(number=number).first() if number and number.isdigit() else None
    ) or versions.first()
    if version is None:
        raise Http404
    is_image = version.content_type.startswith("image/")
    try:
        handle = version.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=not is_image,
        filename=version.original_name,
        content_type=version.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = (
        "public, max-age=3600" if document.visibility == Visibility.PUBLIC else "private"
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def document_new_version(request: HttpRequest, public_id: UUID) -> HttpResponse:
    document = selectors.document_get_for_editor(user=request.user, public_id=public_id)
    form = DocumentVersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_add_version(
                document=document, uploaded_file=form.cleaned_data["file"], actor=request.user
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The new version is uploaded."))
            return redirect(reverse("knowledge:document-detail", args=[document.public_id]))
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "knowledge/document_new_version.html",
        {"form": form, "document": document},
        status=status,
    )
