import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.knowledge import services
from inzet.knowledge.constants import Visibility
from inzet.knowledge.models import SearchTermDay

from .factories import PageFactory, upload

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_api_search_too_long_and_empty(client):
    too_long = client.get("/api/v1/knowledge/search", {"q": "x" * 2000})
    assert too_long.status_code == 200
    assert too_long.json()["state"] == "too_long"
    assert client.get("/api/v1/knowledge/search", {"q": ""}).json()["state"] == "empty"


def test_api_search_gives_marked_snippets_and_pages(client):
    for n in range(22):
        PageFactory(title=f"Werving {n}", body="<p>Over werving van vrijwilligers.</p>")
    first = client.get("/api/v1/knowledge/search", {"q": "werving"}).json()
    assert first["count"] == 22 and first["pages"] == 2 and len(first["results"]) == 20
    assert "<mark>" in first["results"][0]["snippet"]
    second = client.get("/api/v1/knowledge/search", {"q": "werving", "page": 2}).json()
    assert len(second["results"]) == 2
    # Paging on is not a new search.
    assert SearchTermDay.objects.get().count == 1


def test_api_page_detail_body_is_sanitised(client):
    page = PageFactory(body="<p>Veilig</p>")
    data = client.get(f"/api/v1/knowledge/pages/{page.slug}").json()
    assert data["body"] == "<p>Veilig</p>" and data["theme"] == page.theme.slug


def test_search_paging_in_the_site_counts_once(client):
    PageFactory(title="Werving")
    client.get("/kennisbank/", {"q": "werving"})
    client.get("/kennisbank/", {"q": "werving", "pagina": "2"})
    assert SearchTermDay.objects.get().count == 1


def test_images_are_shown_inline_other_files_as_attachment(client):
    image = services.document_upload(
        uploaded_file=upload("logo.png", PNG),
        title="Logo",
        owner=UserFactory(),
        visibility=Visibility.PUBLIC,
    )
    response = client.get(f"/kennisbank/documenten/{image.public_id}/bestand/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "sandbox"
