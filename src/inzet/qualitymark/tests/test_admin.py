from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.qualitymark.tests.factories import ApplicationFactory, QualityMarkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_revoke_action_writes_revoked_at(superuser_client):
    mark, other = QualityMarkFactory(), QualityMarkFactory()

    response = superuser_client.post(
        reverse("admin:qualitymark_qualitymark_changelist"),
        {"action": "revoke", "_selected_action": [mark.pk]},
    )

    assert response.status_code == 302
    mark.refresh_from_db()
    other.refresh_from_db()
    assert mark.revoked_at is not None
    assert other.revoked_at is None


@pytest.mark.parametrize(
    "name",
    ["admin:qualitymark_application_changelist", "admin:qualitymark_qualitymark_changelist"],
)
def test_admin_lists_open(superuser_client, name):
    ApplicationFactory()
    QualityMarkFactory()

    assert superuser_client.get(reverse(name), {"q": "Stichting"}).status_code == 200


def test_admin_change_pages_open(superuser_client):
    mark = QualityMarkFactory()

    for url in (
        reverse("admin:qualitymark_qualitymark_change", args=[mark.pk]),
        reverse("admin:qualitymark_application_change", args=[mark.application.pk]),
    ):
        assert superuser_client.get(url).status_code == 200
