"""The services and selectors other apps (networks, stewardship) call."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory, nov_staff
from inzet.knowledge import selectors, services
from inzet.knowledge.constants import ContentStatus, Visibility
from inzet.knowledge.models import Document, PageViewDay, SearchTermDay

from .factories import (
    NetworkFactory,
    PageFactory,
    ThemeFactory,
    docx_bytes,
    pdf_bytes,
    upload,
)

pytestmark = pytest.mark.django_db


def test_document_upload_pdf_extracts_text_and_creates_version_one():
    owner = nov_staff()
    document = services.document_upload(
        uploaded_file=upload("folder.pdf", pdf_bytes("De vrijwilligersvergoeding is onbelast.")),
        title="Folder",
        owner=owner,
        visibility=Visibility.PUBLIC,
        theme=ThemeFactory(),
    )
    assert "vrijwilligersvergoeding" in document.text
    version = document.versions.get()
    assert version.number == 1
    assert version.content_type == "application/pdf"
    assert version.original_name == "folder.pdf"
    # Stored under a random private name, never the original name.
    assert version.file.name.startswith("private/documents/")
    assert "folder" not in version.file.name


def test_document_upload_to_network_sets_visibility_and_touches_network():
    network = NetworkFactory(last_activity_at=timezone.now() - datetime.timedelta(days=30))
    document = services.document_upload(
        uploaded_file=upload("notulen.docx", docx_bytes("Notulen van het overleg")),
        title="Notulen",
        owner=UserFactory(),
        visibility=Visibility.PUBLIC,
        network=network,
    )
    assert document.visibility == Visibility.NETWORK
    assert "Notulen van het overleg" in document.text
    network.refresh_from_db()
    assert network.last_activity_at > timezone.now() - datetime.timedelta(minutes=1)
    assert list(selectors.document_list_for_network(network=network)) == [document]


def test_document_add_version_updates_text():
    document = services.document_upload(
        uploaded_file=upload("a.docx", docx_bytes("eerste tekst")),
        title="A",
        owner=UserFactory(),
        visibility=Visibility.MEMBERS,
    )
    version = services.document_add_version(
        document=document,
        uploaded_file=upload("a.pdf", pdf_bytes("tweede versie")),
        actor=UserFactory(),
    )
    assert version.number == 2
    document.refresh_from_db()
    assert "tweede versie" in document.text
    assert selectors.document_current_version(document=document) == version


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("script.pdf", b"<script>alert(1)</script>"),  # extension lies about content
        ("folder.exe", b"%PDF-1.4 rest"),  # content is PDF, extension is not allowed
        ("plaatje.png", b"%PDF-1.4 rest"),  # extension and content disagree
        ("archief.docx", b"PK\x03\x04 not really a zip"),
        ("leeg.pdf", b""),
    ],
)
def test_document_upload_rejects_wrong_type(name, data):
    with pytest.raises(ValidationError) as info:
        services.document_upload(
            uploaded_file=upload(name, data),
            title="X",
            owner=UserFactory(),
            visibility=Visibility.PUBLIC,
        )
    assert "file" in info.value.message_dict
    assert Document.objects.count() == 0


def test_document_upload_rejects_too_large(settings):
    settings.INZET_DOCUMENT_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as info:
        services.document_upload(
            uploaded_file=upload("groot.pdf", b"%PDF-1.4" + b"x" * 2000),
            title="Groot",
            owner=UserFactory(),
            visibility=Visibility.PUBLIC,
        )
    assert info.value.error_dict["file"][0].code == "too_large"


def test_broken_pdf_uploads_with_empty_text():
    document = services.document_upload(
        uploaded_file=upload("kapot.pdf", b"%PDF-1.4 this is not a real pdf"),
        title="Kapot",
        owner=UserFactory(),
        visibility=Visibility.PUBLIC,
    )
    assert document.text == ""


def test_reassign_owner_and_archive():
    staff, new_owner = nov_staff(), UserFactory()
    pages = [PageFactory(), PageFactory()]
    document = services.document_upload(
        uploaded_file=upload("a.pdf", pdf_bytes("x")),
        title="A",
        owner=staff,
        visibility=Visibility.PUBLIC,
    )
    assert (
        services.content_reassign_owner(
            pages=pages, documents=[document], new_owner=new_owner, actor=staff
        )
        == 3
    )
    assert {p.owner for p in type(pages[0]).objects.all()} == {new_owner}
    assert services.content_archive(pages=pages[:1], documents=[document], actor=staff) == 2
    # Archiving twice changes nothing more.
    assert services.content_archive(pages=pages[:1], documents=[], actor=staff) == 0
    pages[0].refresh_from_db()
    assert pages[0].status == ContentStatus.ARCHIVED
    assert list(selectors.visible_pages(None)) == [pages[1]]


def test_reassign_to_inactive_user_is_refused():
    with pytest.raises(ValidationError):
        services.content_reassign_owner(
            pages=[PageFactory()], documents=[], new_owner=UserFactory(is_active=False),
            actor=nov_staff(),
        )


def test_stale_unviewed_orphans_and_failed_terms():
    today = timezone.localdate()
    old_moment = timezone.now() - datetime.timedelta(days=400)
    stale = PageFactory(review_on=today - datetime.timedelta(days=1))
    fresh = PageFactory(review_on=today + datetime.timedelta(days=10), created_at=old_moment)
    viewed = PageFactory(created_at=old_moment)
    services.page_view_record(page=viewed)
    assert list(selectors.stale_content(today=today)) == [stale]
    unviewed = list(selectors.unviewed_pages(months=6))
    assert fresh in unviewed and viewed not in unviewed and stale not in unviewed

    linked = services.document_upload(
        uploaded_file=upload("a.pdf", pdf_bytes("x")), title="Gekoppeld",
        owner=UserFactory(), visibility=Visibility.PUBLIC,
    )
    linked.pages.add(fresh)
    orphan = services.document_upload(
        uploaded_file=upload("b.pdf", pdf_bytes("x")), title="Los",
        owner=UserFactory(), visibility=Visibility.PUBLIC,
    )
    services.document_upload(
        uploaded_file=upload("c.pdf", pdf_bytes("x")), title="Netwerk",
        owner=UserFactory(), visibility=Visibility.NETWORK, network=NetworkFactory(),
    )
    assert list(selectors.orphan_documents()) == [orphan]

    services.search_term_record(query="  Zonnebloem ", found=False)
    services.search_term_record(query="zonnebloem", found=False)
    services.search_term_record(query="vog", found=True)
    rows = list(selectors.failed_search_terms())
    assert rows == [{"term": "zonnebloem", "searches": 2, "empty_searches": 2}]


def test_page_view_record_counts_per_day():
    page = PageFactory()
    for _ in range(3):
        services.page_view_record(page=page)
    services.page_view_record(page=page, day=timezone.localdate() - datetime.timedelta(days=1))
    assert sorted(PageViewDay.objects.values_list("count", flat=True)) == [1, 3]


def test_search_term_is_trimmed_and_capped():
    services.search_term_record(query="  " + "A" * 300, found=True)
    term = SearchTermDay.objects.get()
    assert term.term == "a" * 100 and term.empty_count == 0


def test_knowledge_data_erase_keeps_content():
    user = UserFactory()
    page = PageFactory(owner=user, updated_by=user)
    services.knowledge_data_erase(user=user)
    page.refresh_from_db()
    assert page.owner is None and page.updated_by is None
