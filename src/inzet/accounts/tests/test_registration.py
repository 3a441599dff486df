import re

from django.core import mail

import pytest
from allauth.account.models import EmailAddress

from inzet.accounts.models import User
from inzet.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/account/registreren/"
LOGIN = "/account/inloggen/"


def _signup(client, **overrides):
    data = {
        "name": "Sanne de Vries",
        "email": "sanne@example.org",
        "password1": "zomer-in-zwolle-2026",
        "password2": "zomer-in-zwolle-2026",
        **overrides,
    }
    return client.post(SIGNUP, data)


def _confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/account/e-mail/bevestigen/[^\s]+/)", message.body).group(1)


def test_register_confirm_and_log_in(client):
    response = _signup(client)

    assert response.status_code == 302
    user = User.objects.get(email="sanne@example.org")
    assert user.name == "Sanne de Vries"
    assert len(mail.outbox) == 1
    link = _confirmation_link(mail.outbox[0])

    # Not confirmed yet: logging in sends to the "check your mail" page.
    client.post(LOGIN, {"login": "sanne@example.org", "password": "zomer-in-zwolle-2026"})
    assert not EmailAddress.objects.get(user=user).verified

    assert client.get(link).status_code == 200
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(
        LOGIN, {"login": "sanne@example.org", "password": "zomer-in-zwolle-2026"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/mijn-inzet/"


def test_register_with_missing_fields_keeps_what_was_typed(client):
    response = _signup(client, name="", password2="iets-anders-123")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="sanne@example.org"' in page
    assert "inzet-error-summary" in page
    assert 'aria-invalid="true"' in page
    assert not User.objects.exists()


def test_duplicate_email_gets_a_clear_message_and_no_second_account(client):
    UserFactory(email="sanne@example.org")

    response = _signup(client)

    # allauth prevents account enumeration: no error on screen, a notice by mail instead.
    assert User.objects.filter(email__iexact="sanne@example.org").count() == 1
    assert response.status_code == 302
    assert "sanne@example.org" in mail.outbox[-1].to


def test_duplicate_email_in_other_case_is_still_a_duplicate(client):
    UserFactory(email="sanne@example.org")

    _signup(client, email="Sanne@Example.org")

    assert User.objects.filter(email__iexact="sanne@example.org").count() == 1


def test_expired_or_wrong_confirmation_link_shows_a_message(client):
    response = client.get("/account/e-mail/bevestigen/niet-geldig-123/")

    assert response.status_code == 200
    assert "verlopen" in response.content.decode() or "expired" in response.content.decode()


def test_wrong_password_shows_a_message_not_an_error(client):
    UserFactory(email="piet@example.org")

    response = client.post(LOGIN, {"login": "piet@example.org", "password": "fout"})

    assert response.status_code == 200
    assert "inzet-error-summary" in response.content.decode()


def test_login_is_throttled_after_five_failures(client):
    UserFactory(email="piet@example.org")

    for _attempt in range(5):
        client.post(LOGIN, {"login": "piet@example.org", "password": "fout"})
    response = client.post(LOGIN, {"login": "piet@example.org", "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_password_reset_by_mail(client):
    user = UserFactory(email="piet@example.org")

    client.post("/account/wachtwoord/vergeten/", {"email": "piet@example.org"})
    link = re.search(r"https?://[^/\s]+(/account/wachtwoord/nieuw/[^\s]+/)", mail.outbox[-1].body)
    form_page = client.get(link.group(1), follow=True)
    form_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1)
    response = client.post(
        form_url, {"password1": "nieuw-wachtwoord-2026", "password2": "nieuw-wachtwoord-2026"}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("nieuw-wachtwoord-2026")


def test_reset_link_with_a_wrong_key_shows_a_message(client):
    response = client.get("/account/wachtwoord/nieuw/1-ongeldig/", follow=True)

    assert response.status_code == 200
    assert "inzet-error-summary" not in response.content.decode()
    assert "ongeldig" in response.content.decode().lower()


def test_logout(client):
    client.force_login(UserFactory())

    client.post("/account/uitloggen/")

    assert "_auth_user_id" not in client.session
