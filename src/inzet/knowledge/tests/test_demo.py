import pytest

from inzet.accounts.tests.factories import nov_staff
from inzet.knowledge import selectors
from inzet.knowledge.constants import PageKind, Visibility
from inzet.knowledge.demo import knowledge_demo_seed
from inzet.knowledge.models import Document, Page

from .factories import NetworkFactory

pytestmark = pytest.mark.django_db


def test_demo_seed_is_rich_and_idempotent():
    network = NetworkFactory(name="NOVi")
    staff = nov_staff()
    knowledge_demo_seed(staff_user=staff, network_by_slug={"novi": network})
    pages = Page.objects.all()
    assert pages.count() >= 30
    assert pages.filter(kind=PageKind.DOSSIER, children__isnull=False).distinct().count() >= 4
    assert pages.filter(kind=PageKind.SNACKABLE).count() >= 5
    assert pages.filter(visibility=Visibility.MEMBERS).count() >= 2
    assert pages.filter(network=network).count() == 1
    assert pages.values("theme").distinct().count() == 7
    assert selectors.stale_content().count() >= 3
    assert selectors.unviewed_pages(months=6).count() >= 1
    assert selectors.orphan_documents().count() == 1
    assert all(document.text for document in Document.objects.all())
    # The browser journey relies on this: "verenigingen" finds the dossier.
    hits = selectors.knowledge_search(query="verenigingen", viewer=None).hits
    assert hits[0].item.title == "Dossier besturen van een vereniging of stichting"
    knowledge_demo_seed(staff_user=staff, network_by_slug={"novi": network})
    assert Page.objects.count() == pages.count()
