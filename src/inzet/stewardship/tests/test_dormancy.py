"""The three stages of inactive-account care, with a fixed "now"."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.audit.models import AuditEvent
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory, OrganisationFactory
from inzet.stewardship.constants import DormancyStage
from inzet.stewardship.models import DormantAccount
from inzet.stewardship.services import dormancy_keep, dormancy_run
from inzet.stewardship.tasks import care_for_dormant_accounts

from .factories import DormantAccountFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 6, 15, 10, 0, tzinfo=AMS)
START_OF_DAY = datetime(2026, 6, 15, 0, 0, tzinfo=AMS)
ASK_CUTOFF = START_OF_DAY - timedelta(days=365)
DEACTIVATE_CUTOFF = START_OF_DAY - timedelta(days=30)
ERASE_CUTOFF = START_OF_DAY - timedelta(days=365)
MINUTE = timedelta(minutes=1)


@pytest.fixture(autouse=True)
def _thresholds(settings):
    settings.INZET_DORMANT_AFTER_DAYS = 365
    settings.INZET_DORMANT_ANSWER_DAYS = 30
    settings.INZET_DORMANT_ERASE_AFTER_DAYS = 365


# --- stage 1: ask


def test_account_not_used_for_just_over_the_period_is_asked_by_mail():
    user = UserFactory(
        name="Fatima Yilmaz", last_login=ASK_CUTOFF - MINUTE, date_joined=ASK_CUTOFF - MINUTE
    )

    report = dormancy_run(now=NOW)

    dormant = DormantAccount.objects.get(user=user)
    assert dormant.stage == DormancyStage.ASKED
    assert dormant.asked_at == NOW
    assert report.asked == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert f"/account/behouden/{dormant.keep_token}/" in mail.outbox[0].body
    assert "Fatima Yilmaz" in mail.outbox[0].body


def test_account_used_just_within_the_period_is_left_alone():
    UserFactory(last_login=ASK_CUTOFF + MINUTE, date_joined=ASK_CUTOFF - timedelta(days=900))

    report = dormancy_run(now=NOW)

    assert report.asked == 0
    assert not DormantAccount.objects.exists()
    assert mail.outbox == []


def test_account_that_never_logged_in_counts_from_registration():
    old = UserFactory(last_login=None, date_joined=ASK_CUTOFF - MINUTE)
    UserFactory(last_login=None, date_joined=ASK_CUTOFF + MINUTE)

    dormancy_run(now=NOW)

    assert list(DormantAccount.objects.values_list("user", flat=True)) == [old.pk]


def test_erased_and_already_inactive_accounts_are_not_asked():
    long_ago = ASK_CUTOFF - timedelta(days=10)
    UserFactory(last_login=long_ago, date_joined=long_ago, erased_at=long_ago, is_active=False)
    UserFactory(last_login=long_ago, date_joined=long_ago, is_active=False)

    dormancy_run(now=NOW)

    assert not DormantAccount.objects.exists()


def test_account_with_an_open_round_is_not_asked_twice():
    dormant = DormantAccountFactory(
        user=UserFactory(last_login=ASK_CUTOFF - timedelta(days=400)),
        asked_at=NOW - timedelta(days=3),
    )

    dormancy_run(now=NOW)

    assert DormantAccount.objects.get() == dormant
    assert mail.outbox == []


def test_account_kept_by_the_link_is_not_asked_again_for_a_year():
    user = UserFactory(last_login=ASK_CUTOFF - timedelta(days=40))
    DormantAccountFactory(
        user=user,
        stage=DormancyStage.KEPT,
        asked_at=NOW - timedelta(days=40),
        kept_at=NOW - timedelta(days=35),
    )

    dormancy_run(now=NOW)

    assert DormantAccount.objects.filter(user=user).count() == 1
    # A year after keeping it without using it, we ask again.
    dormancy_run(now=NOW + timedelta(days=366))
    assert DormantAccount.objects.filter(user=user, stage=DormancyStage.ASKED).count() == 1


def test_asking_is_batched_and_asks_everyone(monkeypatch):
    monkeypatch.setattr("inzet.stewardship.services.BATCH_SIZE", 2)
    long_ago = ASK_CUTOFF - timedelta(days=5)
    UserFactory.create_batch(5, last_login=long_ago, date_joined=long_ago)

    report = dormancy_run(now=NOW)

    assert report.asked == 5
    assert DormantAccount.objects.filter(stage=DormancyStage.ASKED).count() == 5
    assert len(mail.outbox) == 5


# --- stage 2: deactivate, or end the round after a login


def test_question_unanswered_just_over_the_answer_period_deactivates_and_mails():
    user = UserFactory(last_login=ASK_CUTOFF - timedelta(days=40))
    dormant = DormantAccountFactory(user=user, asked_at=DEACTIVATE_CUTOFF - MINUTE)

    report = dormancy_run(now=NOW)

    dormant.refresh_from_db()
    user.refresh_from_db()
    assert report.deactivated == 1
    assert dormant.stage == DormancyStage.DEACTIVATED
    assert dormant.deactivated_at == NOW
    assert user.is_active is False
    assert len(mail.outbox) == 1
    assert f"/account/behouden/{dormant.keep_token}/" in mail.outbox[0].body
    assert AuditEvent.objects.filter(
        action="stewardship.account_deactivated", subject=user
    ).exists()


def test_question_just_within_the_answer_period_stays_open():
    user = UserFactory(last_login=ASK_CUTOFF - timedelta(days=40))
    dormant = DormantAccountFactory(user=user, asked_at=DEACTIVATE_CUTOFF + MINUTE)

    dormancy_run(now=NOW)

    dormant.refresh_from_db()
    user.refresh_from_db()
    assert dormant.stage == DormancyStage.ASKED
    assert user.is_active is True
    assert mail.outbox == []


def test_logging_in_after_the_question_ends_the_round():
    asked_at = DEACTIVATE_CUTOFF - timedelta(days=2)
    user = UserFactory(last_login=asked_at + timedelta(days=1))
    dormant = DormantAccountFactory(user=user, asked_at=asked_at)

    report = dormancy_run(now=NOW)

    dormant.refresh_from_db()
    user.refresh_from_db()
    assert report.kept == 1
    assert dormant.stage == DormancyStage.KEPT
    assert dormant.kept_at == user.last_login
    assert user.is_active is True
    assert mail.outbox == []


# --- stage 3: erase


def test_deactivated_just_over_the_retention_period_is_erased():
    dormant = DormantAccountFactory(
        deactivated=True, user__name="Jan Jansen", asked_at=ERASE_CUTOFF - timedelta(days=31)
    )
    DormantAccount.objects.filter(pk=dormant.pk).update(deactivated_at=ERASE_CUTOFF - MINUTE)

    report = dormancy_run(now=NOW)

    dormant.refresh_from_db()
    dormant.user.refresh_from_db()
    assert report.erased == 1
    assert dormant.stage == DormancyStage.ERASED
    assert dormant.erased_at == NOW
    assert dormant.user.erased_at is not None
    assert dormant.user.name == ""
    assert dormant.user.email.endswith("@inzet.invalid")


def test_deactivated_just_within_the_retention_period_is_kept():
    dormant = DormantAccountFactory(deactivated=True, user__name="Jan Jansen")
    DormantAccount.objects.filter(pk=dormant.pk).update(deactivated_at=ERASE_CUTOFF + MINUTE)

    dormancy_run(now=NOW)

    dormant.refresh_from_db()
    dormant.user.refresh_from_db()
    assert dormant.stage == DormancyStage.DEACTIVATED
    assert dormant.user.erased_at is None
    assert dormant.user.name == "Jan Jansen"


def test_sole_admin_of_an_organisation_with_others_is_skipped_and_recorded():
    organisation = OrganisationFactory(name="Stichting De Brug")
    admin = MembershipFactory(organisation=organisation, role=OrganisationRole.ADMIN).user
    MembershipFactory(organisation=organisation, role=OrganisationRole.MEMBER)
    admin.is_active = False
    admin.save()
    dormant = DormantAccountFactory(user=admin, stage=DormancyStage.DEACTIVATED)
    DormantAccount.objects.filter(pk=dormant.pk).update(deactivated_at=ERASE_CUTOFF - MINUTE)
    other = DormantAccountFactory(deactivated=True)
    DormantAccount.objects.filter(pk=other.pk).update(deactivated_at=ERASE_CUTOFF - MINUTE)

    report = dormancy_run(now=NOW)

    dormant.refresh_from_db()
    admin.refresh_from_db()
    assert dormant.stage == DormancyStage.DEACTIVATED
    assert "Stichting De Brug" in dormant.erase_blocked
    assert admin.erased_at is None
    assert report.erase_refused == [(str(admin.public_id), dormant.erase_blocked)]
    # The refusal does not stop the others.
    assert report.erased == 1
    other.refresh_from_db()
    assert other.stage == DormancyStage.ERASED


# --- the whole run


def test_a_second_run_on_the_same_day_changes_nothing():
    long_ago = ASK_CUTOFF - timedelta(days=5)
    UserFactory.create_batch(2, last_login=long_ago, date_joined=long_ago)
    to_deactivate = DormantAccountFactory(
        user=UserFactory(last_login=long_ago), asked_at=DEACTIVATE_CUTOFF - MINUTE
    )
    to_erase = DormantAccountFactory(deactivated=True)
    DormantAccount.objects.filter(pk=to_erase.pk).update(deactivated_at=ERASE_CUTOFF - MINUTE)
    dormancy_run(now=NOW)
    before = list(DormantAccount.objects.order_by("pk").values())
    sent = len(mail.outbox)

    report = dormancy_run(now=NOW + timedelta(hours=13))

    assert list(DormantAccount.objects.order_by("pk").values()) == before
    assert len(mail.outbox) == sent == 3
    assert (report.asked, report.kept, report.deactivated, report.erased) == (0, 0, 0, 0)
    to_deactivate.refresh_from_db()
    assert to_deactivate.stage == DormancyStage.DEACTIVATED


def test_the_full_life_of_a_round():
    long_ago = ASK_CUTOFF - timedelta(days=5)
    user = UserFactory(last_login=long_ago, date_joined=long_ago)

    dormancy_run(now=NOW)
    dormancy_run(now=NOW + timedelta(days=31))
    dormancy_run(now=NOW + timedelta(days=31 + 366))

    dormant = DormantAccount.objects.get(user=user)
    assert dormant.stage == DormancyStage.ERASED
    user.refresh_from_db()
    assert user.erased_at is not None


def test_management_command_and_task_run_the_care(capsys):
    long_ago = ASK_CUTOFF - timedelta(days=5)
    first = UserFactory(last_login=long_ago, date_joined=long_ago)

    call_command("care_for_dormant_accounts", "--now", "2026-06-15T10:00")

    assert DormantAccount.objects.get(user=first).asked_at == NOW
    assert "asked 1" in capsys.readouterr().out
    second = UserFactory(last_login=None, date_joined=datetime(2020, 1, 1, tzinfo=AMS))
    result = care_for_dormant_accounts.enqueue()
    assert "asked 1" in result.return_value
    assert DormantAccount.objects.filter(user=second, stage=DormancyStage.ASKED).exists()


# --- keeping the account


def test_keep_reactivates_a_deactivated_account():
    dormant = DormantAccountFactory(deactivated=True)

    dormancy_keep(dormant=dormant)

    dormant.refresh_from_db()
    dormant.user.refresh_from_db()
    assert dormant.stage == DormancyStage.KEPT
    assert dormant.kept_at is not None
    assert dormant.user.is_active is True


def test_keep_twice_is_refused():
    dormant = DormantAccountFactory()
    dormancy_keep(dormant=dormant)

    with pytest.raises(Exception) as excinfo:
        dormancy_keep(dormant=dormant)

    assert excinfo.value.code == "used"
