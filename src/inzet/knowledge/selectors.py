"""Reads for the kennisbank: visibility as querysets, gatekeepers, the ONE search selector,
network libraries and the platform manager's overviews.

Visibility rules live in ``core.permissions.can_view_knowledge_item``; ``visible_pages`` and
``visible_documents`` express the same rules as a queryset filter (tested together).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Max, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.text import Truncator

from inzet.core import permissions
from inzet.core.search import (
    search_snippets,
    search_terms,
    snippet_html,
    text_search,
)

from .constants import (
    DOCUMENT_INDEX,
    PAGE_INDEX,
    SEARCH_KIND_DOCUMENT,
    SEARCH_KINDS,
    SEARCH_MAX_CHARS,
    SEARCH_PAGE_SIZE,
    ContentStatus,
    PageKind,
    Visibility,
)
from .models import Document, DocumentVersion, Page, PageRevision, SearchTermDay, Theme

logger = logging.getLogger(__name__)

# A search keeps at most this many hits per list; nobody pages past it.
SEARCH_MAX_HITS = 400


# --- Visibility as a queryset


def _visibility_q(viewer: Any) -> Q:
    q = Q(visibility=Visibility.PUBLIC)
    if viewer is not None and getattr(viewer, "is_authenticated", False) and viewer.is_active:
        q |= Q(visibility=Visibility.MEMBERS)
        # A subquery rather than a join: no duplicate rows, no DISTINCT needed.
        from inzet.networks.models import NetworkMembership

        q |= Q(
            visibility=Visibility.NETWORK,
            network_id__in=NetworkMembership.objects.filter(user=viewer).values("network_id"),
        )
    return q


def visible_pages(viewer: Any) -> QuerySet[Page]:
    """Published pages the viewer may read (archived ones are left out)."""
    return (
        Page.objects.filter(status=ContentStatus.PUBLISHED)
        .filter(_visibility_q(viewer))
        .select_related("theme")
    )


def visible_documents(viewer: Any) -> QuerySet[Document]:
    """Published documents the viewer may see (archived ones are left out)."""
    return (
        Document.objects.filter(status=ContentStatus.PUBLISHED)
        .filter(_visibility_q(viewer))
        .select_related("theme")
    )


# --- Gatekeepers


def page_get_for_viewer(*, user: Any, slug: str) -> Page:
    """The page when the user may read it (archived: only its editors), else Http404."""
    try:
        page = Page.objects.select_related(
            "theme", "dossier", "owner", "updated_by", "network", "read_more"
        ).get(slug=slug)
    except Page.DoesNotExist:
        raise Http404 from None
    if not permissions.can_view_knowledge_item(user, page):
        raise Http404
    return page


def page_get_for_editor(*, user: Any, slug: str) -> Page:
    """The page when the user may change it (and restore older versions)."""
    page = page_get_for_viewer(user=user, slug=slug)
    if not permissions.can_edit_knowledge_item(user, page):
        raise Http404
    return page


def document_get_for_viewer(*, user: Any, public_id: UUID | str) -> Document:
    """The document when the user may see it, else Http404."""
    try:
        document = Document.objects.select_related("theme", "network", "owner", "folder").get(
            public_id=public_id
        )
    except (Document.DoesNotExist, ValueError):
        raise Http404 from None
    if not permissions.can_view_knowledge_item(user, document):
        raise Http404
    return document


def document_get_for_editor(*, user: Any, public_id: UUID | str) -> Document:
    document = document_get_for_viewer(user=user, public_id=public_id)
    if not permissions.can_edit_knowledge_item(user, document):
        raise Http404
    return document


def document_current_version(*, document: Document) -> DocumentVersion | None:
    return document.versions.order_by("-number").first()


# --- Reading


def themes_with_counts(*, viewer: Any) -> list[Theme]:
    themes = list(Theme.objects.all())
    counts: dict[int, int] = {}
    for theme_id in visible_pages(viewer).values_list("theme_id", flat=True):
        counts[theme_id] = counts.get(theme_id, 0) + 1
    for theme in themes:
        theme.page_count = counts.get(theme.pk, 0)  # type: ignore[attr-defined]
    return themes


def theme_get(*, slug: str) -> Theme:
    try:
        return Theme.objects.get(slug=slug)
    except Theme.DoesNotExist:
        raise Http404 from None


def theme_pages(*, theme: Theme, viewer: Any) -> QuerySet[Page]:
    """Top-level pages of a theme (dossiers first); child pages show inside their dossier."""
    return (
        visible_pages(viewer)
        .filter(theme=theme)
        .order_by("kind", "title")  # "dossier" < "page" < "snackable"
    )


def latest_pages(*, viewer: Any, limit: int = 8) -> QuerySet[Page]:
    return visible_pages(viewer).order_by("-updated_at", "-id")[:limit]


def snackables(*, viewer: Any, limit: int = 6) -> QuerySet[Page]:
    return (
        visible_pages(viewer)
        .filter(kind=PageKind.SNACKABLE)
        .select_related("read_more")
        .order_by("-updated_at", "-id")[:limit]
    )


def page_children(*, page: Page, viewer: Any) -> QuerySet[Page]:
    return visible_pages(viewer).filter(dossier=page).order_by("title")


def page_attachments(*, page: Page, viewer: Any) -> QuerySet[Document]:
    return visible_documents(viewer).filter(pages=page).order_by("title")


def page_revisions(*, page: Page) -> QuerySet[PageRevision]:
    return page.revisions.select_related("edited_by").order_by("-version")


def page_revision_get(*, page: Page, version: int) -> PageRevision:
    try:
        return page.revisions.select_related("edited_by").get(version=version)
    except PageRevision.DoesNotExist:
        raise Http404 from None


def public_pages_for_feed(*, limit: int = 50) -> QuerySet[Page]:
    """Public pages for the RSS feed, newest changes first."""
    return visible_pages(None).order_by("-updated_at", "-id")[:limit]


def pages_for_api(*, viewer: Any) -> QuerySet[Page]:
    return visible_pages(viewer).order_by("-updated_at", "-id")


def dossiers_for_choice() -> QuerySet[Page]:
    return Page.objects.filter(kind=PageKind.DOSSIER, network__isnull=True).order_by("title")


# --- Network libraries (called by the networks app)


def page_list_for_network(*, network: Any) -> QuerySet[Page]:
    """A network's own pages (published). The caller has checked membership."""
    return (
        Page.objects.filter(network=network, status=ContentStatus.PUBLISHED)
        .select_related("theme", "owner")
        .order_by("title")
    )


def document_list_for_network(*, network: Any, folder: Any = None) -> QuerySet[Document]:
    """A network's documents (published), newest version prefetched as ``current_versions``.
    ``folder=None`` gives all documents; filter ``folder__isnull=True`` for the top level.
    The caller has checked membership."""
    qs = Document.objects.filter(network=network, status=ContentStatus.PUBLISHED)
    if folder is not None:
        qs = qs.filter(folder=folder)
    return (
        qs.select_related("owner", "folder")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=DocumentVersion.objects.order_by("-number"),
                to_attr="current_versions",
            )
        )
        .order_by("title")
    )


# --- The one search selector


@dataclass
class SearchHit:
    kind: str  # a PageKind value or "document"
    item: Page | Document
    rank: float
    snippet: str = ""

    @property
    def is_document(self) -> bool:
        return self.kind == SEARCH_KIND_DOCUMENT


@dataclass
class SearchResults:
    query: str
    theme: Theme | None = None
    kind: str | None = None
    # "ok", "empty" (no words that count), "too_long"
    state: str = "ok"
    hits: list[SearchHit] = field(default_factory=list)

    @property
    def searched(self) -> bool:
        return self.state == "ok"

    @property
    def count(self) -> int:
        return len(self.hits)

    def paginate(self, number: Any, per_page: int = SEARCH_PAGE_SIZE) -> PaginatorPage:
        """One page of hits, with snippets made for that page only (they cost a query)."""
        paginator = Paginator(self.hits, per_page)
        page = paginator.get_page(number)
        _add_snippets(list(page.object_list), self.query)
        return page


def _normalised(rows: list[Any]) -> list[tuple[Any, float]]:
    # Ranks from different tables (and bm25 vs ts_rank) are not comparable: scale each list
    # to 0..1 by its best hit, so the lists can be merged.
    ranks = [float(row.text_rank or 0.0) for row in rows]
    best = max(ranks, default=0.0)
    if best <= 0:
        return [(row, 0.0) for row in rows]
    return [(row, rank / best) for row, rank in zip(rows, ranks, strict=True)]


def knowledge_search(
    *,
    query: str,
    viewer: Any,
    theme: Theme | str | None = None,
    kind: str | None = None,
) -> SearchResults:
    """Pages and documents the viewer may see that match ``query``, best first.

    Filters: ``theme`` (a Theme or its slug) and ``kind`` (dossier, page, snackable,
    document). Pages of one list rank by title (A) above summary (B) above text (C); the two
    lists are merged on ranks scaled per list (a page wins a tie). Unknown filter values are
    ignored. Callers count the search with ``services.search_term_record``."""
    text = (query or "").strip()
    if isinstance(theme, str):
        theme = Theme.objects.filter(slug=theme).first()
    kind = kind if kind in SEARCH_KINDS else None
    results = SearchResults(query=text, theme=theme, kind=kind)
    if len(text) > SEARCH_MAX_CHARS:
        results.state = "too_long"
        return results
    if not search_terms(text):
        results.state = "empty"
        return results

    merged: list[tuple[float, int, SearchHit]] = []
    if kind != SEARCH_KIND_DOCUMENT:
        pages = visible_pages(viewer)
        if theme is not None:
            pages = pages.filter(theme=theme)
        if kind:
            pages = pages.filter(kind=kind)
        rows = list(
            text_search(pages, text, index=PAGE_INDEX).order_by("-text_rank", "title")[
                :SEARCH_MAX_HITS
            ]
        )
        for row, rank in _normalised(rows):
            merged.append((rank, 0, SearchHit(kind=row.kind, item=row, rank=rank)))
    if kind in (None, SEARCH_KIND_DOCUMENT):
        documents = visible_documents(viewer)
        if theme is not None:
            documents = documents.filter(theme=theme)
        rows = list(
            text_search(documents, text, index=DOCUMENT_INDEX).order_by("-text_rank", "title")[
                :SEARCH_MAX_HITS
            ]
        )
        for row, rank in _normalised(rows):
            merged.append(
                (rank, 1, SearchHit(kind=SEARCH_KIND_DOCUMENT, item=row, rank=rank))
            )
    merged.sort(key=lambda entry: (-entry[0], entry[1]))
    results.hits = [hit for _rank, _order, hit in merged]
    if not results.hits:
        logger.info("Kennisbank search found nothing: %r", text[:100])
    return results


def _add_snippets(hits: list[SearchHit], query: str) -> None:
    pages = [hit.item.pk for hit in hits if not hit.is_document]
    documents = [hit.item.pk for hit in hits if hit.is_document]
    page_body = search_snippets(Page, pages, query, index=PAGE_INDEX, column="body_text")
    page_summary = search_snippets(Page, pages, query, index=PAGE_INDEX, column="summary")
    doc_text = search_snippets(Document, documents, query, index=DOCUMENT_INDEX, column="text")
    doc_desc = search_snippets(
        Document, documents, query, index=DOCUMENT_INDEX, column="description"
    )
    from inzet.core.search import SNIPPET_START

    for hit in hits:
        if hit.is_document:
            candidates = [doc_text.get(hit.item.pk), doc_desc.get(hit.item.pk)]
            fallback = hit.item.description or hit.item.text
        else:
            candidates = [page_body.get(hit.item.pk), page_summary.get(hit.item.pk)]
            fallback = hit.item.summary or hit.item.body_text
        marked = next((c for c in candidates if c and SNIPPET_START in c), None)
        raw = marked or Truncator(fallback or "").words(30)
        hit.snippet = snippet_html(raw)


# --- The platform manager's overviews (called by the stewardship app)


def stale_content(*, today: datetime.date | None = None) -> QuerySet[Page]:
    """Published pages past their review date, ordered by owner (no owner first) and then
    oldest review date; group them by ``owner`` in the template ({% regroup %})."""
    today = today or timezone.localdate()
    return (
        Page.objects.filter(status=ContentStatus.PUBLISHED, review_on__lt=today)
        .select_related("owner", "theme", "network")
        .order_by("owner__name", "owner_id", "review_on", "title")
    )


def unviewed_pages(*, months: int, today: datetime.date | None = None) -> QuerySet[Page]:
    """Published pages without a view in the last ``months`` months (pages younger than that
    are left out), annotated with ``last_viewed_on`` (None: never)."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=round(30.44 * months))
    cutoff_moment = timezone.make_aware(
        datetime.datetime.combine(cutoff, datetime.time.min)
    )
    return (
        Page.objects.filter(status=ContentStatus.PUBLISHED, created_at__lt=cutoff_moment)
        .exclude(view_days__day__gte=cutoff)
        .annotate(last_viewed_on=Max("view_days__day"))
        .select_related("owner", "theme")
        .order_by("last_viewed_on", "title")
    )


def orphan_documents() -> QuerySet[Document]:
    """Kennisbank documents (not a network's) that no page links to."""
    return (
        Document.objects.filter(network__isnull=True, status=ContentStatus.PUBLISHED)
        .filter(pages__isnull=True)
        .select_related("owner", "theme")
        .order_by("created_at", "title")
    )


def failed_search_terms(
    *, days: int = 90, limit: int = 50, today: datetime.date | None = None
) -> QuerySet[Any]:
    """The most searched terms that found nothing, as dicts ``term``, ``searches`` and
    ``empty_searches`` (most empty searches first)."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=days)
    return (
        SearchTermDay.objects.filter(day__gte=since)
        .values("term")
        .annotate(searches=Sum("count"), empty_searches=Sum("empty_count"))
        .filter(empty_searches__gt=0)
        .order_by("-empty_searches", "-searches", "term")[:limit]
    )
