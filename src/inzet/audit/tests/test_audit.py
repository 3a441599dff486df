from datetime import timedelta

from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory, adviser, nov_staff
from inzet.audit.models import AuditEvent
from inzet.audit.services import audit_log, audit_prune

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("make_user", "status"),
    [(None, 302), (UserFactory, 404), (adviser, 404), (nov_staff, 200)],
)
def test_audit_log_page_is_for_nov_staff_only(client, make_user, status):
    if make_user:
        client.force_login(make_user())

    assert client.get("/beheer/audit/").status_code == status


def test_audit_log_lists_and_filters_events(client):
    staff = nov_staff()
    lotte = UserFactory(email="lotte@example.org")
    audit_log(actor=staff, action="admin.user_viewed", target=lotte)
    audit_log(actor=staff, action="admin.user_viewed", target=UserFactory(email="piet@example.org"))
    client.force_login(staff)

    page = client.get("/beheer/audit/", {"q": "lotte"}).content.decode()

    assert "lotte@example.org" in page
    assert "piet@example.org" not in page


def test_staff_opening_a_person_in_the_management_site_is_audited(client):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    person = UserFactory()
    client.force_login(superuser)

    response = client.get(f"/beheer/django/accounts/user/{person.pk}/change/")

    assert response.status_code == 200
    event = AuditEvent.objects.get()
    assert (event.actor, event.subject, event.action) == (superuser, person, "admin.user_viewed")


def test_management_site_is_closed_to_ordinary_users(client):
    client.force_login(UserFactory())

    response = client.get("/beheer/django/accounts/user/")

    assert response.status_code == 302


def test_events_past_the_retention_period_are_pruned():
    old = audit_log(actor=None, action="x")
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=800))
    recent = audit_log(actor=None, action="y")

    assert audit_prune() == 1
    assert list(AuditEvent.objects.all()) == [recent]


def test_management_site_user_list_is_audited_and_has_no_bulk_delete(client):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)

    response = client.get("/beheer/django/accounts/user/", {"q": "lotte"})

    assert response.status_code == 200
    assert "delete_selected" not in response.content.decode()
    event = AuditEvent.objects.get(action="admin.user_list_viewed")
    assert event.details == {"query": "lotte"}
