"""The member pages of a network (discussions, library, directory, settings, upload) and the
unsubscribe page pass axe."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, UserFactory
from inzet.core.tests.browser.axe import assert_accessible
from inzet.networks import services
from inzet.networks.demo import simple_pdf
from inzet.networks.models import NetworkMembership
from inzet.networks.tests.factories import (
    FolderFactory,
    NetworkFactory,
    PostFactory,
    ThreadFactory,
    member,
    moderator,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_pages_are_accessible(live_server, page: Page, reference_data):
    page.set_default_timeout(8000)
    network = NetworkFactory(slug="novi", name="NOVi")
    mod = moderator(network, user=UserFactory(email="mod@example.org"))
    thread = ThreadFactory(network=network, title="Werving", author=mod)
    PostFactory(thread=thread, author=mod, body="Eerste bericht")
    folder = FolderFactory(network=network, name="Werving")
    FolderFactory(network=network, name="Flyers", parent=folder)
    services.library_document_upload(
        network=network,
        actor=mod,
        title="Plan",
        uploaded_file=SimpleUploadedFile("plan.pdf", simple_pdf(["Plan"])),
        folder=folder,
    )
    member(network)
    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(mod.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator("form[action*='logout'], form[action*='uitloggen']")).to_have_count(1)

    for path in [
        "/netwerken/novi/discussies/",
        thread.get_absolute_url(),
        "/netwerken/novi/bibliotheek/",
        "/netwerken/novi/bibliotheek/uploaden/",
        "/netwerken/novi/bibliotheek/map/",
        "/netwerken/novi/leden/",
        "/netwerken/novi/instellingen/",
        "/netwerken/novi/uitnodigen/",
        "/netwerken/novi/bewerken/",
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)

    page.goto(live_server.url + "/netwerken/novi/bibliotheek/uploaden/")
    page.locator("form.inzet-form button[type=submit]").click()
    expect(page.locator(".inzet-error-summary")).to_be_visible()
    assert_accessible(page)

    membership = NetworkMembership.objects.get(network=network, user=mod)
    membership.notification = "weekly"
    membership.save()
    token = membership.unsubscribe_token
    page.context.clear_cookies()
    page.goto(live_server.url + f"/netwerken/afmelden/{token}/")
    assert_accessible(page)
    page.locator("button[name=unsubscribe]").click()
    expect(page.locator("#unsubscribed")).to_be_visible()
    assert_accessible(page)
    membership.refresh_from_db()
    assert membership.notification == "none"
