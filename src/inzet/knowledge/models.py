import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .constants import ContentStatus, PageKind, Visibility


class Theme(models.Model):
    """A field of knowledge (wet- en regelgeving, werving, coördinatie …)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name_en if (get_language() or "nl").startswith("en") else self.name


class Page(models.Model):
    """A dossier, knowledge page or snackable. ``body`` is sanitised HTML (services only)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=PageKind.choices)
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="pages")
    dossier = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        limit_choices_to={"kind": PageKind.DOSSIER},
        verbose_name=_("part of dossier"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    # Plain text of the body for the search index (kept in step by the services).
    body_text = models.TextField(blank=True, editable=False)
    read_more = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("read more on"),
    )
    visibility = models.CharField(
        _("who can see it"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pages",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="owned_pages",
        verbose_name=_("owner"),
    )
    review_on = models.DateField(_("review on"), db_index=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ContentStatus.choices,
        default=ContentStatus.PUBLISHED,
        db_index=True,
    )
    # Optimistic locking: an edit names the version it started from.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("knowledge page")
        verbose_name_plural = _("knowledge pages")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(visibility="network", network__isnull=False)
                    | (~models.Q(visibility="network") & models.Q(network__isnull=True))
                ),
                name="knowledge_page_network_visibility",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:page-detail", args=[self.slug])


class PageRevision(models.Model):
    """The page as it was after each save: who changed what, and restoring an older one."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("page version")
        verbose_name_plural = _("page versions")
        constraints = [
            models.UniqueConstraint(fields=["page", "version"], name="knowledge_revision_unique")
        ]

    def __str__(self) -> str:
        return f"{self.page} v{self.version}"


def document_upload_to(instance: "DocumentVersion", filename: str) -> str:
    # Random name outside any public URL; the original name is kept in a field.
    return f"private/documents/{uuid.uuid4().hex}"


class Document(models.Model):
    """A shared document (PDF, DOCX …) in the kennisbank or a network's library."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="documents"
    )
    visibility = models.CharField(
        _("who can see it"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    folder = models.ForeignKey(
        "networks.Folder",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    pages = models.ManyToManyField(Page, blank=True, related_name="documents")
    # Text of the current version, extracted on upload, for the search index.
    text = models.TextField(blank=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=ContentStatus.choices, default=ContentStatus.PUBLISHED
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(visibility="network", network__isnull=False)
                    | (~models.Q(visibility="network") & models.Q(network__isnull=True))
                ),
                name="knowledge_document_network_visibility",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:document-detail", args=[self.public_id])


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to=document_upload_to)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="knowledge_docversion")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class PageViewDay(models.Model):
    """Views per page per day: one upsert per view instead of a row per view."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="view_days")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="knowledge_view_day_unique")
        ]

    def __str__(self) -> str:
        return f"{self.page} {self.day}: {self.count}"


class SearchTermDay(models.Model):
    """How often a (normalised) search term was used per day, and how often it found nothing.
    No user, no IP: only the words."""

    term = models.CharField(max_length=100)
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)
    empty_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["term", "day"], name="knowledge_search_term_day")
        ]

    def __str__(self) -> str:
        return f"{self.term} {self.day}"
