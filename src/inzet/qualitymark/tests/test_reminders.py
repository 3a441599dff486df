from datetime import date
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from inzet.qualitymark.services import quality_mark_send_reminders
from inzet.qualitymark.tests.factories import QualityMarkFactory, admin_of

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 10)


def _mark(valid_until: date, **kwargs):
    mark = QualityMarkFactory(granted_on=date(2021, 3, 11), valid_until=valid_until, **kwargs)
    admin = admin_of(mark.organisation)
    return mark, admin


@pytest.mark.parametrize(
    ("valid_until", "mailed", "reminded"),
    [
        (date(2025, 9, 11), False, []),  # one day outside six months
        (date(2025, 9, 10), True, [6]),  # exactly six months: the first reminder
        (date(2025, 5, 11), True, [6]),  # still more than two months
        (date(2025, 5, 10), True, [6, 2]),  # exactly two months: only the last reminder
        (date(2025, 3, 10), True, [6, 2]),  # the last valid day
        (date(2025, 3, 9), False, []),  # expired yesterday: nothing to remind
    ],
)
def test_reminder_boundary_days(valid_until, mailed, reminded):
    mark, admin = _mark(valid_until)

    sent = quality_mark_send_reminders(today=TODAY)

    assert sent == (1 if mailed else 0)
    assert [m.to for m in mail.outbox] == ([[admin.email]] if mailed else [])
    mark.refresh_from_db()
    assert mark.reminded_months == reminded


def test_a_rerun_mails_nobody_twice():
    mark, admin = _mark(date(2025, 8, 1))
    quality_mark_send_reminders(today=TODAY)

    sent_again = quality_mark_send_reminders(today=TODAY)
    a_day_later = quality_mark_send_reminders(today=date(2025, 3, 11))

    assert (sent_again, a_day_later) == (0, 0)
    assert len(mail.outbox) == 1


def test_six_months_then_two_months_each_once():
    mark, admin = _mark(date(2025, 8, 1))

    first = quality_mark_send_reminders(today=date(2025, 2, 1))
    between = quality_mark_send_reminders(today=date(2025, 4, 1))
    second = quality_mark_send_reminders(today=date(2025, 6, 1))
    after = quality_mark_send_reminders(today=date(2025, 7, 1))

    assert (first, between, second, after) == (1, 0, 1, 0)
    mark.refresh_from_db()
    assert mark.reminded_months == [6, 2]
    assert "1 augustus 2025" in mail.outbox[0].subject


def test_no_reminders_for_revoked_marks():
    _mark(date(2025, 5, 1), revoked_at=timezone.now())

    assert quality_mark_send_reminders(today=TODAY) == 0


def test_every_admin_gets_a_mail_of_their_own():
    mark, admin = _mark(date(2025, 5, 1))
    other_admin = admin_of(mark.organisation)

    quality_mark_send_reminders(today=TODAY)

    assert sorted(m.to[0] for m in mail.outbox) == sorted([admin.email, other_admin.email])
    assert all(len(m.to) == 1 for m in mail.outbox)
    assert "/zelfevaluatie/" in mail.outbox[0].body


def test_management_command_runs_the_reminders():
    _mark(date(2025, 5, 1))
    out = StringIO()

    call_command("send_keurmerk_reminders", "--today", "2025-03-10", stdout=out)
    call_command("send_keurmerk_reminders", "--today", "2025-03-10", stdout=out)

    assert len(mail.outbox) == 1
    assert "Sent 1" in out.getvalue()
    assert "Sent 0" in out.getvalue()


def test_the_task_uses_today():
    from inzet.qualitymark.tasks import send_keurmerk_reminders

    _mark(timezone.localdate())

    send_keurmerk_reminders.enqueue()

    assert len(mail.outbox) == 1
