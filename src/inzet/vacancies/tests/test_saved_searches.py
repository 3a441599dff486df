"""Saved searches: saving, the list, deleting, the daily digest and unsubscribing."""

import datetime
import re

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.models import Sector
from inzet.vacancies.models import SavedSearch
from inzet.vacancies.search_tasks import send_saved_search_digests
from inzet.vacancies.services.saved_searches import (
    saved_search_create,
    saved_search_send_digests,
)
from inzet.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db


def a_day_ago():
    return timezone.now() - datetime.timedelta(days=1)


def saved(user=None, params=None, **kwargs):
    search = saved_search_create(
        user=user or UserFactory(), name="Natuur", params=params or {"sector": ["natuur-milieu"]}
    )
    SavedSearch.objects.filter(pk=search.pk).update(
        created_at=kwargs.get("created_at", a_day_ago()), last_sent_at=kwargs.get("last_sent_at")
    )
    search.refresh_from_db()
    return search


def nature_vacancy(**kwargs):
    return VacancyFactory(published=True, sector=Sector.objects.get(slug="natuur-milieu"), **kwargs)


# --- Service


def test_create_stores_only_search_parameters():
    search = saved_search_create(
        user=UserFactory(),
        name="Dichtbij",
        params={"q": "tuin", "postcode": "3511", "afstand": "10", "pagina": "3", "x": "y"},
    )

    assert search.query == {"q": "tuin", "postcode": "3511", "afstand": "10"}
    assert search.active


def test_create_refuses_an_invalid_search():
    with pytest.raises(ValidationError):
        saved_search_create(user=UserFactory(), name="Fout", params={"postcode": "abc"})

    assert not SavedSearch.objects.exists()


def test_create_the_same_search_twice_keeps_one():
    user = UserFactory()

    first = saved_search_create(user=user, name="A", params={"q": "tuin"})
    second = saved_search_create(user=user, name="B", params={"q": "tuin"})

    assert first == second
    assert SavedSearch.objects.count() == 1


def test_digest_mails_new_matches_with_links_and_unsubscribe():
    search = saved()
    vacancy = nature_vacancy(title="Bomen planten in Utrecht")
    VacancyFactory(published=True, title="Koffie in de buurtkamer")  # other sector

    sent = saved_search_send_digests()

    assert sent == 1
    message = mail.outbox[-1]
    assert message.to == [search.user.email]
    assert "Bomen planten in Utrecht" in message.body
    assert "Koffie in de buurtkamer" not in message.body
    assert vacancy.get_absolute_url() in message.body
    assert reverse("vacancies:saved-search-unsubscribe", args=[search.unsubscribe_token]) in (
        message.body
    )


def test_digest_leaves_out_vacancies_published_before_the_last_mail():
    saved(last_sent_at=timezone.now() - datetime.timedelta(hours=1))
    nature_vacancy(title="Oud", published_at=timezone.now() - datetime.timedelta(hours=2))

    assert saved_search_send_digests() == 0
    assert not mail.outbox


def test_digest_twice_sends_once():
    search = saved()
    nature_vacancy()
    now = timezone.now()

    first = saved_search_send_digests(now=now)
    second = saved_search_send_digests(now=now)
    search.refresh_from_db()
    third = saved_search_send_digests()

    assert (first, second, third) == (1, 0, 0)
    assert len(mail.outbox) == 1
    assert search.last_sent_at == now


def test_digest_skips_unsubscribed_searches():
    search = saved()
    search.active = False
    search.save()
    nature_vacancy()

    assert saved_search_send_digests() == 0


def test_digest_task_and_command_run_the_digest():
    saved()
    nature_vacancy()

    send_saved_search_digests.enqueue()
    call_command("send_saved_search_digests")

    assert len(mail.outbox) == 1


# --- Views


def test_save_search_needs_login(client):
    response = client.post(reverse("vacancies:saved-search-create"), {"q": "tuin"})

    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]
    assert not SavedSearch.objects.exists()


def test_save_search_from_the_search_page(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("vacancies:saved-search-create"),
        {"name": "Tuin dichtbij", "q": "tuin", "sector": ["natuur-milieu", "buurt"]},
    )

    assert response["Location"] == reverse("vacancies:saved-search-list")
    search = SavedSearch.objects.get(user=user)
    assert search.query == {"q": "tuin", "sector": ["natuur-milieu", "buurt"]}
    assert search.name == "Tuin dichtbij"


def test_save_invalid_search_goes_back_with_a_message(client):
    client.force_login(UserFactory())

    response = client.post(
        reverse("vacancies:saved-search-create"), {"postcode": "abc"}, follow=True
    )

    assert response.status_code == 200
    assert not SavedSearch.objects.exists()
    assert list(response.context["messages"])


def test_search_page_offers_to_save_with_the_current_parameters(client):
    client.force_login(UserFactory())

    response = client.get(reverse("vacancies:vacancy-search"), {"q": "tuin", "vorm": "regular"})

    content = response.content.decode()
    assert reverse("vacancies:saved-search-create") in content
    assert '<input type="hidden" name="vorm" value="regular">' in content


def test_saved_search_list_shows_own_searches_with_their_url(client):
    own = saved(params={"q": "tuin"})
    other = saved(params={"q": "geheim"})
    client.force_login(own.user)

    response = client.get(reverse("vacancies:saved-search-list"))

    content = response.content.decode()
    assert "?q=tuin" in content
    assert "geheim" not in content
    assert other.name  # (someone else's search is not shown)


@pytest.mark.parametrize(("whose", "status"), [("own", 302), ("someone else's", 404)])
def test_delete_only_own_saved_search(client, whose, status):
    search = saved()
    client.force_login(search.user if whose == "own" else UserFactory())

    response = client.post(reverse("vacancies:saved-search-delete", args=[search.pk]))

    assert response.status_code == status
    assert SavedSearch.objects.filter(pk=search.pk).exists() is (whose != "own")


def test_unsubscribe_link_from_the_mail_works_without_login(client):
    search = saved()
    nature_vacancy()
    saved_search_send_digests()
    url = re.search(r"https?://\S+(/vacatures/zoekopdrachten/afmelden/\S+/)", mail.outbox[-1].body)

    page = client.get(url.group(1))
    search.refresh_from_db()
    assert page.status_code == 200 and search.active  # GET only asks to confirm

    client.post(url.group(1))

    search.refresh_from_db()
    assert not search.active


def test_unsubscribe_with_a_wrong_token_is_not_found(client):
    saved()

    response = client.post(reverse("vacancies:saved-search-unsubscribe", args=["nope"]))

    assert response.status_code == 404
    assert SavedSearch.objects.get().active
