"""Who sees what, through every route: index/search, theme, page, document detail and
download, API list/detail/search and the RSS feed."""

from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.knowledge import services
from inzet.knowledge.constants import Visibility

from .factories import NetworkFactory, PageFactory, ThemeFactory, network_member, pdf_bytes, upload

pytestmark = pytest.mark.django_db

WORD = "zebrapadregeling"


@pytest.fixture
def world():
    theme = ThemeFactory()
    network = NetworkFactory()
    member = network_member(network)
    items = {}
    for visibility in (Visibility.PUBLIC, Visibility.MEMBERS, Visibility.NETWORK):
        net = network if visibility == Visibility.NETWORK else None
        page = PageFactory(
            title=f"Pagina {visibility} {WORD}", visibility=visibility, network=net, theme=theme
        )
        document = services.document_upload(
            uploaded_file=upload(f"{visibility}.pdf", pdf_bytes(f"Document {WORD}")),
            title=f"Document {visibility} {WORD}",
            owner=UserFactory(),
            visibility=visibility,
            network=net,
            theme=theme,
        )
        items[visibility] = (page, document)
    return {"theme": theme, "member": member, "items": items}


def _viewer(kind, world):
    return {"anonymous": None, "non_member": UserFactory(), "member": world["member"]}[kind]


EXPECTED = {
    "anonymous": {Visibility.PUBLIC},
    "non_member": {Visibility.PUBLIC, Visibility.MEMBERS},
    "member": {Visibility.PUBLIC, Visibility.MEMBERS, Visibility.NETWORK},
}


@pytest.mark.parametrize("viewer_kind", ["anonymous", "non_member", "member"])
def test_every_route(client, world, viewer_kind):
    viewer = _viewer(viewer_kind, world)
    if viewer is not None:
        client.force_login(viewer)
    allowed = EXPECTED[viewer_kind]
    search = client.get(reverse("knowledge:index"), {"q": WORD})
    theme = client.get(reverse("knowledge:theme-detail", args=[world["theme"].slug]))
    api_list = client.get("/api/v1/knowledge/pages").json()
    api_search = client.get("/api/v1/knowledge/search", {"q": WORD}).json()
    feed = client.get(reverse("knowledge:feed"))
    assert feed.status_code == 200
    for visibility, (page, document) in world["items"].items():
        visible = visibility in allowed
        expected_status = 200 if visible else 404
        assert (page.title.encode() in search.content) is visible
        assert (page.title.encode() in theme.content) is visible
        assert (document.title.encode() in search.content) is visible
        assert (document.title.encode() in theme.content) is visible
        assert client.get(page.get_absolute_url()).status_code == expected_status
        assert client.get(document.get_absolute_url()).status_code == expected_status
        download = client.get(reverse("knowledge:document-download", args=[document.public_id]))
        assert download.status_code == expected_status
        assert (page.slug in [p["slug"] for p in api_list["results"]]) is visible
        detail = client.get(f"/api/v1/knowledge/pages/{page.slug}")
        assert detail.status_code == expected_status
        titles = [hit["title"] for hit in api_search["results"]]
        assert (page.title in titles) is visible
        assert (document.title in titles) is visible
        # The feed carries public pages only, whoever asks.
        assert (page.title.encode() in feed.content) is (visibility == Visibility.PUBLIC)


def test_archived_page_is_hidden_from_readers_but_not_from_editors(client):
    owner = UserFactory()
    page = PageFactory(status="archived", owner=owner)
    assert client.get(page.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(page.get_absolute_url()).status_code == 404
    client.force_login(owner)
    assert client.get(page.get_absolute_url()).status_code == 200
    assert client.get(f"/api/v1/knowledge/pages/{page.slug}").status_code == 404


def test_download_headers():
    from django.test import Client

    document = services.document_upload(
        uploaded_file=upload("Folder VOG.pdf", pdf_bytes("tekst")),
        title="Folder",
        owner=UserFactory(),
        visibility=Visibility.MEMBERS,
    )
    client = Client()
    client.force_login(UserFactory())
    response = client.get(reverse("knowledge:document-download", args=[document.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Cache-Control"] == "private"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_media_is_not_served_publicly(client):
    document = services.document_upload(
        uploaded_file=upload("a.pdf", pdf_bytes("tekst")),
        title="A",
        owner=UserFactory(),
        visibility=Visibility.PUBLIC,
    )
    name = document.versions.get().file.name
    assert client.get(f"/media/{name}").status_code == 404
