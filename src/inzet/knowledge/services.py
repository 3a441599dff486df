"""Writes for the kennisbank: pages (sanitised, versioned), documents (checked, extracted),
view and search counting, and the platform manager's bulk actions.

Other apps call ``document_upload``/``document_add_version`` (network libraries),
``content_reassign_owner``/``content_archive`` (platform manager) and
``knowledge_data_erase`` (account erasure).
"""

from __future__ import annotations

import datetime
import html as html_lib
import io
import logging
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

import nh3

from inzet.accounts.models import User

from .constants import ContentStatus, PageKind, Visibility
from .models import (
    Document,
    DocumentVersion,
    Page,
    PageRevision,
    PageViewDay,
    SearchTermDay,
    Theme,
)

logger = logging.getLogger(__name__)

SNACKABLE_SUMMARY_MAX = 600
SEARCH_TERM_MAX = 100

# --- Rich text: an allow-list, applied on every save

ALLOWED_TAGS = frozenset(
    {
        "p", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "blockquote", "img",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "br",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitise_html(html: str) -> str:
    """Keep only harmless markup: no scripts, no event handlers, no javascript: URLs.
    Relative URLs stay allowed (nh3 keeps URLs without a scheme)."""
    return nh3.clean(
        html or "",
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def html_to_text(html: str) -> str:
    """Plain text of sanitised HTML, for the search index (block tags become spaces)."""
    # A space before every tag, so "<p>a</p><p>b</p>" does not become one word "ab".
    text = nh3.clean((html or "").replace("<", " <"), tags=set())
    # nh3 with no tags keeps the text but escapes it; unescape for a clean index.
    return " ".join(html_lib.unescape(text).split())


# --- Pages


# Fixed addresses under /kennisbank/ that a page's slug must not shadow.
RESERVED_SLUGS = frozenset({"nieuw", "feed", "thema", "documenten"})


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = (slugify(title) or "pagina")[:100].strip("-") or "pagina"
    slug, n = base, 2
    qs = Page.objects.all()
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    while slug in RESERVED_SLUGS or qs.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _check_page_fields(
    *,
    kind: str,
    title: str,
    summary: str,
    visibility: str,
    network: Any,
    dossier: Page | None,
    review_on: datetime.date | None,
) -> None:
    errors: dict[str, ValidationError] = {}
    if not (title or "").strip():
        errors["title"] = ValidationError(_("Give the page a title."), code="required")
    if review_on is None:
        errors["review_on"] = ValidationError(
            _("Choose a date on which someone checks this page again."), code="required"
        )
    if kind == PageKind.SNACKABLE and len(summary or "") > SNACKABLE_SUMMARY_MAX:
        errors["summary"] = ValidationError(
            _("A snackable summary has at most %(max)d characters.")
            % {"max": SNACKABLE_SUMMARY_MAX},
            code="too_long",
        )
    if visibility == Visibility.NETWORK and network is None:
        errors["visibility"] = ValidationError(
            _("Choose the network that may see this page."), code="network_required"
        )
    if dossier is not None and dossier.kind != PageKind.DOSSIER:
        errors["dossier"] = ValidationError(_("Choose a dossier."), code="not_dossier")
    if errors:
        raise ValidationError(errors)


def _write_revision(*, page: Page, actor: User | None, note: str) -> PageRevision:
    return PageRevision.objects.create(
        page=page,
        version=page.version,
        title=page.title,
        summary=page.summary,
        body=page.body,
        note=(note or "")[:300],
        edited_by=actor,
    )


def _touch_network(network: Any) -> None:
    if network is not None:
        from inzet.networks.services import network_touch

        network_touch(network=network)


@transaction.atomic
def page_create(
    *,
    actor: User,
    kind: str,
    theme: Theme,
    title: str,
    review_on: datetime.date | None,
    summary: str = "",
    body: str = "",
    visibility: str = Visibility.PUBLIC,
    network: Any = None,
    dossier: Page | None = None,
    read_more: Page | None = None,
    owner: User | None = None,
    note: str = "",
) -> Page:
    """A new page (version 1) with sanitised body, a unique slug and its first revision."""
    if visibility != Visibility.NETWORK:
        network = None
    _check_page_fields(
        kind=kind,
        title=title,
        summary=summary,
        visibility=visibility,
        network=network,
        dossier=dossier,
        review_on=review_on,
    )
    clean_body = sanitise_html(body)
    now = timezone.now()
    page = Page.objects.create(
        slug=_unique_slug(title),
        kind=kind,
        theme=theme,
        dossier=dossier,
        title=title.strip(),
        summary=(summary or "").strip(),
        body=clean_body,
        body_text=html_to_text(clean_body),
        read_more=read_more,
        visibility=visibility,
        network=network,
        owner=owner or actor,
        review_on=review_on,
        version=1,
        created_at=now,
        updated_at=now,
        updated_by=actor,
    )
    _write_revision(page=page, actor=actor, note=note or _("Created"))
    _touch_network(network)
    return page


@transaction.atomic
def page_update(
    *,
    page: Page,
    actor: User,
    base_version: int,
    title: str,
    summary: str,
    body: str,
    review_on: datetime.date | None,
    theme: Theme | None = None,
    kind: str | None = None,
    dossier: Page | None = None,
    read_more: Page | None = None,
    visibility: str | None = None,
    owner: User | None = None,
    note: str = "",
) -> Page:
    """Save a new version. ``base_version`` is the version the editor started from: when
    someone else saved in between, nothing is overwritten (ValidationError "conflict")."""
    locked = Page.objects.select_for_update().get(pk=page.pk)
    if int(base_version) != locked.version:
        raise ValidationError(
            _(
                "Someone else changed this page while you were editing it. Compare both "
                "texts below, copy what you need and save again."
            ),
            code="conflict",
        )
    kind = kind or locked.kind
    visibility = visibility or locked.visibility
    network = locked.network if visibility == Visibility.NETWORK else None
    _check_page_fields(
        kind=kind,
        title=title,
        summary=summary,
        visibility=visibility,
        network=network,
        dossier=dossier,
        review_on=review_on,
    )
    if dossier is not None and dossier.pk == locked.pk:
        raise ValidationError(
            {"dossier": ValidationError(_("A page cannot be part of itself."), code="self")}
        )
    clean_body = sanitise_html(body)
    locked.kind = kind
    locked.title = title.strip()
    locked.summary = (summary or "").strip()
    locked.body = clean_body
    locked.body_text = html_to_text(clean_body)
    locked.review_on = review_on
    locked.theme = theme or locked.theme
    locked.dossier = dossier
    locked.read_more = read_more
    locked.visibility = visibility
    locked.network = network
    if owner is not None:
        locked.owner = owner
    locked.version = locked.version + 1
    locked.updated_at = timezone.now()
    locked.updated_by = actor
    locked.save()
    _write_revision(page=locked, actor=actor, note=note)
    _touch_network(network)
    return locked


@transaction.atomic
def page_restore(*, page: Page, version: int, actor: User) -> Page:
    """Bring back an older version as a NEW version (history is never rewritten)."""
    try:
        revision = page.revisions.get(version=version)
    except PageRevision.DoesNotExist:
        raise ValidationError(_("That version does not exist."), code="not_found") from None
    locked = Page.objects.select_for_update().get(pk=page.pk)
    locked.title = revision.title
    locked.summary = revision.summary
    locked.body = sanitise_html(revision.body)
    locked.body_text = html_to_text(locked.body)
    locked.version = locked.version + 1
    locked.updated_at = timezone.now()
    locked.updated_by = actor
    locked.save()
    _write_revision(
        page=locked, actor=actor, note=_("Restored version %(version)d") % {"version": version}
    )
    _touch_network(locked.network)
    return locked


def page_view_record(*, page: Page, day: datetime.date | None = None) -> None:
    """Count one view: one UPDATE per view on a row per page per day (cheap, race-safe)."""
    day = day or timezone.localdate()
    if PageViewDay.objects.filter(page_id=page.pk, day=day).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            PageViewDay.objects.create(page_id=page.pk, day=day, count=1)
    except IntegrityError:
        # Another request created the row between our update and insert.
        PageViewDay.objects.filter(page_id=page.pk, day=day).update(count=F("count") + 1)


def search_term_normalise(query: str) -> str:
    return " ".join((query or "").lower().split())[:SEARCH_TERM_MAX].strip()


def search_term_record(*, query: str, found: bool, day: datetime.date | None = None) -> None:
    """Count a search term per day (and whether it found nothing). No user data."""
    term = search_term_normalise(query)
    if not term:
        return
    day = day or timezone.localdate()
    empty = 0 if found else 1
    updated = SearchTermDay.objects.filter(term=term, day=day).update(
        count=F("count") + 1, empty_count=F("empty_count") + empty
    )
    if updated:
        return
    try:
        with transaction.atomic():
            SearchTermDay.objects.create(term=term, day=day, count=1, empty_count=empty)
    except IntegrityError:
        SearchTermDay.objects.filter(term=term, day=day).update(
            count=F("count") + 1, empty_count=F("empty_count") + empty
        )


# --- Documents


@dataclass(frozen=True)
class FileKind:
    extensions: tuple[str, ...]
    content_type: str
    is_image: bool = False


PDF = FileKind((".pdf",), "application/pdf")
DOCX = FileKind(
    (".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
XLSX = FileKind((".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ODT = FileKind((".odt",), "application/vnd.oasis.opendocument.text")
PNG = FileKind((".png",), "image/png", is_image=True)
JPEG = FileKind((".jpg", ".jpeg"), "image/jpeg", is_image=True)
FILE_KINDS = (PDF, DOCX, XLSX, ODT, PNG, JPEG)
ALLOWED_EXTENSIONS = tuple(ext for kind in FILE_KINDS for ext in kind.extensions)


def _sniff_zip(data: bytes) -> FileKind | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return DOCX
            if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
                return XLSX
            if "mimetype" in names:
                mimetype = archive.read("mimetype").strip()
                if mimetype == ODT.content_type.encode():
                    return ODT
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def sniff_file_kind(data: bytes) -> FileKind | None:
    """The file type by its content (magic bytes), not by what the browser says."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    return None


def _read_upload(uploaded_file: UploadedFile) -> tuple[bytes, FileKind, str]:
    name = (getattr(uploaded_file, "name", "") or "bestand").rsplit("/", 1)[-1][:255]
    max_bytes = settings.INZET_DOCUMENT_MAX_BYTES
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(_too_large(max_bytes), code="too_large")
    uploaded_file.seek(0)
    data = uploaded_file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(_too_large(max_bytes), code="too_large")
    if not data:
        raise ValidationError(_("The file is empty. Choose another file."), code="empty")
    kind = sniff_file_kind(data)
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if kind is None or extension not in kind.extensions:
        raise ValidationError(
            _(
                "This type of file cannot be uploaded. Choose a PDF, Word (.docx), Excel "
                "(.xlsx), OpenDocument text (.odt), PNG or JPEG file."
            ),
            code="file_type",
        )
    return data, kind, name


def _too_large(max_bytes: int) -> str:
    return _("The file is too large. Files can be at most %(size)d MB.") % {
        "size": max(1, max_bytes // (1024 * 1024))
    }


def extract_text(data: bytes, kind: FileKind) -> str:
    """Text of a PDF or DOCX for the search index. A file we cannot read gives no text
    (the upload itself still succeeds)."""
    try:
        if kind is PDF:
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            parts = [(page.extract_text() or "") for page in reader.pages[:200]]
        elif kind is DOCX:
            import docx

            document = docx.Document(io.BytesIO(data))
            parts = [paragraph.text for paragraph in document.paragraphs]
            for table in document.tables:
                for row in table.rows:
                    parts.extend(cell.text for cell in row.cells)
        else:
            return ""
    except Exception:  # noqa: BLE001 - broken files must not break an upload
        logger.info("Text extraction failed for a %s upload", kind.content_type, exc_info=True)
        return ""
    # PostgreSQL text cannot hold NUL; keep the index reasonable in size.
    return " ".join(" ".join(parts).replace("\x00", " ").split())[:1_000_000]


def _store_version(
    *, document: Document, data: bytes, kind: FileKind, name: str, actor: User | None, number: int
) -> DocumentVersion:
    from django.core.files.base import ContentFile

    version = DocumentVersion(
        document=document,
        number=number,
        original_name=name,
        content_type=kind.content_type,
        size=len(data),
        uploaded_by=actor,
    )
    # The storage name is random (document_upload_to); the original name is only a field.
    version.file.save(name, ContentFile(data), save=False)
    version.save()
    return version


@transaction.atomic
def document_upload(
    *,
    uploaded_file: UploadedFile,
    title: str,
    owner: User | None,
    visibility: str,
    network: Any = None,
    folder: Any = None,
    theme: Theme | None = None,
    description: str = "",
) -> Document:
    """A new document with version 1: type checked by content and extension, size checked,
    text extracted for search. Network documents are visible to that network only."""
    if not (title or "").strip():
        raise ValidationError(
            {"title": ValidationError(_("Give the document a title."), code="required")}
        )
    if network is not None:
        visibility = Visibility.NETWORK
    elif visibility == Visibility.NETWORK:
        raise ValidationError(_("Choose the network for this document."), code="network_required")
    if folder is not None and (network is None or folder.network_id != network.pk):
        raise ValidationError(_("That folder belongs to another network."), code="folder")
    try:
        data, kind, name = _read_upload(uploaded_file)
    except ValidationError as exc:
        raise ValidationError({"file": exc}) from None
    now = timezone.now()
    document = Document.objects.create(
        title=title.strip()[:200],
        description=(description or "").strip(),
        theme=theme,
        visibility=visibility,
        network=network,
        folder=folder,
        text=extract_text(data, kind),
        owner=owner,
        created_at=now,
        updated_at=now,
    )
    _store_version(document=document, data=data, kind=kind, name=name, actor=owner, number=1)
    _touch_network(network)
    return document


@transaction.atomic
def document_add_version(
    *, document: Document, uploaded_file: UploadedFile, actor: User
) -> DocumentVersion:
    """A new version of the file; the search text follows the newest version."""
    try:
        data, kind, name = _read_upload(uploaded_file)
    except ValidationError as exc:
        raise ValidationError({"file": exc}) from None
    locked = Document.objects.select_for_update().get(pk=document.pk)
    last = locked.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = _store_version(
        document=locked, data=data, kind=kind, name=name, actor=actor, number=last + 1
    )
    locked.text = extract_text(data, kind)
    locked.updated_at = timezone.now()
    locked.save(update_fields=["text", "updated_at"])
    document.text, document.updated_at = locked.text, locked.updated_at
    _touch_network(locked.network)
    return version


@transaction.atomic
def document_link_pages(*, document: Document, pages: Iterable[Page]) -> None:
    """Attach the document to pages (the page shows it as an attachment)."""
    document.pages.add(*pages)


# --- Platform manager: bulk actions


def _as_pks(items: Iterable[Any] | None) -> list[int]:
    return [item if isinstance(item, int) else item.pk for item in (items or [])]


@transaction.atomic
def content_reassign_owner(
    *,
    pages: Iterable[Page] | None,
    documents: Iterable[Document] | None,
    new_owner: User,
    actor: User,
) -> int:
    """Give pages and documents a new owner; returns how many items changed."""
    if new_owner is None or not new_owner.is_active:
        raise ValidationError(_("Choose an active account as the new owner."), code="owner")
    now = timezone.now()
    changed = Page.objects.filter(pk__in=_as_pks(pages)).update(
        owner=new_owner, updated_at=now, updated_by=actor
    )
    changed += Document.objects.filter(pk__in=_as_pks(documents)).update(
        owner=new_owner, updated_at=now
    )
    return changed


@transaction.atomic
def content_archive(
    *, pages: Iterable[Page] | None, documents: Iterable[Document] | None, actor: User
) -> int:
    """Archive pages and documents (hidden from readers, kept for editors); returns how many
    items changed. Already archived items are not counted."""
    now = timezone.now()
    changed = (
        Page.objects.filter(pk__in=_as_pks(pages))
        .exclude(status=ContentStatus.ARCHIVED)
        .update(status=ContentStatus.ARCHIVED, updated_at=now, updated_by=actor)
    )
    changed += (
        Document.objects.filter(pk__in=_as_pks(documents))
        .exclude(status=ContentStatus.ARCHIVED)
        .update(status=ContentStatus.ARCHIVED, updated_at=now)
    )
    return changed


def knowledge_data_erase(*, user: User) -> None:
    """Personal data in the kennisbank is only who owns, edited or uploaded something; those
    references become empty (owner/updated_by/edited_by/uploaded_by), the content stays."""
    Page.objects.filter(owner=user).update(owner=None)
    Page.objects.filter(updated_by=user).update(updated_by=None)
    PageRevision.objects.filter(edited_by=user).update(edited_by=None)
    Document.objects.filter(owner=user).update(owner=None)
    DocumentVersion.objects.filter(uploaded_by=user).update(uploaded_by=None)
