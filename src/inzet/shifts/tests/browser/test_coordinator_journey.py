"""A coordinator makes a shift schedule from the vacancy page, adds a shift (first with a date
in the past: the error summary explains), marks attendance of an earlier shift and sees the
hours in the statistics. axe on every page visited."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from inzet.accounts.tests.factories import PASSWORD, UserFactory
from inzet.core.tests.browser.axe import assert_accessible
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory
from inzet.shifts.models import Shift, ShiftPlan
from inzet.shifts.tests.factories import ShiftFactory, ShiftSignupFactory
from inzet.vacancies.constants import VacancyForm
from inzet.vacancies.tests.factories import VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page):
    page.set_default_timeout(8000)


def test_coordinator_plans_shifts_and_marks_attendance(live_server, page: Page, reference_data):
    membership = MembershipFactory(
        role=OrganisationRole.COORDINATOR, user=UserFactory(email="coordinator@example.org")
    )
    organisation = membership.organisation
    vacancy = VacancyFactory(
        published=True, organisation=organisation, form=VacancyForm.ONE_OFF, title="Buurtfeest"
    )
    earlier = VacancyFactory(published=True, organisation=organisation, form=VacancyForm.ONE_OFF)
    past = ShiftFactory(
        plan__vacancy=earlier,
        starts_at=timezone.now() - datetime.timedelta(days=1, hours=3),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    came = ShiftSignupFactory(shift=past, volunteer=UserFactory(name="Lotte Smit"))

    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill("coordinator@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    # From the vacancy page to planning; make the schedule.
    page.goto(live_server.url + vacancy.get_absolute_url())
    page.locator(f"#diensten a[href='/vacatures/{vacancy.public_id}/diensten/beheer/']").click()
    assert_accessible(page)
    page.locator("#id_cancel_deadline_hours").fill("48")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(f"a[href='/vacatures/{vacancy.public_id}/diensten/nieuw/']")).to_be_visible()
    assert ShiftPlan.objects.get(vacancy=vacancy).cancel_deadline_hours == 48
    assert_accessible(page)

    # Add a shift: a date in the past is explained, and what was typed stays.
    page.locator(f"a[href='/vacatures/{vacancy.public_id}/diensten/nieuw/']").click()
    page.locator("#id_date").fill("2020-05-01")
    page.locator("#id_start_time").fill("10:00")
    page.locator("#id_end_time").fill("13:00")
    page.locator("#id_place").fill("Speeltuin De Hoek")
    page.locator("#id_capacity").fill("6")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".inzet-error-summary a[href='#id_date']")).to_be_visible()
    expect(page.locator("#id_place")).to_have_value("Speeltuin De Hoek")
    assert_accessible(page)
    next_week = timezone.localdate() + datetime.timedelta(days=7)
    page.locator("#id_date").fill(next_week.isoformat())
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".inzet-shift-table")).to_contain_text("Speeltuin De Hoek")
    assert Shift.objects.get(plan__vacancy=vacancy).capacity == 6

    # Mark attendance of yesterday's shift; the hours count in the statistics.
    page.goto(live_server.url + f"/diensten/{past.public_id}/aanwezigheid/")
    assert_accessible(page)
    page.locator("input[name=attendance_0][value=attended]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#roster-confirmed")).to_contain_text("Lotte Smit")
    assert_accessible(page)
    came.refresh_from_db()
    assert came.hours == Decimal("3.00")
    page.goto(live_server.url + f"/vacatures/organisatie/{organisation.public_id}/")
    page.locator(
        f"a[href='/vacatures/organisatie/{organisation.public_id}/diensten/']"
    ).click()
    expect(page.locator("#shift-statistics-hours")).to_have_text("3")
    assert_accessible(page)
