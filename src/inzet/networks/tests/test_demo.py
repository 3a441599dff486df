from django.core import mail

import pytest

from inzet.accounts.tests.factories import UserFactory, nov_staff
from inzet.knowledge.models import Document
from inzet.networks import selectors
from inzet.networks.constants import NetworkRole
from inzet.networks.demo import networks_demo_seed, simple_pdf
from inzet.networks.models import Network, Post

pytestmark = pytest.mark.django_db


def test_demo_creates_five_living_networks_once(django_capture_on_commit_callbacks):
    staff = nov_staff()
    users = [UserFactory() for _ in range(8)]

    with django_capture_on_commit_callbacks(execute=True):
        networks = networks_demo_seed(staff_user=staff, users=users)
        again = networks_demo_seed(staff_user=staff, users=users)

    assert set(networks) == {
        "novi",
        "lovz",
        "agora-coordinatoren",
        "bestuurderscentraal-utrecht",
        "wet-en-regelgeving",
    }
    assert {k: v.pk for k, v in again.items()} == {k: v.pk for k, v in networks.items()}
    assert Network.objects.count() == 5
    for network in networks.values():
        assert 2 <= network.threads.count() <= 4
        assert network.threads.filter(posts__isnull=False).distinct().count() == (
            network.threads.count()
        )
        assert network.memberships.filter(role=NetworkRole.MODERATOR).exists()
        assert network.folders.exists()
        assert 1 <= Document.objects.filter(network=network).count() <= 2
    assert Post.objects.filter(mentions__isnull=False).exists()
    assert list(selectors.quiet_networks(weeks=8)) == [networks["bestuurderscentraal-utrecht"]]
    assert mail.outbox == []  # the demo mails nobody


def test_simple_pdf_is_readable_by_pypdf():
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(simple_pdf(["Vrijwilligersvergoeding (2026)", "één regel"])))

    text = reader.pages[0].extract_text()
    assert "Vrijwilligersvergoeding (2026)" in text
    assert "één regel" in text
