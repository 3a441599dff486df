"""Writing pages (sanitiser, conflicts, history, restore), counting views, uploading through
the site, and who may do each of these."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory, nov_staff
from inzet.knowledge import services
from inzet.knowledge.constants import PageKind, Visibility
from inzet.knowledge.models import Document, Page, PageViewDay
from inzet.networks.constants import NetworkRole

from .factories import NetworkFactory, PageFactory, ThemeFactory, docx_bytes, network_member, upload

pytestmark = pytest.mark.django_db

REVIEW = (timezone.localdate() + datetime.timedelta(days=365)).isoformat()


def _create(**kwargs):
    defaults = {
        "actor": nov_staff(),
        "kind": PageKind.PAGE,
        "theme": ThemeFactory(),
        "title": "Werving",
        "review_on": timezone.localdate(),
        "body": "<p>Tekst</p>",
    }
    return services.page_create(**{**defaults, **kwargs})


# --- Sanitiser


def test_sanitiser_strips_script_handlers_and_javascript_urls():
    page = _create(
        body=(
            '<h2>Kop</h2><script>alert(1)</script><img src="x.png" alt="a" onerror="alert(2)">'
            '<a href="javascript:alert(3)">klik</a><a href="https://nov.nl">NOV</a>'
            '<a href="/kennisbank/">intern</a><p style="color:red" onclick="x()">tekst</p>'
            "<iframe src=https://evil.example></iframe>"
        )
    )
    body = page.body
    assert "<script" not in body and "alert(1)" not in body
    assert "onerror" not in body and "onclick" not in body and "style" not in body
    assert "javascript:" not in body
    assert "<iframe" not in body
    assert '<a href="https://nov.nl" rel="noopener noreferrer">NOV</a>' in body
    assert 'href="/kennisbank/"' in body
    assert '<img src="x.png" alt="a">' in body
    assert "<h2>Kop</h2>" in body
    assert page.body_text == "Kop klik NOV intern tekst"


def test_snackable_summary_is_limited():
    with pytest.raises(ValidationError) as info:
        _create(kind=PageKind.SNACKABLE, summary="x" * 601)
    assert "summary" in info.value.message_dict


def test_slug_is_unique():
    assert _create(title="Werving").slug == "werving"
    assert _create(title="Werving").slug == "werving-2"


# --- Conflicts, history and restore


def test_update_with_old_base_version_is_a_conflict_and_changes_nothing():
    page = _create(body="<p>Eerste</p>")
    staff = nov_staff()
    services.page_update(
        page=page, actor=staff, base_version=1, title="Werving", summary="",
        body="<p>Van collega</p>", review_on=page.review_on,
    )  # fmt: skip
    with pytest.raises(ValidationError) as info:
        services.page_update(
            page=page, actor=staff, base_version=1, title="Werving", summary="",
            body="<p>Van mij</p>", review_on=page.review_on,
        )  # fmt: skip
    assert info.value.code == "conflict"
    page.refresh_from_db()
    assert page.body == "<p>Van collega</p>" and page.version == 2


def test_conflict_in_the_view_keeps_my_text_and_shows_theirs(client):
    staff = nov_staff()
    page = _create(body="<p>Eerste</p>", actor=staff)
    services.page_update(
        page=page, actor=nov_staff(), base_version=1, title="Werving", summary="",
        body="<p>Tekst van collega</p>", review_on=page.review_on,
    )  # fmt: skip
    client.force_login(staff)
    data = {
        "kind": "page", "title": "Werving", "theme": page.theme_id, "summary": "",
        "body": "<p>Mijn eigen tekst</p>", "visibility": "public", "review_on": REVIEW,
        "base_version": "1",
    }  # fmt: skip
    response = client.post(reverse("knowledge:page-edit", args=[page.slug]), data)
    assert response.status_code == 422
    content = response.content.decode()
    assert 'id="conflict"' in content
    assert "Tekst van collega" in content  # theirs
    assert "Mijn eigen tekst" in content  # mine, still in the form
    assert response.context["form"]["base_version"].value() == "2"
    page.refresh_from_db()
    assert "collega" in page.body
    # Saving again from the shown version goes through.
    data["base_version"] = "2"
    response = client.post(reverse("knowledge:page-edit", args=[page.slug]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "<p>Mijn eigen tekst</p>" and page.version == 3


def test_history_and_restore_make_a_new_version(client):
    staff = nov_staff()
    page = _create(body="<p>Versie een</p>", actor=staff)
    services.page_update(
        page=page, actor=staff, base_version=1, title="Werving", summary="",
        body="<p>Versie twee</p>", review_on=page.review_on, note="Bedragen 2026",
    )  # fmt: skip
    client.force_login(staff)
    history = client.get(reverse("knowledge:page-history", args=[page.slug]))
    assert history.status_code == 200
    assert b"Bedragen 2026" in history.content
    old = client.get(reverse("knowledge:page-revision", args=[page.slug, 1]))
    assert b"Versie een" in old.content
    response = client.post(reverse("knowledge:page-restore", args=[page.slug, 1]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.version == 3 and page.body == "<p>Versie een</p>"
    assert list(page.revisions.values_list("version", flat=True)) == [3, 2, 1]
    assert client.post(reverse("knowledge:page-restore", args=[page.slug, 9])).status_code == 404


# --- Permissions both ways


def test_create_and_upload_only_for_staff(client):
    url_create, url_upload = reverse("knowledge:page-create"), reverse("knowledge:document-upload")
    assert client.get(url_create).status_code == 302  # to login
    assert client.get(url_upload).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url_create).status_code == 403
    assert client.get(url_upload).status_code == 403
    client.force_login(nov_staff())
    assert client.get(url_create).status_code == 200
    assert client.get(url_upload).status_code == 200


def test_create_page_through_the_form(client):
    theme = ThemeFactory()
    client.force_login(nov_staff())
    data = {
        "kind": "page", "title": "Nieuwe pagina", "theme": theme.pk, "summary": "Kort",
        "body": "<p>Hallo</p><script>x</script>", "visibility": "members", "review_on": REVIEW,
    }  # fmt: skip
    response = client.post(reverse("knowledge:page-create"), data)
    page = Page.objects.get()
    assert response.status_code == 302 and response["Location"] == page.get_absolute_url()
    assert page.body == "<p>Hallo</p>" and page.visibility == Visibility.MEMBERS
    assert page.revisions.count() == 1


def test_create_page_without_review_date_keeps_input(client):
    client.force_login(nov_staff())
    data = {"kind": "page", "title": "Zonder datum", "theme": ThemeFactory().pk,
            "body": "<p>Mijn tekst</p>", "visibility": "public", "review_on": ""}  # fmt: skip
    response = client.post(reverse("knowledge:page-create"), data)
    assert response.status_code == 422
    assert "review_on" in response.context["form"].errors
    assert b"Mijn tekst" in response.content
    assert not Page.objects.exists()


@pytest.mark.parametrize("route", ["page-edit", "page-history"])
def test_edit_and_history_permissions(client, route):
    owner = UserFactory()
    page = PageFactory(owner=owner)
    url = reverse(f"knowledge:{route}", args=[page.slug])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(owner)
    assert client.get(url).status_code == 200
    client.force_login(nov_staff())
    assert client.get(url).status_code == 200


def test_restore_permission(client):
    page = _create()
    url = reverse("knowledge:page-restore", args=[page.slug, 1])
    client.force_login(UserFactory())
    assert client.post(url).status_code == 404
    page.refresh_from_db()
    assert page.version == 1


def test_network_page_edit_for_moderator_not_for_staff(client):
    network = NetworkFactory()
    moderator = network_member(network, role=NetworkRole.MODERATOR)
    page = PageFactory(visibility=Visibility.NETWORK, network=network)
    url = reverse("knowledge:page-edit", args=[page.slug])
    client.force_login(nov_staff())
    assert client.get(url).status_code == 404
    client.force_login(moderator)
    assert client.get(url).status_code == 200


def test_new_version_permission(client):
    owner = nov_staff()
    document = services.document_upload(
        uploaded_file=upload("a.docx", docx_bytes("een")),
        title="A", owner=owner, visibility=Visibility.PUBLIC,
    )  # fmt: skip
    url = reverse("knowledge:document-new-version", args=[document.public_id])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(owner)
    assert client.get(url).status_code == 200
    response = client.post(url, {"file": upload("a.docx", docx_bytes("twee"))})
    assert response.status_code == 302
    assert document.versions.count() == 2


# --- Upload through the site


def test_upload_wrong_type_shows_message_and_keeps_input(client):
    client.force_login(nov_staff())
    response = client.post(
        reverse("knowledge:document-upload"),
        {"title": "Mijn titel", "visibility": "public",
         "file": upload("virus.pdf", b"MZ\x90\x00 not a pdf")},
    )  # fmt: skip
    assert response.status_code == 422
    assert "file" in response.context["form"].errors
    assert b"Mijn titel" in response.content
    assert not Document.objects.exists()


def test_upload_too_large_shows_message(client, settings):
    settings.INZET_DOCUMENT_MAX_BYTES = 100
    client.force_login(nov_staff())
    response = client.post(
        reverse("knowledge:document-upload"),
        {"title": "Groot", "visibility": "public", "file": upload("a.docx", docx_bytes("x"))},
    )
    assert response.status_code == 422
    assert response.context["form"].errors["file"]


def test_upload_attaches_to_page(client):
    page = PageFactory()
    client.force_login(nov_staff())
    response = client.post(
        reverse("knowledge:document-upload"),
        {"title": "Bijlage", "visibility": "public", "page": page.slug,
         "file": upload("a.docx", docx_bytes("Bijlagetekst"))},
    )  # fmt: skip
    document = Document.objects.get()
    assert response.status_code == 302
    assert list(document.pages.all()) == [page]
    assert document.text == "Bijlagetekst"
    assert b"Bijlage" in client.get(page.get_absolute_url()).content


# --- Views are counted


def test_page_view_is_counted_per_day(client):
    page = PageFactory()
    client.get(page.get_absolute_url())
    client.get(page.get_absolute_url())
    assert PageViewDay.objects.get(page=page).count == 2
    hidden = PageFactory(visibility=Visibility.MEMBERS)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert not PageViewDay.objects.filter(page=hidden).exists()


def test_snackable_shows_read_more(client):
    target = PageFactory(title="Het hele verhaal")
    snack = PageFactory(kind=PageKind.SNACKABLE, read_more=target, summary="Kort gezegd.")
    response = client.get(snack.get_absolute_url())
    assert target.get_absolute_url().encode() in response.content


def test_a_page_titled_like_a_fixed_address_still_opens(client):
    # "Nieuw" would otherwise become /kennisbank/nieuw/, the page-create form.
    page = _create(title="Nieuw")

    assert page.slug == "nieuw-2"
    assert client.get(page.get_absolute_url()).status_code == 200
