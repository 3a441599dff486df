"""The private iCalendar feed, parsed back with the icalendar library."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse

import icalendar
import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.shifts.constants import SignupStatus
from inzet.shifts.services import agenda_feed_get_or_create, agenda_feed_renew

from .factories import ShiftSignupFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def feed_url(user) -> str:
    return reverse("shifts:feed", args=[agenda_feed_get_or_create(user=user).token])


def parse(response) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(response.content)


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


def test_feed_is_valid_icalendar_with_the_persons_shifts(client):
    signup = ShiftSignupFactory(shift__title="Bar", shift__place="Kerkplein 1, Utrecht")
    ShiftSignupFactory(volunteer=signup.volunteer, status=SignupStatus.CANCELLED)
    ShiftSignupFactory()  # someone else's

    response = client.get(feed_url(signup.volunteer))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    events = parse(response).walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["uid"]) == f"{signup.public_id}@inzet"
    assert str(event["summary"]) == f"{signup.shift.plan.vacancy.title}: Bar"
    assert str(event["location"]) == "Kerkplein 1, Utrecht"
    schedule = reverse("shifts:schedule", args=[signup.shift.plan.vacancy.public_id])
    assert settings.SITE_URL.rstrip("/") + schedule in str(event["description"])
    assert event["dtstart"].dt == signup.shift.starts_at
    assert event["dtend"].dt == signup.shift.ends_at


@pytest.mark.parametrize(
    ("starts_at", "offset"),
    [
        # Summer time starts on the last Sunday of March, ends on the last Sunday of October.
        (at(2027, 3, 27, 10), datetime.timedelta(hours=1)),
        (at(2027, 3, 28, 10), datetime.timedelta(hours=2)),
        (at(2027, 10, 30, 10), datetime.timedelta(hours=2)),
        (at(2027, 10, 31, 10), datetime.timedelta(hours=1)),
    ],
)
def test_feed_times_carry_the_amsterdam_zone_across_daylight_saving(client, starts_at, offset):
    signup = ShiftSignupFactory(
        shift__starts_at=starts_at, shift__ends_at=starts_at + datetime.timedelta(hours=3)
    )
    user = signup.volunteer

    # The feed keeps 90 days of history; pretend it is the week before the shift.
    with mock.patch(
        "django.utils.timezone.now", return_value=starts_at - datetime.timedelta(days=7)
    ):
        response = client.get(feed_url(user))

    calendar = parse(response)
    event = calendar.walk("VEVENT")[0]
    assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert event["dtend"].params["TZID"] == "Europe/Amsterdam"
    assert (event["dtstart"].dt.date(), event["dtstart"].dt.hour) == (starts_at.date(), 10)
    assert event["dtstart"].dt.utcoffset() == offset
    assert b"DTSTART;TZID=Europe/Amsterdam:" in response.content
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["tzid"]) for tz in timezones] == ["Europe/Amsterdam"]
    assert {c.name for c in timezones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_unknown_or_revoked_token_is_404(client):
    user = UserFactory()
    old = feed_url(user)

    agenda_feed_renew(user=user)

    assert client.get(old).status_code == 404
    assert client.get(feed_url(user)).status_code == 200
    assert client.get(reverse("shifts:feed", args=["not-a-token"])).status_code == 404


def test_feed_of_an_inactive_account_is_404(client):
    user = UserFactory(is_active=False)

    assert client.get(feed_url(user)).status_code == 404


def test_agenda_and_feed_include_confirmed_on_call_assignments(client):
    from inzet.oncall.constants import InvitationStatus
    from inzet.oncall.tests.factories import InvitationFactory

    signup = ShiftSignupFactory()
    user = signup.volunteer
    invitation = InvitationFactory(
        volunteer=user, status=InvitationStatus.CONFIRMED, request__title="Zandzakken vullen"
    )
    InvitationFactory(volunteer=user, status=InvitationStatus.DECLINED)

    events = parse(client.get(feed_url(user))).walk("VEVENT")
    client.force_login(user)
    agenda = client.get(reverse("shifts:agenda"))

    uids = {str(e["uid"]) for e in events}
    assert uids == {f"{signup.public_id}@inzet", f"{invitation.request.public_id}@inzet"}
    assert [item.kind for item in agenda.context["upcoming"]] == ["shift", "oncall"]
    assert "Zandzakken vullen" in agenda.content.decode()
