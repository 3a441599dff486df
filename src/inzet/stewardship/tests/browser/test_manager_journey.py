"""The platform manager (NOV staff) opens the overview, goes to the content past its review
date, ticks a page and gives it to a colleague; the page's owner changes. axe on every page."""

import datetime

from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, PlatformRoleFactory, UserFactory
from inzet.core.tests.browser.axe import assert_accessible
from inzet.knowledge.models import Page as KnowledgePage
from inzet.knowledge.tests.factories import PageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def log_in(page: Page, base_url: str, email: str) -> None:
    page.goto(base_url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_manager_reassigns_stale_page_to_a_colleague(live_server, page: Page, reference_data):
    PlatformRoleFactory(user=UserFactory(email="beheer@example.org", name="Bea Beheer"))
    colleague = PlatformRoleFactory(user=UserFactory(name="Carlos Collega")).user
    former = UserFactory(name="Oud Eigenaar")
    overdue = datetime.timedelta(days=40)
    stale = PageFactory(
        title="Vrijwilligersvergoeding 2024", owner=former, review_on=timezone.localdate() - overdue
    )
    other = PageFactory(title="Vog voor vrijwilligers", owner=former,
                        review_on=timezone.localdate() - overdue)  # fmt: skip

    log_in(page, live_server.url, "beheer@example.org")
    expect(page).to_have_url(live_server.url + "/mijn-inzet/")
    page.goto(live_server.url + "/beheer/platform/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

    page.locator("#link-stale").click()
    expect(page).to_have_url(live_server.url + "/beheer/platform/verouderd/")
    expect(page.locator("#bulk-form")).to_contain_text("Oud Eigenaar")
    expect(page.locator("#bulk-form")).to_contain_text("Vrijwilligersvergoeding 2024")
    assert_accessible(page)

    page.locator(f"#kies-{stale.public_id}").check()
    page.locator("input[name=action][value=reassign]").check()
    page.locator("#id_new_owner").select_option(str(colleague.public_id))
    page.locator("#bulk-submit").click()

    expect(page.locator(".inzet-alert--success")).to_be_visible()
    expect(page.locator("#bulk-form h2").filter(has_text="Carlos Collega")).to_be_visible()
    assert_accessible(page)
    assert KnowledgePage.objects.get(pk=stale.pk).owner_id == colleague.pk
    assert KnowledgePage.objects.get(pk=other.pk).owner_id == former.pk


def test_other_manager_pages_and_the_keep_link_are_accessible(
    live_server, page: Page, reference_data
):
    from inzet.stewardship.tests.factories import DormantAccountFactory

    PlatformRoleFactory(user=UserFactory(email="beheer@example.org", name="Bea Beheer"))
    PageFactory(title="Oude pagina", review_on=timezone.localdate() - datetime.timedelta(days=3))
    dormant = DormantAccountFactory(user__name="Dirk Slaap")
    DormantAccountFactory(deactivated=True, user__name="Els Gesloten")

    # The keep link works without logging in.
    page.goto(f"{live_server.url}/account/behouden/{dormant.keep_token}/")
    assert_accessible(page)
    page.locator("#keep-account").click()
    expect(page.locator("[role=status]")).to_be_visible()
    assert_accessible(page)

    log_in(page, live_server.url, "beheer@example.org")
    expect(page).to_have_url(live_server.url + "/mijn-inzet/")
    for path in ["niet-gelezen/?maanden=0", "losse-documenten/", "stille-netwerken/",
                 "zoektermen/", "accounts/?fase=deactivated"]:  # fmt: skip
        page.goto(f"{live_server.url}/beheer/platform/{path}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    expect(page.locator("main")).to_contain_text("Els Gesloten")

    # A bulk action without a choice shows the error summary, still accessible.
    page.goto(f"{live_server.url}/beheer/platform/verouderd/")
    page.locator("input[name=action][value=archive]").check()
    page.locator("#bulk-submit").click()
    expect(page.locator(".inzet-error-summary")).to_be_visible()
    assert_accessible(page)
