from django.db import models
from django.utils.translation import gettext_lazy as _


class PageKind(models.TextChoices):
    DOSSIER = "dossier", _("Dossier")
    PAGE = "page", _("Knowledge page")
    SNACKABLE = "snackable", _("Snackable")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Logged-in members")
    NETWORK = "network", _("One network")


class ContentStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


# Full-text indexes (inzet.core.search): titles count most, then summaries, then the text.
# The migration 0002_search_index creates them; the selectors search and snippet them.
def _indexes():
    from inzet.core.search import SearchIndex

    page = SearchIndex(
        table="knowledge_page",
        fields=(("title", "A"), ("summary", "B"), ("body_text", "C")),
        bm25_weights=(10.0, 4.0, 1.0),
        pg_index_name="knowledge_page_search_dutch",
    )
    document = SearchIndex(
        table="knowledge_document",
        fields=(("title", "A"), ("description", "B"), ("text", "C")),
        bm25_weights=(10.0, 4.0, 1.0),
        pg_index_name="knowledge_document_search_dutch",
    )
    return page, document


PAGE_INDEX, DOCUMENT_INDEX = _indexes()

# The "soort" filter of the search: page kinds plus documents.
SEARCH_KIND_DOCUMENT = "document"
SEARCH_KINDS = (*PageKind.values, SEARCH_KIND_DOCUMENT)
SEARCH_MAX_CHARS = 200
SEARCH_PAGE_SIZE = 20
