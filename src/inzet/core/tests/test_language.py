import pytest

from inzet.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_home_page_is_dutch_even_when_the_browser_prefers_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()


def test_visitor_can_switch_to_english_and_back(client):
    response = client.post("/taal/", {"language": "en", "next": "/privacy/"})

    assert response.status_code == 302
    assert response["Location"] == "/privacy/"
    assert 'lang="en"' in client.get("/").content.decode()

    client.post("/taal/", {"language": "nl", "next": "/"})
    assert 'lang="nl"' in client.get("/").content.decode()


def test_language_choice_is_saved_in_the_profile(client):
    user = UserFactory()
    client.force_login(user)

    client.post("/taal/", {"language": "en", "next": "/"})

    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_language_switch_refuses_to_redirect_to_another_site(client):
    response = client.post("/taal/", {"language": "en", "next": "https://evil.example/"})

    assert response["Location"] == "/"


def test_unknown_language_is_ignored(client):
    client.post("/taal/", {"language": "xx", "next": "/"})

    assert 'lang="nl"' in client.get("/").content.decode()
