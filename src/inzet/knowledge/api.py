"""The kennisbank as an open API: pages and search, with the same visibility as the site.

Anonymous callers see public pages only; a logged-in session (the site's cookie) also sees
pages for members and for the caller's networks. A page the caller may not see is a 404.
"""

from datetime import date, datetime

from django.core.paginator import Paginator
from django.http import Http404

from ninja import Field, Query, Router, Schema

from inzet.knowledge import selectors, services
from inzet.knowledge.constants import SEARCH_PAGE_SIZE

router = Router(tags=["Kennisbank"])


class PageOut(Schema):
    slug: str
    kind: str
    title: str
    summary: str
    theme: str
    visibility: str
    review_on: date
    updated_at: datetime
    url: str


class PageDetailOut(PageOut):
    body: str = Field(description="Sanitised HTML.")
    dossier: str | None = Field(description="Slug of the dossier this page belongs to.")


class PageList(Schema):
    count: int
    page: int
    pages: int
    results: list[PageOut]


class SearchHitOut(Schema):
    type: str = Field(description="dossier, page, snackable or document.")
    title: str
    url: str
    snippet: str = Field(description="HTML: escaped text with <mark> around the found words.")


class SearchOut(Schema):
    query: str
    state: str = Field(description="ok, empty (no words to search) or too_long.")
    count: int
    page: int
    pages: int
    results: list[SearchHitOut]


class PagingParams(Schema):
    page: int = Field(1, description="Page number, 20 results a page.")


class SearchParams(PagingParams):
    q: str = Field("", max_length=5000, description="Search words (Dutch; stemmed).")
    thema: str | None = Field(None, description="Theme slug, e.g. werving.")
    soort: str | None = Field(None, description="dossier, page, snackable or document.")


def _page_out(request, page) -> dict:
    return {
        "slug": page.slug,
        "kind": page.kind,
        "title": page.title,
        "summary": page.summary,
        "theme": page.theme.slug,
        "visibility": page.visibility,
        "review_on": page.review_on,
        "updated_at": page.updated_at,
        "url": request.build_absolute_uri(page.get_absolute_url()),
    }


@router.get("/pages", response=PageList, summary="Pages you may see, newest changes first")
def page_list(request, params: Query[PagingParams]):
    paginator = Paginator(selectors.pages_for_api(viewer=request.user), SEARCH_PAGE_SIZE)
    current = paginator.get_page(params.page)
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "results": [_page_out(request, page) for page in current.object_list],
    }


@router.get("/pages/{slug}", response=PageDetailOut, summary="One page")
def page_detail(request, slug: str):
    page = selectors.page_get_for_viewer(user=request.user, slug=slug)
    if page.status != "published":
        raise Http404  # archived pages are for editors on the site only
    return {
        **_page_out(request, page),
        "body": page.body,
        "dossier": page.dossier.slug if page.dossier else None,
    }


@router.get("/search", response=SearchOut, summary="Search pages and documents")
def search(request, params: Query[SearchParams]):
    results = selectors.knowledge_search(
        query=params.q,
        viewer=request.user,
        theme=params.thema,
        kind=params.soort,
    )
    if results.searched and params.page <= 1:
        services.search_term_record(query=results.query, found=bool(results.hits))
    if not results.searched:
        return {"query": results.query, "state": results.state, "count": 0, "page": 1,
                "pages": 0, "results": []}  # fmt: skip
    current = results.paginate(params.page)
    return {
        "query": results.query,
        "state": results.state,
        "count": results.count,
        "page": current.number,
        "pages": current.paginator.num_pages,
        "results": [
            {
                "type": hit.kind,
                "title": hit.item.title,
                "url": request.build_absolute_uri(hit.item.get_absolute_url()),
                "snippet": str(hit.snippet),
            }
            for hit in current.object_list
        ],
    }
