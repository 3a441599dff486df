"""A coordinator's shift schedule; a volunteer opens it from the vacancy page, logs in, signs
up for a shift and finds it in their agenda with the private feed link; the coordinator sees
the volunteer on the roster. axe on every page visited."""

import re

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, UserFactory
from inzet.core.tests.browser.axe import assert_accessible
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory
from inzet.shifts.constants import SignupStatus
from inzet.shifts.models import ShiftSignup
from inzet.shifts.tests.factories import ShiftFactory, ShiftPlanFactory, tomorrow_at
from inzet.vacancies.constants import VacancyForm
from inzet.vacancies.tests.factories import VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def log_in(page: Page, email: str) -> None:
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_volunteer_signs_up_for_a_shift_and_sees_it_in_the_agenda(
    live_server, page: Page, reference_data
):
    membership = MembershipFactory(
        role=OrganisationRole.COORDINATOR, user=UserFactory(email="coordinator@example.org")
    )
    vacancy = VacancyFactory(
        published=True,
        organisation=membership.organisation,
        form=VacancyForm.ONE_OFF,
        title="Koningsdag in het park",
    )
    plan = ShiftPlanFactory(vacancy=vacancy)
    morning = ShiftFactory(
        plan=plan, starts_at=tomorrow_at(9), ends_at=tomorrow_at(13), place="Parkingang Noord"
    )
    ShiftFactory(plan=plan, starts_at=tomorrow_at(13), ends_at=tomorrow_at(17), place="Podium")
    volunteer = UserFactory(email="sam@example.org", name="Sam Visser")

    # From the vacancy page to the schedule (anonymous), then log in to sign up.
    page.goto(live_server.url + vacancy.get_absolute_url())
    assert_accessible(page)
    page.locator("#diensten a.inzet-button--primary").click()
    expect(page.locator(f"#dienst-{morning.public_id}")).to_contain_text("Parkingang Noord")
    assert_accessible(page)
    page.locator("main a[href^='/account/inloggen/']").first.click()
    log_in(page, volunteer.email)

    # Back on the schedule: sign up for the morning shift.
    shift_card = page.locator(f"#dienst-{morning.public_id}")
    shift_card.locator("button[name=sign_up]").click()
    expect(page.locator(f"#dienst-{morning.public_id} button[name=cancel]")).to_be_visible()
    expect(page.locator(".inzet-alert--success")).to_be_visible()
    assert_accessible(page)
    signup = ShiftSignup.objects.get(volunteer=volunteer)
    assert signup.status == SignupStatus.CONFIRMED

    # The agenda shows the shift and the private feed link.
    page.goto(live_server.url + "/agenda/")
    expect(page.locator("#agenda-upcoming")).to_contain_text("Koningsdag in het park")
    expect(page.locator("#agenda-upcoming")).to_contain_text("Parkingang Noord")
    expect(page.locator("#feed-url")).to_have_value(re.compile(r"/agenda/feed/[\w-]+\.ics$"))
    assert_accessible(page)
    old_link = page.locator("#feed-url").input_value()
    page.locator("button[name=renew]").click()
    expect(page.locator("#feed-url")).not_to_have_value(old_link)
    assert_accessible(page)

    # The coordinator sees the volunteer on the roster.
    page.context.clear_cookies()
    page.goto(live_server.url + "/account/inloggen/")
    log_in(page, "coordinator@example.org")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto(live_server.url + f"/vacatures/{vacancy.public_id}/diensten/beheer/")
    assert_accessible(page)
    page.locator(f"a[href='/diensten/{morning.public_id}/lijst/']").click()
    expect(page.locator("#roster-confirmed")).to_contain_text("Sam Visser")
    assert_accessible(page)
