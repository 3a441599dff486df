"""A person asks to join a network, a moderator approves, the new member starts a discussion
and another member replies with an @-mention. axe on every page visited."""

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, UserFactory
from inzet.core.tests.browser.axe import assert_accessible
from inzet.networks.constants import JoinRequestStatus
from inzet.networks.models import JoinRequest, Post
from inzet.networks.tests.factories import NetworkFactory, ThreadFactory, member, moderator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def log_in(page: Page, base_url: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(base_url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator("form[action*='logout'], form[action*='uitloggen']")).to_have_count(1)


def test_join_approve_post_and_reply(live_server, page: Page, reference_data):
    network = NetworkFactory(
        slug="agora", name="AGORA coördinatoren", description="Voor coördinatoren."
    )
    mod = moderator(network, user=UserFactory(email="moderator@example.org", name="Mila Mod"))
    ThreadFactory(network=network, title="Bestaande draad", author=mod)
    colleague = member(network, user=UserFactory(email="collega@example.org", name="Cas Collega"))
    applicant = UserFactory(email="nieuw@example.org", name="Noor Nieuw")
    base = live_server.url

    # The applicant finds the network and asks to join; no content is visible yet.
    log_in(page, base, applicant.email)
    page.goto(base + "/netwerken/")
    assert_accessible(page)
    page.locator(f"#other-networks a[href='{network.get_absolute_url()}']").click()
    expect(page.get_by_role("heading", level=1, name="AGORA coördinatoren")).to_be_visible()
    expect(page.get_by_text("Bestaande draad")).to_have_count(0)
    assert_accessible(page)
    page.locator("#id_message").fill("Ik coördineer vrijwilligers bij de bibliotheek.")
    page.locator("#join button[type=submit]").click()
    expect(page.locator("#join-pending")).to_be_visible()
    assert_accessible(page)
    assert JoinRequest.objects.get(user=applicant).status == JoinRequestStatus.PENDING

    # The moderator approves.
    log_in(page, base, mod.email)
    page.goto(base + f"/netwerken/{network.slug}/verzoeken/")
    expect(page.get_by_text("Ik coördineer vrijwilligers bij de bibliotheek.")).to_be_visible()
    assert_accessible(page)
    page.locator("#join-requests button[value=approve]").click()
    expect(page.locator("#join-requests")).to_have_count(0)
    assert_accessible(page)
    assert network.memberships.filter(user=applicant).exists()

    # The new member starts a discussion.
    log_in(page, base, applicant.email)
    page.goto(base + network.get_absolute_url())
    expect(page.get_by_role("link", name="Bestaande draad")).to_be_visible()
    assert_accessible(page)
    page.locator(f"a[href='/netwerken/{network.slug}/discussies/nieuw/']").first.click()
    assert_accessible(page)
    page.locator("#id_title").fill("Vrijwilligers werven via de bibliotheek")
    page.locator("#id_body").fill("Wie heeft ervaring met werven via een boekenmarkt?")
    page.locator("form.inzet-form button[type=submit]").click()
    expect(
        page.get_by_role("heading", level=1, name="Vrijwilligers werven via de bibliotheek")
    ).to_be_visible()
    assert_accessible(page)

    # Another member replies and mentions the new member.
    thread_url = page.url
    log_in(page, base, colleague.email)
    page.goto(thread_url)
    assert_accessible(page)
    page.locator("#id_body").fill("Goed idee, @Noor Nieuw! Wij deden dat vorig jaar.")
    page.locator("#reply button[type=submit]").click()
    expect(page.locator(".inzet-post")).to_have_count(2)
    expect(page.locator(".inzet-mention")).to_have_text("@Noor Nieuw")
    assert_accessible(page)
    reply = Post.objects.get(body__startswith="Goed idee")
    assert list(reply.mentions.all()) == [applicant]
